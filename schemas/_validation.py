"""Loading the schema files and validating against them (compiled once, cached).

Two validators per schema: ``jsonschema-rs`` (compiled Rust, ~100× faster) answers "valid or
not" for every event on the hot path; only an instance it finds invalid goes through Python's
``jsonschema``, which finds the first error in schema order and names its path — the error
contract the services and tests rely on. If the two ever disagreed, the Python verdict wins for
an instance the fast one rejects; an instance the fast one accepts is accepted (both implement
draft 2020-12 with the same three format checks; the schema tests run every example through
both). See docs/performance.md.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._errors import SchemaViolation, UnknownEventType, pointer, violation
from ._events import ENVELOPE_SCHEMA_FILE, EventType
from ._formats import FORMAT_CHECKER, FORMATS

_SAFE_TYPE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
_KNOWN_TYPES = frozenset(t.value for t in EventType)


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    """Every ``schemas/json/*.json``, by file name (which is also its ``$id``)."""
    folder = files(__package__).joinpath("json")
    loaded: dict[str, dict[str, Any]] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            loaded[entry.name] = json.loads(entry.read_text(encoding="utf-8"))
    return loaded


@cache
def _registry() -> Registry[Any]:
    resources = [
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in _schemas().items()
    ]
    return Registry().with_resources(resources).crawl()


@cache
def _validator(file_name: str) -> Draft202012Validator:
    return Draft202012Validator(
        _schemas()[file_name], registry=_registry(), format_checker=FORMAT_CHECKER
    )


# The schemas' ``$id``s are relative file names; the Rust resolver wants absolute URIs.
_BASE = "https://schemas.yuzhu.invalid/"


@cache
def _fast_registry() -> jsonschema_rs.Registry:
    return jsonschema_rs.Registry([(_BASE + name, schema) for name, schema in _schemas().items()])


@cache
def _fast(file_name: str) -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(
        _schemas()[file_name], registry=_fast_registry(), base_uri=_BASE + file_name,
        formats=FORMATS, validate_formats=True,
    )  # fmt: skip


def _fast_says_valid(file_name: str, instance: object) -> bool:
    try:
        return bool(_fast(file_name).is_valid(instance))
    except (ValueError, TypeError, OverflowError):
        return False  # not JSON data (bytes, a set, a huge int): the slow path says what it is


def _event_type(value: object, path: str) -> EventType:
    if isinstance(value, str) and value in _KNOWN_TYPES:
        return EventType(value)
    shown = ""
    if isinstance(value, str) and 0 < len(value) <= 100 and set(value) <= _SAFE_TYPE_CHARS:
        shown = f" {value!r}"
    raise UnknownEventType(path, f"{path or '/'}: unknown event type{shown}")


def _all_finite(value: object) -> bool:
    """No NaN or infinity anywhere — asked of the C encoder, far faster than walking in Python."""
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return False
    except TypeError:
        return True  # not JSON data at all; the schema has already said so, or does not care
    return True


def _first_non_finite(value: object, parts: list[str | int]) -> list[str | int] | None:
    """Path of the first NaN or infinity (``json.loads`` accepts them; JSON does not)."""
    if isinstance(value, float):
        return None if math.isfinite(value) else parts
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = _first_non_finite(item, [*parts, str(key)])
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _first_non_finite(item, [*parts, index])
            if found is not None:
                return found
    return None


def _check(file_name: str, instance: object, prefix: str, *, finite: bool = True) -> None:
    """Schema first, then (unless ``finite`` is False: the caller checked already) no NaN or
    infinity anywhere in ``instance``."""
    # The first error in schema order (iteration stops there); anyOf/oneOf descend to their best.
    error = None
    if not _fast_says_valid(file_name, instance):
        error = next(_validator(file_name).iter_errors(instance), None)
    if error is not None:
        if error.context:
            error = best_match(error.context) or error
        raise violation(error, prefix)
    if not finite:
        return
    bad = None if _all_finite(instance) else _first_non_finite(instance, [])
    if bad is not None:
        path = prefix + pointer(bad)
        raise SchemaViolation(path, f"{path or '/'}: must be a finite number (finite)")


def validate_data(event_type: EventType | str, data: object) -> None:
    """Validate the ``data`` of an event of ``event_type``.

    Raises UnknownEventType (a SchemaViolation) for a type this code does not know and
    SchemaViolation, with ``path`` relative to ``data``, when ``data`` does not match.
    """
    kind = _event_type(event_type, "")
    _check(kind.data_schema_file, data, "")


def validate_envelope(obj: object) -> None:
    """Validate a whole CloudEvent: the envelope, then ``data`` against the schema of ``type``.

    Raises SchemaViolation (``path`` from the event's root, e.g. ``/data/household/members``) or
    its subclass UnknownEventType (``path`` ``/type``) when the envelope is valid but the type is
    not known.
    """
    _check(ENVELOPE_SCHEMA_FILE, obj, "")
    assert isinstance(obj, Mapping)  # the envelope schema requires an object
    kind = _event_type(obj["type"], "/type")
    # The envelope's check covered ``data`` for NaN and infinity already.
    _check(kind.data_schema_file, obj["data"], "/data", finite=False)


def schema_for(event_type: EventType | str) -> dict[str, Any]:
    """A copy of the JSON Schema of the ``data`` of ``event_type``.

    Its ``$ref``s are relative to the files in ``schemas/json`` (e.g. ``common.v1.json``).
    """
    kind = _event_type(event_type, "")
    return copy.deepcopy(_schemas()[kind.data_schema_file])


def envelope_schema() -> dict[str, Any]:
    """A copy of the JSON Schema of the CloudEvents envelope shared by every event."""
    return copy.deepcopy(_schemas()[ENVELOPE_SCHEMA_FILE])
