from __future__ import annotations

import json

import pytest

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import MAX_EVENT_BYTES, decode, encode, new_event, stable_id
from tests.support.applications import application


def submitted(payload: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    payload = payload or application()
    return new_event(
        EventType.APPLICATION_SUBMITTED, source="/tests", subject=str(payload["application_id"]),
        data=payload,
    )  # fmt: skip


def test_an_encoded_event_decodes_to_the_same_event() -> None:
    event = submitted()
    value, headers = encode(event)
    assert decode(value) == event
    assert dict(headers)["ce_type"] == EventType.APPLICATION_SUBMITTED.encode()
    assert dict(headers)["content-type"] == b"application/cloudevents+json"


def test_stable_ids_are_the_same_for_the_same_parts_and_differ_otherwise() -> None:
    assert stable_id("a", "submitted") == stable_id("a", "submitted")
    assert stable_id("a", "submitted") != stable_id("a", "preliminary")
    assert stable_id("ab", "c") != stable_id("a", "bc")


def test_an_event_caused_by_another_joins_its_trace_with_a_new_span() -> None:
    cause = submitted()
    effect = new_event(EventType.APPLICATION_SUBMITTED, source="/t", subject=cause.subject,
                       data=cause.data, caused_by=cause)  # fmt: skip
    assert effect.traceparent.split("-")[1] == cause.traceparent.split("-")[1]
    assert effect.traceparent.split("-")[2] != cause.traceparent.split("-")[2]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (b"", "empty_record"),
        (None, "empty_record"),
        (b"\xff\xfe", "not_json"),
        (b"{oops", "not_json"),
        (b"[]", "schema_violation"),
        (b"x" * (MAX_EVENT_BYTES + 1), "record_too_large"),
    ],
)
def test_records_that_can_never_be_processed_raise_invalid_event_with_a_code(
    value: bytes | None, code: str
) -> None:
    with pytest.raises(InvalidEvent) as err:
        decode(value)
    assert err.value.code == code


def test_an_unknown_event_type_is_named_as_such() -> None:
    envelope = submitted().envelope() | {"type": "cq.yuzhu.something.else.v9"}
    with pytest.raises(InvalidEvent) as err:
        decode(json.dumps(envelope).encode())
    assert err.value.code == "unknown_event_type"


def test_a_producer_cannot_encode_an_event_its_consumers_would_reject() -> None:
    payload = application()
    payload["household"]["members"] = 0  # type: ignore[index]
    with pytest.raises(InvalidEvent) as err:
        encode(submitted(payload))
    assert err.value.code == "schema_violation"
    assert "/data/household/members" in err.value.detail
