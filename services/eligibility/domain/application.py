"""The application as the rules see it: parsed, defaulted and validated (SPEC §2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class Channel(StrEnum):
    PALM = "palm"
    FINGERTIP = "fingertip"
    COUNTER = "counter"


class Residence(StrEnum):
    URBAN = "urban"
    RURAL = "rural"


class DisabilityKind(StrEnum):
    PHYSICAL = "physical"
    VISUAL = "visual"
    HEARING = "hearing"
    SPEECH = "speech"
    INTELLECTUAL = "intellectual"
    MENTAL = "mental"
    MULTIPLE = "multiple"


class Parents(StrEnum):
    NORMAL = "normal"
    BOTH_DECEASED_OR_MISSING = "both_deceased_or_missing"
    BOTH_INCAPABLE = "both_incapable"
    ONE_DECEASED_OTHER_INCAPABLE = "one_deceased_other_incapable"


class EmergencyKind(StrEnum):
    FIRE = "fire"
    FLOOD = "flood"
    DISASTER = "disaster"
    ACCIDENT = "accident"
    ILLNESS = "illness"
    EXPENSE = "expense"
    OTHER = "other"

    @property
    def is_urgent(self) -> bool:
        """急难型 (paid first, reviewed after) as opposed to 支出型 or other (reviewed first)."""
        return self in _URGENT


_URGENT = frozenset(
    {
        EmergencyKind.FIRE,
        EmergencyKind.FLOOD,
        EmergencyKind.DISASTER,
        EmergencyKind.ACCIDENT,
        EmergencyKind.ILLNESS,
    }
)


class Program(StrEnum):
    """The eight programs, in the fixed order of a determination."""

    TEKUN = "tekun"
    DIBAO = "dibao"
    MARGINAL = "marginal"
    TEMPORARY = "temporary"
    DISABILITY_LIVING = "disability_living"
    DISABILITY_CARE = "disability_care"
    ORPHAN = "orphan"
    UNSUPPORTED_CHILD = "unsupported_child"


PROGRAM_ORDER: tuple[Program, ...] = tuple(Program)


@dataclass(frozen=True, slots=True)
class Applicant:
    name: str
    id_number: str
    birth_date: date
    phone: str


@dataclass(frozen=True, slots=True)
class Beneficiary:
    name: str
    id_number: str
    birth_date: date
    disability_grade: int
    disability_kind: DisabilityKind | None
    serious_illness: bool
    able_supporter: bool
    parents: Parents | None
    in_institution: bool
    is_applicant: bool


@dataclass(frozen=True, slots=True)
class Household:
    district: str
    residence: Residence
    members: int
    monthly_income: Decimal
    financial_assets: Decimal


@dataclass(frozen=True, slots=True)
class Emergency:
    kind: EmergencyKind
    medical_expense: Decimal | None


@dataclass(frozen=True, slots=True)
class NormalizedApplication:
    application_id: str
    submitted_at: datetime
    local_date: date
    """The Asia/Shanghai calendar date of ``submitted_at``: picks the version, dates ages."""
    channel: Channel
    applicant: Applicant
    beneficiary: Beneficiary
    household: Household
    emergency: Emergency | None
    programs_requested: tuple[Program, ...]
