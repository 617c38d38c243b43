"""The exceptions raised by validation, and how a jsonschema error becomes one.

A ``detail`` never quotes the instance: it names the path, the failed keyword and what the schema
expects (values from the schema only), so it is safe to log and to put in a ``dlq.detail`` header
even when the offending value is an ID number or a phone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from jsonschema.exceptions import ValidationError

_MAX_LISTED_ENUM_VALUES = 10


class SchemaViolation(ValueError):
    """An event or payload does not match its schema.

    ``code`` is the machine code (for ``dlq.reason``), ``path`` a JSON Pointer to the first failing
    location (``""`` is the root), ``detail`` a message that never echoes the offending value.
    """

    code: ClassVar[str] = "schema_violation"

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(detail)
        self.path = path
        self.detail = detail


class UnknownEventType(SchemaViolation):
    """The envelope is valid but its ``type`` is not one this code knows (consumers dead-letter)."""

    code: ClassVar[str] = "unknown_event_type"


def pointer(parts: Iterable[str | int]) -> str:
    """RFC 6901 JSON Pointer of ``parts``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _describe(error: ValidationError) -> str:
    keyword = str(error.validator)
    expected: Any = error.validator_value
    match keyword:
        case "type":
            kinds = expected if isinstance(expected, list) else [expected]
            return "must be of type " + " or ".join(str(k) for k in kinds)
        case "enum":
            if len(expected) <= _MAX_LISTED_ENUM_VALUES:
                return "must be one of " + ", ".join(_show(v) for v in expected)
            return f"must be one of the {len(expected)} allowed values"
        case "const":
            return "must equal " + _show(expected)
        case "required":
            return "required property is missing"
        case "dependentRequired":
            return "required property is missing (another property requires it)"
        case "additionalProperties":
            return "property is not allowed"
        case "pattern":
            return f"must match the pattern {expected}"
        case "format":
            extra = {"date-time": " (RFC 3339 with an offset)", "date": " (YYYY-MM-DD)"}
            return f"must be a valid {expected}{extra.get(str(expected), '')}"
        case "not" if isinstance(expected, Mapping) and set(expected) == {"pattern"}:
            return f"must not match the pattern {expected['pattern']}"
        case "minimum":
            return f"must be >= {_show(expected)}"
        case "maximum":
            return f"must be <= {_show(expected)}"
        case "minLength":
            return f"must be at least {expected} characters long"
        case "maxLength":
            return f"must be at most {expected} characters long"
        case "minItems":
            return f"must have at least {expected} items"
        case "maxItems":
            return f"must have at most {expected} items"
        case "uniqueItems":
            return "must not contain duplicate items"
        case _:
            return f"fails the '{keyword}' keyword"


def _failing_parts(error: ValidationError) -> list[str | int]:
    parts: list[str | int] = list(error.absolute_path)
    instance = error.instance
    expected: Any = error.validator_value
    if error.validator == "required" and isinstance(instance, Mapping):
        missing = [p for p in expected if p not in instance]
        if missing:
            parts.append(str(missing[0]))
    elif error.validator == "dependentRequired" and isinstance(instance, Mapping):
        missing = [
            d for p, deps in expected.items() if p in instance for d in deps if d not in instance
        ]
        if missing:
            parts.append(str(missing[0]))
    elif error.validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = [k for k in instance if k not in allowed]
        if extra:
            parts.append(str(extra[0]))
    return parts


def violation(error: ValidationError, prefix: str = "") -> SchemaViolation:
    """The SchemaViolation for ``error``; ``prefix`` is the pointer of the validated instance."""
    path = prefix + pointer(_failing_parts(error))
    return SchemaViolation(path, f"{path or '/'}: {_describe(error)} ({error.validator})")
