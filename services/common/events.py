"""The event codec: CloudEvents 1.0 in structured JSON mode, validated at the edge.

Producers build events with :func:`new_event` and write :func:`encode`'s value and headers;
consumers call :func:`decode`, which returns a valid :class:`Event` or raises
:class:`~services.common.errors.InvalidEvent` with a machine code for the dead-letter topic.
An event's ``id`` is its idempotency key: derive it with :func:`stable_id` from what makes the
event unique, so a retry or a redelivery produces the same id and downstream dedupe holds.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from schemas import EventType, SchemaViolation, validate_envelope
from services.common.errors import InvalidEvent

CONTENT_TYPE = "application/cloudevents+json"
# Events are JSON objects of a few kilobytes; anything far larger is not ours.
MAX_EVENT_BYTES = 256 * 1024

_ID_NAMESPACE = uuid.UUID("5f0c1c0e-7a43-4c1e-9a51-2f7a1e0c9b30")

Headers = list[tuple[str, bytes]]


def stable_id(*parts: str) -> str:
    """A UUID derived from ``parts``: the same parts always give the same event id."""
    return str(uuid.uuid5(_ID_NAMESPACE, "\x1f".join(parts)))


def new_traceparent() -> str:
    """A fresh W3C ``traceparent`` (version 00, sampled)."""
    return f"00-{os.urandom(16).hex()}-{os.urandom(8).hex()}-01"


def child_traceparent(parent: str) -> str:
    """The same trace with a new span id: an event caused by ``parent``'s event."""
    version, trace_id, _span, flags = parent.split("-")
    return f"{version}-{trace_id}-{os.urandom(8).hex()}-{flags}"


def now_rfc3339() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    source: str
    subject: str
    data: dict[str, Any]
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    time: str = field(default_factory=now_rfc3339)
    traceparent: str = field(default_factory=new_traceparent)

    def envelope(self) -> dict[str, Any]:
        return {
            "specversion": "1.0",
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "time": self.time,
            "subject": self.subject,
            "datacontenttype": "application/json",
            "traceparent": self.traceparent,
            "data": self.data,
        }


def new_event(
    event_type: EventType,
    *,
    source: str,
    subject: str,
    data: dict[str, Any],
    event_id: str | None = None,
    caused_by: Event | None = None,
) -> Event:
    """A new event; with ``caused_by`` it joins that event's trace."""
    traceparent = child_traceparent(caused_by.traceparent) if caused_by else new_traceparent()
    return Event(
        type=str(event_type),
        source=source,
        subject=subject,
        data=data,
        id=event_id or str(uuid.uuid4()),
        traceparent=traceparent,
    )


def encode(event: Event) -> tuple[bytes, Headers]:
    """The record value and headers for ``event``. Validates first: a producer never writes an
    event its consumers would reject (raises InvalidEvent, a bug in the producer)."""
    envelope = event.envelope()
    try:
        validate_envelope(envelope)
    except SchemaViolation as exc:
        raise InvalidEvent(exc.code, f"{exc.path or '/'}: {exc.detail}") from None
    value = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
    return value, [("content-type", CONTENT_TYPE.encode()), ("ce_type", event.type.encode())]


def decode(value: bytes | None) -> Event:
    """The event in a record value, or InvalidEvent naming why it can never be processed."""
    if not value:
        raise InvalidEvent("empty_record", "the record has no value")
    if len(value) > MAX_EVENT_BYTES:
        raise InvalidEvent("record_too_large", f"{len(value)} bytes > {MAX_EVENT_BYTES}")
    try:
        obj = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidEvent("not_json", f"value is not UTF-8 JSON ({type(exc).__name__})") from None
    try:
        validate_envelope(obj)
    except SchemaViolation as exc:
        raise InvalidEvent(exc.code, f"{exc.path or '/'}: {exc.detail}") from None
    return Event(
        type=obj["type"],
        source=obj["source"],
        subject=obj["subject"],
        data=obj["data"],
        id=obj["id"],
        time=obj["time"],
        traceparent=obj["traceparent"],
    )


def dead_letter_headers(
    *, reason: str, detail: str, topic: str, partition: int, offset: int, consumer: str
) -> Headers:
    """Headers of a dead-lettered record (its value and key are the original bytes)."""
    return [
        ("dlq.reason", reason.encode()),
        ("dlq.detail", detail[:1000].encode()),
        ("dlq.source.topic", topic.encode()),
        ("dlq.source.partition", str(partition).encode()),
        ("dlq.source.offset", str(offset).encode()),
        ("dlq.consumer", consumer.encode()),
        ("dlq.failed_at", now_rfc3339().encode()),
    ]
