"""The review.requested.v1 (caseworker task) and outreach.suggested.v1 (主动发现) data schemas."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, validate_data
from services.common.districts import CANONICAL_NAMES, group_of

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"

REVIEW_FIELDS = [
    "task_id",
    "application_id",
    "district",
    "district_group",
    "programs",
    "policy_version",
    "created_at",
    "application",
    "determination",
]
OUTREACH_FIELDS = [
    "outreach_id",
    "application_id",
    "district",
    "district_group",
    "baseline_version",
    "target_version",
    "baseline_status",
    "programs",
    "total_monthly_amount",
    "total_one_off_amount",
    "found_at",
]


def load(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return event


def failing_path(event_type: EventType, data: object) -> str:
    with pytest.raises(SchemaViolation) as caught:
        validate_data(event_type, data)
    return caught.value.path


@pytest.fixture
def review() -> dict[str, Any]:
    return copy.deepcopy(load("review.requested.v1.json")["data"])


@pytest.fixture
def outreach() -> dict[str, Any]:
    return copy.deepcopy(load("outreach.suggested.v1.json")["data"])


# --- review.requested.v1 ---


@pytest.mark.parametrize("field", REVIEW_FIELDS)
def test_review_missing_a_required_field_is_rejected_at_that_field(
    review: dict[str, Any], field: str
) -> None:
    del review[field]
    assert failing_path(EventType.REVIEW_REQUESTED, review) == f"/{field}"


@pytest.mark.parametrize(
    ("programs", "path"),
    [
        ([], "/programs"),
        (["tekun", "tekun"], "/programs"),
        (["tekun", "housing"], "/programs/1"),
        ("tekun", "/programs"),
    ],
)
def test_review_with_empty_repeated_or_unknown_programs_is_rejected(
    review: dict[str, Any], programs: Any, path: str
) -> None:
    review["programs"] = programs
    assert failing_path(EventType.REVIEW_REQUESTED, review) == path


def test_review_of_several_programs_is_accepted(review: dict[str, Any]) -> None:
    review["programs"] = ["tekun", "dibao", "temporary"]
    validate_data(EventType.REVIEW_REQUESTED, review)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("task_id", "task-1"),
        ("application_id", ""),
        ("application_id", "APP-2024-0001"),
        ("district", "巫溪"),
        ("district_group", "渝西"),
        ("district_group", "main_urban"),
        ("policy_version", "cq-2022-9"),
        ("created_at", "2024-11-20T09:30:03"),
    ],
)
def test_review_with_invalid_top_level_field_is_rejected_at_it(
    review: dict[str, Any], field: str, value: Any
) -> None:
    review[field] = value
    assert failing_path(EventType.REVIEW_REQUESTED, review) == f"/{field}"


def test_review_with_unexpected_top_level_field_is_rejected(review: dict[str, Any]) -> None:
    review["assignee"] = "caseworker-7"
    assert failing_path(EventType.REVIEW_REQUESTED, review) == "/assignee"


def test_embedded_application_is_validated_as_an_application(review: dict[str, Any]) -> None:
    review["application"]["household"]["members"] = 0
    assert failing_path(EventType.REVIEW_REQUESTED, review) == "/application/household/members"


def test_embedded_determination_is_validated_as_a_determination(review: dict[str, Any]) -> None:
    review["determination"]["programs"][0]["outcome"] = "pending"
    path = "/determination/programs/0/outcome"
    assert failing_path(EventType.REVIEW_REQUESTED, review) == path


@pytest.mark.parametrize(("field", "value"), [("status", "eligible"), ("stage", "final")])
def test_embedded_determination_must_be_a_preliminary_one_that_needs_review(
    review: dict[str, Any], field: str, value: str
) -> None:
    review["determination"][field] = value
    assert failing_path(EventType.REVIEW_REQUESTED, review) == f"/determination/{field}"


# --- outreach.suggested.v1 ---


@pytest.mark.parametrize("field", OUTREACH_FIELDS)
def test_outreach_missing_a_required_field_is_rejected_at_that_field(
    outreach: dict[str, Any], field: str
) -> None:
    del outreach[field]
    assert failing_path(EventType.OUTREACH_SUGGESTED, outreach) == f"/{field}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "刘德贵"),
        ("id_number", "500238195206080132"),
        ("phone", "13896052718"),
        ("monthly_income", 320.0),
        ("household", {"members": 1}),
    ],
)
def test_outreach_carrying_personal_data_is_rejected_at_that_field(
    outreach: dict[str, Any], field: str, value: Any
) -> None:
    outreach[field] = value
    assert failing_path(EventType.OUTREACH_SUGGESTED, outreach) == f"/{field}"


def test_outreach_violation_detail_does_not_echo_personal_data(outreach: dict[str, Any]) -> None:
    outreach["phone"] = "13896052718"
    with pytest.raises(SchemaViolation) as caught:
        validate_data(EventType.OUTREACH_SUGGESTED, outreach)
    assert "13896052718" not in caught.value.detail


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("outreach_id", "o-1"),
        ("application_id", "APP-2024-0001"),
        ("district", "成都市"),
        ("district_group", "渝西"),
        ("baseline_version", "2021-09"),
        ("target_version", "cq-2022-09\n"),
        ("baseline_status", "refused"),
        ("total_monthly_amount", -0.01),
        ("total_one_off_amount", "0"),
        ("found_at", "2024-12-02"),
    ],
)
def test_outreach_with_invalid_field_is_rejected_at_it(
    outreach: dict[str, Any], field: str, value: Any
) -> None:
    outreach[field] = value
    assert failing_path(EventType.OUTREACH_SUGGESTED, outreach) == f"/{field}"


@pytest.mark.parametrize(
    ("programs", "path"),
    [([], "/programs"), (["dibao", "dibao"], "/programs"), (["pension"], "/programs/0")],
)
def test_outreach_with_empty_repeated_or_unknown_programs_is_rejected(
    outreach: dict[str, Any], programs: list[str], path: str
) -> None:
    outreach["programs"] = programs
    assert failing_path(EventType.OUTREACH_SUGGESTED, outreach) == path


@pytest.mark.parametrize("status", ["eligible", "needs_review", "ineligible"])
def test_outreach_accepts_every_baseline_status(outreach: dict[str, Any], status: str) -> None:
    outreach["baseline_status"] = status
    validate_data(EventType.OUTREACH_SUGGESTED, outreach)


@pytest.mark.parametrize("name", CANONICAL_NAMES)
def test_outreach_in_every_canonical_district_with_its_group_is_accepted(
    outreach: dict[str, Any], name: str
) -> None:
    outreach["district"] = name
    outreach["district_group"] = str(group_of(name))
    validate_data(EventType.OUTREACH_SUGGESTED, outreach)


def test_integer_amounts_are_accepted(outreach: dict[str, Any]) -> None:
    outreach["total_monthly_amount"] = 932
    outreach["total_one_off_amount"] = 0
    validate_data(EventType.OUTREACH_SUGGESTED, outreach)


# --- the examples tell one consistent story ---


def test_review_example_embeds_the_example_application_unchanged(review: dict[str, Any]) -> None:
    assert review["application"] == load("application.submitted.v1.json")["data"]


def test_review_example_repeats_what_it_embeds(review: dict[str, Any]) -> None:
    application, determination = review["application"], review["determination"]
    assert review["application_id"] == application["application_id"]
    assert review["application_id"] == determination["application_id"]
    assert review["district"] == application["household"]["district"]
    assert review["district_group"] == group_of(review["district"])
    assert review["policy_version"] == determination["policy_version"]
    needs_review = [
        p["program"] for p in determination["programs"] if p["outcome"] == "needs_review"
    ]
    assert review["programs"] == needs_review


def test_review_example_task_id_is_its_event_id() -> None:
    event = load("review.requested.v1.json")
    assert event["data"]["task_id"] == event["id"]


def test_outreach_example_is_about_the_example_application(outreach: dict[str, Any]) -> None:
    application = load("application.submitted.v1.json")["data"]
    assert outreach["application_id"] == application["application_id"]
    assert outreach["district"] == application["household"]["district"]
    assert outreach["district_group"] == group_of(outreach["district"])
    assert outreach["baseline_version"] != outreach["target_version"]


def test_outreach_example_id_is_its_event_id() -> None:
    event = load("outreach.suggested.v1.json")
    assert event["data"]["outreach_id"] == event["id"]
