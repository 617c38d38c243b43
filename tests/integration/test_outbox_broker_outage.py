"""The outbox against a real outage: a broker of this test's own is stopped while a resident
submits, started again, and the application is then on the topic exactly once."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator

import pytest
from redis.asyncio import Redis

from devstack import kafka as broker
from devstack.config import ROOT, StackConfig
from services.common.events import decode
from services.common.kafka import ensure_topics, make_producer
from services.common.publisher import LazyKafkaPublisher
from services.common.topics import Topics
from services.intake_bot.adapters.outbox import RedisOutbox
from services.intake_bot.submission import OutboxPublisher
from tests.support.applications import application
from tests.support.kafka import eventually, read_topic
from tests.support.services import free_port

pytestmark = pytest.mark.integration


@pytest.fixture
def own_broker(stack: StackConfig) -> Iterator[StackConfig]:
    """A second broker, on free ports, that this test may stop and start at will."""
    cfg = StackConfig(
        kafka_port=free_port(), controller_port=free_port(),
        var_dir=ROOT / "var" / "test-outage-broker", external_kafka=None, external_redis=None,
    )  # fmt: skip
    shutil.rmtree(cfg.var_dir, ignore_errors=True)
    broker.start(cfg)
    try:
        yield cfg
    finally:
        broker.stop(cfg)
        shutil.rmtree(cfg.var_dir, ignore_errors=True)


async def test_an_application_submitted_while_the_broker_is_down_is_published_once_it_is_back(
    own_broker: StackConfig, redis: Redis
) -> None:
    bootstrap = own_broker.kafka_bootstrap
    topics = Topics("outage")
    await ensure_topics(bootstrap, topics.specs())
    outbox = RedisOutbox(redis, f"outage-{own_broker.kafka_port}")
    kafka = LazyKafkaPublisher(lambda: make_producer(bootstrap, client_id="test",
                                                     request_timeout_ms=3000))  # fmt: skip
    publisher = OutboxPublisher(outbox=outbox, publisher=kafka, topic=topics.applications,
                                publish_wait=1.0, lease_seconds=6.0)  # fmt: skip
    await publisher.submit_application(application())  # warm: the producer is connected
    broker.stop(own_broker)

    payload = application()
    reference = await asyncio.wait_for(publisher.submit_application(payload), timeout=5)
    assert reference.startswith("YZ")  # the resident is answered while the broker is away
    assert await outbox.pending() == 1

    await asyncio.to_thread(broker.start, own_broker)
    stopping = asyncio.Event()
    flusher = asyncio.create_task(publisher.run_flusher(stopping, interval=0.5))
    try:
        await eventually(lambda: _empty(outbox), timeout=60)
    finally:
        stopping.set()
        await flusher
        await publisher.drain()
        await kafka.close()

    records = await read_topic(bootstrap, topics.applications, until=lambda r: len(r) >= 2)
    subjects = [decode(r.value).subject for r in records]
    assert subjects.count(str(payload["application_id"])) == 1


async def _empty(outbox: RedisOutbox) -> bool:
    return await outbox.pending() == 0
