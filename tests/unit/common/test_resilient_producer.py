"""A producer that broke beyond repair is replaced; the failed send still fails (to be retried)."""

from __future__ import annotations

from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError, OutOfOrderSequenceNumber

from services.common.errors import DependencyUnavailable
from services.common.kafka import ResilientProducer
from services.common.publisher import LazyKafkaPublisher


class FakeProducer:
    def __init__(self, fail_with: Exception | None = None) -> None:
        self.fail_with = fail_with
        self.sent: list[bytes | None] = []
        self.started = self.stopped = False
        self.client = object()

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    async def send_and_wait(self, topic: str, value: bytes | None = None, **_: Any) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append(value)


def factory(first_fails_with: Exception) -> tuple[list[FakeProducer], Any]:
    made: list[FakeProducer] = []

    def make() -> FakeProducer:
        made.append(FakeProducer(first_fails_with if not made else None))
        return made[-1]

    return made, make


async def test_a_broken_producer_is_replaced_and_the_retry_goes_to_the_new_one() -> None:
    made, make = factory(OutOfOrderSequenceNumber())
    producer = ResilientProducer(make)
    await producer.start()
    with pytest.raises(OutOfOrderSequenceNumber):
        await producer.send_and_wait("t", b"one")
    await producer.send_and_wait("t", b"one")
    assert [p.sent for p in made] == [[], [b"one"]]
    assert made[0].stopped
    assert made[1].started
    assert producer.replaced == 1


async def test_an_unreachable_broker_does_not_replace_the_producer() -> None:
    made, make = factory(KafkaConnectionError())
    producer = ResilientProducer(make)
    with pytest.raises(KafkaConnectionError):
        await producer.send_and_wait("t", b"one")
    assert len(made) == 1
    assert producer.replaced == 0


async def test_the_lazy_publisher_starts_a_new_producer_after_one_broke() -> None:
    made, make = factory(OutOfOrderSequenceNumber())
    publisher = LazyKafkaPublisher(make)
    with pytest.raises(DependencyUnavailable, match="OutOfOrderSequenceNumber"):
        await publisher.publish_record("t", "k", b"one", [])
    await publisher.publish_record("t", "k", b"one", [])
    assert [p.sent for p in made] == [[], [b"one"]]
    assert made[0].stopped
