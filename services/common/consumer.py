"""A consumer loop in the shape of arroyo's: decode → process → commit, offsets committed only
after the records' side effects are done.

Records of a fetched batch are processed at once, up to ``concurrency``, except that records with
the same key (the same application) on a partition take turns in offset order; the loop then
commits, per partition, the offset after the last record of the unbroken run of finished ones.

The handler gets a decoded :class:`~services.common.events.Event` and tells the loop what
happened by what it raises:

* returns: done; the offset may be committed;
* :class:`InvalidEvent`: no retry will help; the record goes to the dead-letter topic with the
  reason in its headers and the loop carries on;
* :class:`DependencyUnavailable`: retried with exponential backoff and jitter until it succeeds
  or the loop is asked to stop (then the offset stays uncommitted and the record is redelivered);
* anything else is a bug: the record is dead-lettered as ``processing_failed`` (never dropped)
  and the error logged, so one poison record cannot stall a partition.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaError
from prometheus_client import Counter

from services.common.errors import DependencyUnavailable, InvalidEvent
from services.common.events import Event, Headers, dead_letter_headers, decode
from services.common.kafka import RecordSender

log = logging.getLogger(__name__)

Handler = Callable[[Event], Awaitable[None]]

RECORDS = Counter(
    "yuzhu_consumer_records_total",
    "Records handled, by consumer and result",
    ["consumer", "result"],
)


@dataclass(frozen=True, slots=True)
class Backoff:
    initial: float = 0.1
    maximum: float = 5.0

    def delay(self, attempt: int) -> float:
        """Full jitter: a random delay up to the exponential bound (spreads retry storms)."""
        return random.uniform(0, min(self.maximum, self.initial * 2**attempt))


@dataclass(frozen=True, slots=True)
class Record:
    """What the processor needs of a consumed record, whichever client consumed it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()


DeadLetterSink = Callable[[Record, Headers], Awaitable[None]]


class RecordProcessor:
    """decode → handle, with the error policy above. Shared by the aiokafka loop and the faust
    agent, so both services treat bad and unlucky records the same way."""

    def __init__(
        self,
        *,
        name: str,
        handler: Handler,
        dead_letter: DeadLetterSink,
        backoff: Backoff = Backoff(),
    ) -> None:
        self.name = name
        self._handler = handler
        self._dead_letter = dead_letter
        self._backoff = backoff
        self.stopping = asyncio.Event()

    async def process(self, record: Record) -> bool:
        """True when the record is finished (handled or dead-lettered); False when the processor
        was stopped while a dependency was down (do not commit: it will be redelivered)."""
        attempt = 0
        while True:
            try:
                result = await self._attempt(record)
            except DependencyUnavailable as exc:
                if self.stopping.is_set():
                    return False
                delay = self._backoff.delay(attempt)
                log.warning("%s: %s; retrying in %.2fs", self.name, exc, delay)
                RECORDS.labels(self.name, "retried").inc()
                attempt += 1
                try:
                    await asyncio.wait_for(self.stopping.wait(), timeout=delay)
                except TimeoutError:
                    continue
                return False
            RECORDS.labels(self.name, result).inc()
            return True

    async def _attempt(self, record: Record) -> str:
        try:
            event = decode(record.value)
            await self._handler(event)
        except InvalidEvent as exc:
            await self._send_dead_letter(record, exc.code, exc.detail)
            return "dead_lettered"
        except DependencyUnavailable:
            raise
        except Exception as exc:
            log.exception("%s: handler failed on %s[%d]@%d", self.name, record.topic,
                          record.partition, record.offset)  # fmt: skip
            await self._send_dead_letter(record, "processing_failed", type(exc).__name__)
            return "failed"
        return "processed"

    async def _send_dead_letter(self, record: Record, reason: str, detail: str) -> None:
        # The original headers travel with the record, so a replay can restore it exactly.
        why = dead_letter_headers(
            reason=reason, detail=detail, topic=record.topic, partition=record.partition,
            offset=record.offset, consumer=self.name,
        )  # fmt: skip
        headers = [*record.headers, *why]
        await self._dead_letter(record, headers)
        log.warning("%s: dead-lettered %s[%d]@%d: %s", self.name, record.topic, record.partition,
                    record.offset, reason)  # fmt: skip


class ConsumerLoop:
    """An aiokafka group consumer driving a :class:`RecordProcessor`; commits offset + 1 per
    partition only after every record before it is finished (see the module's docstring)."""

    def __init__(
        self,
        *,
        name: str,
        consumer: AIOKafkaConsumer,
        producer: RecordSender,
        dlq_topic: str,
        handler: Handler,
        backoff: Backoff = Backoff(),
        concurrency: int = 32,
    ) -> None:
        self._consumer = consumer
        self._producer = producer
        self._dlq_topic = dlq_topic
        self._concurrency = concurrency
        self.processor = RecordProcessor(
            name=name, handler=handler, dead_letter=self._dead_letter, backoff=backoff
        )

    def stop(self) -> None:
        """Finish the record in hand, commit, and return from :meth:`run`."""
        self.processor.stopping.set()

    async def run(self) -> None:
        stopping = self.processor.stopping
        while not stopping.is_set():
            batches = await self._consumer.getmany(timeout_ms=500)
            if not batches:
                continue
            finished = await self._process(batches)
            commits: dict[TopicPartition, int] = {}
            for tp, records in batches.items():
                run_end: int | None = None
                for rec in records:
                    if rec.offset not in finished[tp]:
                        break  # redelivered after a restart, with everything after it
                    run_end = rec.offset
                if run_end is not None:
                    commits[tp] = run_end + 1
            if commits:
                await self._consumer.commit(commits)
            if stopping.is_set():
                # Records fetched but not processed are redelivered after a restart.
                return

    async def _process(
        self, batches: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]
    ) -> dict[TopicPartition, set[int]]:
        """Process a fetched batch; the offsets finished, per partition."""
        finished: dict[TopicPartition, set[int]] = {tp: set() for tp in batches}
        lanes: dict[tuple[TopicPartition, bytes | None], list[ConsumerRecord[bytes, bytes]]] = {}
        for tp, records in batches.items():
            for rec in records:
                lanes.setdefault((tp, rec.key), []).append(rec)
        gate = asyncio.Semaphore(self._concurrency)

        async def lane(tp: TopicPartition, records: list[ConsumerRecord[bytes, bytes]]) -> None:
            for rec in records:
                record = Record(rec.topic, rec.partition, rec.offset, rec.key, rec.value,
                                tuple(rec.headers))  # fmt: skip
                async with gate:
                    if not await self.processor.process(record):
                        return  # stopping: the rest of this lane is redelivered
                finished[tp].add(rec.offset)

        await asyncio.gather(*(lane(tp, records) for (tp, _), records in lanes.items()))
        return finished

    async def _dead_letter(self, record: Record, headers: Headers) -> None:
        try:
            await self._producer.send_and_wait(
                self._dlq_topic, value=record.value, key=record.key, headers=headers
            )
        except KafkaError as exc:
            raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc


__all__ = ["Backoff", "ConsumerLoop", "DeadLetterSink", "Handler", "Record", "RecordProcessor"]
