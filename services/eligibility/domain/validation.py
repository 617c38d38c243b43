"""Turn an ``application.submitted`` payload (v1) into a ``NormalizedApplication``.

Checks run in the order the fields appear in SPEC §2 and the first problem wins, so a resident
is asked to fix one thing at a time and the same payload always yields the same error. Nothing
is coerced: ``"3"`` is not a number, ``true`` is not 1, ``3.0`` is not a head count, a
timestamp without an offset is not a moment.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from services.common.districts import BY_NAME

from .application import (
    Applicant,
    Beneficiary,
    Channel,
    DisabilityKind,
    Emergency,
    EmergencyKind,
    Household,
    NormalizedApplication,
    Parents,
    Program,
    Residence,
)
from .dates import local_date
from .errors import ErrorCode, InvalidApplication
from .identity import IdProblem, birth_date_of
from .messages import error_message

E = TypeVar("E", bound=StrEnum)  # the enum a field is parsed into

# RFC 3339 date-time. The offset is mandatory: a bare local time is ambiguous by up to a day
# around midnight, and the day decides both the policy version and the beneficiary's age.
_TIMESTAMP = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]"
    r"(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)"
    r"(?P<offset>[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
# A mainland mobile number, as the event schema (common.v1.json#/$defs/phone) has it.
_PHONE = re.compile(r"1[3-9][0-9]{9}")

# Grades of the national disability classification; 0 means no certified disability.
_DISABILITY_GRADES = range(0, 5)

_MISSING = object()


def _fail(code: ErrorCode, field: str) -> InvalidApplication:
    return InvalidApplication(code, error_message(code, field), field or None)


def validate_application(payload: Mapping[str, Any]) -> NormalizedApplication:
    """Parse and check a payload, applying the defaults of SPEC §2; raise ``InvalidApplication``
    for the first problem found."""
    root = _object(payload, "")
    application_id = _text(_required(root, "application_id", ""), "application_id")
    submitted_at, today = _timestamp(_required(root, "submitted_at", ""))
    channel = _enum(Channel, _required(root, "channel", ""), "channel")
    applicant = _applicant(_object(_required(root, "applicant", ""), "applicant"), today)
    beneficiary = _beneficiary(_optional(root, "beneficiary"), applicant, today)
    household = _household(_object(_required(root, "household", ""), "household"))
    emergency = _emergency(_optional(root, "emergency"))
    requested = _programs_requested(_required(root, "programs_requested", ""))
    return NormalizedApplication(
        application_id=application_id,
        submitted_at=submitted_at,
        local_date=today,
        channel=channel,
        applicant=applicant,
        beneficiary=beneficiary,
        household=household,
        emergency=emergency,
        programs_requested=requested,
    )


def _applicant(obj: Mapping[str, Any], today: date) -> Applicant:
    name = _text(_required(obj, "name", "applicant"), "applicant.name")
    id_number, born = _id_number(
        _required(obj, "id_number", "applicant"), "applicant.id_number", today
    )
    phone = _text(_required(obj, "phone", "applicant"), "applicant.phone")
    if not _PHONE.fullmatch(phone):
        raise _fail(ErrorCode.INVALID_PHONE, "applicant.phone")
    return Applicant(name=name, id_number=id_number, birth_date=born, phone=phone)


def _beneficiary(raw: Any, applicant: Applicant, today: date) -> Beneficiary:
    # SPEC §2: no beneficiary means the applicant applies for themself. ``null`` is not
    # "no beneficiary" (the schema says object): refusing it keeps one meaning per payload.
    obj: Mapping[str, Any] = {} if raw is _MISSING else _object(raw, "beneficiary")
    raw_name = _optional(obj, "name")
    name = applicant.name if raw_name is _MISSING else _text(raw_name, "beneficiary.name")
    raw_id = _optional(obj, "id_number")
    if raw_id is _MISSING:
        id_number, born = applicant.id_number, applicant.birth_date
    else:
        id_number, born = _id_number(raw_id, "beneficiary.id_number", today)
    grade = _grade(_optional(obj, "disability_grade"))
    kind = _nullable_enum(DisabilityKind, obj, "disability_kind", "beneficiary")
    return Beneficiary(
        name=name,
        id_number=id_number,
        birth_date=born,
        disability_grade=grade,
        disability_kind=kind,
        serious_illness=_flag(obj, "serious_illness", default=False),
        able_supporter=_flag(obj, "able_supporter", default=True),
        parents=_nullable_enum(Parents, obj, "parents", "beneficiary"),
        in_institution=_flag(obj, "in_institution", default=False),
        is_applicant=id_number == applicant.id_number,
    )


def _household(obj: Mapping[str, Any]) -> Household:
    district = _text(_required(obj, "district", "household"), "household.district")
    if district not in BY_NAME:
        # Former names and short forms are normalised by the intake bot (SPEC §5).
        raise _fail(ErrorCode.UNKNOWN_DISTRICT, "household.district")
    residence = _enum(Residence, _required(obj, "residence", "household"), "household.residence")
    members = _integer(_required(obj, "members", "household"), "household.members")
    if members < 1:
        raise _fail(ErrorCode.INVALID_MEMBERS, "household.members")
    income = _money(_required(obj, "monthly_income", "household"), "household.monthly_income")
    assets = _money(_required(obj, "financial_assets", "household"), "household.financial_assets")
    return Household(
        district=district,
        residence=residence,
        members=members,
        monthly_income=income,
        financial_assets=assets,
    )


def _emergency(raw: Any) -> Emergency | None:
    if raw is _MISSING or raw is None:
        return None
    obj = _object(raw, "emergency")
    kind = _enum(EmergencyKind, _required(obj, "kind", "emergency"), "emergency.kind")
    expense = _optional(obj, "medical_expense")
    medical = None if expense is _MISSING else _money(expense, "emergency.medical_expense")
    return Emergency(kind=kind, medical_expense=medical)


def _programs_requested(raw: Any) -> tuple[Program, ...]:
    # A hint only (SPEC §5): all programs are evaluated; still, it must be well-formed.
    if not isinstance(raw, list):
        raise _fail(ErrorCode.INVALID_TYPE, "programs_requested")
    return tuple(_enum(Program, item, "programs_requested") for item in raw)


def _id_number(raw: Any, field: str, today: date) -> tuple[str, date]:
    number = _text(raw, field)
    try:
        return number, birth_date_of(number, today)
    except IdProblem as problem:
        raise _fail(problem.code, field) from None


def _timestamp(raw: Any) -> tuple[datetime, date]:
    """The instant and its Chongqing calendar date."""
    if not isinstance(raw, str):
        raise _fail(ErrorCode.INVALID_TYPE, "submitted_at")
    match = _TIMESTAMP.fullmatch(raw)
    if match is None:
        raise _fail(ErrorCode.INVALID_TIMESTAMP, "submitted_at")
    offset = match["offset"].upper().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(f"{match['date']}T{match['time']}{offset}")
        return moment, local_date(moment)
    # ValueError: 2022-02-30, 24:00:00, a leap second; OverflowError: a moment whose
    # Chongqing date falls outside year 1–9999.
    except (ValueError, OverflowError):
        raise _fail(ErrorCode.INVALID_TIMESTAMP, "submitted_at") from None


def _grade(raw: Any) -> int:
    if raw is _MISSING:
        return 0
    grade = _integer(raw, "beneficiary.disability_grade")
    if grade not in _DISABILITY_GRADES:
        raise _fail(ErrorCode.INVALID_ENUM, "beneficiary.disability_grade")
    return grade


def _flag(obj: Mapping[str, Any], key: str, *, default: bool) -> bool:
    raw = _optional(obj, key)
    if raw is _MISSING:
        return default
    if not isinstance(raw, bool):
        raise _fail(ErrorCode.INVALID_TYPE, f"beneficiary.{key}")
    return raw


def _nullable_enum(cls: type[E], obj: Mapping[str, Any], key: str, parent: str) -> E | None:
    raw = _optional(obj, key)
    if raw is _MISSING or raw is None:
        return None
    return _enum(cls, raw, f"{parent}.{key}")


def _enum(cls: type[E], raw: Any, field: str) -> E:
    if not isinstance(raw, str):
        raise _fail(ErrorCode.INVALID_TYPE, field)
    try:
        return cls(raw)
    except ValueError:
        raise _fail(ErrorCode.INVALID_ENUM, field) from None


def _integer(raw: Any, field: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _fail(ErrorCode.INVALID_TYPE, field)
    return raw


def _money(raw: Any, field: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise _fail(ErrorCode.INVALID_TYPE, field)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise _fail(ErrorCode.INVALID_TYPE, field)
        # The shortest repr is the decimal the sender wrote ("0.1"), not the binary
        # approximation Decimal(0.1) would give; boundary comparisons depend on it.
        amount = Decimal(repr(raw))
    else:
        amount = Decimal(raw)
        if not amount.is_finite():
            raise _fail(ErrorCode.INVALID_TYPE, field)
    if amount < 0:
        raise _fail(ErrorCode.NEGATIVE_AMOUNT, field)
    return amount


def _text(raw: Any, field: str) -> str:
    if not isinstance(raw, str):
        raise _fail(ErrorCode.INVALID_TYPE, field)
    if not raw.strip():
        raise _fail(ErrorCode.MISSING_FIELD, field)
    return raw


def _object(raw: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _fail(ErrorCode.INVALID_TYPE, field)
    return raw


def _required(obj: Mapping[str, Any], key: str, parent: str) -> Any:
    value = _optional(obj, key)
    if value is _MISSING:
        raise _fail(ErrorCode.MISSING_FIELD, f"{parent}.{key}" if parent else key)
    return value


def _optional(obj: Mapping[str, Any], key: str) -> Any:
    return obj.get(key, _MISSING)
