from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event
from services.common.publisher import MemoryPublisher
from services.notifier.adapters.contacts import MemoryContactBook
from services.notifier.adapters.inbox import MemoryInbox
from services.notifier.adapters.sms_jobs import MemorySmsJobs
from services.notifier.handlers import NotifyHandler

EXAMPLES = Path(__file__).parents[3] / "schemas" / "examples"


def example(name: str, event_type: EventType) -> Event:
    data = json.loads((EXAMPLES / f"{name}.json").read_text())["data"]
    return new_event(event_type, source="/tests", subject=str(data["application_id"]), data=data)


class Wired:
    def __init__(self, *, sms: bool = True) -> None:
        self.inbox, self.publisher = MemoryInbox(), MemoryPublisher()
        self.contacts, self.jobs = MemoryContactBook(), MemorySmsJobs()
        self.handler = NotifyHandler(inbox=self.inbox, publisher=self.publisher,
                                     receipts_topic="ns.receipts", contacts=self.contacts,
                                     sms=self.jobs if sms else None)  # fmt: skip


async def test_a_decision_goes_to_the_inbox_a_text_is_queued_and_a_receipt_published() -> None:
    w = Wired()
    event = example("determination.issued.v1", EventType.DETERMINATION_ISSUED)
    await w.handler(event)

    (notice,) = await w.inbox.notices(event.subject)
    assert notice["notice_id"] == event.id
    assert list(w.jobs.queued) == [event.id]
    assert w.jobs.queued[event.id].text == notice["sms"]
    ((topic, key, receipt),) = w.publisher.sent
    assert (topic, key) == ("ns.receipts", event.subject)
    assert (receipt.data["decision_id"], receipt.data["status"]) == (event.id, "delivered")


async def test_a_redelivered_decision_reaches_the_resident_once_with_the_same_receipt_id() -> None:
    w = Wired()
    event = example("determination.issued.v1", EventType.DETERMINATION_ISSUED)
    await w.handler(event)
    await w.handler(event)
    assert len(w.inbox.published) == 1
    assert len(w.jobs.queued) == 1
    assert len({sent[2].data["receipt_id"] for sent in w.publisher.sent}) == 1


async def test_an_application_record_tells_the_notifier_where_to_text_the_resident() -> None:
    w = Wired()
    event = example("application.submitted.v1", EventType.APPLICATION_SUBMITTED)
    await w.handler(event)
    phone = event.data["applicant"]["phone"]
    assert await w.contacts.phone_for(event.data["application_id"]) == phone
    assert w.publisher.sent == []  # nothing to tell anyone yet


async def test_an_outreach_suggestion_becomes_an_invitation_in_the_inbox() -> None:
    w = Wired()
    event = example("outreach.suggested.v1", EventType.OUTREACH_SUGGESTED)
    await w.handler(event)
    (notice,) = await w.inbox.notices(event.subject)
    assert notice["kind"] == "outreach"
    assert list(w.jobs.queued) == [event.id]


async def test_without_sms_providers_nothing_is_queued_for_texting() -> None:
    w = Wired(sms=False)
    await w.handler(example("determination.issued.v1", EventType.DETERMINATION_ISSUED))
    assert w.jobs.queued == {}


async def test_an_event_of_another_type_is_rejected_for_the_dead_letter_topic() -> None:
    w = Wired()
    event = example("notification.receipt.v1", EventType.NOTIFICATION_RECEIPT)
    with pytest.raises(InvalidEvent) as err:
        await w.handler(event)
    assert err.value.code == "unexpected_event_type"


async def test_a_caseworkers_request_reaches_the_inbox_and_the_text_queue() -> None:
    w = Wired()
    event = example("information.requested.v1", EventType.INFORMATION_REQUESTED)
    await w.handler(event)
    (notice,) = await w.inbox.notices(event.data["application_id"])
    assert notice["kind"] == "information"
    assert notice["lines"][0] == event.data["message"]
    assert list(w.jobs.queued) == [event.id]
