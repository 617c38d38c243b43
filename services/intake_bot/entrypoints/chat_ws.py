"""掌上办: the H5 chat page's WebSocket.

Frames are JSON objects. The client opens with ``{"type": "hello", "session": <token or null>}``
and then sends ``{"type": "say", "text": "…"}``, and ``{"type": "ack", "notice_id": "…"}`` once it
has shown a notice. The server answers ``{"type": "welcome", "session", "resumed", "history"}``
once, then ``{"type": "reply", "text", "options", "end"}`` per bot message (``end`` is true on
the last message of an answer, so a client knows the bot is done), ``{"type": "notice",
"notice": {…}}`` when a decision about one of the session's applications arrives (live, or
replayed on reconnect), ``{"type": "error", "code", "text"}`` for a frame it cannot take, and
``{"type": "bye", "reconnect": true}`` before a restart.
"""

from __future__ import annotations

import asyncio
import json
import logging
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from aiohttp import WSMsgType, web
from prometheus_client import Gauge

from services.common.consumer import Backoff
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


RESUBSCRIBE_BACKOFF = Backoff(initial=0.2, maximum=5.0)


class LiveHub:
    """Hands notices, announced once per replica, to the sockets of this replica that follow
    the application they are about — each notice at most once per socket.

    The subscription outlives Redis restarts: when it breaks, it is made again (with backoff),
    and then every socket is sent the unacknowledged notices of its applications that it has
    not been shown, so nothing announced while the subscription was down is missed."""

    def __init__(self, backoff: Backoff = RESUBSCRIBE_BACKOFF) -> None:
        self._followers: dict[str, weakref.WeakSet[web.WebSocketResponse]] = {}
        self._shown: weakref.WeakKeyDictionary[web.WebSocketResponse, set[str]] = (
            weakref.WeakKeyDictionary()
        )
        self._backoff = backoff
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self.resubscribed = 0

    def follow(self, ws: web.WebSocketResponse, application_ids: list[str]) -> list[str]:
        """Deliver notices of these applications to ``ws`` from now on; the ones it did not
        follow before."""
        new = []
        for application_id in application_ids:
            followers = self._followers.setdefault(application_id, weakref.WeakSet())
            if ws not in followers:
                followers.add(ws)
                new.append(application_id)
        return new

    async def show(self, ws: web.WebSocketResponse, notice: dict[str, Any]) -> None:
        """Send ``notice`` on ``ws`` unless it was sent there already."""
        shown = self._shown.setdefault(ws, set())
        notice_id = str(notice.get("notice_id"))
        if notice_id in shown or ws.closed:
            return
        shown.add(notice_id)
        await _send(ws, {"type": "notice", "notice": notice})

    async def deliver(self, notice: dict[str, Any]) -> None:
        for ws in list(self._followers.get(str(notice.get("application_id")), ())):
            try:
                await self.show(ws, notice)
            except (ConnectionError, RuntimeError):
                continue  # that socket is going away; the inbox replays on reconnect

    async def run(
        self, reader: RedisNoticeReader,
        catch_up: Callable[[list[str]], Awaitable[list[dict[str, Any]]]],
    ) -> None:  # fmt: skip
        """Follow the notices for as long as the replica runs."""
        attempt = 0
        first = True

        async def subscribed() -> None:
            nonlocal attempt, first
            attempt = 0
            if first:
                first = False
                return
            self.resubscribed += 1
            log.info("live notices followed again; catching up")
            followed = [a for a, sockets in self._followers.items() if len(sockets)]
            for notice in await catch_up(followed) if followed else []:
                if not notice.get("acknowledged"):
                    await self.deliver(notice)

        while True:
            try:
                async for notice in reader.follow_all(on_subscribed=subscribed):
                    await self.deliver(notice)
            except DependencyUnavailable as exc:
                log.warning("live notices interrupted (%s); following again", exc)
            await asyncio.sleep(self._backoff.delay(attempt))
            attempt += 1


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
    await _answer(ws, hub, chat, opened)
    async for frame in frames:
        if frame.get("type") == "ack" and isinstance(frame.get("notice_id"), str):
            await chat.acknowledge(opened.session_id, frame["notice_id"])
            continue
        if frame.get("type") != "say" or not isinstance(frame.get("text"), str):
            await _send(ws, {"type": "error", "code": "bad_frame", "text": text.BAD_FRAME})
            continue
        answer = await chat.say(opened.session_id, frame["text"], "palm", client=client)
        await _answer(ws, hub, chat, answer)


async def _answer(
    ws: web.WebSocketResponse, hub: LiveHub, chat: ChatService, answer: Answer
) -> None:
    for i, reply in enumerate(answer.replies, start=1):
        await _send(ws, {"type": "reply", "text": reply.text, "options": list(reply.options),
                         "end": i == len(answer.replies)})  # fmt: skip
    new = hub.follow(ws, answer.application_ids) if answer.application_ids else []
    if new:
        # Notices that arrived while the resident was away (replay), or — for an application
        # just handed in — a decision that came before this socket followed it: under load the
        # notice can overtake the answer that carries the reference number. Shown once each.
        for notice in await chat.notices(new):
            if not notice.get("acknowledged"):
                await hub.show(ws, notice)


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
