"""Publishing events to Kafka behind a small port, so services can be tested without a broker.

Contract of :class:`EventPublisher`: ``publish`` returns once the broker acknowledged the record
(acks=all, idempotent producer); a broker that cannot be reached raises
:class:`DependencyUnavailable` and nothing is half-written. Keys are application ids, never
personal data.
"""

from __future__ import annotations

from typing import Protocol

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.common.errors import DependencyUnavailable
from services.common.events import Event, encode


class EventPublisher(Protocol):
    async def publish(self, topic: str, key: str, event: Event) -> None: ...


class KafkaEventPublisher:
    def __init__(self, producer: AIOKafkaProducer) -> None:
        self._producer = producer

    async def publish(self, topic: str, key: str, event: Event) -> None:
        value, headers = encode(event)
        try:
            await self._producer.send_and_wait(
                topic, value=value, key=key.encode(), headers=headers
            )
        except KafkaError as exc:
            raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc


class MemoryPublisher:
    """In-memory fake for unit tests: records what was published, validated like the real one."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, Event]] = []

    async def publish(self, topic: str, key: str, event: Event) -> None:
        encode(event)  # the same validation as the real publisher
        self.sent.append((topic, key, event))
