"""The notifier killed (SIGKILL) in the middle of texting a burst of decisions, then restarted:
every resident gets their decision, in the inbox and by text message, and nobody twice."""

from __future__ import annotations

from collections import Counter

import pytest
from redis.asyncio import Redis

from devstack import StackConfig
from devstack.generate import applications
from devstack.seed import seed
from services.common.events import decode
from services.common.topics import Topics
from services.notifier.adapters.inbox import inbox_key
from tests.support.kafka import eventually, read_topic
from tests.support.services import running_suite
from tests.support.sms_provider import FakeSmsGateway

pytestmark = pytest.mark.e2e

BURST = 40


async def test_a_notifier_killed_mid_delivery_and_restarted_texts_everyone_exactly_once(
    stack: StackConfig, topics: Topics, kafka_bootstrap: str, redis: Redis
) -> None:
    async with FakeSmsGateway(token="t") as gateway:
        gateway.answer_slowly(0.2)  # texts go out, answers come late: the kill lands mid-send
        env = {
            "YUZHU_NOTIFIER_SMS_PROVIDERS": f"gateway={gateway.url}",
            "YUZHU_NOTIFIER_SMS_TOKEN": "t",
            "YUZHU_NOTIFIER_SMS_IDLE_SECONDS": "2",
            "YUZHU_NOTIFIER_SMS_TIMEOUT_SECONDS": "2",
        }
        with running_suite(stack, topics, **env) as suite:
            burst = applications(BURST, seed=11)
            await seed(kafka_bootstrap, topics.applications, burst)
            await eventually(lambda: len(gateway.delivered) >= 5, timeout=60)
            suite.notifier.kill()
            in_flight = len(gateway.requests) - len(
                [r for r in gateway.requests if r.status is not None]
            )
            suite.notifier.start()
            suite.notifier.wait_healthy()
            await eventually(lambda: len(gateway.delivered) >= BURST, timeout=120)

        ids = {str(a["application_id"]) for a in burst}
        # One text per decision, to the number the resident gave (the gateway dedupes by key,
        # so a resend after the kill reached nobody twice).
        assert len(gateway.delivered) == BURST
        keys = Counter(r.headers.get("Idempotency-Key") for r in gateway.requests)
        assert len(keys) == BURST
        phones = {str(a["applicant"]["phone"]) for a in burst}  # type: ignore[index]
        assert {d.to for d in gateway.delivered} <= phones
        # One notice per application in the inbox.
        for app_id in ids:
            assert await redis.hlen(inbox_key(topics.namespace, app_id)) == 1
        # Receipts: every decision has its inbox and sms receipts; repeats share receipt ids.
        receipts = await read_topic(kafka_bootstrap, topics.receipts,
                                    until=lambda r: len(r) >= 2 * BURST)  # fmt: skip
        sent = {decode(r.value).data["receipt_id"] for r in receipts
                if decode(r.value).data["channel"] == "sms"}  # fmt: skip
        assert len(sent) == BURST
        resent = sum(keys.values()) - BURST
        print(f"\nkill landed with {in_flight} text(s) in flight; {resent} request(s) resent "
              f"after the restart; {len(gateway.delivered)} texts delivered")  # fmt: skip
