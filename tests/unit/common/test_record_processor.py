"""The shared error policy of every consumer, with in-memory fakes (no broker)."""

from __future__ import annotations

import asyncio

from schemas import EventType
from services.common.consumer import Backoff, Record, RecordProcessor
from services.common.errors import DependencyUnavailable, InvalidEvent
from services.common.events import Event, Headers, encode, new_event
from tests.support.applications import application


def record(value: bytes | None, offset: int = 0) -> Record:
    return Record("t.applications", 2, offset, b"k", value)


def good_value() -> bytes:
    payload = application()
    event = new_event(EventType.APPLICATION_SUBMITTED, source="/t",
                      subject=str(payload["application_id"]), data=payload)  # fmt: skip
    return encode(event)[0]


class Sink:
    def __init__(self) -> None:
        self.dead: list[tuple[Record, dict[str, bytes]]] = []

    async def __call__(self, rec: Record, headers: Headers) -> None:
        self.dead.append((rec, dict(headers)))


async def test_a_handled_record_is_finished() -> None:
    seen: list[Event] = []

    async def handler(event: Event) -> None:
        seen.append(event)

    processor = RecordProcessor(name="c", handler=handler, dead_letter=Sink())
    assert await processor.process(record(good_value()))
    assert len(seen) == 1


async def test_an_invalid_record_is_dead_lettered_with_where_it_came_from() -> None:
    sink = Sink()

    async def handler(event: Event) -> None:
        raise AssertionError("must not be called for an undecodable record")

    processor = RecordProcessor(name="eligibility", handler=handler, dead_letter=sink)
    assert await processor.process(record(b"{bad", offset=41))
    ((rec, headers),) = sink.dead
    assert rec.value == b"{bad"
    assert headers["dlq.reason"] == b"not_json"
    assert headers["dlq.source.topic"] == b"t.applications"
    assert headers["dlq.source.partition"] == b"2"
    assert headers["dlq.source.offset"] == b"41"
    assert headers["dlq.consumer"] == b"eligibility"


async def test_a_handler_rejection_keeps_the_handlers_reason() -> None:
    sink = Sink()

    async def handler(event: Event) -> None:
        raise InvalidEvent("invalid_id_checksum", "check digit does not match")

    assert await RecordProcessor(name="c", handler=handler, dead_letter=sink).process(
        record(good_value())
    )
    assert sink.dead[0][1]["dlq.reason"] == b"invalid_id_checksum"


async def test_a_bug_in_the_handler_dead_letters_the_record_instead_of_dropping_it() -> None:
    sink = Sink()

    async def handler(event: Event) -> None:
        raise KeyError("programs")

    assert await RecordProcessor(name="c", handler=handler, dead_letter=sink).process(
        record(good_value())
    )
    assert sink.dead[0][1]["dlq.reason"] == b"processing_failed"
    assert sink.dead[0][1]["dlq.detail"] == b"KeyError"


async def test_an_unavailable_dependency_is_retried_until_it_recovers() -> None:
    attempts = 0

    async def handler(event: Event) -> None:
        nonlocal attempts
        attempts += 1
        if attempts < 4:
            raise DependencyUnavailable("redis down")

    processor = RecordProcessor(
        name="c", handler=handler, dead_letter=Sink(), backoff=Backoff(0.001, 0.002)
    )
    assert await processor.process(record(good_value()))
    assert attempts == 4


async def test_stopping_while_a_dependency_is_down_leaves_the_record_unfinished() -> None:
    started = asyncio.Event()

    async def handler(event: Event) -> None:
        started.set()
        raise DependencyUnavailable("broker down")

    sink = Sink()
    processor = RecordProcessor(name="c", handler=handler, dead_letter=sink, backoff=Backoff(1, 1))
    task = asyncio.create_task(processor.process(record(good_value())))
    await started.wait()
    processor.stopping.set()
    assert await task is False
    assert sink.dead == []


def test_backoff_delays_stay_within_the_exponential_bound_and_the_cap() -> None:
    backoff = Backoff(initial=0.1, maximum=2.0)
    for attempt in range(10):
        assert 0 <= backoff.delay(attempt) <= min(2.0, 0.1 * 2**attempt)
