"""SmsDelivery and HttpSmsProvider against real HTTP servers on this machine standing in for two
SMS gateways. No Kafka or Redis: these run without the devstack."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from services.common.consumer import Backoff
from services.notifier.adapters.sms import HttpSmsProvider, ProviderRejected, SmsMessage
from services.notifier.delivery import SmsDelivery
from tests.support.sms_provider import FakeSmsGateway

pytestmark = pytest.mark.integration

TOKEN = "test-token"
CLIENT_TIMEOUT = 0.3
FAST = Backoff(initial=0.01, maximum=0.05)


PHONE = "13908381234"
TEXT = "【渝助】您的低保申请已审核通过。"


def message(key: str = "notice-1") -> SmsMessage:
    return SmsMessage(to=PHONE, text=TEXT, idempotency_key=key)


@pytest.fixture
async def primary() -> AsyncIterator[FakeSmsGateway]:
    async with FakeSmsGateway(token=TOKEN) as gateway:
        yield gateway


@pytest.fixture
async def secondary() -> AsyncIterator[FakeSmsGateway]:
    async with FakeSmsGateway(token=TOKEN) as gateway:
        yield gateway


@pytest.fixture
async def clients(
    primary: FakeSmsGateway, secondary: FakeSmsGateway
) -> AsyncIterator[tuple[HttpSmsProvider, HttpSmsProvider]]:
    a = HttpSmsProvider(name="primary", url=primary.url, token=TOKEN, timeout=CLIENT_TIMEOUT)
    b = HttpSmsProvider(name="secondary", url=secondary.url, token=TOKEN, timeout=CLIENT_TIMEOUT)
    async with a, b:
        yield a, b


async def test_a_primary_answering_500_twice_then_200_sends_via_the_primary_on_attempt_three(
    primary: FakeSmsGateway, clients: tuple[HttpSmsProvider, HttpSmsProvider]
) -> None:
    primary.fail_next(2, status=500)
    # The primary alone: with a secondary in the list, the first 500 would fail over to it.
    sms = SmsDelivery([clients[0]], backoff=FAST)

    outcome = await sms.deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "primary", 3)
    assert [r.status for r in primary.requests] == [500, 500, 200]
    (delivered,) = primary.delivered
    assert outcome.provider_message_id == delivered.message_id


async def test_a_primary_timing_out_fails_over_to_the_secondary_which_delivers_once(
    primary: FakeSmsGateway,
    secondary: FakeSmsGateway,
    clients: tuple[HttpSmsProvider, HttpSmsProvider],
) -> None:
    primary.timeout_next(1, seconds=CLIENT_TIMEOUT * 5)
    sms = SmsDelivery(list(clients), backoff=FAST)

    outcome = await sms.deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "secondary", 2)
    assert len(primary.requests) == 1  # received, but never answered in time
    assert primary.delivered == []
    (delivered,) = secondary.delivered
    assert delivered.idempotency_key == "notice-1"
    assert outcome.provider_message_id == delivered.message_id


async def test_both_gateways_failing_gives_up_after_max_attempts_with_every_request_recorded(
    primary: FakeSmsGateway,
    secondary: FakeSmsGateway,
    clients: tuple[HttpSmsProvider, HttpSmsProvider],
) -> None:
    primary.fail_next(10, status=503)
    secondary.fail_next(10, status=429)
    sms = SmsDelivery(list(clients), max_attempts=5, backoff=FAST)

    outcome = await sms.deliver(message())

    assert (outcome.status, outcome.reason, outcome.attempts) == (
        "failed",
        "all_providers_failed",
        5,
    )
    assert [r.status for r in primary.requests] == [503, 503, 503]
    assert [r.status for r in secondary.requests] == [429, 429]
    for request in [*primary.requests, *secondary.requests]:
        assert request.headers["Idempotency-Key"] == "notice-1"
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert request.json == {"to": PHONE, "text": TEXT, "client_msg_id": "notice-1"}
    assert primary.delivered == secondary.delivered == []


async def test_sending_again_with_the_same_idempotency_key_after_a_success_is_delivered_once(
    primary: FakeSmsGateway, clients: tuple[HttpSmsProvider, HttpSmsProvider]
) -> None:
    sms = SmsDelivery([clients[0]], backoff=FAST)

    first = await sms.deliver(message())
    again = await sms.deliver(message())  # e.g. the answer to the first was lost

    assert first.status == again.status == "sent"
    assert first.provider_message_id == again.provider_message_id
    assert len(primary.requests) == 2
    assert len(primary.delivered) == 1


async def test_a_wrong_token_is_rejected_without_retrying(primary: FakeSmsGateway) -> None:
    client = HttpSmsProvider(name="primary", url=primary.url, token="wrong", timeout=1.0)
    async with client:
        with pytest.raises(ProviderRejected) as err:
            await client.send(message())
        outcome = await SmsDelivery([client], backoff=FAST).deliver(message())

    assert err.value.code == "unauthorized"
    assert (outcome.status, outcome.reason, outcome.attempts) == ("failed", "rejected", 1)
    assert [r.status for r in primary.requests] == [401, 401]
    assert primary.delivered == []


async def test_a_gateway_with_a_wrong_token_is_passed_over_for_one_that_accepts_the_message(
    primary: FakeSmsGateway, secondary: FakeSmsGateway
) -> None:
    bad = HttpSmsProvider(name="primary", url=primary.url, token="wrong", timeout=1.0)
    good = HttpSmsProvider(name="secondary", url=secondary.url, token=TOKEN, timeout=1.0)
    async with bad, good:
        outcome = await SmsDelivery([bad, good], backoff=FAST).deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "secondary", 2)
    assert len(secondary.delivered) == 1


async def test_a_number_every_gateway_refuses_fails_as_rejected_after_one_request_each(
    primary: FakeSmsGateway,
    secondary: FakeSmsGateway,
    clients: tuple[HttpSmsProvider, HttpSmsProvider],
) -> None:
    not_a_mobile = SmsMessage(to="10000000000", text="test", idempotency_key="notice-2")

    outcome = await SmsDelivery(list(clients), backoff=FAST).deliver(not_a_mobile)

    assert (outcome.status, outcome.reason, outcome.attempts) == ("failed", "rejected", 2)
    assert [r.status for r in primary.requests] == [400]
    assert [r.status for r in secondary.requests] == [400]


async def test_a_gateway_that_is_not_listening_is_unavailable_and_failed_over(
    secondary: FakeSmsGateway, clients: tuple[HttpSmsProvider, HttpSmsProvider]
) -> None:
    async with FakeSmsGateway(token=TOKEN) as gone:
        url = gone.url
    closed = HttpSmsProvider(name="closed", url=url, token=TOKEN, timeout=CLIENT_TIMEOUT)
    async with closed:
        outcome = await SmsDelivery([closed, clients[1]], backoff=FAST).deliver(message())

    assert (outcome.status, outcome.provider, outcome.attempts) == ("sent", "secondary", 2)


async def test_concurrent_deliveries_share_one_session_and_each_notice_is_texted_once(
    primary: FakeSmsGateway, clients: tuple[HttpSmsProvider, HttpSmsProvider]
) -> None:
    sms = SmsDelivery([clients[0]], backoff=FAST)
    keys = [f"notice-{n}" for n in range(20)]

    outcomes = await asyncio.gather(*(sms.deliver(message(k)) for k in [*keys, *keys]))

    assert all(o.status == "sent" for o in outcomes)
    assert sorted(d.idempotency_key for d in primary.delivered) == sorted(keys)
