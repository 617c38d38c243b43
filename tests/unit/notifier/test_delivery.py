from __future__ import annotations

import logging

import pytest
from prometheus_client import REGISTRY

from services.common.consumer import Backoff
from services.notifier.adapters.sms import MemorySmsProvider, SmsMessage
from services.notifier.delivery import SmsDelivery

PHONE = "13908381234"


class FakeSleep:
    """Records the delays asked for instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def message(key: str = "notice-1") -> SmsMessage:
    return SmsMessage(to=PHONE, text="【渝助】您的低保申请已审核通过。", idempotency_key=key)


def delivery(*providers: MemorySmsProvider, sleep: FakeSleep, max_attempts: int = 5) -> SmsDelivery:
    return SmsDelivery(list(providers), sleep=sleep, max_attempts=max_attempts)


async def test_a_message_is_sent_by_the_primary_on_the_first_try() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()

    outcome = await delivery(primary, secondary, sleep=sleep).deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "a", 1)
    assert outcome.provider_message_id is not None
    assert outcome.provider_message_id.startswith("a-")
    assert outcome.reason is None
    assert len(primary.delivered) == 1
    assert secondary.calls == []
    assert sleep.delays == []


async def test_a_lone_provider_that_is_briefly_unavailable_is_retried_until_it_sends() -> None:
    provider, sleep = MemorySmsProvider("a"), FakeSleep()
    provider.fail_next(2)

    outcome = await delivery(provider, sleep=sleep).deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "a", 3)
    assert len(provider.calls) == 3
    assert len(provider.delivered) == 1
    assert len(sleep.delays) == 2  # one pause between each round of one provider


async def test_a_down_primary_fails_over_to_the_secondary_without_waiting() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.fail_next(100)

    outcome = await delivery(primary, secondary, sleep=sleep).deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "b", 2)
    assert primary.delivered == []
    assert len(secondary.delivered) == 1
    assert sleep.delays == []  # the round was not over: the secondary is tried at once


async def test_failover_goes_round_robin_and_pauses_only_between_full_rounds() -> None:
    a, b, c, sleep = (
        MemorySmsProvider("a"),
        MemorySmsProvider("b"),
        MemorySmsProvider("c"),
        FakeSleep(),
    )
    a.fail_next(2)
    b.fail_next(1)
    c.fail_next(1)

    outcome = await delivery(a, b, c, sleep=sleep).deliver(message())

    # a, b, c fail; pause; a fails again; b sends.
    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "b", 5)
    assert [len(p.calls) for p in (a, b, c)] == [2, 2, 1]
    assert len(sleep.delays) == 1


async def test_a_message_rejected_by_every_provider_fails_as_rejected_after_one_try_each() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.reject_next(10, code="invalid_number")
    secondary.reject_next(10, code="invalid_number")

    outcome = await delivery(primary, secondary, sleep=sleep).deliver(message())

    assert (outcome.status, outcome.reason, outcome.attempts) == ("failed", "rejected", 2)
    assert outcome.provider is None
    assert outcome.provider_message_id is None
    assert (len(primary.calls), len(secondary.calls)) == (1, 1)
    assert sleep.delays == []


async def test_a_rejection_by_one_provider_is_taken_as_that_providers_and_another_sends() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.reject_next(10, code="unauthorized")
    secondary.fail_next(1)

    outcome = await delivery(primary, secondary, sleep=sleep).deliver(message())

    # a rejects (out for good), b is unavailable, pause, b sends: a is not asked again.
    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "b", 3)
    assert len(primary.calls) == 1
    assert len(sleep.delays) == 1


async def test_delivery_gives_up_after_max_attempts_as_all_providers_failed() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.fail_next(100)
    secondary.fail_next(100)

    outcome = await delivery(primary, secondary, sleep=sleep, max_attempts=5).deliver(message())

    assert (outcome.status, outcome.reason, outcome.attempts) == (
        "failed",
        "all_providers_failed",
        5,
    )
    assert outcome.provider is None
    assert (len(primary.calls), len(secondary.calls)) == (3, 2)
    assert len(sleep.delays) == 2  # between rounds only; not after the last attempt


async def test_backoff_bounds_grow_exponentially_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Full jitter draws from [0, bound]; always drawing the top shows the bounds themselves.
    monkeypatch.setattr("services.common.consumer.random.uniform", lambda low, high: high)
    provider, sleep = MemorySmsProvider("a"), FakeSleep()
    provider.fail_next(100)
    sms = SmsDelivery([provider], max_attempts=9, backoff=Backoff(0.5, 10.0), sleep=sleep)

    await sms.deliver(message())

    assert sleep.delays == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]


async def test_backoff_delays_are_jittered_and_never_exceed_their_bound() -> None:
    provider, sleep = MemorySmsProvider("a"), FakeSleep()
    sms = SmsDelivery([provider], max_attempts=9, backoff=Backoff(0.5, 10.0), sleep=sleep)
    for n in range(20):
        provider.fail_next(9)
        await sms.deliver(message(f"notice-{n}"))

    rounds = [sleep.delays[i::8] for i in range(8)]
    for round_no, delays in enumerate(rounds):
        bound = min(10.0, 0.5 * 2**round_no)
        assert all(0 <= d <= bound for d in delays)
        assert len(set(delays)) > 1  # jitter: not the same pause for every message
    assert max(rounds[-1]) > max(rounds[0])  # later rounds wait longer


async def test_the_idempotency_key_reaches_every_provider_unchanged() -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.fail_next(1)
    secondary.fail_next(1)
    sms = message("notice-7f3a")

    await delivery(primary, secondary, sleep=sleep).deliver(sms)

    sent = [*primary.calls, *secondary.calls]
    assert len(sent) == 3
    assert {m.idempotency_key for m in sent} == {"notice-7f3a"}
    assert all(m == sms for m in sent)


async def test_delivering_the_same_notice_again_texts_the_resident_once() -> None:
    provider, sleep = MemorySmsProvider("a"), FakeSleep()
    sms = delivery(provider, sleep=sleep)

    first = await sms.deliver(message())
    again = await sms.deliver(message())

    assert first.provider_message_id == again.provider_message_id
    assert len(provider.delivered) == 1


async def test_failed_attempts_are_logged_with_provider_and_attempt_but_no_clear_phone(
    caplog: pytest.LogCaptureFixture,
) -> None:
    primary, secondary, sleep = MemorySmsProvider("a"), MemorySmsProvider("b"), FakeSleep()
    primary.fail_next(1, code="server_error")

    with caplog.at_level(logging.WARNING, logger="services.notifier.delivery"):
        await delivery(primary, secondary, sleep=sleep).deliver(message())

    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert "attempt 1/5 via a failed: server_error" in record.getMessage()
    assert "139****1234" in record.getMessage()
    assert PHONE not in caplog.text


async def test_attempts_are_counted_by_provider_and_result() -> None:
    primary, secondary, sleep = MemorySmsProvider("m-a"), MemorySmsProvider("m-b"), FakeSleep()
    primary.fail_next(1)

    def count(provider: str, result: str) -> float:
        labels = {"provider": provider, "result": result}
        return REGISTRY.get_sample_value("yuzhu_notifier_sms_attempts_total", labels) or 0.0

    before = count("m-a", "unavailable"), count("m-b", "sent")
    await delivery(primary, secondary, sleep=sleep).deliver(message())

    assert (count("m-a", "unavailable"), count("m-b", "sent")) == (before[0] + 1, before[1] + 1)


def test_a_message_to_something_other_than_an_11_digit_number_is_refused_without_echoing_it() -> (
    None
):
    with pytest.raises(ValueError, match="11-digit") as err:
        SmsMessage(to="1390838123", text="hi", idempotency_key="k")
    assert "1390838123" not in str(err.value)
