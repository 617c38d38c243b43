"""The event types Yuzhu publishes and the schema files of their ``data``."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """CloudEvents ``type`` of every Yuzhu event. An incompatible change is a new ``.vN``."""

    APPLICATION_SUBMITTED = "cq.yuzhu.application.submitted.v1"
    DETERMINATION_ISSUED = "cq.yuzhu.determination.issued.v1"
    NOTIFICATION_RECEIPT = "cq.yuzhu.notification.receipt.v1"
    REVIEW_REQUESTED = "cq.yuzhu.review.requested.v1"
    OUTREACH_SUGGESTED = "cq.yuzhu.outreach.suggested.v1"
    HANDOFF_REQUESTED = "cq.yuzhu.handoff.requested.v1"
    INFORMATION_REQUESTED = "cq.yuzhu.information.requested.v1"

    @property
    def data_schema_file(self) -> str:
        """File name in ``schemas/json`` of the schema of this type's ``data``."""
        return _DATA_SCHEMA_FILES[self]

    @property
    def event_schema_file(self) -> str:
        """File name in ``schemas/json`` of the schema of the whole event (envelope + data)."""
        return self.data_schema_file.removesuffix(".json") + ".event.json"


_DATA_SCHEMA_FILES: dict[EventType, str] = {
    EventType.APPLICATION_SUBMITTED: "application.submitted.v1.json",
    EventType.DETERMINATION_ISSUED: "determination.issued.v1.json",
    EventType.NOTIFICATION_RECEIPT: "notification.receipt.v1.json",
    EventType.REVIEW_REQUESTED: "review.requested.v1.json",
    EventType.OUTREACH_SUGGESTED: "outreach.suggested.v1.json",
    EventType.HANDOFF_REQUESTED: "handoff.requested.v1.json",
    EventType.INFORMATION_REQUESTED: "information.requested.v1.json",
}

EVENT_TYPES: tuple[EventType, ...] = tuple(EventType)

ENVELOPE_SCHEMA_FILE = "envelope.v1.json"
