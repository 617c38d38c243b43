"""Who may see and act on which case.

Caseworkers work one district each; supervisors work all of them (and the unrouted cases: a
handoff whose resident never named a district, a confirmation without its application). The
district rule is also the privacy rule: a handoff's transcript and an application's ID numbers
may only be shown to caseworkers of the household's district (docs/events.md).

Acting (deciding, closing) needs the claim, so two caseworkers never decide the same case;
supervisors may act without it, to unblock a case whose caseworker is away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from services.common.districts import BY_NAME, CANONICAL_NAMES

from .cases import Case
from .errors import AccessDenied, CaseClosed, InvalidUser, NotClaimedByYou

Role = Literal["caseworker", "supervisor"]
ROLES: tuple[Role, ...] = get_args(Role)


@dataclass(frozen=True, slots=True)
class User:
    """A console user. A caseworker has exactly one canonical district; a supervisor none."""

    user_id: str
    name: str
    role: Role
    district: str | None = None

    def __post_init__(self) -> None:
        if not self.user_id:
            raise InvalidUser("user_id is empty")
        if self.role not in ROLES:
            raise InvalidUser(f"unknown role {self.role!r}")
        if self.role == "caseworker" and self.district not in BY_NAME:
            raise InvalidUser("a caseworker needs one canonical district")
        if self.role == "supervisor" and self.district is not None:
            raise InvalidUser("a supervisor works all districts and has none of their own")

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


def visible_districts(user: User) -> tuple[str, ...]:
    """The districts whose cases ``user`` sees, in the canonical order."""
    if user.is_supervisor:
        return CANONICAL_NAMES
    assert user.district is not None  # checked in User.__post_init__
    return (user.district,)


def can_see(user: User, case: Case) -> bool:
    """True when ``user`` may see ``case`` and its payload."""
    if user.is_supervisor:
        return True
    return case.district is not None and case.district == user.district


def can_claim(user: User, case: Case) -> bool:
    """True when ``claim(case, user.user_id)`` would succeed and is allowed."""
    return can_see(user, case) and case.active and case.claimed_by in (None, user.user_id)


def can_act(user: User, case: Case) -> bool:
    """True when ``user`` may decide or close ``case`` now."""
    if not can_see(user, case) or not case.active:
        return False
    return user.is_supervisor or case.claimed_by == user.user_id


def require_can_act(user: User, case: Case) -> None:
    """Nothing when ``can_act``; otherwise the error that says why, in this order:
    AccessDenied (wrong district), CaseClosed, NotClaimedByYou."""
    if not can_see(user, case):
        raise AccessDenied(f"{user.user_id} may not see case {case.case_id}")
    if not case.active:
        raise CaseClosed(case.case_id, f"the case is {case.status}")
    if not can_act(user, case):
        raise NotClaimedByYou(case.case_id, "claim the case before deciding it")
