"""The caseworker console's rules: pure domain code, no I/O, no clock (``now`` is passed in).

Public API::

    WorkCalendar.from_data(mapping) / load_shipped_calendar()     working days (调休 included)
    deadlines_for(received_at, calendar, special=False) -> Deadlines
    Deadlines.countdown(now, investigated=False) -> Countdown      民发〔2021〕57号 Art. 15, 22
    case_from_review_task(data) / case_from_handoff(data) / case_from_preliminary(det, app)
    queue_order(cases); claim / release / mark_decided / close(case, user_id) -> Case
    User; can_see / can_claim / can_act(user, case); visible_districts(user)
    approve(case, amounts | "as preliminary", by, at) / reject(case, reason, by, at) -> dict
    audit_entry(action, before, after, by, at) -> dict
    hash_password / verify_password; LockoutPolicy, LoginAttempts; csrf_token / csrf_valid

Errors are in ``errors`` (tree in its docstring); Chinese text for people in ``catalogue``.
"""

from __future__ import annotations

from .access import User, can_act, can_claim, can_see, require_can_act, visible_districts
from .audit import audit_entry
from .auth import (
    LockoutPolicy,
    LoginAttempts,
    csrf_token,
    csrf_valid,
    hash_password,
    verify_password,
)
from .calendar import WorkCalendar, load_shipped_calendar
from .cases import (
    Case,
    CaseKind,
    CaseStatus,
    case_from_handoff,
    case_from_preliminary,
    case_from_review_task,
    claim,
    close,
    mark_decided,
    queue_order,
    release,
)
from .deadlines import Countdown, Deadlines, deadlines_for
from .decisions import AS_PRELIMINARY, approve, reject
from .errors import (
    AccessDenied,
    CalendarDataError,
    CaseAlreadyClaimed,
    CaseClosed,
    CaseStateError,
    ConsoleError,
    InvalidCase,
    InvalidDecision,
    InvalidTimestamp,
    InvalidUser,
    NotClaimedByYou,
)

__all__ = [
    "AS_PRELIMINARY",
    "AccessDenied",
    "CalendarDataError",
    "Case",
    "CaseAlreadyClaimed",
    "CaseClosed",
    "CaseKind",
    "CaseStateError",
    "CaseStatus",
    "ConsoleError",
    "Countdown",
    "Deadlines",
    "InvalidCase",
    "InvalidDecision",
    "InvalidTimestamp",
    "InvalidUser",
    "LockoutPolicy",
    "LoginAttempts",
    "NotClaimedByYou",
    "User",
    "WorkCalendar",
    "approve",
    "audit_entry",
    "can_act",
    "can_claim",
    "can_see",
    "case_from_handoff",
    "case_from_preliminary",
    "case_from_review_task",
    "claim",
    "close",
    "csrf_token",
    "csrf_valid",
    "deadlines_for",
    "hash_password",
    "load_shipped_calendar",
    "mark_decided",
    "queue_order",
    "reject",
    "release",
    "require_can_act",
    "verify_password",
    "visible_districts",
]
