"""Cases and the queue: what a caseworker works on, in which order, and who holds it.

A case comes from one of three events:

* ``review``  — a review task (``cq.yuzhu.review.requested.v1``): the rules could not decide.
* ``handoff`` — a handoff request (``cq.yuzhu.handoff.requested.v1``): a resident in the chat
  asked for a person.
* ``confirm`` — a preliminary determination (``cq.yuzhu.determination.issued.v1``, eligible or
  ineligible) awaiting the county's final confirmation (SPEC §4, 民发〔2021〕57号 Art. 20).

Priority (lower is sooner), and why:

0. handoffs and emergencies: a resident is waiting in a live chat and leaves if nobody answers
   within minutes; a temporary-assistance (临时救助) review is a household in crisis (fire,
   illness, a large unavoidable expense), and 急难型 help exists precisely to be fast.
1. reviews: the household has no answer yet, only "a caseworker will check", and the 3-day
   investigation limit runs from the application.
2. confirmations: the household already has a preliminary answer; confirming it is bounded by
   the 30-day limit, so it can wait behind the cases above.

Within a priority the oldest case goes first (``queue_order``), ties broken by case id so every
caseworker sees the same order.

Cases are immutable: ``claim``, ``release``, ``mark_decided`` and ``close`` return a new Case or
raise a CaseStateError. They check state only; who may do what is ``access``'s job.
"""

from __future__ import annotations

import copy
import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, get_args

from schemas import EventType, SchemaViolation, validate_data
from services.common.districts import BY_NAME, DistrictGroup, group_of
from services.common.programs import PROGRAM_NAMES

from .errors import (
    CaseAlreadyClaimed,
    CaseClosed,
    InvalidCase,
    InvalidDecision,
    InvalidTimestamp,
    NotClaimedByYou,
)
from .money import round_amount
from .timestamps import parse_timestamp, require_aware

CaseKind = Literal["review", "handoff", "confirm"]
CaseStatus = Literal["open", "claimed", "decided", "closed"]

CASE_KINDS: tuple[CaseKind, ...] = get_args(CaseKind)
CASE_STATUSES: tuple[CaseStatus, ...] = get_args(CaseStatus)
FINISHED: frozenset[CaseStatus] = frozenset({"decided", "closed"})

PRIORITY_URGENT = 0
PRIORITY_REVIEW = 1
PRIORITY_CONFIRM = 2

EMERGENCY_PROGRAM = "temporary"

# Confirmation cases have no event id of their own: their id is derived from the application
# and the policy version, so a redelivered or replayed determination is the same case.
_CONFIRM_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://yuzhu.cq/console/confirmation")


