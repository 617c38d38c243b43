"""The notifier's process step: one determination event in, one notice delivered, one receipt.

Idempotent by construction: the notice is keyed by the determination event's id (stored at most
once), and the receipt's id is derived from the same id, so a redelivered decision changes
nothing a resident can see.
"""

from __future__ import annotations

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event, now_rfc3339, stable_id
from services.common.publisher import EventPublisher
from services.notifier.adapters.inbox import Inbox
from services.notifier.domain import render_notice

SOURCE = "/yuzhu/notifier"


class NotifyHandler:
    def __init__(self, *, inbox: Inbox, publisher: EventPublisher, receipts_topic: str) -> None:
        self._inbox = inbox
        self._publisher = publisher
        self._receipts_topic = receipts_topic

    async def __call__(self, event: Event) -> None:
        if event.type != EventType.DETERMINATION_ISSUED:
            raise InvalidEvent(
                "unexpected_event_type", f"the notifier does not handle {event.type}"
            )
        application_id = event.data["application_id"]
        notice = render_notice(event.id, event.time, event.data)
        await self._inbox.deliver(application_id, notice.to_dict())
        receipt = new_event(
            EventType.NOTIFICATION_RECEIPT,
            source=SOURCE,
            subject=application_id,
            event_id=stable_id(event.id, "inbox", "delivered"),
            caused_by=event,
            data={
                "receipt_id": stable_id(event.id, "inbox", "delivered"),
                "decision_id": event.id,
                "application_id": application_id,
                "channel": "inbox",
                "status": "delivered",
                "attempt": 1,
                "at": now_rfc3339(),
            },
        )
        await self._publisher.publish(self._receipts_topic, application_id, receipt)
