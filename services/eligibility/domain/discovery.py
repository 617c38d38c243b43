"""主动发现 (proactive discovery): which households that were refused would qualify now.

An application counts when the policy version in force at its submission is the *baseline* and
its determination there is ``ineligible``; it is *found* when, evaluated under the *target*
version (ages still counted at submission), it is ``eligible``. The programs reported are those
eligible under the target that were not eligible under the baseline. Pure: the command that
reads the application store and emits outreach events lives in ``entrypoints/discovery.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from services.common.districts import DistrictGroup, group_of

from .application import Program
from .determination import Determination, Status
from .engine import evaluate
from .policy import PolicyBook

ZERO = Decimal("0")


@dataclass(frozen=True, slots=True)
class Finding:
    application_id: str
    district: str
    group: DistrictGroup
    baseline: Determination
    target: Determination
    programs: tuple[Program, ...]

    @property
    def added_monthly(self) -> Decimal:
        """What the city would pay more each month: the target total over the baseline's."""
        return self.target.total_monthly_amount - self.baseline.total_monthly_amount

    @property
    def added_one_off(self) -> Decimal:
        return self.target.total_one_off_amount - self.baseline.total_one_off_amount


@dataclass(frozen=True, slots=True)
class Screening:
    in_baseline: bool  # submitted while the baseline version was in force
    finding: Finding | None  # set when refused then and eligible under the target


def screen(
    payload: Mapping[str, Any], book: PolicyBook, *, baseline: str, target: str
) -> Screening:
    """Screen one application. Raises EvaluationError when it cannot be evaluated at all."""
    before = evaluate(payload, book)
    if before.policy_version != baseline:
        return Screening(in_baseline=False, finding=None)
    if before.status is not Status.INELIGIBLE:
        return Screening(in_baseline=True, finding=None)
    after = evaluate(payload, book, under=target)
    if after.status is not Status.ELIGIBLE:
        return Screening(in_baseline=True, finding=None)
    programs = tuple(
        p.program
        for p in after.programs
        if p.is_eligible and not before.program(p.program).is_eligible
    )
    district = str(payload["household"]["district"])
    finding = Finding(
        application_id=after.application_id,
        district=district,
        group=group_of(district),
        baseline=before,
        target=after,
        programs=programs,
    )
    return Screening(in_baseline=True, finding=finding)


@dataclass
class Summary:
    """Running totals of a discovery run, by program and by district group."""

    baseline: str
    target: str
    read: int = 0
    invalid: int = 0
    duplicates: int = 0
    in_baseline: int = 0
    found: int = 0
    households: Counter[tuple[Program, DistrictGroup]] = field(default_factory=Counter)
    monthly: dict[tuple[Program, DistrictGroup], Decimal] = field(default_factory=dict)
    found_by_group: Counter[DistrictGroup] = field(default_factory=Counter)
    added_monthly_by_group: dict[DistrictGroup, Decimal] = field(default_factory=dict)
    added_one_off: Decimal = ZERO

    def add(self, finding: Finding) -> None:
        self.found += 1
        self.found_by_group[finding.group] += 1
        group_total = self.added_monthly_by_group.get(finding.group, ZERO)
        self.added_monthly_by_group[finding.group] = group_total + finding.added_monthly
        self.added_one_off += finding.added_one_off
        for program in finding.programs:
            key = (program, finding.group)
            self.households[key] += 1
            amount = finding.target.program(program).monthly_amount
            self.monthly[key] = self.monthly.get(key, ZERO) + amount

    @property
    def added_monthly(self) -> Decimal:
        return sum(self.added_monthly_by_group.values(), ZERO)

    def to_dict(self) -> dict[str, Any]:
        groups = list(DistrictGroup)
        return {
            "baseline": self.baseline,
            "target": self.target,
            "read": self.read,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "in_baseline": self.in_baseline,
            "found": self.found,
            "by_program": {
                str(p): {
                    str(g): {
                        "households": self.households[(p, g)],
                        "monthly_amount": float(self.monthly.get((p, g), ZERO)),
                    }
                    for g in groups
                }
                for p in Program
                if any(self.households[(p, g)] for g in groups)
            },
            "found_by_group": {str(g): self.found_by_group[g] for g in groups},
            "added_monthly_amount": float(self.added_monthly),
            "added_monthly_by_group": {
                str(g): float(self.added_monthly_by_group.get(g, ZERO)) for g in groups
            },
            "added_one_off_amount": float(self.added_one_off),
        }