@dataclass(frozen=True, slots=True)
class Case:
    """One item of work. ``payload`` is the raw event data for the detail page; it holds
    personal data (names, ID numbers, the chat transcript), so it is left out of ``repr`` and
    must never be logged."""

    case_id: str
    kind: CaseKind
    application_id: str | None
    district: str | None
    group: DistrictGroup | None
    received_at: datetime
    priority: int
    status: CaseStatus = "open"
    claimed_by: str | None = None
    programs: tuple[str, ...] = ()
    preliminary_status: str | None = None
    total_monthly_amount: Decimal | None = None
    total_one_off_amount: Decimal | None = None
    payload: Mapping[str, Any] = field(default_factory=dict, repr=False, hash=False)

    def __post_init__(self) -> None:
        _check_case(self)

    @property
    def active(self) -> bool:
        """Still in the queue: open or claimed, not decided or closed."""
        return self.status not in FINISHED

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (amounts as decimal strings, so they round-trip exactly)."""
        return {
            "case_id": self.case_id,
            "kind": self.kind,
            "application_id": self.application_id,
            "district": self.district,
            "group": None if self.group is None else self.group.value,
            "received_at": self.received_at.isoformat(),
            "priority": self.priority,
            "status": self.status,
            "claimed_by": self.claimed_by,
            "programs": list(self.programs),
            "preliminary_status": self.preliminary_status,
            "total_monthly_amount": _amount_text(self.total_monthly_amount),
            "total_one_off_amount": _amount_text(self.total_one_off_amount),
            "payload": copy.deepcopy(dict(self.payload)),
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Case:
        """The Case ``to_dict`` wrote; InvalidCase (``invalid_case_record``) for anything else."""
        try:
            group = record["group"]
            return cls(
                case_id=_str(record["case_id"]),
                kind=record["kind"],
                application_id=_opt_str(record["application_id"]),
                district=_opt_str(record["district"]),
                group=None if group is None else DistrictGroup(group),
                received_at=parse_timestamp(_str(record["received_at"]), "received_at"),
                priority=_int(record["priority"]),
                status=record["status"],
                claimed_by=_opt_str(record["claimed_by"]),
                programs=tuple(_str(p) for p in record["programs"]),
                preliminary_status=_opt_str(record["preliminary_status"]),
                total_monthly_amount=_opt_amount(record["total_monthly_amount"]),
                total_one_off_amount=_opt_amount(record["total_one_off_amount"]),
                payload=copy.deepcopy(dict(record["payload"])),
            )
        except InvalidCase as exc:
            raise InvalidCase("invalid_case_record", exc.detail) from exc
        except (KeyError, TypeError, ValueError, InvalidTimestamp) as exc:
            raise InvalidCase("invalid_case_record", type(exc).__name__) from exc


def case_from_review_task(data: Mapping[str, Any]) -> Case:
    """The case of a review task. Received when the application was (the legal clock starts
    then, not when the rules finished); urgent when temporary assistance is in review."""
    _validate(EventType.REVIEW_REQUESTED, data, "invalid_review_task")
    programs = tuple(data["programs"])
    determination = data["determination"]
    return Case(
        case_id=data["task_id"],
        kind="review",
        application_id=data["application_id"],
        district=data["district"],
        group=DistrictGroup(data["district_group"]),
        received_at=parse_timestamp(data["application"]["submitted_at"], "submitted_at"),
        priority=PRIORITY_URGENT if EMERGENCY_PROGRAM in programs else PRIORITY_REVIEW,
        programs=programs,
        preliminary_status=determination["status"],
        total_monthly_amount=round_amount(determination["total_monthly_amount"]),
        total_one_off_amount=round_amount(determination["total_one_off_amount"]),
        payload=copy.deepcopy(dict(data)),
    )


def case_from_handoff(data: Mapping[str, Any]) -> Case:
    """The case of a handoff request. Without a district it is unrouted: only supervisors see
    it until the resident's district is known."""
    _validate(EventType.HANDOFF_REQUESTED, data, "invalid_handoff")
    district = data.get("district")
    return Case(
        case_id=data["handoff_id"],
        kind="handoff",
        application_id=data.get("application_id"),
        district=district,
        group=None if district is None else DistrictGroup(data["district_group"]),
        received_at=parse_timestamp(data["requested_at"], "requested_at"),
        priority=PRIORITY_URGENT,
        payload=copy.deepcopy(dict(data)),
    )


def case_from_preliminary(
    determination_data: Mapping[str, Any],
    application_data: Mapping[str, Any] | None = None,
    *,
    received_at: datetime | None = None,
) -> Case:
    """The confirmation case of a preliminary determination that is eligible or ineligible.

    The application gives the district and the receipt time; without it the case is unrouted
    (supervisors only) and ``received_at`` must be given. A ``needs_review`` determination is
    refused (``needs_review_is_a_review_task``): its review task is the case, and taking both
    would queue the household twice.
    """
    _validate(EventType.DETERMINATION_ISSUED, determination_data, "invalid_determination")
    if determination_data["stage"] != "preliminary":
        raise InvalidCase("not_preliminary", "only a preliminary determination awaits confirmation")
    if determination_data["status"] == "needs_review":
        raise InvalidCase(
            "needs_review_is_a_review_task", "a needs_review determination arrives as a review task"
        )
    application_id = determination_data["application_id"]
    payload: dict[str, Any] = {"determination": copy.deepcopy(dict(determination_data))}
    district: str | None = None
    if application_data is not None:
        _validate(EventType.APPLICATION_SUBMITTED, application_data, "invalid_application")
        if application_data["application_id"] != application_id:
            raise InvalidCase("application_mismatch", "the application is not the determination's")
        district = application_data["household"]["district"]
        received = parse_timestamp(application_data["submitted_at"], "submitted_at")
        payload["application"] = copy.deepcopy(dict(application_data))
    elif received_at is not None:
        received = require_aware(received_at, "received_at")
    else:
        raise InvalidCase("received_at_required", "give the application or received_at")
    policy_version = determination_data["policy_version"]
    return Case(
        case_id=str(uuid.uuid5(_CONFIRM_NAMESPACE, f"{application_id}/{policy_version}")),
        kind="confirm",
        application_id=application_id,
        district=district,
        group=None if district is None else group_of(district),
        received_at=received,
        priority=PRIORITY_CONFIRM,
        programs=tuple(
            p["program"] for p in determination_data["programs"] if p["outcome"] == "eligible"
        ),
        preliminary_status=determination_data["status"],
        total_monthly_amount=round_amount(determination_data["total_monthly_amount"]),
        total_one_off_amount=round_amount(determination_data["total_one_off_amount"]),
        payload=payload,
    )


