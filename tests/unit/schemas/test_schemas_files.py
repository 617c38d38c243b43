"""The schema files themselves: valid 2020-12 schemas, named by $id, districts in sync."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from schemas import EVENT_TYPES, EventType, UnknownEventType, envelope_schema, schema_for
from services.common.districts import CANONICAL_NAMES, DistrictGroup, group_of

JSON_DIR = Path(__file__).resolve().parents[3] / "schemas" / "json"
SCHEMA_FILES = sorted(JSON_DIR.glob("*.json"))


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_file_is_a_valid_draft_2020_12_schema(path: Path) -> None:
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_file_has_its_file_name_as_id(path: Path) -> None:
    assert load(path)["$id"] == path.name


def test_district_enum_equals_canonical_names_in_order() -> None:
    assert tuple(load(JSON_DIR / "district.v1.json")["enum"]) == CANONICAL_NAMES


def test_district_enum_is_what_the_generator_would_write() -> None:
    from schemas._gen_districts import district_schema

    assert load(JSON_DIR / "district.v1.json") == district_schema()


def test_every_event_type_has_a_data_schema_and_a_whole_event_schema() -> None:
    for event_type in EVENT_TYPES:
        assert (JSON_DIR / event_type.data_schema_file).is_file()
        event_schema = load(JSON_DIR / event_type.event_schema_file)
        assert event_schema["properties"]["type"] == {"const": event_type.value}
        assert event_schema["properties"]["data"] == {"$ref": event_type.data_schema_file}


def test_district_group_enum_equals_the_district_groups_in_order() -> None:
    enum = load(JSON_DIR / "common.v1.json")["$defs"]["district_group"]["enum"]
    assert enum == [str(g) for g in DistrictGroup]


def test_every_canonical_district_belongs_to_a_group_in_the_enum() -> None:
    enum = load(JSON_DIR / "common.v1.json")["$defs"]["district_group"]["enum"]
    assert {str(group_of(name)) for name in CANONICAL_NAMES} == set(enum)


def test_event_types_are_the_seven_v1_types() -> None:
    assert [str(t) for t in EVENT_TYPES] == [
        "cq.yuzhu.application.submitted.v1",
        "cq.yuzhu.determination.issued.v1",
        "cq.yuzhu.notification.receipt.v1",
        "cq.yuzhu.review.requested.v1",
        "cq.yuzhu.outreach.suggested.v1",
        "cq.yuzhu.handoff.requested.v1",
        "cq.yuzhu.information.requested.v1",
    ]


def test_the_new_types_are_enum_members_with_their_schema_files() -> None:
    assert EventType.REVIEW_REQUESTED.data_schema_file == "review.requested.v1.json"
    assert EventType.OUTREACH_SUGGESTED.event_schema_file == "outreach.suggested.v1.event.json"
    assert EventType.HANDOFF_REQUESTED.data_schema_file == "handoff.requested.v1.json"
    assert EventType.HANDOFF_REQUESTED.event_schema_file == "handoff.requested.v1.event.json"
    assert EventType.INFORMATION_REQUESTED.data_schema_file == "information.requested.v1.json"
    assert (
        EventType.INFORMATION_REQUESTED.event_schema_file == "information.requested.v1.event.json"
    )


@pytest.mark.parametrize(
    ("file_name", "field"),
    [
        ("review.requested.v1.json", "programs"),
        ("outreach.suggested.v1.json", "programs"),
        ("review.requested.v1.json", "district_group"),
        ("outreach.suggested.v1.json", "district_group"),
        ("outreach.suggested.v1.json", "target_version"),
        ("handoff.requested.v1.json", "district_group"),
        ("handoff.requested.v1.json", "requested_at"),
        ("handoff.requested.v1.json", "handoff_id"),
        ("information.requested.v1.json", "request_id"),
        ("information.requested.v1.json", "application_id"),
        ("information.requested.v1.json", "requested_at"),
        ("determination.issued.v1.json", "policy_version"),
    ],
)
def test_shared_definitions_are_referenced_from_common_not_copied(
    file_name: str, field: str
) -> None:
    assert load(JSON_DIR / file_name)["properties"][field]["$ref"].startswith("common.v1.json#/")


def test_schema_for_accepts_the_type_as_a_string_and_returns_the_data_schema() -> None:
    schema = schema_for("cq.yuzhu.determination.issued.v1")
    assert schema == load(JSON_DIR / "determination.issued.v1.json")


def test_schema_for_returns_a_copy_that_callers_may_change() -> None:
    schema_for(EventType.APPLICATION_SUBMITTED)["properties"].clear()
    assert "household" in schema_for(EventType.APPLICATION_SUBMITTED)["properties"]
    envelope_schema()["required"].clear()
    assert "traceparent" in envelope_schema()["required"]


def test_schema_for_an_unknown_type_raises_unknown_event_type() -> None:
    with pytest.raises(UnknownEventType):
        schema_for("cq.yuzhu.application.submitted.v9")
