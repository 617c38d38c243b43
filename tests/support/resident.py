"""A scripted resident on the 掌上办 chat socket, for end-to-end and chaos tests.

She is the 72-year-old of ``devstack/resident.py`` (who answers whatever the bot asks, the way she
would) speaking the socket's JSON frames as the page does: ``hello`` with the token she keeps,
``say``, and an ``ack`` for every notice frame (a notice is shown once, as the page does). What
she was shown is kept, per frame type, so a test can assert on it::

    async with aiohttp.ClientSession() as http:
        her = SocketResident(http, suite.intake.url, differently=((r"身份证号码", an_id),))
        await her.connect()
        reference = await her.apply()
        notice = await her.wait_for_notice(timeout=60)

An answer is read up to the reply frame marked ``"end": true`` (or an error frame), so there is
no guessing with quiet periods. A socket the server closed (after a ``busy`` error, or a restart)
is reopened with :meth:`connect`, with the same token, as the page would.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from devstack import resident
from services.intake_bot.domain import messages

Frame = dict[str, Any]


class SocketClosed(Exception):
    """The server closed the chat socket (the page would reconnect)."""


def is_confirmation(asked: str) -> bool:
    """Whether ``asked`` is the bot's "please check" summary, which she confirms."""
    return resident.answer(asked) == "对的"


