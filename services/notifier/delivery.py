"""Texting a notice to a resident through several SMS gateways, primary first.

Policy of :meth:`SmsDelivery.deliver`, for one message:

* each delivery starts at the primary (the list is an order of preference, not a rotation
  shared between messages);
* :class:`ProviderUnavailable`: fail over to the next gateway, round-robin; once every gateway
  still in play has been tried in this round, back off (exponential, full jitter) before the next
  round, so a gateway that is down for everyone is not hammered by every notice at once;
* :class:`ProviderRejected`: that gateway is out for this message (retrying it cannot help), the
  others are still tried; when every gateway has rejected it the outcome is ``rejected`` at once;
* after ``max_attempts`` sends in all, the outcome is ``all_providers_failed``.

The same :class:`SmsMessage`, with the same idempotency key, goes to every attempt, so a gateway
that took a message whose answer was lost texts it only once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from prometheus_client import Counter

from services.common.consumer import Backoff
from services.common.masking import mask_text
from services.notifier.adapters.sms import (
    ProviderRejected,
    ProviderUnavailable,
    SmsMessage,
    SmsProvider,
)

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

ATTEMPTS = Counter(
    "yuzhu_notifier_sms_attempts_total",
    "SMS sends, by gateway and result (sent, unavailable, rejected)",
    ["provider", "result"],
)

# A notice is not urgent to the second, and a gateway outage lasts minutes: start gently, wait
# at most 30 s between rounds.
DEFAULT_BACKOFF = Backoff(initial=0.5, maximum=30.0)


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    status: Literal["sent", "failed"]
    provider: str | None
    """The gateway that took the message; None when none did."""
    attempts: int
    provider_message_id: str | None = None
    reason: str | None = None
    """On failure: ``rejected`` or ``all_providers_failed``."""


class SmsDelivery:
    def __init__(
        self,
        providers: Sequence[SmsProvider],
        *,
        max_attempts: int = 5,
        backoff: Backoff = DEFAULT_BACKOFF,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if not providers:
            raise ValueError("SmsDelivery needs at least one provider")
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self._providers = tuple(providers)
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._sleep = sleep

    async def deliver(self, message: SmsMessage) -> DeliveryOutcome:
        in_play = list(self._providers)  # gateways that have not rejected this message
        tried_this_round: set[int] = set()
        index = 0  # into in_play
        rounds = 0
        attempts = 0
        while True:
            provider = in_play[index]
            if id(provider) in tried_this_round:
                # Everyone still in play has failed since the last pause: wait before going again.
                await self._sleep(self._backoff.delay(rounds))
                rounds += 1
                tried_this_round.clear()
            tried_this_round.add(id(provider))
            attempts += 1
            try:
                message_id = await provider.send(message)
            except ProviderUnavailable as exc:
                ATTEMPTS.labels(provider.name, "unavailable").inc()
                self._log_failure(message, provider, attempts, exc.code)
                index = (index + 1) % len(in_play)
            except ProviderRejected as exc:
                ATTEMPTS.labels(provider.name, "rejected").inc()
                self._log_failure(message, provider, attempts, exc.code)
                del in_play[index]
                if not in_play:
                    return self._failed(message, attempts, "rejected")
                index %= len(in_play)  # the next one has moved into the removed one's place
            else:
                ATTEMPTS.labels(provider.name, "sent").inc()
                return DeliveryOutcome("sent", provider.name, attempts, message_id)
            if attempts >= self._max_attempts:
                return self._failed(message, attempts, "all_providers_failed")

    def _log_failure(
        self, message: SmsMessage, provider: SmsProvider, attempt: int, code: str
    ) -> None:
        log.warning(
            "sms %s to %s: attempt %d/%d via %s failed: %s",
            message.idempotency_key, mask_text(message.to), attempt, self._max_attempts,
            provider.name, code,
        )  # fmt: skip

    def _failed(self, message: SmsMessage, attempts: int, reason: str) -> DeliveryOutcome:
        log.error(
            "sms %s to %s: not delivered after %d attempts: %s",
            message.idempotency_key, mask_text(message.to), attempts, reason,
        )  # fmt: skip
        return DeliveryOutcome("failed", None, attempts, reason=reason)


__all__ = ["ATTEMPTS", "DEFAULT_BACKOFF", "DeliveryOutcome", "Sleep", "SmsDelivery"]
