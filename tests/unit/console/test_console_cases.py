"""Cases from the three events, the queue order, and claim / release / decide / close."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from services.common.districts import DistrictGroup
from services.console.domain import (
    Case,
    CaseAlreadyClaimed,
    CaseClosed,
    InvalidCase,
    InvalidDecision,
    NotClaimedByYou,
    case_from_handoff,
    case_from_preliminary,
    case_from_review_task,
    claim,
    close,
    mark_decided,
    queue_order,
    release,
)

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def make_case(case_id: str, kind: str, priority: int, minutes: int) -> Case:
    return Case(
        case_id=case_id,
        kind=kind,  # type: ignore[arg-type]
        application_id=None if kind == "handoff" else f"app-{case_id}",
        district="巫溪县",
        group=DistrictGroup.NORTHEAST,
        received_at=T0 + timedelta(minutes=minutes),
        priority=priority,
    )


def test_a_review_task_becomes_a_review_case_routed_to_its_district(
    review_data: dict[str, Any],
) -> None:
    case = case_from_review_task(review_data)
    assert case.case_id == review_data["task_id"]
    assert case.kind == "review"
    assert case.district == "巫溪县"
    assert case.group is DistrictGroup.NORTHEAST
    assert case.status == "open"
    assert case.claimed_by is None
    assert case.priority == 1
    assert case.programs == ("tekun",)
    assert case.preliminary_status == "needs_review"
    assert case.total_monthly_amount == Decimal("261.00")
    assert case.received_at == datetime.fromisoformat("2024-11-20T09:30:00+08:00")
    assert case.payload == review_data


def test_a_review_of_temporary_assistance_is_an_emergency_and_goes_first(
    review_data: dict[str, Any],
) -> None:
    review_data["programs"] = ["temporary"]
    assert case_from_review_task(review_data).priority == 0


def test_the_case_keeps_its_own_copy_of_the_payload(review_data: dict[str, Any]) -> None:
    case = case_from_review_task(review_data)
    review_data["application"]["applicant"]["name"] = "改过"
    assert case.payload["application"]["applicant"]["name"] == "刘晓梅"


def test_the_payload_never_appears_in_a_case_repr(review_data: dict[str, Any]) -> None:
    text = repr(case_from_review_task(review_data))
    assert "500238198003150245" not in text
    assert "刘晓梅" not in text


def test_an_invalid_review_task_is_refused_with_a_code(review_data: dict[str, Any]) -> None:
    del review_data["district"]
    with pytest.raises(InvalidCase) as caught:
        case_from_review_task(review_data)
    assert caught.value.code == "invalid_review_task"


def test_a_review_task_whose_group_is_not_its_districts_is_refused(
    review_data: dict[str, Any],
) -> None:
    review_data["district_group"] = "主城都市区"
    with pytest.raises(InvalidCase, match="group"):
        case_from_review_task(review_data)


def test_a_handoff_is_urgent_and_keeps_its_transcript(handoff_data: dict[str, Any]) -> None:
    case = case_from_handoff(handoff_data)
    assert case.kind == "handoff"
    assert case.priority == 0
    assert case.district == "巫溪县"
    assert case.application_id == handoff_data["application_id"]
    assert case.received_at == datetime.fromisoformat("2024-11-20T09:41:27+08:00")
    assert case.payload["transcript"] == handoff_data["transcript"]


def test_a_handoff_without_a_district_is_unrouted(handoff_data: dict[str, Any]) -> None:
    del handoff_data["district"], handoff_data["district_group"], handoff_data["application_id"]
    case = case_from_handoff(handoff_data)
    assert case.district is None
    assert case.group is None
    assert case.application_id is None


def test_a_preliminary_determination_with_its_application_becomes_a_confirmation(
    determination_data: dict[str, Any], application_data: dict[str, Any]
) -> None:
    case = case_from_preliminary(determination_data, application_data)
    assert case.kind == "confirm"
    assert case.priority == 2
    assert case.district == "巫溪县"
    assert case.programs == ("tekun",)
    assert case.preliminary_status == "eligible"
    assert case.total_monthly_amount == Decimal("932.00")
    assert set(case.payload) == {"determination", "application"}
    # The same determination delivered twice is the same case.
    assert case_from_preliminary(determination_data, application_data).case_id == case.case_id


def test_a_confirmation_without_its_application_needs_the_receipt_time(
    determination_data: dict[str, Any],
) -> None:
    with pytest.raises(InvalidCase) as caught:
        case_from_preliminary(determination_data)
    assert caught.value.code == "received_at_required"
    case = case_from_preliminary(determination_data, received_at=T0)
    assert case.district is None
    assert case.received_at == T0


def test_a_needs_review_determination_is_left_to_its_review_task(
    review_data: dict[str, Any],
) -> None:
    with pytest.raises(InvalidCase) as caught:
        case_from_preliminary(review_data["determination"], review_data["application"])
    assert caught.value.code == "needs_review_is_a_review_task"


def test_a_final_determination_is_not_a_confirmation(
    determination_data: dict[str, Any], application_data: dict[str, Any]
) -> None:
    determination_data["stage"] = "final"
    with pytest.raises(InvalidCase) as caught:
        case_from_preliminary(determination_data, application_data)
    assert caught.value.code == "not_preliminary"


def test_a_determination_with_another_households_application_is_refused(
    determination_data: dict[str, Any], application_data: dict[str, Any]
) -> None:
    application_data["application_id"] = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(InvalidCase) as caught:
        case_from_preliminary(determination_data, application_data)
    assert caught.value.code == "application_mismatch"


def test_a_case_survives_a_round_trip_through_its_dict(review_data: dict[str, Any]) -> None:
    case = claim(case_from_review_task(review_data), "cw-wuxi-1")
    assert Case.from_dict(case.to_dict()) == case


def test_a_broken_case_record_is_refused(review_data: dict[str, Any]) -> None:
    record = case_from_review_task(review_data).to_dict()
    record["district"] = "巫溪"
    with pytest.raises(InvalidCase) as caught:
        Case.from_dict(record)
    assert caught.value.code == "invalid_case_record"
    del record["district"]
    with pytest.raises(InvalidCase):
        Case.from_dict(record)


def test_handoffs_and_emergencies_come_first_then_reviews_then_confirmations() -> None:
    confirm = make_case("c", "confirm", 2, minutes=0)
    review = make_case("r", "review", 1, minutes=5)
    emergency = make_case("e", "review", 0, minutes=30)
    handoff = make_case("h", "handoff", 0, minutes=20)
    ordered = queue_order([confirm, review, emergency, handoff])
    assert [c.case_id for c in ordered] == ["h", "e", "r", "c"]


def test_within_a_priority_the_oldest_goes_first_and_ties_go_by_case_id() -> None:
    newer = make_case("a", "review", 1, minutes=10)
    older = make_case("z", "review", 1, minutes=0)
    twin = make_case("b", "review", 1, minutes=10)
    assert [c.case_id for c in queue_order([newer, twin, older])] == ["z", "a", "b"]


def test_claiming_an_open_case_makes_it_yours() -> None:
    case = claim(make_case("r", "review", 1, 0), "cw-1")
    assert case.status == "claimed"
    assert case.claimed_by == "cw-1"
    assert claim(case, "cw-1") is case


def test_claiming_a_case_someone_else_holds_raises_case_already_claimed() -> None:
    case = claim(make_case("r", "review", 1, 0), "cw-1")
    with pytest.raises(CaseAlreadyClaimed) as caught:
        claim(case, "cw-2")
    assert caught.value.claimed_by == "cw-1"
    assert caught.value.code == "case_already_claimed"


def test_releasing_puts_the_case_back_in_the_queue() -> None:
    case = release(claim(make_case("r", "review", 1, 0), "cw-1"), "cw-1")
    assert case.status == "open"
    assert case.claimed_by is None


def test_releasing_a_case_you_do_not_hold_raises_not_claimed_by_you() -> None:
    case = make_case("r", "review", 1, 0)
    with pytest.raises(NotClaimedByYou):
        release(case, "cw-1")
    with pytest.raises(NotClaimedByYou):
        release(claim(case, "cw-1"), "cw-2")


def test_a_supervisor_override_releases_someone_elses_claim() -> None:
    case = release(claim(make_case("r", "review", 1, 0), "cw-1"), "sv-1", override=True)
    assert case.status == "open"


def test_a_decided_case_can_no_longer_be_claimed_released_or_decided() -> None:
    decided = mark_decided(claim(make_case("r", "review", 1, 0), "cw-1"), "cw-1")
    assert decided.status == "decided"
    assert decided.claimed_by == "cw-1"
    with pytest.raises(CaseClosed):
        claim(decided, "cw-2")
    with pytest.raises(CaseClosed):
        release(decided, "cw-1")
    with pytest.raises(CaseClosed):
        mark_decided(decided, "cw-1")


def test_deciding_without_the_claim_raises_not_claimed_by_you() -> None:
    with pytest.raises(NotClaimedByYou):
        mark_decided(make_case("r", "review", 1, 0), "cw-1")


def test_a_handoff_is_closed_not_decided() -> None:
    handoff = claim(make_case("h", "handoff", 0, 0), "cw-1")
    with pytest.raises(InvalidDecision):
        mark_decided(handoff, "cw-1")
    closed = close(handoff, "cw-1")
    assert closed.status == "closed"
    assert not closed.active
    with pytest.raises(CaseClosed):
        close(closed, "cw-1")


def test_a_case_that_breaks_its_invariants_cannot_be_built() -> None:
    case = make_case("r", "review", 1, 0)
    with pytest.raises(InvalidCase):
        dataclasses.replace(case, status="claimed")
    with pytest.raises(InvalidCase):
        dataclasses.replace(case, received_at=datetime(2025, 3, 3, 9))
    with pytest.raises(InvalidCase):
        dataclasses.replace(case, application_id=None)
