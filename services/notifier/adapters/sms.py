"""Text messages to a resident's mobile phone through an SMS gateway.

Contract of :class:`SmsProvider` (kept by :class:`HttpSmsProvider` and :class:`MemorySmsProvider`):

* ``send`` hands one :class:`SmsMessage` to the gateway and returns the gateway's message id;
* ``message.idempotency_key`` (the notice id) goes with every request; a gateway that receives
  the same key twice delivers once and answers the first message id again, so a retry after a
  timeout or a lost answer never texts a resident twice — *at that gateway*: keys are not shared
  between gateways, which is why failing over after a timeout can still duplicate a text;
* :class:`ProviderUnavailable`: the gateway did not take the message this time (5xx, 429,
  timeout, connection error, an answer we cannot read). Retry later or try another gateway;
* :class:`ProviderRejected`: the gateway refused this message (4xx, e.g. an invalid number or
  bad credentials). Sending it again to the same gateway will not help.

Both errors carry a snake_case machine ``code`` and a ``detail`` free of personal data.
"""

from __future__ import annotations

import re
import uuid
from collections import deque
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

import aiohttp

from services.common.errors import YuzhuError

_MOBILE_RE = re.compile(r"\d{11}")


class SmsError(YuzhuError):
    """A message the gateway did not accept; ``code`` says why, for metrics and receipts."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


class ProviderUnavailable(SmsError):
    """The gateway could not take the message now. Recoverable: retry, or use another gateway."""


class ProviderRejected(SmsError):
    """The gateway refused this message. Do not retry it there; another gateway may accept it."""


@dataclass(frozen=True, slots=True)
class SmsMessage:
    to: str
    """11-digit mainland mobile number, digits only."""
    text: str
    idempotency_key: str
    """The notice id: the same notice is the same key on every retry, so it is texted once."""

    def __post_init__(self) -> None:
        # The number is left out of the errors: they may end up in a log.
        if not _MOBILE_RE.fullmatch(self.to):
            raise ValueError("SmsMessage.to must be an 11-digit mobile number")
        if not self.text:
            raise ValueError("SmsMessage.text must not be empty")
        if not self.idempotency_key:
            raise ValueError("SmsMessage.idempotency_key must not be empty")


class SmsProvider(Protocol):
    name: str

    async def send(self, message: SmsMessage) -> str:
        """Deliver ``message`` once per idempotency key; the gateway's message id."""
        ...


class HttpSmsProvider:
    """A JSON-over-HTTP gateway: ``POST url`` with ``{"to", "text", "client_msg_id"}``, a bearer
    token and an ``Idempotency-Key`` header; a 2xx answer is ``{"message_id": "…"}``.

    One :class:`aiohttp.ClientSession` (a connection pool) is shared by every send, opened by
    :meth:`start` and closed by :meth:`close`.
    """

    def __init__(self, *, name: str, url: str, token: str, timeout: float = 3.0) -> None:
        self.name = name
        self._url = url
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:
        # Never the token.
        return f"HttpSmsProvider(name={self.name!r}, url={self._url!r})"

    async def start(self) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> HttpSmsProvider:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def send(self, message: SmsMessage) -> str:
        if self._session is None:
            raise RuntimeError(f"{self!r}: start() it before sending")
        body = {"to": message.to, "text": message.text, "client_msg_id": message.idempotency_key}
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Idempotency-Key": message.idempotency_key,
        }
        try:
            async with self._session.post(
                self._url, json=body, headers=headers, timeout=self._timeout
            ) as resp:
                if resp.status >= 300:
                    raise _status_error(resp.status)
                payload: Any = await resp.json(content_type=None)
        except TimeoutError as exc:
            # The gateway may still deliver it; a retry with the same key is answered, not resent.
            raise ProviderUnavailable("timeout", f"{self.name}: no answer in time") from exc
        except aiohttp.ClientError as exc:
            raise ProviderUnavailable(
                "connection_failed", f"{self.name}: {type(exc).__name__}"
            ) from exc
        except ValueError as exc:  # a 2xx whose body is not JSON
            raise ProviderUnavailable("bad_response", f"{self.name}: body is not JSON") from exc
        message_id = payload.get("message_id") if isinstance(payload, dict) else None
        if not isinstance(message_id, str) or not message_id:
            # Taken, perhaps, but unconfirmed: retrying with the same key gets the id back.
            raise ProviderUnavailable("bad_response", f"{self.name}: no message_id in the answer")
        return message_id


def _status_error(status: int) -> SmsError:
    # The response body is not quoted: gateways echo the number back in their error messages.
    detail = f"HTTP {status}"
    if status == 429:
        return ProviderUnavailable("rate_limited", detail)
    if status == 408:  # the gateway timed out reading our request: as retryable as our timeout
        return ProviderUnavailable("timeout", detail)
    if status >= 500:
        return ProviderUnavailable("server_error", detail)
    if status in (401, 403):
        return ProviderRejected("unauthorized", detail)
    if 400 <= status < 500:
        return ProviderRejected("invalid_request", detail)
    # 3xx: aiohttp follows redirects, so one left over is a misconfigured URL.
    return ProviderRejected("unexpected_status", detail)


class MemorySmsProvider:
    """In-memory fake for unit tests. ``calls`` is every send, ``delivered`` every message texted
    (once per idempotency key); ``fail_next`` / ``reject_next`` script the next calls to fail."""

    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.calls: list[SmsMessage] = []
        self._ids: dict[str, str] = {}
        self._delivered: list[SmsMessage] = []
        self._script: deque[SmsError] = deque()

    @property
    def delivered(self) -> list[SmsMessage]:
        return list(self._delivered)

    def fail_next(self, n: int, *, code: str = "server_error") -> None:
        """The next ``n`` calls raise :class:`ProviderUnavailable`."""
        self._script.extend(ProviderUnavailable(code, f"{self.name}: scripted") for _ in range(n))

    def reject_next(self, n: int, *, code: str = "invalid_request") -> None:
        """The next ``n`` calls raise :class:`ProviderRejected`."""
        self._script.extend(ProviderRejected(code, f"{self.name}: scripted") for _ in range(n))

    async def send(self, message: SmsMessage) -> str:
        self.calls.append(message)
        if self._script:
            raise self._script.popleft()
        if message.idempotency_key not in self._ids:
            self._ids[message.idempotency_key] = f"{self.name}-{uuid.uuid4().hex[:12]}"
            self._delivered.append(message)
        return self._ids[message.idempotency_key]


__all__ = [
    "HttpSmsProvider",
    "MemorySmsProvider",
    "ProviderRejected",
    "ProviderUnavailable",
    "SmsError",
    "SmsMessage",
    "SmsProvider",
]
