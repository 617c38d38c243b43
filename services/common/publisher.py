"""Publishing events to Kafka behind a small port, so services can be tested without a broker.

Contract of :class:`EventPublisher`: ``publish`` returns once the broker acknowledged the record
(acks=all, idempotent producer); a broker that cannot be reached raises
:class:`DependencyUnavailable` and nothing is half-written. Keys are application ids, never
personal data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.common.errors import DependencyUnavailable
from services.common.events import Event, Headers, decode, encode
from services.common.kafka import RecordSender, ResilientProducer


class EventPublisher(Protocol):
    async def publish(self, topic: str, key: str, event: Event) -> None: ...


class RecordPublisher(Protocol):
    """Publishes an already-encoded record (the outbox stores events encoded)."""

    async def publish_record(
        self, topic: str, key: str, value: bytes, headers: Headers
    ) -> None: ...


class KafkaEventPublisher:
    def __init__(self, producer: RecordSender) -> None:
        self._producer = producer

    async def publish(self, topic: str, key: str, event: Event) -> None:
        value, headers = encode(event)
        await self.publish_record(topic, key, value, headers)

    async def publish_record(self, topic: str, key: str, value: bytes, headers: Headers) -> None:
        try:
            await self._producer.send_and_wait(
                topic, value=value, key=key.encode(), headers=headers
            )
        except KafkaError as exc:
            raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc


class MemoryPublisher:
    """In-memory fake for unit tests: records what was published, validated like the real one.
    Set ``down`` to make every publication fail as an unreachable broker would."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, Event]] = []
        self.down = False

    async def publish(self, topic: str, key: str, event: Event) -> None:
        value, headers = encode(event)  # the same validation as the real publisher
        await self.publish_record(topic, key, value, headers)

    async def publish_record(self, topic: str, key: str, value: bytes, headers: Headers) -> None:
        if self.down:
            raise DependencyUnavailable("kafka: broker down (fake)")
        self.sent.append((topic, key, decode(value)))


class LazyKafkaPublisher:
    """A Kafka publisher that does not need the broker at start-up: it connects on first use
    and again after a failure. For services that must keep serving while the broker is away
    (the intake bot, whose outbox holds what cannot be published yet). Its producer is a
    :class:`ResilientProducer`, so one that broke beyond repair is replaced the same way as in
    every other service."""

    def __init__(
        self, factory: Callable[[], AIOKafkaProducer], *, connect_timeout: float = 5.0
    ) -> None:
        self._factory = factory
        self._connect_timeout = connect_timeout
        self._producer: ResilientProducer | None = None
        self._lock = asyncio.Lock()

    async def _ready(self) -> ResilientProducer:
        async with self._lock:
            if self._producer is None:
                producer = ResilientProducer(self._factory)
                try:
                    await asyncio.wait_for(producer.start(), self._connect_timeout)
                except (KafkaError, OSError, TimeoutError) as exc:
                    await producer.stop()
                    raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc
                self._producer = producer
            return self._producer

    async def publish(self, topic: str, key: str, event: Event) -> None:
        value, headers = encode(event)
        await self.publish_record(topic, key, value, headers)

    async def publish_record(self, topic: str, key: str, value: bytes, headers: Headers) -> None:
        producer = await self._ready()
        try:
            await producer.send_and_wait(topic, value=value, key=key.encode(), headers=headers)
        except KafkaError as exc:
            raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc

    async def check(self) -> None:
        """For readiness details: raises when the broker cannot be reached now."""
        producer = await self._ready()
        await producer.client.fetch_all_metadata()

    async def close(self) -> None:
        async with self._lock:
            if self._producer is not None:
                await self._producer.stop()
                self._producer = None
