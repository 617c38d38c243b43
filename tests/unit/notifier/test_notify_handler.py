from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event
from services.common.publisher import MemoryPublisher
from services.notifier.adapters.inbox import MemoryInbox
from services.notifier.handlers import NotifyHandler

EXAMPLE = Path(__file__).parents[3] / "schemas" / "examples" / "determination.issued.v1.json"


def decision() -> Event:
    data = json.loads(EXAMPLE.read_text())["data"]
    return new_event(EventType.DETERMINATION_ISSUED, source="/yuzhu/eligibility",
                     subject=data["application_id"], data=data)  # fmt: skip


async def test_a_decision_is_put_in_the_inbox_and_a_delivered_receipt_is_published() -> None:
    inbox, publisher = MemoryInbox(), MemoryPublisher()
    handler = NotifyHandler(inbox=inbox, publisher=publisher, receipts_topic="ns.receipts")
    event = decision()
    await handler(event)

    (notice,) = await inbox.notices(event.subject)
    assert notice["notice_id"] == event.id
    ((topic, key, receipt),) = publisher.sent
    assert (topic, key) == ("ns.receipts", event.subject)
    assert receipt.data["decision_id"] == event.id
    assert receipt.data["status"] == "delivered"


async def test_a_redelivered_decision_reaches_the_resident_once_with_the_same_receipt_id() -> None:
    inbox, publisher = MemoryInbox(), MemoryPublisher()
    handler = NotifyHandler(inbox=inbox, publisher=publisher, receipts_topic="r")
    event = decision()
    await handler(event)
    await handler(event)

    assert len(inbox.published) == 1
    assert len(await inbox.notices(event.subject)) == 1
    ids = {sent[2].data["receipt_id"] for sent in publisher.sent}
    assert len(ids) == 1  # a repeated receipt is recognisable as the same receipt


async def test_an_event_of_another_type_is_rejected_for_the_dead_letter_topic() -> None:
    handler = NotifyHandler(inbox=MemoryInbox(), publisher=MemoryPublisher(), receipts_topic="r")
    event = decision()
    wrong = Event(type=EventType.APPLICATION_SUBMITTED, source=event.source,
                  subject=event.subject, data=event.data)  # fmt: skip
    with pytest.raises(InvalidEvent) as err:
        await handler(wrong)
    assert err.value.code == "unexpected_event_type"
