"""validate_envelope: the CloudEvents envelope, then data by type."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import SchemaViolation, UnknownEventType, validate_envelope

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
_RECEIPT = json.loads((EXAMPLES / "notification.receipt.v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def event() -> dict[str, Any]:
    return copy.deepcopy(_RECEIPT)


def violation_of(obj: object) -> SchemaViolation:
    with pytest.raises(SchemaViolation) as caught:
        validate_envelope(obj)
    return caught.value


def test_envelope_without_traceparent_is_rejected_at_its_path(event: dict[str, Any]) -> None:
    del event["traceparent"]
    assert violation_of(event).path == "/traceparent"


@pytest.mark.parametrize(
    "traceparent",
    [
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n",
    ],
)
def test_envelope_with_malformed_traceparent_is_rejected(
    event: dict[str, Any], traceparent: str
) -> None:
    event["traceparent"] = traceparent
    assert violation_of(event).path == "/traceparent"


@pytest.mark.parametrize("time", ["2024-11-20T09:30:02", "2024-11-20 09:30:02+08:00", "2024-11-20"])
def test_envelope_time_without_offset_or_not_rfc3339_is_rejected(
    event: dict[str, Any], time: str
) -> None:
    event["time"] = time
    assert violation_of(event).path == "/time"


@pytest.mark.parametrize("specversion", ["0.3", "1", 1.0, None])
def test_envelope_with_wrong_specversion_is_rejected(
    event: dict[str, Any], specversion: Any
) -> None:
    event["specversion"] = specversion
    assert violation_of(event).path == "/specversion"


def test_envelope_id_must_be_a_uuid(event: dict[str, Any]) -> None:
    event["id"] = "receipt-1"
    assert violation_of(event).path == "/id"


def test_envelope_with_unexpected_attribute_is_rejected_at_it(event: dict[str, Any]) -> None:
    event["partitionkey"] = event["subject"]
    assert violation_of(event).path == "/partitionkey"


def test_envelope_with_non_json_datacontenttype_is_rejected(event: dict[str, Any]) -> None:
    event["datacontenttype"] = "text/plain"
    assert violation_of(event).path == "/datacontenttype"


def test_envelope_with_empty_subject_is_rejected(event: dict[str, Any]) -> None:
    event["subject"] = ""
    assert violation_of(event).path == "/subject"


def test_envelope_whose_data_is_not_an_object_is_rejected(event: dict[str, Any]) -> None:
    event["data"] = json.dumps(event["data"])
    assert violation_of(event).path == "/data"


@pytest.mark.parametrize("obj", [None, [], "{}", b"{}", 42])
def test_something_that_is_not_an_object_is_rejected_at_the_root(obj: object) -> None:
    violation = violation_of(obj)
    assert violation.path == ""
    assert violation.code == "schema_violation"


def test_dataschema_is_optional(event: dict[str, Any]) -> None:
    event.pop("dataschema", None)
    validate_envelope(event)
    event["dataschema"] = "https://example.org/schemas/notification.receipt.v1.json"
    validate_envelope(event)


def test_envelope_with_unknown_type_raises_unknown_event_type_at_type(
    event: dict[str, Any],
) -> None:
    event["type"] = "cq.yuzhu.notification.receipt.v2"
    with pytest.raises(UnknownEventType) as caught:
        validate_envelope(event)
    assert caught.value.path == "/type"
    assert caught.value.code == "unknown_event_type"
    assert "unknown event type" in caught.value.detail


def test_unknown_type_is_also_a_schema_violation(event: dict[str, Any]) -> None:
    event["type"] = "com.example.other"
    assert isinstance(violation_of(event), UnknownEventType)


def test_data_is_validated_against_the_schema_of_the_type(event: dict[str, Any]) -> None:
    event["type"] = "cq.yuzhu.application.submitted.v1"
    violation = violation_of(event)
    assert violation.path.startswith("/data")
    assert violation.code == "schema_violation"


def test_data_errors_are_reported_under_data(event: dict[str, Any]) -> None:
    event["data"]["status"] = "bounced"
    assert violation_of(event).path == "/data/status"


def test_envelope_errors_are_reported_before_data_errors(event: dict[str, Any]) -> None:
    event["data"]["status"] = "bounced"
    event["time"] = "yesterday"
    assert violation_of(event).path == "/time"
