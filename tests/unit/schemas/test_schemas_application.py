"""The application.submitted.v1 data schema (SPEC §2)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, validate_data
from services.common.districts import CANONICAL_NAMES

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
_EVENT = json.loads((EXAMPLES / "application.submitted.v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def app() -> dict[str, Any]:
    return copy.deepcopy(_EVENT["data"])


def failing_path(data: object) -> str:
    with pytest.raises(SchemaViolation) as caught:
        validate_data(EventType.APPLICATION_SUBMITTED, data)
    return caught.value.path


def test_application_with_unknown_district_is_rejected_at_its_path(app: dict[str, Any]) -> None:
    app["household"]["district"] = "成都市"
    assert failing_path(app) == "/household/district"


@pytest.mark.parametrize("name", ["开县", "巫溪", "石柱县", " 巫溪县"])
def test_application_with_a_former_or_short_district_name_is_rejected(
    app: dict[str, Any], name: str
) -> None:
    app["household"]["district"] = name
    assert failing_path(app) == "/household/district"


@pytest.mark.parametrize("name", CANONICAL_NAMES)
def test_application_in_every_canonical_district_is_accepted(
    app: dict[str, Any], name: str
) -> None:
    app["household"]["district"] = name
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize("members", [0, -1, 1.5, True, "3"])
def test_application_with_invalid_members_is_rejected(app: dict[str, Any], members: Any) -> None:
    app["household"]["members"] = members
    assert failing_path(app) == "/household/members"


@pytest.mark.parametrize("field", ["monthly_income", "financial_assets"])
@pytest.mark.parametrize("amount", [-0.01, "100", None, float("nan"), float("inf")])
def test_application_with_negative_or_non_numeric_money_is_rejected(
    app: dict[str, Any], field: str, amount: Any
) -> None:
    app["household"][field] = amount
    assert failing_path(app) == f"/household/{field}"


def test_integer_money_is_accepted(app: dict[str, Any]) -> None:
    app["household"]["monthly_income"] = 0
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize(
    "id_number",
    ["50023819800315024x", "50023819800315024", "5002381980031502455", "50023819800315024\n"],
)
def test_application_with_malformed_applicant_id_number_is_rejected(
    app: dict[str, Any], id_number: str
) -> None:
    app["applicant"]["id_number"] = id_number
    assert failing_path(app) == "/applicant/id_number"


def test_id_number_ending_in_capital_x_is_well_formed(app: dict[str, Any]) -> None:
    app["applicant"]["id_number"] = "11010519491231002X"
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize("phone", ["12896052718", "1389605271", "+8613896052718", "138-9605-2718"])
def test_application_with_malformed_phone_is_rejected(app: dict[str, Any], phone: str) -> None:
    app["applicant"]["phone"] = phone
    assert failing_path(app) == "/applicant/phone"


def test_application_without_beneficiary_is_accepted(app: dict[str, Any]) -> None:
    del app["beneficiary"]
    validate_data(EventType.APPLICATION_SUBMITTED, app)


def test_beneficiary_attributes_are_all_optional(app: dict[str, Any]) -> None:
    app["beneficiary"] = {}
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("disability_grade", 5),
        ("disability_grade", -1),
        ("disability_kind", "blind"),
        ("parents", "unknown"),
        ("serious_illness", "no"),
        ("able_supporter", 0),
        ("in_institution", None),
        ("id_number", "not-an-id"),
    ],
)
def test_beneficiary_with_invalid_attribute_is_rejected_at_it(
    app: dict[str, Any], field: str, value: Any
) -> None:
    app["beneficiary"][field] = value
    assert failing_path(app) == f"/beneficiary/{field}"


@pytest.mark.parametrize("field", ["disability_kind", "parents"])
def test_beneficiary_null_enums_are_accepted(app: dict[str, Any], field: str) -> None:
    app["beneficiary"][field] = None
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize(
    "emergency",
    [None, {"kind": "fire"}, {"kind": "illness", "medical_expense": 12000.5}, {"kind": "other"}],
)
def test_application_with_null_or_valid_emergency_is_accepted(
    app: dict[str, Any], emergency: Any
) -> None:
    app["emergency"] = emergency
    validate_data(EventType.APPLICATION_SUBMITTED, app)


def test_application_without_emergency_is_accepted(app: dict[str, Any]) -> None:
    del app["emergency"]
    validate_data(EventType.APPLICATION_SUBMITTED, app)


@pytest.mark.parametrize(
    ("emergency", "path"),
    [
        ({}, "/emergency/kind"),
        ({"kind": "earthquake"}, "/emergency/kind"),
        ({"kind": "illness", "medical_expense": -5}, "/emergency/medical_expense"),
        ({"kind": "fire", "note": "厨房起火"}, "/emergency/note"),
        ("fire", "/emergency"),
    ],
)
def test_application_with_invalid_emergency_is_rejected_at_its_path(
    app: dict[str, Any], emergency: Any, path: str
) -> None:
    app["emergency"] = emergency
    assert failing_path(app) == path


@pytest.mark.parametrize(
    ("programs", "path"),
    [(["dibao", "housing"], "/programs_requested/1"), (["dibao", "dibao"], "/programs_requested")],
)
def test_application_with_unknown_or_repeated_program_is_rejected(
    app: dict[str, Any], programs: list[str], path: str
) -> None:
    app["programs_requested"] = programs
    assert failing_path(app) == path


@pytest.mark.parametrize(
    "field",
    ["application_id", "submitted_at", "channel", "applicant", "household", "programs_requested"],
)
def test_application_missing_a_required_field_is_rejected_at_that_field(
    app: dict[str, Any], field: str
) -> None:
    del app[field]
    assert failing_path(app) == f"/{field}"


@pytest.mark.parametrize(
    "submitted_at", ["2024-11-20T09:30:00", "2024-11-20", "2024-02-30T09:30:00Z"]
)
def test_application_submitted_at_must_be_rfc3339_with_offset(
    app: dict[str, Any], submitted_at: str
) -> None:
    app["submitted_at"] = submitted_at
    assert failing_path(app) == "/submitted_at"


def test_application_with_unknown_channel_is_rejected(app: dict[str, Any]) -> None:
    app["channel"] = "wechat"
    assert failing_path(app) == "/channel"


def test_application_with_non_uuid_id_is_rejected(app: dict[str, Any]) -> None:
    app["application_id"] = "APP-2024-0001"
    assert failing_path(app) == "/application_id"


def test_application_with_unexpected_top_level_field_is_rejected(app: dict[str, Any]) -> None:
    app["age"] = 72
    assert failing_path(app) == "/age"
