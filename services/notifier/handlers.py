"""The notifier's process step, one record at a time from three topics:

* ``application.submitted`` — remember where the resident can be reached (their phone);
* ``determination.issued`` — a notice into the resident's inbox, announced live to an open chat,
  a text message queued, a ``delivered`` receipt published;
* ``outreach.suggested`` (主动发现) — the same, with an invitation to apply again;
* ``information.requested`` — the same, with what a caseworker asks the resident to add.

Idempotent by construction: the notice is keyed by the event's id (stored once, announced once),
the text message is queued once per notice, and receipt ids are derived from the same id, so a
redelivered record changes nothing a resident can see.
"""

from __future__ import annotations

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event, now_rfc3339, stable_id
from services.common.publisher import EventPublisher
from services.notifier.adapters.contacts import ContactBook
from services.notifier.adapters.inbox import Inbox
from services.notifier.adapters.sms_jobs import SmsJobs
from services.notifier.domain import (
    Notice,
    render_information_request,
    render_notice,
    render_outreach,
)

SOURCE = "/yuzhu/notifier"


def receipt(
    *, cause: Event | None, decision_id: str, application_id: str, channel: str, status: str,
    attempt: int = 1, detail: str | None = None,
) -> Event:  # fmt: skip
    """A delivery receipt; its id is derived from decision, channel and status, so a repeated
    receipt is recognisably the same one."""
    receipt_id = stable_id(decision_id, channel, status)
    data = {
        "receipt_id": receipt_id,
        "decision_id": decision_id,
        "application_id": application_id,
        "channel": channel,
        "status": status,
        "attempt": attempt,
        "at": now_rfc3339(),
    }
    if detail:
        data["detail"] = detail
    return new_event(EventType.NOTIFICATION_RECEIPT, source=SOURCE, subject=application_id,
                     event_id=receipt_id, caused_by=cause, data=data)  # fmt: skip


class NotifyHandler:
    def __init__(
        self, *, inbox: Inbox, publisher: EventPublisher, receipts_topic: str,
        contacts: ContactBook, sms: SmsJobs | None = None,
    ) -> None:  # fmt: skip
        self._inbox = inbox
        self._publisher = publisher
        self._receipts_topic = receipts_topic
        self._contacts = contacts
        self._sms = sms

    async def __call__(self, event: Event) -> None:
        if event.type == EventType.APPLICATION_SUBMITTED:
            applicant = event.data["applicant"]
            await self._contacts.remember(str(event.data["application_id"]), applicant["phone"])
        elif event.type == EventType.DETERMINATION_ISSUED:
            await self._deliver(event, render_notice(event.id, event.time, event.data))
        elif event.type == EventType.OUTREACH_SUGGESTED:
            await self._deliver(event, render_outreach(event.id, event.time, event.data))
        elif event.type == EventType.INFORMATION_REQUESTED:
            notice = render_information_request(event.id, event.time, event.data)
            await self._deliver(event, notice)
        else:
            raise InvalidEvent(
                "unexpected_event_type", f"the notifier does not handle {event.type}"
            )

    async def _deliver(self, event: Event, notice: Notice) -> None:
        application_id = notice.application_id
        body = notice.to_dict()
        await self._inbox.deliver(application_id, body)
        if self._sms is not None and body.get("sms"):
            await self._sms.enqueue(notice.notice_id, application_id, str(body["sms"]))
        delivered = receipt(cause=event, decision_id=event.id, application_id=application_id,
                            channel="inbox", status="delivered")  # fmt: skip
        await self._publisher.publish(self._receipts_topic, application_id, delivered)
