"""The determination.issued.v1 (SPEC §4) and notification.receipt.v1 data schemas."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, validate_data

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"


def example_data(name: str) -> dict[str, Any]:
    event = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return copy.deepcopy(event["data"])


def failing_path(event_type: EventType, data: object) -> str:
    with pytest.raises(SchemaViolation) as caught:
        validate_data(event_type, data)
    return caught.value.path


@pytest.fixture
def determination() -> dict[str, Any]:
    return example_data("determination.issued.v1.json")


@pytest.fixture
def receipt() -> dict[str, Any]:
    return example_data("notification.receipt.v1.json")


@pytest.mark.parametrize("version", ["cq-2022-9", "2022-09", "cq-2022-09\n", "sh-2022-09"])
def test_determination_with_malformed_policy_version_is_rejected(
    determination: dict[str, Any], version: str
) -> None:
    determination["policy_version"] = version
    assert failing_path(EventType.DETERMINATION_ISSUED, determination) == "/policy_version"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("stage", "draft"),
        ("status", "pending"),
        ("marginal", "false"),
        ("total_one_off_amount", -1),
    ],
)
def test_determination_with_invalid_top_level_field_is_rejected_at_it(
    determination: dict[str, Any], field: str, value: Any
) -> None:
    determination[field] = value
    assert failing_path(EventType.DETERMINATION_ISSUED, determination) == f"/{field}"


def test_final_determination_is_accepted(determination: dict[str, Any]) -> None:
    determination["stage"] = "final"
    validate_data(EventType.DETERMINATION_ISSUED, determination)


@pytest.mark.parametrize(
    ("field", "value"),
    [("program", "housing"), ("outcome", "pending"), ("monthly_amount", -0.01)],
)
def test_program_result_with_invalid_field_is_rejected_at_it(
    determination: dict[str, Any], field: str, value: Any
) -> None:
    determination["programs"][1][field] = value
    assert failing_path(EventType.DETERMINATION_ISSUED, determination) == f"/programs/1/{field}"


@pytest.mark.parametrize("field", ["rule", "passed", "message", "citation", "values"])
def test_reason_missing_a_field_is_rejected_at_that_field(
    determination: dict[str, Any], field: str
) -> None:
    del determination["programs"][0]["reasons"][2][field]
    path = f"/programs/0/reasons/2/{field}"
    assert failing_path(EventType.DETERMINATION_ISSUED, determination) == path


def test_determination_without_programs_is_rejected(determination: dict[str, Any]) -> None:
    determination["programs"] = []
    assert failing_path(EventType.DETERMINATION_ISSUED, determination) == "/programs"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("channel", "email"),
        ("status", "read"),
        ("attempt", 0),
        ("attempt", 1.5),
        ("at", "2024-11-20T01:30:04"),
        ("receipt_id", "r-1"),
        ("decision_id", ""),
        ("detail", ""),
    ],
)
def test_receipt_with_invalid_field_is_rejected_at_it(
    receipt: dict[str, Any], field: str, value: Any
) -> None:
    receipt[field] = value
    assert failing_path(EventType.NOTIFICATION_RECEIPT, receipt) == f"/{field}"


def test_receipt_detail_is_optional(receipt: dict[str, Any]) -> None:
    del receipt["detail"]
    receipt["status"] = "delivered"
    validate_data(EventType.NOTIFICATION_RECEIPT, receipt)


@pytest.mark.parametrize(
    "field", ["receipt_id", "decision_id", "application_id", "channel", "status", "attempt", "at"]
)
def test_receipt_missing_a_required_field_is_rejected_at_that_field(
    receipt: dict[str, Any], field: str
) -> None:
    del receipt[field]
    assert failing_path(EventType.NOTIFICATION_RECEIPT, receipt) == f"/{field}"
