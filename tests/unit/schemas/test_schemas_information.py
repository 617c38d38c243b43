"""The information.requested.v1 (a caseworker asks the resident for more) data schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, validate_data
from services.common.districts import CANONICAL_NAMES

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"

REQUIRED_FIELDS = ["request_id", "application_id", "district", "message", "requested_at"]
ID_NUMBER = "500238198003150245"
PHONE = "13896052718"


def load(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return event


def failing(data: object) -> SchemaViolation:
    with pytest.raises(SchemaViolation) as caught:
        validate_data(EventType.INFORMATION_REQUESTED, data)
    return caught.value


def failing_path(data: object) -> str:
    return failing(data).path


@pytest.fixture
def request_data() -> dict[str, Any]:
    return copy.deepcopy(load("information.requested.v1.json")["data"])


# --- fields ---


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_request_missing_a_required_field_is_rejected_at_that_field(
    request_data: dict[str, Any], field: str
) -> None:
    del request_data[field]
    assert failing_path(request_data) == f"/{field}"


def test_request_without_a_reply_by_date_is_accepted(request_data: dict[str, Any]) -> None:
    del request_data["reply_by"]
    validate_data(EventType.INFORMATION_REQUESTED, request_data)


@pytest.mark.parametrize("name", CANONICAL_NAMES)
def test_request_in_every_canonical_district_is_accepted(
    request_data: dict[str, Any], name: str
) -> None:
    request_data["district"] = name
    validate_data(EventType.INFORMATION_REQUESTED, request_data)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("request_id", "request-1"),
        ("request_id", None),
        ("application_id", "APP-2024-0001"),
        ("application_id", "3f6c1d2a8b4e4c7a9e215d0b7a6f4c93"),
        ("district", "巫溪"),
        ("district", ""),
        ("requested_at", "2024-11-21T10:15:00"),
        ("requested_at", "2024-11-21"),
        ("message", None),
        ("message", ["请补充户口簿照片"]),
    ],
)
def test_request_with_invalid_field_is_rejected_at_it(
    request_data: dict[str, Any], field: str, value: Any
) -> None:
    request_data[field] = value
    assert failing_path(request_data) == f"/{field}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", PHONE),
        ("id_number", ID_NUMBER),
        ("district_group", "渝东北"),
        ("caseworker", "caseworker-7"),
        ("attachments", []),
    ],
)
def test_request_with_unexpected_top_level_field_is_rejected(
    request_data: dict[str, Any], field: str, value: Any
) -> None:
    request_data[field] = value
    assert failing_path(request_data) == f"/{field}"


# --- message ---


@pytest.mark.parametrize(
    "message",
    [
        "请补充提供户口簿照片",
        "字",
        "字" * 500,
        "请补充近6个月的银行流水，以及2023年的收入证明。",
        "请在11月28日前补充，共需3份材料：1234567890",
        "请补充提供户口簿照片\n谢谢！",
    ],
)
def test_message_of_1_to_500_characters_without_long_digit_runs_is_accepted(
    request_data: dict[str, Any], message: str
) -> None:
    request_data["message"] = message
    validate_data(EventType.INFORMATION_REQUESTED, request_data)


@pytest.mark.parametrize("message", ["", "字" * 501])
def test_message_that_is_empty_or_longer_than_500_characters_is_rejected(
    request_data: dict[str, Any], message: str
) -> None:
    request_data["message"] = message
    assert failing_path(request_data) == "/message"


@pytest.mark.parametrize(
    "message",
    [
        f"请补充提供户口簿照片，拍好后发到{PHONE}。",
        f"申请人身份证号{ID_NUMBER}与户口簿不一致，请补充说明。",
        f"身份证号{ID_NUMBER[:17]}X有误",
        PHONE,
        "请联系12345678901",
        "请致电１３８９６０５２７１８",
        "请致电1389６052718",
        "0" * 11,
    ],
)
def test_message_with_a_run_of_11_or_more_digits_is_rejected(
    request_data: dict[str, Any], message: str
) -> None:
    request_data["message"] = message
    violation = failing(request_data)
    assert violation.path == "/message"
    assert "(not)" in violation.detail


@pytest.mark.parametrize(
    "message",
    [
        f"请拨打{PHONE}",
        f"身份证{ID_NUMBER}",
        f"刘晓梅，身份证{ID_NUMBER}，电话{PHONE}" + "字" * 500,
    ],
)
def test_violation_detail_does_not_echo_the_message(
    request_data: dict[str, Any], message: str
) -> None:
    request_data["message"] = message
    detail = failing(request_data).detail
    for secret in ("刘晓梅", ID_NUMBER, PHONE, "身份证", "请拨打"):
        assert secret not in detail


def test_message_schema_says_it_must_not_contain_id_numbers_or_phones() -> None:
    schema = json.loads(
        (EXAMPLES.parent / "json" / "information.requested.v1.json").read_text(encoding="utf-8")
    )
    description = schema["properties"]["message"]["description"]
    assert "ID numbers" in description
    assert "phone numbers" in description


# --- reply_by ---


@pytest.mark.parametrize("reply_by", ["2024-11-28", "2024-12-31", "2025-02-28", "2028-02-29"])
def test_reply_by_calendar_date_is_accepted(request_data: dict[str, Any], reply_by: str) -> None:
    request_data["reply_by"] = reply_by
    validate_data(EventType.INFORMATION_REQUESTED, request_data)


@pytest.mark.parametrize(
    "reply_by",
    [
        "2024-11-28T18:00:00+08:00",
        "2024-11-28T18:00:00",
        "20241128",
        "2024/11/28",
        "2024-11-31",
        "2025-02-29",
        "2024-11-28\n",
        "11月28日",
        "",
        None,
        20241128,
    ],
)
def test_reply_by_that_is_not_a_calendar_date_is_rejected(
    request_data: dict[str, Any], reply_by: Any
) -> None:
    request_data["reply_by"] = reply_by
    assert failing_path(request_data) == "/reply_by"


def test_reply_by_with_a_time_is_reported_as_not_a_date(request_data: dict[str, Any]) -> None:
    request_data["reply_by"] = "2024-11-28T18:00:00+08:00"
    assert failing(request_data).detail == "/reply_by: must be a valid date (YYYY-MM-DD) (format)"


# --- the example tells one consistent story ---


def test_information_example_id_is_its_event_id_and_its_subject_the_application() -> None:
    event = load("information.requested.v1.json")
    assert event["data"]["request_id"] == event["id"]
    assert event["subject"] == event["data"]["application_id"]
    assert event["source"] == "/yuzhu/console"


def test_information_example_is_about_the_example_application(
    request_data: dict[str, Any],
) -> None:
    application = load("application.submitted.v1.json")["data"]
    review = load("review.requested.v1.json")
    assert request_data["application_id"] == application["application_id"]
    assert request_data["district"] == application["household"]["district"]
    assert request_data["requested_at"] > review["time"]
    assert request_data["reply_by"] > request_data["requested_at"][:10]
