"""The chat benchmark's baseline: a bare aiohttp WebSocket server that answers every text frame
with the same frame at once. ``YUZHU_ECHO_HTTP_PORT=… python -m bench.echo`` (it has /readyz,
like a service, so the benchmark starts it the same way)."""

from __future__ import annotations

import os

from aiohttp import WSMsgType, web


async def socket(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    async for msg in ws:
        if msg.type is WSMsgType.TEXT:
            await ws.send_str(msg.data)
    return ws


async def ready(_: web.Request) -> web.Response:
    return web.Response(text="ok")


def main() -> None:
    app = web.Application()
    app.router.add_get("/ws", socket)
    app.router.add_get("/readyz", ready)
    port = int(os.environ["YUZHU_ECHO_HTTP_PORT"])
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
