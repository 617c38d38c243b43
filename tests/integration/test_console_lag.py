"""Consumer lag as the console's live view reports it, against the real broker."""

from __future__ import annotations

import uuid

import pytest

from services.common.kafka import make_consumer, make_producer
from services.common.topics import Topics
from services.console.adapters.lag import KafkaLag
from tests.support.kafka import eventually

pytestmark = pytest.mark.integration


async def test_lag_is_what_a_group_has_yet_to_read_and_unknown_groups_count_everything(
    kafka_bootstrap: str, topics: Topics
) -> None:
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    for i in range(5):
        await producer.send_and_wait(topics.handoffs, b"x", key=f"k{i}".encode())
    await producer.stop()

    group = f"g-{uuid.uuid4().hex[:8]}"
    consumer = make_consumer(kafka_bootstrap, group, topics.handoffs, client_id="test")
    await consumer.start()
    read: list[int] = []

    async def read_two() -> bool:
        batch = await consumer.getmany(timeout_ms=200, max_records=2 - len(read))
        for tp, records in batch.items():
            read.extend(r.offset for r in records)
            await consumer.commit({tp: records[-1].offset + 1})
        return len(read) >= 2

    await eventually(read_two, timeout=30)
    await consumer.stop()

    lag = KafkaLag(kafka_bootstrap, {group: [topics.handoffs], "never-ran": [topics.handoffs]})
    await lag.start()
    try:
        figures = await lag()
    finally:
        await lag.close()
    assert figures[group] == 5 - len(read)
    assert figures["never-ran"] == 5
