"""The text-message sender against real Redis, a real broker and two local SMS gateways:
failover, giving up into the dead-letter topic, and a job taken over from a dead replica."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from services.common.consumer import Backoff
from services.common.events import decode
from services.common.kafka import make_producer
from services.common.publisher import KafkaEventPublisher
from services.common.topics import Topics
from services.notifier.adapters.contacts import RedisContactBook
from services.notifier.adapters.sms import HttpSmsProvider
from services.notifier.adapters.sms_jobs import RedisSmsJobs
from services.notifier.delivery import SmsDelivery
from services.notifier.sms_sender import SmsSender
from tests.support.kafka import eventually, header, read_topic
from tests.support.sms_provider import FakeSmsGateway

pytestmark = pytest.mark.integration

TOKEN = "test-token"


@pytest.fixture
async def gateways() -> AsyncIterator[tuple[FakeSmsGateway, FakeSmsGateway]]:
    async with FakeSmsGateway(token=TOKEN) as primary, FakeSmsGateway(token=TOKEN) as backup:
        yield primary, backup


async def sender_for(
    redis: Redis, kafka_bootstrap: str, topics: Topics, gws: tuple[FakeSmsGateway, ...],
    *, consumer: str = "a", max_attempts: int = 4,
) -> tuple[SmsSender, RedisSmsJobs, RedisContactBook, list[HttpSmsProvider], object]:  # fmt: skip
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    providers = [HttpSmsProvider(name=f"gw{i}", url=g.url, token=TOKEN, timeout=0.5)
                 for i, g in enumerate(gws)]  # fmt: skip
    for p in providers:
        await p.start()
    jobs = RedisSmsJobs(redis, topics.namespace)
    contacts = RedisContactBook(redis, topics.namespace)
    publisher = KafkaEventPublisher(producer)
    sender = SmsSender(
        jobs=jobs, contacts=contacts,
        delivery=SmsDelivery(providers, max_attempts=max_attempts, backoff=Backoff(0.01, 0.05)),
        publisher=publisher, dead_letters=publisher, receipts_topic=topics.receipts,
        dlq_topic=topics.notifier_dlq, consumer=consumer, idle_seconds=0.2,
    )  # fmt: skip
    return sender, jobs, contacts, providers, producer


async def close(providers: list[HttpSmsProvider], producer: object) -> None:
    for p in providers:
        await p.close()
    await producer.stop()  # type: ignore[attr-defined]


async def test_a_failing_primary_fails_over_to_the_backup_and_a_sent_receipt_follows(
    redis: Redis, kafka_bootstrap: str, topics: Topics,
    gateways: tuple[FakeSmsGateway, FakeSmsGateway],
) -> None:  # fmt: skip
    primary, backup = gateways
    primary.fail_next(100)
    sender, jobs, contacts, providers, producer = await sender_for(
        redis, kafka_bootstrap, topics, gateways
    )
    try:
        notice_id, app_id = str(uuid.uuid4()), str(uuid.uuid4())
        await contacts.remember(app_id, "13908381234")
        await jobs.enqueue(notice_id, app_id, "【渝助】您的低保申请初步符合条件。")
        for job in await jobs.take("a", 10, 30):
            await sender.handle(job)
    finally:
        await close(providers, producer)
    assert [d.idempotency_key for d in backup.delivered] == [notice_id]
    assert primary.delivered == []
    receipts = await read_topic(kafka_bootstrap, topics.receipts, until=lambda r: len(r) >= 1)
    data = decode(receipts[0].value).data
    assert (data["channel"], data["status"], data["decision_id"]) == ("sms", "sent", notice_id)


async def test_when_every_provider_fails_the_job_is_dead_lettered_without_the_phone(
    redis: Redis, kafka_bootstrap: str, topics: Topics,
    gateways: tuple[FakeSmsGateway, FakeSmsGateway],
) -> None:  # fmt: skip
    for gw in gateways:
        gw.fail_next(100)
    sender, jobs, contacts, providers, producer = await sender_for(
        redis, kafka_bootstrap, topics, gateways, max_attempts=4
    )
    try:
        notice_id, app_id = str(uuid.uuid4()), str(uuid.uuid4())
        await contacts.remember(app_id, "13908381234")
        await jobs.enqueue(notice_id, app_id, "【渝助】您的申请有结果了。")
        for job in await jobs.take("a", 10, 30):
            await sender.handle(job)
    finally:
        await close(providers, producer)
    assert sum(len(g.requests) for g in gateways) == 4
    receipts = await read_topic(kafka_bootstrap, topics.receipts, until=lambda r: len(r) >= 1)
    failed = decode(receipts[0].value).data
    assert (failed["status"], failed["detail"]) == ("failed", "all_providers_failed")
    dead = await read_topic(kafka_bootstrap, topics.notifier_dlq, until=lambda r: len(r) >= 1)
    assert header(dead[0], "dlq.reason") == "all_providers_failed"
    assert "13908381234" not in dead[0].value.decode()
    assert json.loads(dead[0].value)["notice_id"] == notice_id
    assert await jobs.take("a", 10, 0) == []  # finished: nobody retries it


async def test_a_job_left_half_done_by_a_dead_replica_is_sent_once_by_another(
    redis: Redis, kafka_bootstrap: str, topics: Topics,
    gateways: tuple[FakeSmsGateway, FakeSmsGateway],
) -> None:  # fmt: skip
    primary, _ = gateways
    sender, jobs, contacts, providers, producer = await sender_for(
        redis, kafka_bootstrap, topics, (primary,), consumer="b"
    )
    try:
        notice_id, app_id = str(uuid.uuid4()), str(uuid.uuid4())
        await contacts.remember(app_id, "13908381234")
        await jobs.enqueue(notice_id, app_id, "【渝助】您的申请有结果了。")
        await jobs.enqueue(notice_id, app_id, "【渝助】您的申请有结果了。")  # queued once only
        taken_by_a = await jobs.take("a", 10, 30)  # replica a takes it, then dies
        assert [j.notice_id for j in taken_by_a] == [notice_id]
        assert await jobs.take("b", 10, 30) == []  # not idle long enough yet
        # Once it has been idle 0.2 s, replica b takes the abandoned job over.
        taken_by_b = await eventually(lambda: jobs.take("b", 10, 0.2), timeout=5)
        assert [j.notice_id for j in taken_by_b] == [notice_id]
        for job in taken_by_b:
            await sender.handle(job)
        for job in taken_by_b:  # a second hand-off of the same job is recognised as sent
            await sender.handle(job)
    finally:
        await close(providers, producer)
    assert [d.idempotency_key for d in primary.delivered] == [notice_id]
