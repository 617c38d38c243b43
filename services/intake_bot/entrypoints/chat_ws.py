"""掌上办: the H5 chat page's WebSocket.

Frames are JSON objects. The client opens with ``{"type": "hello", "session": <token or null>}``
and then sends ``{"type": "say", "text": "…"}``, and ``{"type": "ack", "notice_id": "…"}`` once it
has shown a notice. The server answers ``{"type": "welcome",
"session", "resumed", "history"}`` once, then ``{"type": "reply", "text", "options"}`` per bot
message, ``{"type": "notice", "notice": {…}}`` when a decision about one of the session's
applications arrives (live, or replayed on reconnect), ``{"type": "error", "code", "text"}``
for a frame it cannot take, and ``{"type": "bye", "reconnect": true}`` before a restart.
"""

from __future__ import annotations

import asyncio
import json
import logging
import weakref
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import WSMsgType, web
from prometheus_client import Gauge

from services.common.errors import DependencyUnavailable
from services.intake_bot.adapters.notices import RedisNoticeReader
from services.intake_bot.adapters.ratelimit import RateLimiter
from services.intake_bot.chat import Answer, ChatService
from services.intake_bot.domain import messages as text

log = logging.getLogger(__name__)

CHAT = web.AppKey("chat", ChatService)
LIMITER = web.AppKey("limiter", RateLimiter)

CONNECTIONS = Gauge("yuzhu_intake_chat_connections", "Open chat sockets on this replica")
# A frame is a short message plus JSON framing; anything larger is refused by aiohttp.
MAX_FRAME_BYTES = 16 * 1024
HELLO_TIMEOUT = 10.0
CONNECTS_PER_MINUTE = web.AppKey("connects_per_minute", int)  # per client address


class LiveHub:
    """Hands notices, announced once per replica, to the sockets of this replica that follow
    the application they are about."""

    def __init__(self) -> None:
        self._followers: dict[str, weakref.WeakSet[web.WebSocketResponse]] = {}
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()

    def follow(self, ws: web.WebSocketResponse, application_ids: list[str]) -> None:
        for application_id in application_ids:
            self._followers.setdefault(application_id, weakref.WeakSet()).add(ws)

    async def deliver(self, notice: dict[str, Any]) -> None:
        for ws in list(self._followers.get(str(notice.get("application_id")), ())):
            if not ws.closed:
                await ws.send_json({"type": "notice", "notice": notice})

    async def run(self, reader: RedisNoticeReader) -> None:
        async for notice in reader.follow_all():
            try:
                await self.deliver(notice)
            except (ConnectionError, RuntimeError):
                continue  # that socket is going away; the inbox replays on reconnect


HUB = web.AppKey("hub", LiveHub)


def add_chat_routes(app: web.Application) -> None:
    app.router.add_get("/ws", chat_socket)


async def chat_socket(request: web.Request) -> web.StreamResponse:
    limiter = request.app[LIMITER]
    client = request.remote or "unknown"
    if not await limiter.allow(f"ip:{client}", request.app[CONNECTS_PER_MINUTE], 60):
        raise web.HTTPTooManyRequests(text=text.TOO_FAST)
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=MAX_FRAME_BYTES)
    await ws.prepare(request)
    hub = request.app[HUB]
    hub.sockets.add(ws)
    CONNECTIONS.inc()
    try:
        await _converse(request.app[CHAT], hub, ws, client)
    except DependencyUnavailable:
        await _send(ws, {"type": "error", "code": "busy", "text": text.BUSY})
    finally:
        CONNECTIONS.dec()
    return ws


async def _converse(
    chat: ChatService, hub: LiveHub, ws: web.WebSocketResponse, client: str
) -> None:
    frames = _frames(ws)
    try:
        first = await asyncio.wait_for(anext(frames), HELLO_TIMEOUT)
    except (TimeoutError, StopAsyncIteration):
        await ws.close()
        return
    if first.get("type") != "hello":
        await _send(ws, {"type": "error", "code": "hello_expected", "text": text.BAD_FRAME})
        await ws.close()
        return
    token = first.get("session")
    opened = await chat.open(token if isinstance(token, str) else None, "palm")
    await _send(ws, {"type": "welcome", "session": opened.session_id, "resumed": opened.resumed,
                     "history": opened.history})  # fmt: skip
    await _answer(ws, hub, chat, opened, replay=True)
    async for frame in frames:
        if frame.get("type") == "ack" and isinstance(frame.get("notice_id"), str):
            await chat.acknowledge(opened.session_id, frame["notice_id"])
            continue
        if frame.get("type") != "say" or not isinstance(frame.get("text"), str):
            await _send(ws, {"type": "error", "code": "bad_frame", "text": text.BAD_FRAME})
            continue
        answer = await chat.say(opened.session_id, frame["text"], "palm", client=client)
        await _answer(ws, hub, chat, answer, replay=False)


async def _answer(
    ws: web.WebSocketResponse, hub: LiveHub, chat: ChatService, answer: Answer, *, replay: bool
) -> None:
    for reply in answer.replies:
        await _send(ws, {"type": "reply", "text": reply.text, "options": list(reply.options)})
    if answer.application_ids:
        hub.follow(ws, answer.application_ids)
    if replay and answer.application_ids:
        # Notices that arrived while the resident was away and were not acknowledged yet.
        for notice in await chat.notices(answer.application_ids):
            if not notice.get("acknowledged"):
                await _send(ws, {"type": "notice", "notice": notice})


async def _frames(ws: web.WebSocketResponse) -> AsyncIterator[dict[str, Any]]:
    async for msg in ws:
        if msg.type is WSMsgType.TEXT:
            try:
                frame = json.loads(msg.data)
            except json.JSONDecodeError:
                frame = None
            if isinstance(frame, dict):
                yield frame
            else:
                await _send(ws, {"type": "error", "code": "bad_frame", "text": text.BAD_FRAME})
        elif msg.type is WSMsgType.ERROR:
            log.info("chat socket closed with %s", ws.exception())
            return


async def _send(ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
    if not ws.closed:
        await ws.send_json(frame, dumps=lambda o: json.dumps(o, ensure_ascii=False))


async def close_all(hub: LiveHub) -> None:
    """On shutdown: tell every page to reconnect (to another replica) in a moment."""
    for ws in list(hub.sockets):
        await _send(ws, {"type": "bye", "reconnect": True, "text": text.SHUTTING_DOWN})
        await ws.close(code=1012, message=b"restarting")
