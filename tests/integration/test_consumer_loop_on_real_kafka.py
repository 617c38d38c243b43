"""The shared consumer loop against the real broker: handled, dead-lettered, committed."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest

from schemas import EventType
from services.common.consumer import Backoff, ConsumerLoop
from services.common.errors import DependencyUnavailable, InvalidEvent
from services.common.events import Event, decode, encode, new_event
from services.common.kafka import make_consumer, make_producer
from services.common.publisher import KafkaEventPublisher
from services.common.topics import Topics
from tests.support.kafka import eventually, header, read_topic

pytestmark = pytest.mark.integration


def receipt(application_id: str) -> Event:
    return new_event(
        EventType.NOTIFICATION_RECEIPT,
        source="/tests",
        subject=application_id,
        data={
            "receipt_id": str(uuid.uuid4()),
            "decision_id": str(uuid.uuid4()),
            "application_id": application_id,
            "channel": "inbox",
            "status": "delivered",
            "attempt": 1,
            "at": "2026-11-28T10:00:00Z",
        },
    )


async def run_loop(kafka_bootstrap: str, topics: Topics, group: str, handler):  # type: ignore[no-untyped-def]
    producer = make_producer(kafka_bootstrap, client_id="test")
    consumer = make_consumer(kafka_bootstrap, group, topics.receipts, client_id="test")
    await producer.start()
    await consumer.start()
    loop = ConsumerLoop(
        name="test-consumer", consumer=consumer, producer=producer,
        dlq_topic=topics.notifier_dlq, handler=handler, backoff=Backoff(0.01, 0.05),
    )  # fmt: skip
    task = asyncio.create_task(loop.run())

    async def stop() -> None:
        loop.stop()
        await task
        await consumer.stop()
        await producer.stop()

    return stop


async def handled_by_a_healthy_run(
    kafka_bootstrap: str, topics: Topics, group: str, count: int
) -> list[str]:
    """The ids of the first ``count`` events a new run of ``group`` handles (nothing fails)."""
    handled: list[str] = []

    async def healthy(event: Event) -> None:
        handled.append(event.id)

    stop = await run_loop(kafka_bootstrap, topics, group, healthy)
    try:
        await eventually(lambda: len(handled) >= count)
    finally:
        await stop()
    return handled


async def test_malformed_record_is_dead_lettered_with_reason_and_next_record_is_processed(
    kafka_bootstrap: str, topics: Topics
) -> None:
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    app_id = str(uuid.uuid4())
    good = receipt(app_id)
    # Same key, so the bad record sits before the good one in the same partition.
    await producer.send_and_wait(
        topics.receipts, b"{not json", key=app_id.encode(), headers=[("origin", b"test")]
    )
    value, headers = encode(good)
    await producer.send_and_wait(topics.receipts, value, key=app_id.encode(), headers=headers)
    await producer.stop()

    handled: list[Event] = []

    async def handler(event: Event) -> None:
        handled.append(event)

    stop = await run_loop(kafka_bootstrap, topics, "g-" + app_id, handler)
    try:
        await eventually(lambda: handled)
    finally:
        await stop()

    assert [e.id for e in handled] == [good.id]
    dead = await read_topic(kafka_bootstrap, topics.notifier_dlq, until=lambda r: len(r) >= 1)
    assert dead[0].value == b"{not json"
    assert dead[0].key == app_id.encode()
    assert header(dead[0], "dlq.reason") == "not_json"
    assert header(dead[0], "dlq.source.topic") == topics.receipts
    assert header(dead[0], "dlq.consumer") == "test-consumer"
    assert header(dead[0], "origin") == "test"  # the original headers travel along


async def test_handler_rejection_goes_to_dead_letter_with_handlers_code(
    kafka_bootstrap: str, topics: Topics
) -> None:
    publisher_producer = make_producer(kafka_bootstrap, client_id="test")
    await publisher_producer.start()
    event = receipt(str(uuid.uuid4()))
    await KafkaEventPublisher(publisher_producer).publish(topics.receipts, event.subject, event)
    await publisher_producer.stop()

    async def handler(event: Event) -> None:
        raise InvalidEvent("unknown_district", "district is not one of the 38")

    stop = await run_loop(kafka_bootstrap, topics, "g-" + event.id, handler)
    try:
        dead = await read_topic(kafka_bootstrap, topics.notifier_dlq, until=lambda r: len(r) >= 1)
    finally:
        await stop()
    assert header(dead[0], "dlq.reason") == "unknown_district"
    assert decode(dead[0].value).id == event.id  # the original bytes, intact


async def test_offsets_are_committed_only_after_the_side_effect_so_a_restart_resumes_after_it(
    kafka_bootstrap: str, topics: Topics
) -> None:
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    publisher = KafkaEventPublisher(producer)
    app_id = str(uuid.uuid4())
    events = [receipt(app_id) for _ in range(3)]
    for e in events:
        await publisher.publish(topics.receipts, app_id, e)
    await producer.stop()
    group = "g-" + app_id

    # First run: the dependency is down for the second record; we stop while it retries.
    seen_first: list[str] = []
    failed_attempts: list[str] = []

    async def flaky(event: Event) -> None:
        if event.id == events[1].id:
            failed_attempts.append(event.id)
            raise DependencyUnavailable("redis down")
        seen_first.append(event.id)

    stop = await run_loop(kafka_bootstrap, topics, group, flaky)
    await eventually(lambda: len(failed_attempts) >= 3)  # retried, never skipped
    await stop()
    assert seen_first == [events[0].id]

    # Second run in the same group: resumes at the failed record, the first is not seen again.
    seen_second = await handled_by_a_healthy_run(kafka_bootstrap, topics, group, 2)
    assert seen_second == [events[1].id, events[2].id]


async def put(kafka_bootstrap: str, topic: str, events: list[tuple[str, Event]]) -> None:
    """Events with their keys, all on partition 0, in this order."""
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    for key, event in events:
        value, headers = encode(event)
        await producer.send_and_wait(topic, value, key=key.encode(), partition=0, headers=headers)
    await producer.stop()


async def test_records_of_one_key_take_turns_while_other_keys_are_handled_meanwhile(
    kafka_bootstrap: str, topics: Topics
) -> None:
    slow, fast = str(uuid.uuid4()), str(uuid.uuid4())
    events = [(slow, receipt(slow)), (slow, receipt(slow)), (fast, receipt(fast))]
    await put(kafka_bootstrap, topics.receipts, events)
    log: list[str] = []

    async def handler(event: Event) -> None:
        log.append(f"start {event.id}")
        if event.subject == slow:
            await asyncio.sleep(0.3)
        log.append(f"end {event.id}")

    stop = await run_loop(kafka_bootstrap, topics, "g-" + slow, handler)
    try:
        await eventually(lambda: len(log) == 6)
    finally:
        await stop()
    first, second, other = (e.id for _, e in events)
    assert log.index(f"end {first}") < log.index(f"start {second}")  # same key: in order
    assert log.index(f"end {other}") < log.index(f"end {first}")  # the other key did not wait


async def test_a_restart_resumes_at_the_first_unfinished_record_even_if_later_ones_finished(
    kafka_bootstrap: str, topics: Topics
) -> None:
    stuck, free = str(uuid.uuid4()), str(uuid.uuid4())
    events = [(free, receipt(free)), (stuck, receipt(stuck)), (free, receipt(free))]
    await put(kafka_bootstrap, topics.receipts, events)
    group = "g-" + stuck
    done_first: list[str] = []
    attempts: list[str] = []

    async def redis_down_for_one(event: Event) -> None:
        if event.subject == stuck:
            attempts.append(event.id)
            raise DependencyUnavailable("redis down")
        done_first.append(event.id)

    stop = await run_loop(kafka_bootstrap, topics, group, redis_down_for_one)
    await eventually(lambda: len(done_first) == 2 and len(attempts) >= 2)
    await stop()
    assert done_first == [events[0][1].id, events[2][1].id]  # the third did not wait

    done_second = await handled_by_a_healthy_run(kafka_bootstrap, topics, group, 2)
    # Committed up to the stuck record only: it comes again, and so does the one after it
    # (handlers are idempotent); the first does not.
    assert done_second == [events[1][1].id, events[2][1].id]


async def test_broker_rejects_topics_nobody_created(kafka_bootstrap: str) -> None:
    producer = make_producer(kafka_bootstrap, client_id="test", request_timeout_ms=3000)
    await producer.start()
    try:
        with pytest.raises(Exception):  # noqa: B017,PT011 — aiokafka raises a timeout/unknown-topic error
            await asyncio.wait_for(
                producer.send_and_wait(
                    f"never-created-{uuid.uuid4().hex}", json.dumps({}).encode()
                ),
                timeout=10,
            )
    finally:
        await producer.stop()
