"""Writing the slots of one parse into the draft, refusing values the application cannot hold.

The NLU promises canonical values, but a wrong value must never reach the payload: each slot is
checked here (an ID number's checksum and birth date, 1–20 people, money ≥ 0, known districts
and enum values) and a refused one becomes a ``Problem`` the resident is told about.

``name`` and ``id_number`` can be the applicant's or the beneficiary's: the question being
asked decides; otherwise the first of them still missing; otherwise the applicant's (a
resident correcting a name usually says 我叫…), unless the same message says the help is for
someone else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from services.common.districts import lookup
from services.common.programs import PROGRAM_NAMES

from .people import id_problem
from .questions import Question
from .state import Draft

RELATIONS = frozenset({"self", "spouse", "parent", "child", "grandchild", "sibling", "other"})
RESIDENCES = frozenset({"urban", "rural"})
DISABILITY_KINDS = frozenset(
    {"physical", "visual", "hearing", "speech", "intellectual", "mental", "multiple"}
)
PARENTS = frozenset(
    {"normal", "both_deceased_or_missing", "both_incapable", "one_deceased_other_incapable"}
)
EMERGENCIES = frozenset({"fire", "flood", "disaster", "accident", "illness", "expense", "other"})
MAX_HOUSEHOLD = 20  # the NLU contract's range; more is a misheard number, not a household
MAX_AMOUNT = 1_000_000_000  # 十亿元: beyond any assistance case; a misheard number

_PHONE = re.compile(r"1[3-9][0-9]{9}")
_FLAGS = ("serious_illness", "able_supporter", "in_institution")
_MONEY = ("monthly_income", "savings", "medical_expense")
_ENUMS: Mapping[str, frozenset[str]] = {
    "residence": RESIDENCES,
    "parents": PARENTS,
    "emergency": EMERGENCIES,
}


class Trouble(StrEnum):
    """Why a value was refused (each has its own sentence in the catalogue)."""

    UNCLEAR = "unclear"
    ID_INVALID = "id_invalid"
    ID_IS_APPLICANTS = "id_is_applicants"
    PHONE_INVALID = "phone_invalid"
    DISTRICT_UNKNOWN = "district_unknown"
    HOUSEHOLD_SIZE = "household_size"
    MONEY = "money"
    GRADE = "grade"


@dataclass(frozen=True, slots=True)
class Problem:
    trouble: Trouble
    field: str  # the draft field the refused value was meant for


@dataclass(slots=True)
class Absorbed:
    """What one parse did to the draft."""

    filled: set[str] = field(default_factory=set)  # draft fields given a value
    corrected: bool = False  # a known value was replaced by a different one
    problems: list[Problem] = field(default_factory=list)


def absorb(
    draft: Draft,
    slots: Mapping[str, Any],
    *,
    asking: Question | None,
    on: date,
    correcting: bool = False,
) -> Absorbed:
    """Write ``slots`` into ``draft`` (in place); ``asking`` is the question just put,
    ``correcting`` whether the resident said the earlier answer was wrong (不对，…).

    Not for questions about the rules: there a program slot names what is asked about, not
    what is applied for."""
    out = Absorbed()
    # Relation first: it decides whose name and ID number follow.
    said_other = False
    if "relation" in slots and _relation_may_change(draft, asking, correcting=correcting):
        _relation(draft, slots["relation"], out)
        said_other = _one_of(slots.get("relation"), RELATIONS - {"self"})
    for slot, value in slots.items():
        if slot in {"name", "id_number"}:
            owner = _owner(draft, slot, value, asking, said_other=said_other)
            if slot == "name":
                _name(draft, owner, value, out)
            else:
                _id_number(draft, owner, value, on, out)
        elif slot == "id_number_invalid" and "id_number" not in slots:
            owner = _owner(draft, "id_number", None, asking, said_other=said_other)
            out.problems.append(Problem(Trouble.ID_INVALID, f"{owner}_id"))
        elif slot == "phone":
            _phone(draft, value, out)
        elif slot == "district":
            _district(draft, value, out)
        elif slot == "household_size":
            _household_size(draft, value, out)
        elif slot in _MONEY:
            _money(draft, slot, value, out)
        elif slot in _ENUMS:
            _enum(draft, slot, value, _ENUMS[slot], out)
        elif slot in _FLAGS:
            _flag(draft, slot, value, out)
        elif slot == "program":
            _program(draft, value, out)
        # Anything else (age, a slot this version does not know) is not part of the payload:
        # the beneficiary's age comes from the ID number.
    _disability(draft, slots, out)
    return out


def _one_of(value: Any, allowed: Set[str]) -> bool:
    # Checked as text first: a list or dict from a confused parse is not even hashable.
    return isinstance(value, str) and value in allowed


def _set(draft: Draft, name: str, value: Any, out: Absorbed) -> None:
    old = getattr(draft, name)
    if old is not None and old != value:
        out.corrected = True
    setattr(draft, name, value)
    out.filled.add(name)


def _owner(
    draft: Draft, slot: str, value: Any, asking: Question | None, *, said_other: bool
) -> str:
    if asking in {Question.BENEFICIARY_NAME, Question.BENEFICIARY_ID}:
        return "beneficiary"
    if asking in {Question.APPLICANT_NAME, Question.APPLICANT_ID}:
        return "applicant"
    if draft.relation in {None, "self"}:
        return "applicant"
    suffix = "name" if slot == "name" else "id"
    applicants, beneficiarys = (getattr(draft, f"{who}_{suffix}") for who in _PEOPLE)
    if applicants is None:
        return "applicant"
    if beneficiarys is None or said_other:
        return "beneficiary"
    # Both known: a correction looks like what it corrects (a mistyped digit, one character
    # of a name); when it is no closer to either, 我叫… is the likelier meaning.
    if isinstance(value, str) and _likeness(value, beneficiarys) > _likeness(value, applicants):
        return "beneficiary"
    return "applicant"


_PEOPLE = ("applicant", "beneficiary")


def _likeness(new: str, old: str) -> int:
    """Characters in the same place (ID numbers: a typo keeps the rest in place) plus
    characters in common (names)."""
    same_place = sum(a == b for a, b in zip(new, old, strict=False))
    in_common = len(set(new) & set(old))
    return same_place + in_common


def _relation_may_change(draft: Draft, asking: Question | None, *, correcting: bool) -> bool:
    """Once it is settled who the help is for, a family word in passing (儿子在外面打工) does
    not change it; an answer to the question, a correction or a change at the summary does."""
    return (
        draft.relation is None
        or correcting
        or asking in {Question.RELATION, Question.CONFIRM, Question.FIX}
    )


def _relation(draft: Draft, value: Any, out: Absorbed) -> None:
    if not _one_of(value, RELATIONS):
        out.problems.append(Problem(Trouble.UNCLEAR, "relation"))
        return
    _set(draft, "relation", value, out)
    if value == "self":
        # Nobody else's data is kept once the help is for the applicant.
        draft.beneficiary_name = None
        draft.beneficiary_id = None


def _name(draft: Draft, owner: str, value: Any, out: Absorbed) -> None:
    target = f"{owner}_name"
    if not isinstance(value, str) or not value.strip():
        out.problems.append(Problem(Trouble.UNCLEAR, target))
        return
    _set(draft, target, value.strip(), out)


def _id_number(draft: Draft, owner: str, value: Any, on: date, out: Absorbed) -> None:
    target = f"{owner}_id"
    number = value.strip() if isinstance(value, str) else None
    if number is None or id_problem(number, on):
        out.problems.append(Problem(Trouble.ID_INVALID, target))
        return
    if owner == "beneficiary" and number == draft.applicant_id:
        out.problems.append(Problem(Trouble.ID_IS_APPLICANTS, target))
        return
    _set(draft, target, number, out)


def _phone(draft: Draft, value: Any, out: Absorbed) -> None:
    if not isinstance(value, str) or not _PHONE.fullmatch(value.strip()):
        out.problems.append(Problem(Trouble.PHONE_INVALID, "phone"))
        return
    _set(draft, "phone", value.strip(), out)


def _district(draft: Draft, value: Any, out: Absorbed) -> None:
    # The NLU canonicalises; a short or former name that slips through is still understood.
    known = lookup(value) if isinstance(value, str) else None
    if known is None:
        out.problems.append(Problem(Trouble.DISTRICT_UNKNOWN, "district"))
        return
    _set(draft, "district", known.name, out)


def _number(value: Any) -> float | None:
    """A finite number as float, or None (booleans and text are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    try:
        number = float(value)
    except OverflowError:  # an int beyond any float: no real amount or head count
        return None
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def _household_size(draft: Draft, value: Any, out: Absorbed) -> None:
    size = _whole(value)
    if size is None or not 1 <= size <= MAX_HOUSEHOLD:
        out.problems.append(Problem(Trouble.HOUSEHOLD_SIZE, "household_size"))
        return
    _set(draft, "household_size", size, out)


def _money(draft: Draft, name: str, value: Any, out: Absorbed) -> None:
    amount = _number(value)
    if amount is None or not 0 <= amount <= MAX_AMOUNT:
        out.problems.append(Problem(Trouble.MONEY, name))
        return
    _set(draft, name, amount, out)


def _enum(draft: Draft, name: str, value: Any, allowed: frozenset[str], out: Absorbed) -> None:
    if not _one_of(value, allowed):
        out.problems.append(Problem(Trouble.UNCLEAR, name))
        return
    _set(draft, name, value, out)


def _flag(draft: Draft, name: str, value: Any, out: Absorbed) -> None:
    if not isinstance(value, bool):
        out.problems.append(Problem(Trouble.UNCLEAR, name))
        return
    _set(draft, name, value, out)


def _disability(draft: Draft, slots: Mapping[str, Any], out: Absorbed) -> None:
    # The grade first: "三级精神残疾" sets both, "没有残疾" (grade 0) outweighs a stray kind.
    if "disability_grade" in slots:
        _grade(draft, slots["disability_grade"], out)
        if draft.disability_grade == 0 and "disability_grade" in out.filled:
            return
    if "disability_kind" in slots:
        _kind(draft, slots["disability_kind"], out)


def _grade(draft: Draft, value: Any, out: Absorbed) -> None:
    grade = _whole(value)
    if grade is None or not 0 <= grade <= 4:
        out.problems.append(Problem(Trouble.GRADE, "disability_grade"))
        return
    _set(draft, "disability_grade", grade, out)
    _set(draft, "has_disability", grade > 0, out)
    if grade == 0:
        draft.disability_kind = None


def _kind(draft: Draft, value: Any, out: Absorbed) -> None:
    if not _one_of(value, DISABILITY_KINDS):
        out.problems.append(Problem(Trouble.UNCLEAR, "disability_kind"))
        return
    _set(draft, "disability_kind", value, out)
    if not draft.has_disability:
        # A kind without a grade still means a certificate: the grade is asked next.
        _set(draft, "has_disability", True, out)
        if draft.disability_grade == 0:
            draft.disability_grade = None


def _program(draft: Draft, value: Any, out: Absorbed) -> None:
    if not _one_of(value, PROGRAM_NAMES.keys()):
        return  # a hint only (SPEC §5): an unknown program is not worth a question
    if value not in draft.programs:
        draft.programs.append(value)
    out.filled.add("programs")