@dataclass
class SocketResident:
    http: aiohttp.ClientSession
    url: str  # the intake bot, http://host:port
    # Her own answers, checked first: match the question only (the summary quotes every answer,
    # so r"身份证" would also match it, and she would answer the summary with her ID number).
    differently: tuple[tuple[str, str], ...] = ()
    acknowledge: bool = True  # ack each notice shown, as the page does
    timeout: float = 30.0  # for one answer of the bot
    session: str | None = None  # the token the page keeps
    asked: str = ""  # the bot's last message
    said: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)  # every reply's text, in order
    errors: list[Frame] = field(default_factory=list)
    notices: list[Frame] = field(default_factory=list)  # every notice shown, once each
    shown_at: list[float] = field(default_factory=list)  # when each was shown (time.time())
    notice_frames: int = 0  # notice frames received, replays of a notice shown before included
    answered_in: list[tuple[str, float]] = field(default_factory=list)  # (said, seconds)
    welcomes: list[Frame] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    _ws: aiohttp.ClientWebSocketResponse | None = None
    # Frames as they arrive, read all the time as a browser does (which also answers the
    # server's heartbeat pings); None once the socket closed.
    _inbox: asyncio.Queue[Frame | None] = field(default_factory=asyncio.Queue)
    _reader: asyncio.Task[None] | None = None
    _fresh: bool = False  # a new conversation that she has not said anything in yet

    @property
    def reference(self) -> str | None:
        return self.references[-1] if self.references else None

    @property
    def connected(self) -> bool:
        return self._ws is not None and not self._ws.closed

    async def connect(self) -> list[Frame]:
        """Open the socket and say hello with her token; the welcome (or error) frame, then the
        replies that came with it (the greeting of a new session)."""
        await self.close()
        ws_url = "ws" + self.url.removeprefix("http") + "/ws"
        self._ws = await self.http.ws_connect(ws_url)
        self._inbox = asyncio.Queue()
        self._reader = asyncio.create_task(self._read(self._ws, self._inbox))
        await self._ws.send_json({"type": "hello", "session": self.session})
        first = await self._receive(lambda f: f["type"] in {"welcome", "error"})
        if first["type"] == "error":
            return [first]
        self.welcomes.append(first)
        self.session = str(first["session"])
        if first["resumed"]:
            bot = [t["text"] for t in first["history"] if t["from"] == "bot"]
            self.asked = bot[-1] if bot else self.asked
            self._fresh = False
            return [first]
        self._fresh = True
        return [first, *await self._answer()]

    async def say(self, text: str) -> list[Frame]:
        """Send ``text``; the bot's answer: its reply frames up to the last, or an error frame."""
        if self._ws is None or self._ws.closed:
            raise SocketClosed("not connected")
        self.said.append(text)
        self._fresh = False
        started = time.monotonic()
        await self._ws.send_json({"type": "say", "text": text})
        frames = await self._answer()
        self.answered_in.append((text, time.monotonic() - started))
        return frames

    async def apply(
        self,
        *,
        think: float = 0.0,
        before_confirming: Callable[[], Awaitable[None]] | None = None,
        turns: int = 25,
    ) -> str:
        """Answer until the bot gives a reference number, from wherever the dialog is; return
        it. ``think`` seconds pass before each message; ``before_confirming`` is awaited before
        she confirms the summary (to hold her at that step)."""
        start = len(self.references)
        for _ in range(turns):
            if len(self.references) > start:
                return self.references[-1]
            if self._fresh:
                said = resident.OPENING  # she says a lot at once
            else:
                answer = resident.answer(self.asked, differently=self.differently)
                if answer is None:
                    raise AssertionError(f"she does not know how to answer: {self.asked!r}")
                said = answer
                if before_confirming is not None and is_confirmation(self.asked):
                    await before_confirming()
            if think:
                await asyncio.sleep(think)
            frames = await self.say(said)
            errors = [f for f in frames if f["type"] == "error"]
            if errors:
                raise AssertionError(f"the bot answered {said!r} with {errors}")
        if len(self.references) > start:
            return self.references[-1]
        raise AssertionError(f"no reference number after {turns} answers; last: {self.asked!r}")

    async def answer_questions(self, count: int, *, think: float = 0.0) -> None:
        """Answer ``count`` of the bot's questions (the opening counts as one), then stop."""
        for _ in range(count):
            said = (
                resident.OPENING
                if self._fresh
                else resident.answer(self.asked, differently=self.differently)
            )
            if said is None or is_confirmation(self.asked):
                raise AssertionError(f"no question left to answer before the summary: {said}")
            if think:
                await asyncio.sleep(think)
            await self.say(said)

    def next_answer(self) -> str:
        """What she would say next."""
        if self._fresh:
            return resident.OPENING
        answer = resident.answer(self.asked, differently=self.differently)
        if answer is None:
            raise AssertionError(f"she does not know how to answer: {self.asked!r}")
        return answer

    async def wait_for_notice(self, timeout: float = 60.0) -> Frame:
        """The first notice shown on this socket (waiting for one when none came yet)."""
        if self.notices:
            return self.notices[0]
        await self._receive(lambda f: f["type"] == "notice", timeout=timeout)
        return self.notices[0]

    async def listen(self, seconds: float) -> list[Frame]:
        """Every frame that arrives within ``seconds`` (notices are shown and acked)."""
        got: list[Frame] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                got.append(await self._receive(lambda f: True, timeout=left))
            except TimeoutError:
                break
            except SocketClosed:
                break
        return got

    async def inbox(self) -> tuple[int, list[Frame]]:
        """``GET /api/v1/inbox`` with her token: the status and the notices."""
        headers = {"Authorization": f"Bearer {self.session}"}
        async with self.http.get(f"{self.url}/api/v1/inbox", headers=headers) as resp:
            body = await resp.json()
            return resp.status, list(body.get("notices", []))

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
        if self._reader is not None:
            await self._reader
            self._reader = None

    # -- frames ------------------------------------------------------------------------------

    async def _answer(self) -> list[Frame]:
        frames: list[Frame] = []
        while True:
            frame = await self._receive(lambda f: f["type"] in {"reply", "error"})
            frames.append(frame)
            if frame["type"] == "error" or frame.get("end"):
                return frames

    async def _receive(
        self, wanted: Callable[[Frame], bool], timeout: float | None = None
    ) -> Frame:
        """The next frame ``wanted`` (the others were taken in on arrival: a notice shown and
        acknowledged, a reply remembered)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no frame within the time; last asked: {self.asked!r}")
            try:
                frame = await asyncio.wait_for(self._inbox.get(), left)
            except TimeoutError:
                raise TimeoutError(
                    f"no frame within the time; last asked: {self.asked!r}"
                ) from None
            if frame is None:
                self._inbox.put_nowait(None)  # closed, for whoever reads next, too
                raise SocketClosed("the server closed the socket")
            if wanted(frame):
                return frame

    async def _read(
        self, ws: aiohttp.ClientWebSocketResponse, inbox: asyncio.Queue[Frame | None]
    ) -> None:
        try:
            async for message in ws:  # answers pings; ends when the socket closes
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break
                frame: Frame = message.json()
                await self._take(ws, frame)
                inbox.put_nowait(frame)
        finally:
            inbox.put_nowait(None)

    async def _take(self, ws: aiohttp.ClientWebSocketResponse, frame: Frame) -> None:
        kind = frame.get("type")
        if kind == "reply":
            text = str(frame["text"])
            self.replies.append(text)
            self.asked = text
            self.references.extend(resident.REFERENCE.findall(text))
            if text == messages.SESSION_LOST:
                self._fresh = True  # told to start again: she does, saying a lot at once
        elif kind == "error":
            self.errors.append(frame)
        elif kind == "notice":
            # As the page: every notice frame is acknowledged, a notice is shown once (a replay
            # of one whose acknowledgement did not get through is not shown again).
            self.notice_frames += 1
            if frame["notice"]["notice_id"] not in {n["notice_id"] for n in self.notices}:
                self.notices.append(frame["notice"])
                self.shown_at.append(time.time())
            if self.acknowledge and not ws.closed:
                with contextlib.suppress(ConnectionError):  # closing: the page would not ack
                    await ws.send_json({"type": "ack", "notice_id": frame["notice"]["notice_id"]})
