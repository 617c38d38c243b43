"""The result of an evaluation (SPEC §4) and its JSON form."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from .application import PROGRAM_ORDER, Program
from .money import ZERO, json_number, round_amount, total

STAGE = "preliminary"
"""Every determination is preliminary: a caseworker confirms it (SPEC §4)."""


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"


class Status(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_REVIEW = "needs_review"
    INELIGIBLE = "ineligible"


ReasonValue = Decimal | int | str | bool | None


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    passed: bool
    message: str
    citation: str
    values: Mapping[str, ReasonValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "passed": self.passed,
            "message": self.message,
            "citation": self.citation,
            "values": {k: _json_value(v) for k, v in sorted(self.values.items())},
        }


@dataclass(frozen=True, slots=True)
class ProgramResult:
    """One program's outcome. Amounts are rounded to the fen and are 0 unless eligible."""

    program: Program
    outcome: Outcome
    reasons: tuple[Reason, ...]
    monthly_amount: Decimal = ZERO
    one_off_amount: Decimal = ZERO

    def __post_init__(self) -> None:
        if self.outcome is not Outcome.ELIGIBLE and (self.monthly_amount or self.one_off_amount):
            # SPEC §5: a program that is not granted pays nothing, whatever was computed.
            raise ValueError(f"{self.program}: amounts on a {self.outcome} outcome")
        object.__setattr__(self, "monthly_amount", round_amount(self.monthly_amount))
        object.__setattr__(self, "one_off_amount", round_amount(self.one_off_amount))

    @property
    def is_eligible(self) -> bool:
        return self.outcome is Outcome.ELIGIBLE

    def to_dict(self) -> dict[str, Any]:
        return {
            "program": str(self.program),
            "outcome": str(self.outcome),
            "monthly_amount": float(self.monthly_amount),
            "one_off_amount": float(self.one_off_amount),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class Determination:
    application_id: str
    policy_version: str
    programs: tuple[ProgramResult, ...]

    def __post_init__(self) -> None:
        if tuple(p.program for p in self.programs) != PROGRAM_ORDER:
            raise ValueError("a determination lists every program once, in the fixed order")

    @property
    def stage(self) -> str:
        return STAGE

    @property
    def status(self) -> Status:
        if any(p.outcome is Outcome.NEEDS_REVIEW for p in self.programs):
            return Status.NEEDS_REVIEW
        # A zero-amount eligibility (低保边缘 registration) is not a grant of help by itself.
        if any(p.is_eligible and (p.monthly_amount or p.one_off_amount) for p in self.programs):
            return Status.ELIGIBLE
        return Status.INELIGIBLE

    @property
    def total_monthly_amount(self) -> Decimal:
        return total([p.monthly_amount for p in self.programs if p.is_eligible])

    @property
    def total_one_off_amount(self) -> Decimal:
        return total([p.one_off_amount for p in self.programs if p.is_eligible])

    @property
    def marginal(self) -> bool:
        return self.program(Program.MARGINAL).is_eligible

    def program(self, program: Program | str) -> ProgramResult:
        for result in self.programs:
            if result.program == program:
                return result
        raise KeyError(program)

    def to_dict(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id,
            "policy_version": self.policy_version,
            "stage": self.stage,
            "status": str(self.status),
            "programs": [p.to_dict() for p in self.programs],
            "total_monthly_amount": float(self.total_monthly_amount),
            "total_one_off_amount": float(self.total_one_off_amount),
            "marginal": self.marginal,
        }

    def to_json(self) -> str:
        """Canonical JSON: the same determination always gives the same bytes (replay)."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _json_value(value: ReasonValue) -> Any:
    if isinstance(value, Decimal):
        return json_number(value)
    return value
