"""Producing from inside a faust agent: events and dead letters through faust's producer.

``force=True`` sends at once instead of attaching the record to the consumed event, and awaiting
the returned future waits for the broker's acknowledgement, so the caller records "decided" only
after the determination is durable, and faust commits the source offset only after that.
"""

from __future__ import annotations

from typing import Any

import faust
from aiokafka.errors import KafkaError

from services.common.consumer import Record
from services.common.errors import DependencyUnavailable
from services.common.events import Event, Headers, encode


class FaustPublisher:
    def __init__(self, app: faust.App) -> None:
        self._app = app
        self._topics: dict[str, Any] = {}

    def _topic(self, name: str) -> Any:
        if name not in self._topics:
            self._topics[name] = self._app.topic(
                name, key_serializer="raw", value_serializer="raw", internal=False
            )
        return self._topics[name]

    async def _send(
        self, name: str, key: bytes | None, value: bytes | None, headers: Headers
    ) -> None:
        try:
            pending = await self._topic(name).send(
                key=key, value=value, headers=headers, force=True
            )
            await pending
        except KafkaError as exc:
            raise DependencyUnavailable(f"kafka: {type(exc).__name__}") from exc

    async def publish(self, topic: str, key: str, event: Event) -> None:
        value, headers = encode(event)
        await self._send(topic, key.encode(), value, headers)

    def dead_letter_sink(self, topic: str) -> Any:
        async def sink(record: Record, headers: Headers) -> None:
            await self._send(topic, record.key, record.value, headers)

        return sink
