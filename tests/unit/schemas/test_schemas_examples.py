"""The committed examples: every valid one validates, every invalid one fails where it says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from schemas import EVENT_TYPES, EventType, SchemaViolation, validate_envelope
from schemas._formats import FORMAT_CHECKER

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"
EXAMPLES = SCHEMAS / "examples"
INVALID = EXAMPLES / "invalid"
VALID_FILES = sorted(EXAMPLES.glob("*.json"))
INVALID_FILES = sorted(p for p in INVALID.glob("*.json") if not p.name.endswith(".expected.json"))

GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def gb11643_check_char(first17: str) -> str:
    return "10X98765432"[
        sum(int(c) * w for c, w in zip(first17, GB11643_WEIGHTS, strict=True)) % 11
    ]


def whole_event_validator(event_type: EventType) -> Draft202012Validator:
    files = {p.name: load(p) for p in (SCHEMAS / "json").glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012))
        for name, s in files.items()
    )
    return Draft202012Validator(
        files[event_type.event_schema_file], registry=registry, format_checker=FORMAT_CHECKER
    )


def test_there_is_one_valid_example_per_event_type() -> None:
    assert sorted(load(p)["type"] for p in VALID_FILES) == sorted(EVENT_TYPES)


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_every_valid_example_validates(path: Path) -> None:
    validate_envelope(load(path))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_every_valid_example_matches_the_whole_event_schema_of_its_type(path: Path) -> None:
    event = load(path)
    errors = list(whole_event_validator(EventType(event["type"])).iter_errors(event))
    assert errors == []


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_every_invalid_example_fails_at_the_path_its_sidecar_names(path: Path) -> None:
    expected = load(path.with_name(path.stem + ".expected.json"))
    with pytest.raises(SchemaViolation) as caught:
        validate_envelope(load(path))
    assert caught.value.path == expected["path"]
    assert caught.value.code == expected["code"]


@pytest.mark.parametrize(
    "path",
    [p for p in INVALID_FILES if load(p)["type"] in set(EVENT_TYPES)],
    ids=lambda p: p.name,
)
def test_every_invalid_example_of_a_known_type_fails_the_whole_event_schema_too(
    path: Path,
) -> None:
    event = load(path)
    assert not whole_event_validator(EventType(event["type"])).is_valid(event)


def test_every_sidecar_belongs_to_an_invalid_example() -> None:
    sidecars = {p.name.removesuffix(".expected.json") for p in INVALID.glob("*.expected.json")}
    assert sidecars == {p.stem for p in INVALID_FILES}


def test_the_example_application_is_for_a_72_year_old_in_wuxi_with_valid_id_numbers() -> None:
    data = load(EXAMPLES / "application.submitted.v1.json")["data"]
    assert data["household"]["district"] == "巫溪县"
    beneficiary_birth_year = int(data["beneficiary"]["id_number"][6:10])
    assert int(data["submitted_at"][:4]) - beneficiary_birth_year == 72
    for person in (data["applicant"], data["beneficiary"]):
        number = person["id_number"]
        assert number[17] == gb11643_check_char(number[:17])


def test_example_events_are_keyed_by_the_same_application() -> None:
    events = [load(p) for p in VALID_FILES]
    by_application = [e for e in events if e["type"] != EventType.HANDOFF_REQUESTED]
    assert len({e["subject"] for e in by_application}) == 1
    assert all(e["data"]["application_id"] == e["subject"] for e in by_application)


def test_example_handoff_is_keyed_by_its_session_and_about_the_same_application() -> None:
    events = [load(p) for p in VALID_FILES]
    (handoff,) = [e for e in events if e["type"] == EventType.HANDOFF_REQUESTED]
    assert handoff["subject"] == handoff["data"]["session_ref"]
    assert handoff["data"]["application_id"] in {e["subject"] for e in events}
