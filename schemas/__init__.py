"""The contracts of Yuzhu's events: JSON Schemas (``schemas/json``), the AsyncAPI document of the
topics (``schemas/asyncapi.yaml``) and validation of events against them.

See ``docs/events.md`` for topics, keys, headers and versioning.
"""

from __future__ import annotations

from ._errors import SchemaViolation, UnknownEventType
from ._events import EVENT_TYPES, EventType
from ._validation import envelope_schema, schema_for, validate_data, validate_envelope

__all__ = [
    "EVENT_TYPES",
    "EventType",
    "SchemaViolation",
    "UnknownEventType",
    "envelope_schema",
    "schema_for",
    "validate_data",
    "validate_envelope",
]
