"""SchemaViolation: machine code, JSON Pointer path, and a detail that never leaks the value."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, UnknownEventType, validate_data, validate_envelope

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
_EVENT = json.loads((EXAMPLES / "application.submitted.v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def event() -> dict[str, Any]:
    return copy.deepcopy(_EVENT)


def violation_of(obj: object) -> SchemaViolation:
    with pytest.raises(SchemaViolation) as caught:
        validate_envelope(obj)
    return caught.value


@pytest.mark.parametrize("person", ["applicant", "beneficiary"])
def test_detail_does_not_contain_the_offending_id_number_when_it_is_malformed(
    event: dict[str, Any], person: str
) -> None:
    malformed = event["data"][person]["id_number"][:17] + "x"
    event["data"][person]["id_number"] = malformed
    violation = violation_of(event)
    assert violation.path == f"/data/{person}/id_number"
    assert malformed not in violation.detail
    assert malformed not in str(violation)
    assert malformed[:17] not in violation.detail


def test_detail_does_not_contain_a_too_long_id_number_or_phone(event: dict[str, Any]) -> None:
    event["data"]["applicant"]["id_number"] = "5002381980031502451"
    assert "5002381980031502451" not in violation_of(event).detail
    event = copy.deepcopy(_EVENT)
    event["data"]["applicant"]["phone"] = "138960527180"
    assert "138960527180" not in violation_of(event).detail


def test_detail_does_not_contain_a_name_given_where_a_number_belongs(
    event: dict[str, Any],
) -> None:
    event["data"]["household"]["members"] = "刘德贵"
    assert "刘德贵" not in violation_of(event).detail


def test_detail_names_the_path_and_the_failed_keyword(event: dict[str, Any]) -> None:
    event["data"]["household"]["members"] = 0
    violation = violation_of(event)
    assert violation.detail == "/data/household/members: must be >= 1 (minimum)"
    assert str(violation) == violation.detail


def test_schema_violation_is_a_value_error_with_code_schema_violation(
    event: dict[str, Any],
) -> None:
    del event["data"]["household"]
    violation = violation_of(event)
    assert isinstance(violation, ValueError)
    assert violation.code == "schema_violation"
    assert violation.path == "/data/household"


def test_unknown_event_type_has_its_own_code_but_is_a_schema_violation() -> None:
    assert issubclass(UnknownEventType, SchemaViolation)
    assert UnknownEventType.code == "unknown_event_type"
    assert SchemaViolation.code == "schema_violation"


def test_unknown_event_type_detail_does_not_echo_a_type_that_looks_like_personal_data(
    event: dict[str, Any],
) -> None:
    event["type"] = "刘德贵 13896052718"
    violation = violation_of(event)
    assert isinstance(violation, UnknownEventType)
    assert "13896052718" not in violation.detail
    assert "刘德贵" not in violation.detail


def test_validate_data_with_an_unknown_type_raises_unknown_event_type() -> None:
    with pytest.raises(UnknownEventType) as caught:
        validate_data("cq.yuzhu.application.withdrawn.v1", {})
    assert caught.value.path == ""


def test_validate_data_accepts_the_type_as_a_plain_string(event: dict[str, Any]) -> None:
    validate_data("cq.yuzhu.application.submitted.v1", event["data"])
    validate_data(EventType.APPLICATION_SUBMITTED, event["data"])


def test_path_escapes_slash_and_tilde_in_property_names_as_json_pointer(
    event: dict[str, Any],
) -> None:
    event["data"]["household"]["a/b~c"] = 1
    assert violation_of(event).path == "/data/household/a~1b~0c"


def test_first_error_in_schema_order_is_reported_when_there_are_several(
    event: dict[str, Any],
) -> None:
    event["data"]["household"]["members"] = 0
    event["data"]["household"]["district"] = "成都市"
    assert violation_of(event).path == "/data/household/district"
