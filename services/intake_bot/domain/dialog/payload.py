"""The ``application.submitted`` payload (policy SPEC §2) from a finished draft.

Only facts that apply to this beneficiary go in (an answer made stale by a later correction,
such as the parents of someone whose ID number turned out to be an adult's, is left out).
The payload is checked against the event schema and the eligibility service's own validator
before it leaves: a failure is a bug in this package, never the resident's problem, so it
raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from schemas import EventType, SchemaViolation, validate_data
from services.eligibility.domain import EvaluationError, validate_application

from . import relevance as rel
from .model import DialogContext
from .people import for_self
from .state import Draft

DEFAULT_PROGRAMS = ("dibao",)


class PayloadBug(RuntimeError):
    """The dialog built a payload the contracts refuse. The message names the field and the
    rule, never the value (it may be personal data)."""


def requested_programs(draft: Draft) -> list[str]:
    return list(draft.programs) or list(DEFAULT_PROGRAMS)


def build_payload(draft: Draft, ctx: DialogContext, on: date) -> dict[str, Any]:
    """The complete, validated payload; ``PayloadBug`` if it is not valid."""
    payload: dict[str, Any] = {
        "application_id": ctx.new_application_id(),
        "submitted_at": ctx.now.isoformat(),
        "channel": ctx.channel,
        "applicant": {
            "name": draft.applicant_name,
            "id_number": draft.applicant_id,
            "phone": draft.phone,
        },
        "beneficiary": _beneficiary(draft, ctx, on),
        "household": {
            "district": draft.district,
            "residence": draft.residence,
            "members": draft.household_size,
            "monthly_income": draft.monthly_income,
            "financial_assets": draft.savings,
        },
        "emergency": _emergency(draft),
        "programs_requested": requested_programs(draft),
    }
    check(payload)
    return payload


def check(payload: dict[str, Any]) -> None:
    try:
        validate_data(EventType.APPLICATION_SUBMITTED, payload)
    except SchemaViolation as exc:
        raise PayloadBug(f"payload breaks the event schema: {exc.detail}") from None
    try:
        validate_application(payload)
    except EvaluationError as exc:
        raise PayloadBug(f"payload refused by eligibility: {exc.code} at {exc.field}") from None


def _beneficiary(draft: Draft, ctx: DialogContext, on: date) -> dict[str, Any]:
    policy = ctx.policy
    out: dict[str, Any] = {}
    if for_self(draft) is False:
        out["name"] = draft.beneficiary_name
        out["id_number"] = draft.beneficiary_id
    grade = draft.disability_grade or 0
    out["disability_grade"] = grade
    out["disability_kind"] = draft.disability_kind if grade > 0 else None
    if draft.serious_illness is not None and rel.serious_illness_applies(draft, policy):
        out["serious_illness"] = draft.serious_illness
    if draft.able_supporter is not None and rel.able_supporter_applies(draft, policy, on):
        out["able_supporter"] = draft.able_supporter
    if rel.parents_apply(draft, policy, on):
        out["parents"] = draft.parents
        if draft.in_institution is not None and rel.in_institution_applies(draft, policy, on):
            out["in_institution"] = draft.in_institution
    return out


def _emergency(draft: Draft) -> dict[str, Any] | None:
    if draft.emergency is None:
        return None
    out: dict[str, Any] = {"kind": draft.emergency}
    if draft.medical_expense is not None and rel.medical_expense_applies(draft):
        out["medical_expense"] = draft.medical_expense
    return out
