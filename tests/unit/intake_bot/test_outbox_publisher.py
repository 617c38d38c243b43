"""Outbox-first publishing with in-memory fakes: nothing is lost while the broker is away."""

from __future__ import annotations

import asyncio

from services.common.events import Headers
from services.common.publisher import MemoryPublisher
from services.intake_bot.adapters.outbox import MemoryOutbox
from services.intake_bot.submission import OutboxPublisher
from tests.support.applications import application


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def publisher_with(broker: MemoryPublisher, outbox: MemoryOutbox) -> OutboxPublisher:
    return OutboxPublisher(outbox=outbox, publisher=broker, topic="ns.applications",
                           publish_wait=1.0, lease_seconds=30.0)  # fmt: skip


async def test_with_the_broker_up_an_application_is_published_and_leaves_the_outbox() -> None:
    broker, outbox = MemoryPublisher(), MemoryOutbox()
    payload = application(submitted_at="2026-11-28T09:30:00+08:00")
    reference = await publisher_with(broker, outbox).submit_application(payload)
    assert reference.startswith("YZ20261128-")
    ((topic, key, event),) = broker.sent
    assert (topic, key) == ("ns.applications", payload["application_id"])
    assert event.data == payload
    assert await outbox.pending() == 0


async def test_with_the_broker_down_the_resident_gets_a_reference_and_the_outbox_keeps_it() -> None:
    broker, outbox = MemoryPublisher(), MemoryOutbox()
    broker.down = True
    reference = await publisher_with(broker, outbox).submit_application(application())
    assert reference.startswith("YZ")
    assert broker.sent == []
    assert await outbox.pending() == 1


async def test_the_flusher_publishes_what_waited_once_the_lease_ended_and_the_broker_is_back() -> (
    None
):
    clock = Clock()
    broker, outbox = MemoryPublisher(), MemoryOutbox(clock)
    publisher = publisher_with(broker, outbox)
    broker.down = True
    payload = application()
    await publisher.submit_application(payload)
    broker.down = False
    # The submitting replica holds a lease while it publishes: no flusher takes it meanwhile.
    assert await publisher.flush() == 0
    clock.now += 31
    assert await publisher.flush() == 1
    assert await publisher.flush() == 0  # gone from the outbox: never published twice
    assert [e.subject for _, _, e in broker.sent] == [payload["application_id"]]
    assert await outbox.pending() == 0


async def test_a_flush_stops_at_the_first_failure_and_keeps_the_rest() -> None:
    clock = Clock()
    broker, outbox = MemoryPublisher(), MemoryOutbox(clock)
    publisher = publisher_with(broker, outbox)
    broker.down = True
    for _ in range(3):
        await publisher.submit_application(application())
    clock.now += 31
    assert await publisher.flush() == 0
    assert await outbox.pending() == 3


async def test_the_same_application_submitted_twice_is_one_outbox_entry() -> None:
    broker, outbox = MemoryPublisher(), MemoryOutbox()
    broker.down = True
    payload = application()
    publisher = publisher_with(broker, outbox)
    await publisher.submit_application(payload)
    await publisher.submit_application(payload)
    assert await outbox.pending() == 1


class SlowBroker(MemoryPublisher):
    """A broker that takes its time: the first send is still in flight when the lease ends."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def publish_record(self, topic: str, key: str, value: bytes, headers: Headers) -> None:
        await self.release.wait()
        await super().publish_record(topic, key, value, headers)


async def test_an_entry_still_on_its_way_is_not_sent_again_by_the_flusher() -> None:
    clock = Clock()
    broker, outbox = SlowBroker(), MemoryOutbox(clock)
    publisher = OutboxPublisher(outbox=outbox, publisher=broker, topic="ns.applications",
                                publish_wait=0.01, lease_seconds=30.0)  # fmt: skip
    payload = application()
    await publisher.submit_application(payload)  # answered; the send is still pending
    clock.now += 31  # the lease ran out while the broker was slow
    assert await publisher.flush() == 0  # the pending send is not duplicated
    broker.release.set()
    await publisher.drain()
    assert [e.subject for _, _, e in broker.sent] == [payload["application_id"]]
    assert await outbox.pending() == 0
