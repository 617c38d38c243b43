"""Reading topics in tests: assign every partition, read from the start, poll with a deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRecord

from services.common.kafka import partitions_of

Records = list[ConsumerRecord[bytes, bytes]]


@asynccontextmanager
async def topic_reader(
    bootstrap: str, topic: str, **options: Any
) -> AsyncIterator[AIOKafkaConsumer]:
    """A consumer (no group) assigned every partition of ``topic``, from the start."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, **options)
    await consumer.start()
    try:
        tps = await partitions_of(consumer, topic)
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        yield consumer
    finally:
        await consumer.stop()


async def read_topic(
    bootstrap: str,
    topic: str,
    *,
    until: Callable[[Records], bool],
    timeout: float = 30.0,
) -> Records:
    """Every record of ``topic`` once ``until(records)`` holds; AssertionError after ``timeout``."""
    async with topic_reader(bootstrap, topic) as consumer:
        records: Records = []
        deadline = time.monotonic() + timeout
        while True:
            batch = await consumer.getmany(timeout_ms=200)
            for recs in batch.values():
                records.extend(recs)
            if until(records):
                return records
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{topic}: condition not met after {timeout}s; {len(records)} records"
                )


def header(record: ConsumerRecord[bytes, bytes], name: str) -> str | None:
    for key, value in record.headers:
        if key == name:
            return value.decode()
    return None


async def eventually(
    probe: Callable[[], Any], *, timeout: float = 30.0, interval: float = 0.1
) -> Any:
    """Poll ``probe`` (sync or async) until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout}s")
        await asyncio.sleep(interval)
