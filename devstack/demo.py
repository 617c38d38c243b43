"""``make demo``: a scripted resident chats with the running stack over the 掌上办 socket, as
the page would; prints what she types and what she sees, up to the decision pushed back."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import aiohttp

from devstack import resident
from devstack.stack import SERVICES

INTAKE = f"127.0.0.1:{SERVICES[0].port}"
_NOTICES: list[dict[str, Any]] = []  # the decisions pushed so far


async def converse() -> int:
    async with aiohttp.ClientSession() as http:
        try:
            ws = await http.ws_connect(f"ws://{INTAKE}/ws")
        except aiohttp.ClientConnectionError:
            print("The stack is not running: start it with `make up`.", file=sys.stderr)
            return 1
        async with ws:
            await ws.send_json({"type": "hello", "session": None})
            said = resident.OPENING
            last = ""
            for _ in range(25):
                for frame in await _frames(ws):
                    last = _show(frame) or last
                if resident.REFERENCE.search(last) or "工作日" in last:
                    break
                print(f"\n居民：{said}")
                await ws.send_json({"type": "say", "text": said})
                frames = await _frames(ws)
                for frame in frames:
                    last = _show(frame) or last
                if any(resident.REFERENCE.search(f.get("text", "")) for f in frames):
                    break
                next_answer = resident.answer(last)
                if next_answer is None:
                    print("（演示脚本不知道怎么回答这一句，停在这里。）")
                    return 1
                said = next_answer
            if _NOTICES:
                return 0
            print("\n（等待审核结果推送……）")
            while True:
                try:
                    frame = await ws.receive_json(timeout=30)
                except TimeoutError:
                    print("  no decision within 30 s: see `make status` and var/log/")
                    return 1
                if frame.get("type") == "notice":
                    _show(frame)
                    return 0


async def _frames(ws: aiohttp.ClientWebSocketResponse) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    while True:
        try:
            got.append(await ws.receive_json(timeout=0.5 if got else 10))
        except TimeoutError:
            return got


def _show(frame: dict[str, Any]) -> str | None:
    if frame.get("type") == "reply":
        print(f"渝助：{frame['text']}".replace("\n", "\n      "))
        if frame.get("options"):
            print(f"      [{' | '.join(frame['options'])}]")
        return str(frame["text"])
    if frame.get("type") == "notice":
        notice = frame["notice"]
        _NOTICES.append(notice)
        print(f"\n【{notice['title']}】")
        for line in notice["lines"]:
            print(f"  {line}")
    return None


if __name__ == "__main__":
    sys.exit(asyncio.run(converse()))