def queue_order(cases: Iterable[Case]) -> list[Case]:
    """``cases`` in the order to work them: priority, then oldest first, then case id."""
    return sorted(cases, key=lambda c: (c.priority, c.received_at, c.case_id))


def claim(case: Case, user_id: str) -> Case:
    """``case`` held by ``user_id``. Claiming one's own claim again is a no-op."""
    if not case.active:
        raise CaseClosed(case.case_id, f"the case is {case.status}")
    if case.claimed_by == user_id:
        return case
    if case.claimed_by is not None:
        raise CaseAlreadyClaimed(case.case_id, case.claimed_by)
    return dataclasses.replace(case, status="claimed", claimed_by=user_id)


def release(case: Case, user_id: str, *, override: bool = False) -> Case:
    """``case`` back in the queue. Only its holder may release it, unless ``override`` (a
    supervisor freeing the claim of a caseworker who is away)."""
    _require_holder(case, user_id, override)
    if case.claimed_by is None:
        raise NotClaimedByYou(case.case_id, "nobody holds this case")
    return dataclasses.replace(case, status="open", claimed_by=None)


def mark_decided(case: Case, user_id: str, *, override: bool = False) -> Case:
    """``case`` decided (a final determination was issued); ``claimed_by`` becomes whoever
    decided, for the record."""
    if case.kind == "handoff":
        raise InvalidDecision("no_determination", "a handoff is closed, not decided")
    _require_holder(case, user_id, override)
    return dataclasses.replace(case, status="decided", claimed_by=user_id)


def close(case: Case, user_id: str, *, override: bool = False) -> Case:
    """``case`` closed without a determination: a handoff answered, or a case withdrawn."""
    _require_holder(case, user_id, override)
    return dataclasses.replace(case, status="closed", claimed_by=user_id)


def _require_holder(case: Case, user_id: str, override: bool) -> None:
    if not case.active:
        raise CaseClosed(case.case_id, f"the case is {case.status}")
    if not override and case.claimed_by != user_id:
        raise NotClaimedByYou(case.case_id, "the case is not claimed by this user")


def _validate(event_type: EventType, data: Mapping[str, Any], code: str) -> None:
    try:
        validate_data(event_type, data)
    except SchemaViolation as exc:
        # The violation names the path and the rule, never the value: safe to keep.
        raise InvalidCase(code, str(exc)) from exc


def _check_case(case: Case) -> None:
    problem = _case_problem(case)
    if problem is not None:
        raise InvalidCase("invalid_case", problem)


def _case_problem(case: Case) -> str | None:
    if not case.case_id:
        return "case_id is empty"
    if case.kind not in CASE_KINDS:
        return "unknown kind"
    if case.status not in CASE_STATUSES:
        return "unknown status"
    if case.received_at.tzinfo is None or case.received_at.utcoffset() is None:
        return "received_at has no UTC offset"
    if case.kind != "handoff" and not case.application_id:
        return "a review or confirmation needs its application_id"
    if case.district is None:
        if case.group is not None:
            return "a group without a district"
    elif case.district not in BY_NAME:
        return "district is not a canonical name"
    elif case.group != group_of(case.district):
        return "group is not the district's group"
    if case.status == "claimed" and case.claimed_by is None:
        return "a claimed case needs claimed_by"
    if case.status == "open" and case.claimed_by is not None:
        return "an open case is claimed by nobody"
    if any(p not in PROGRAM_NAMES for p in case.programs):
        return "unknown program"
    if case.priority < 0:
        return "priority is negative"
    return None


def _amount_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _opt_amount(value: object) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("amount")
    return round_amount(value)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("string")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("integer")
    return value
