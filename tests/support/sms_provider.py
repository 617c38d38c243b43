"""A real HTTP server standing in for an SMS gateway, on 127.0.0.1 and a port of its own.

It speaks what :class:`~services.notifier.adapters.sms.HttpSmsProvider` expects (``POST /sms``
with a bearer token, an ``Idempotency-Key`` header and ``{"to", "text", "client_msg_id"}``;
``{"message_id": …}`` back) and behaves as a gateway that keeps its word on idempotency: a key it
has delivered is answered with the first message id and not texted again.

Scripted failures are used up in the order they were scripted, one per authorised request::

    async with FakeSmsGateway(token="t") as gw:
        gw.fail_next(2)               # 500, 500, then normal service
        gw.timeout_next(1, seconds=1) # hangs past the client's timeout; not delivered
        provider = HttpSmsProvider(name="gw", url=gw.url, token="t", timeout=0.2)
"""

from __future__ import annotations

import asyncio
import re
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")


@dataclass
class RecordedRequest:
    headers: dict[str, str]
    json: Any
    status: int | None = None
    """What the gateway answered; None while it is working on it, or if the client hung up."""


@dataclass(frozen=True)
class Delivery:
    idempotency_key: str
    message_id: str
    to: str
    text: str


@dataclass(frozen=True)
class _Fail:
    status: int


@dataclass(frozen=True)
class _Hang:
    seconds: float


@dataclass
class FakeSmsGateway:
    token: str = "test-token"
    path: str = "/sms"
    _requests: list[RecordedRequest] = field(default_factory=list)
    _deliveries: dict[str, Delivery] = field(default_factory=dict)
    _script: deque[_Fail | _Hang] = field(default_factory=deque)
    _runner: web.AppRunner | None = None
    _port: int = 0
    _answer_delay: float = 0.0

    # -- scripting ---------------------------------------------------------------------------

    def fail_next(self, n: int, status: int = 500) -> None:
        """The next ``n`` requests are answered ``status`` (a 5xx or 429) and not delivered."""
        self._script.extend(_Fail(status) for _ in range(n))

    def reject_next(self, n: int, status: int = 400) -> None:
        """The next ``n`` requests are refused with ``status`` (a 4xx) and not delivered."""
        self._script.extend(_Fail(status) for _ in range(n))

    def timeout_next(self, n: int, seconds: float) -> None:
        """The next ``n`` requests hang for ``seconds`` (longer than the client waits), then get a
        504 and are not delivered: a gateway that never took the message."""
        self._script.extend(_Hang(seconds) for _ in range(n))

    def answer_slowly(self, seconds: float) -> None:
        """From now on, deliver at once but answer only after ``seconds``: a client that dies
        while waiting has had its message texted without learning so (it will send again,
        with the same key)."""
        self._answer_delay = seconds

    # -- what happened -----------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, in order, including refused and timed-out ones."""
        return list(self._requests)

    @property
    def delivered(self) -> list[Delivery]:
        """Every message texted, once per idempotency key."""
        return list(self._deliveries.values())

    @property
    def url(self) -> str:
        if self._runner is None:
            raise RuntimeError("the gateway is not running")
        return f"http://127.0.0.1:{self._port}{self.path}"

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> FakeSmsGateway:
        app = web.Application()
        app.router.add_post(self.path, self._handle)
        # Cancelled when the client hangs up, as a real server's work would be; and a short
        # shutdown so a hanging request does not hold up the end of a test.
        runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5)
        await runner.setup()
        # Port 0: the OS picks a free one, with no window for another process to take it.
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- the gateway -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        # Recorded on arrival: a request the client gives up on was still received.
        recorded = RecordedRequest(dict(request.headers), body)
        self._requests.append(recorded)
        response = await self._answer(request, body)
        recorded.status = response.status
        return response

    async def _answer(self, request: web.Request, body: Any) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return _error(401, "unauthorized")
        if self._script:
            step = self._script.popleft()
            if isinstance(step, _Hang):
                await asyncio.sleep(step.seconds)
                return _error(504, "gateway_timeout")
            return _error(step.status, "scripted")
        key = request.headers.get("Idempotency-Key", "")
        if not key:
            return _error(400, "idempotency_key_required")
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return _error(400, "invalid_body")
        if not isinstance(body.get("to"), str) or not _MOBILE_RE.fullmatch(body["to"]):
            return _error(400, "invalid_number")
        if key not in self._deliveries:
            message_id = f"gw-{self._port}-{len(self._deliveries) + 1}"
            self._deliveries[key] = Delivery(key, message_id, body["to"], body["text"])
        if self._answer_delay:
            await asyncio.sleep(self._answer_delay)
        return web.json_response({"message_id": self._deliveries[key].message_id})


def _error(status: int, code: str) -> web.Response:
    return web.json_response({"error": {"code": code}}, status=status)


__all__ = ["Delivery", "FakeSmsGateway", "RecordedRequest"]
