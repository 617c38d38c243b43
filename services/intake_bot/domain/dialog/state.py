"""What the bot remembers between messages, and its JSON form (stored by the service layer).

The state is the only place, besides the submitted payload, where a resident's personal data
lives. ``to_dict`` is versioned (``"v": 1``) and ``from_dict`` refuses anything it does not
recognise, so a state written by other code is never half-read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .questions import EXPECTS, Question

STATE_VERSION = 1


class UnreadableState(ValueError):
    """A stored state this version cannot read (another version, or not a state at all)."""


# What a draft field may hold, for reading a stored state back strictly.
_STR, _INT, _FLOAT, _BOOL, _PROGRAMS = "str", "int", "float", "bool", "programs"


@dataclass
class Draft:
    """The application being filled in. ``None`` means not known yet."""

    applicant_name: str | None = None
    applicant_id: str | None = None
    phone: str | None = None
    relation: str | None = None  # self spouse parent child grandchild sibling other
    beneficiary_name: str | None = None  # only when the help is for someone else
    beneficiary_id: str | None = None
    district: str | None = None  # canonical
    residence: str | None = None  # urban | rural
    household_size: int | None = None
    monthly_income: float | None = None
    savings: float | None = None
    has_disability: bool | None = None  # has a disability certificate
    disability_grade: int | None = None
    disability_kind: str | None = None
    serious_illness: bool | None = None
    able_supporter: bool | None = None
    parents: str | None = None
    in_institution: bool | None = None
    emergency: str | None = None  # the emergency kind
    medical_expense: float | None = None
    programs: list[str] = field(default_factory=list)  # in the order the resident named them

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Any) -> Draft:
        raw = _mapping(data, "draft")
        if set(raw) != set(_DRAFT_KINDS):
            raise UnreadableState("draft: unexpected or missing fields")
        return cls(**{name: _read(kind, raw[name], name) for name, kind in _DRAFT_KINDS.items()})


@dataclass
class SubmittedApplication:
    """An application handed to the service layer; ``reference`` arrives with ``submitted``."""

    application_id: str
    reference: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "reference": self.reference}

    @classmethod
    def from_dict(cls, data: Any) -> SubmittedApplication:
        raw = _mapping(data, "application")
        if set(raw) != {"application_id", "reference"}:
            raise UnreadableState("application: unexpected or missing fields")
        reference = raw["reference"]
        return cls(
            application_id=_read(_STR, raw["application_id"], "application_id", nullable=False),
            reference=None if reference is None else _read(_STR, reference, "reference"),
        )


@dataclass
class DialogState:
    """The conversation so far.

    ``asking`` is the question just put to the resident (None when nothing is pending);
    ``failures`` counts answers to it that could not be used; ``offer`` is set while a person
    is offered, to the handoff reason that would be given.
    """

    draft: Draft | None = None
    asking: Question | None = None
    failures: int = 0
    offer: str | None = None
    applications: list[SubmittedApplication] = field(default_factory=list)

    @property
    def expecting(self) -> str | None:
        """What the bot just asked, for the NLU: a slot name from ``EXPECTABLE`` or
        ``"confirm"``; None when nothing is pending."""
        return None if self.asking is None else EXPECTS[self.asking]

    @property
    def district(self) -> str | None:
        """The district of the application being filled in, when known: where a handoff is
        routed. Not personal data on its own."""
        return None if self.draft is None else self.draft.district

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": STATE_VERSION,
            "draft": None if self.draft is None else self.draft.to_dict(),
            "asking": None if self.asking is None else str(self.asking),
            "failures": self.failures,
            "offer": self.offer,
            "applications": [a.to_dict() for a in self.applications],
        }

    @classmethod
    def from_dict(cls, data: Any) -> DialogState:
        """Read ``to_dict``'s output back; ``UnreadableState`` (a ``ValueError``) for any other
        version or shape."""
        raw = _mapping(data, "state")
        if raw.get("v") != STATE_VERSION or isinstance(raw.get("v"), bool):
            raise UnreadableState("state: unknown version")
        if set(raw) != {"v", "draft", "asking", "failures", "offer", "applications"}:
            raise UnreadableState("state: unexpected or missing fields")
        asking = raw["asking"]
        if asking is not None and (not isinstance(asking, str) or asking not in _QUESTIONS):
            raise UnreadableState("state: unknown question")
        failures = _read(_INT, raw["failures"], "failures", nullable=False)
        if failures < 0:
            raise UnreadableState("state: failures must not be negative")
        offer = raw["offer"]
        if offer is not None and (not isinstance(offer, str) or offer not in _OFFERS):
            raise UnreadableState("state: unknown offer")
        applications = raw["applications"]
        if not isinstance(applications, list):
            raise UnreadableState("state: applications must be a list")
        return cls(
            draft=None if raw["draft"] is None else Draft.from_dict(raw["draft"]),
            asking=None if asking is None else Question(asking),
            failures=failures,
            offer=offer,
            applications=[SubmittedApplication.from_dict(a) for a in applications],
        )

    def copy(self) -> DialogState:
        """A deep copy: a turn never changes the state it was given."""
        return DialogState.from_dict(self.to_dict())


_QUESTIONS = frozenset(str(q) for q in Question)
_OFFERS = frozenset({"repeated_failures", "out_of_scope"})

_DRAFT_KINDS: dict[str, str] = {
    "applicant_name": _STR,
    "applicant_id": _STR,
    "phone": _STR,
    "relation": _STR,
    "beneficiary_name": _STR,
    "beneficiary_id": _STR,
    "district": _STR,
    "residence": _STR,
    "household_size": _INT,
    "monthly_income": _FLOAT,
    "savings": _FLOAT,
    "has_disability": _BOOL,
    "disability_grade": _INT,
    "disability_kind": _STR,
    "serious_illness": _BOOL,
    "able_supporter": _BOOL,
    "parents": _STR,
    "in_institution": _BOOL,
    "emergency": _STR,
    "medical_expense": _FLOAT,
    "programs": _PROGRAMS,
}


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _mapping(data: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise UnreadableState(f"{where}: expected an object")
    return data


def _read(kind: str, value: Any, name: str, *, nullable: bool = True) -> Any:
    """``value`` if it has the kind ``name`` needs (None allowed when ``nullable``)."""
    if value is None and nullable and kind != _PROGRAMS:
        return None
    ok: bool
    if kind == _STR:
        ok = isinstance(value, str)
    elif kind == _INT:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == _BOOL:
        ok = isinstance(value, bool)
    elif kind == _FLOAT:
        # JSON writers may drop ".0"; an integer amount is still an amount.
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if ok:
            return float(value)
    else:
        ok = isinstance(value, list) and all(isinstance(p, str) for p in value)
        if ok:
            return list(value)
    if not ok:
        raise UnreadableState(f"{name}: unexpected value")
    return value
