"""Audit entries: who did what to which case, when, and what it looked like before and after.

An entry is kept for years and read by people outside the district, so it summarises the case
(status, holder, programs, amounts) and never copies the payload; every string in it is passed
through ``services.common.masking.mask`` so an ID or phone number typed into a note (or used as
a user id) is masked before it is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.common.masking import mask

from .access import User
from .cases import Case
from .timestamps import require_aware


def audit_entry(
    action: str,
    case_before: Case | None,
    case_after: Case | None,
    by: User,
    at: datetime,
    *,
    note: str | None = None,
) -> dict[str, Any]:
    """One JSON-ready audit record. ``case_before`` is None when the case was created,
    ``case_after`` None when it was removed; at least one is given."""
    subject = case_after if case_after is not None else case_before
    if subject is None:
        raise ValueError("an audit entry needs the case before or after the action")
    if not action:
        raise ValueError("an audit entry needs an action")
    entry: dict[str, Any] = {
        "action": action,
        "at": require_aware(at, "at").isoformat(),
        "by": {"user_id": by.user_id, "role": by.role, "district": by.district},
        "case_id": subject.case_id,
        "case_kind": subject.kind,
        "application_id": subject.application_id,
        "district": subject.district,
        "before": None if case_before is None else _summary(case_before),
        "after": None if case_after is None else _summary(case_after),
        "note": note,
    }
    masked: dict[str, Any] = mask(entry)
    return masked


def _summary(case: Case) -> dict[str, Any]:
    return {
        "status": case.status,
        "claimed_by": case.claimed_by,
        "priority": case.priority,
        "programs": list(case.programs),
        "preliminary_status": case.preliminary_status,
        "total_monthly_amount": _amount(case.total_monthly_amount),
        "total_one_off_amount": _amount(case.total_one_off_amount),
    }


def _amount(value: object) -> str | None:
    return None if value is None else str(value)
