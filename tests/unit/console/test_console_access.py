"""Caseworkers see and act on their own district only; supervisors on all of them."""

from __future__ import annotations

from typing import Any

import pytest

from services.common.districts import CANONICAL_NAMES
from services.console.domain import (
    AccessDenied,
    CaseClosed,
    InvalidUser,
    NotClaimedByYou,
    User,
    can_act,
    can_claim,
    can_see,
    case_from_handoff,
    case_from_review_task,
    claim,
    mark_decided,
    require_can_act,
    visible_districts,
)


def test_a_caseworker_sees_only_the_cases_of_their_district(
    review_data: dict[str, Any], wuxi_worker: User, yuzhong_worker: User
) -> None:
    case = case_from_review_task(review_data)
    assert can_see(wuxi_worker, case)
    assert not can_see(yuzhong_worker, case)


def test_a_supervisor_sees_every_district(review_data: dict[str, Any], supervisor: User) -> None:
    assert can_see(supervisor, case_from_review_task(review_data))
    assert visible_districts(supervisor) == CANONICAL_NAMES


def test_a_caseworkers_visible_districts_are_their_own(wuxi_worker: User) -> None:
    assert visible_districts(wuxi_worker) == ("巫溪县",)


def test_an_unrouted_handoff_is_for_supervisors_only(
    handoff_data: dict[str, Any], wuxi_worker: User, supervisor: User
) -> None:
    del handoff_data["district"], handoff_data["district_group"]
    case = case_from_handoff(handoff_data)
    assert not can_see(wuxi_worker, case)
    assert can_see(supervisor, case)


def test_a_caseworker_must_claim_before_acting(
    review_data: dict[str, Any], wuxi_worker: User
) -> None:
    case = case_from_review_task(review_data)
    assert can_claim(wuxi_worker, case)
    assert not can_act(wuxi_worker, case)
    assert can_act(wuxi_worker, claim(case, wuxi_worker.user_id))


def test_a_caseworker_cannot_act_on_a_colleagues_claim(
    review_data: dict[str, Any], wuxi_worker: User, wuxi_colleague: User
) -> None:
    case = claim(case_from_review_task(review_data), wuxi_colleague.user_id)
    assert not can_claim(wuxi_worker, case)
    assert not can_act(wuxi_worker, case)
    with pytest.raises(NotClaimedByYou):
        require_can_act(wuxi_worker, case)


def test_a_caseworker_of_another_district_can_neither_claim_nor_act(
    review_data: dict[str, Any], yuzhong_worker: User
) -> None:
    case = claim(case_from_review_task(review_data), yuzhong_worker.user_id)
    assert not can_claim(yuzhong_worker, case_from_review_task(review_data))
    assert not can_act(yuzhong_worker, case)
    with pytest.raises(AccessDenied):
        require_can_act(yuzhong_worker, case)


def test_a_supervisor_may_act_without_holding_the_claim(
    review_data: dict[str, Any], wuxi_worker: User, supervisor: User
) -> None:
    case = case_from_review_task(review_data)
    assert can_act(supervisor, case)
    assert can_act(supervisor, claim(case, wuxi_worker.user_id))


def test_nobody_acts_on_a_decided_case(
    review_data: dict[str, Any], wuxi_worker: User, supervisor: User
) -> None:
    case = mark_decided(claim(case_from_review_task(review_data), "cw-wuxi-1"), "cw-wuxi-1")
    assert not can_act(wuxi_worker, case)
    assert not can_act(supervisor, case)
    with pytest.raises(CaseClosed):
        require_can_act(supervisor, case)


@pytest.mark.parametrize(
    ("role", "district"),
    [("caseworker", None), ("caseworker", "巫溪"), ("supervisor", "巫溪县"), ("admin", None)],
)
def test_a_user_breaking_the_role_rules_cannot_be_built(role: str, district: str | None) -> None:
    with pytest.raises(InvalidUser):
        User("u-1", "某人", role, district)  # type: ignore[arg-type]
