"""The fast (Rust) validator and Python's jsonschema give the same verdict on the same instance:
the examples, and hypothesis' mutations of them (fields dropped, replaced, retyped)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import EventType
from schemas._events import ENVELOPE_SCHEMA_FILE
from schemas._validation import _fast, _validator

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
VALID = {json.loads(p.read_text())["type"]: json.loads(p.read_text())
         for p in sorted(EXAMPLES.glob("*.json"))}  # fmt: skip
INVALID = [p for p in sorted((EXAMPLES / "invalid").glob("*.json"))
           if not p.name.endswith(".expected.json")]  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
    | st.sampled_from(["", "2026-11-28", "2026-11-28T10:00:00+08:00", "巫溪县", "低保",
                       "00000000-0000-4000-8000-000000000000", "500238195403021234"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=6,
)  # fmt: skip


def same_verdict(file_name: str, instance: Any) -> None:
    slow = next(_validator(file_name).iter_errors(instance), None) is None
    assert _fast(file_name).is_valid(instance) == slow, (file_name, instance)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*prefix, i))
    return found


@pytest.mark.parametrize("event_type", sorted(VALID))
def test_both_validators_accept_every_valid_example(event_type: str) -> None:
    event = VALID[event_type]
    same_verdict(ENVELOPE_SCHEMA_FILE, event)
    same_verdict(EventType(event_type).data_schema_file, event["data"])
    assert _fast(EventType(event_type).data_schema_file).is_valid(event["data"])


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_both_validators_judge_every_invalid_example_alike(path: Path) -> None:
    event = json.loads(path.read_text())
    same_verdict(ENVELOPE_SCHEMA_FILE, event)
    if isinstance(event, dict) and event.get("type") in VALID:
        same_verdict(EventType(event["type"]).data_schema_file, event.get("data"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_both_validators_judge_a_mutated_event_alike(data: st.DataObject) -> None:
    event_type = data.draw(st.sampled_from(sorted(VALID)))
    event = copy.deepcopy(VALID[event_type])
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(event)))
        parent = event
        for step in where[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(json_values)
        if where[:1] == ("data",) and not isinstance(event.get("data"), dict):
            break
    same_verdict(ENVELOPE_SCHEMA_FILE, event)
    same_verdict(EventType(event_type).data_schema_file, event.get("data"))
