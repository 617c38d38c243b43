"""Final determinations built from a caseworker's decision validate against the schema and
follow SPEC §4; audit entries say who did what without personal data."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from schemas import validate_data
from services.console.domain import (
    AS_PRELIMINARY,
    AccessDenied,
    Case,
    CaseClosed,
    InvalidDecision,
    NotClaimedByYou,
    User,
    approve,
    audit_entry,
    case_from_handoff,
    case_from_preliminary,
    case_from_review_task,
    claim,
    mark_decided,
    reject,
)

DETERMINATION = "cq.yuzhu.determination.issued.v1"
AT = datetime(2024, 11, 22, 15, 0, tzinfo=timezone(timedelta(hours=8)))


def programs_by_id(determination: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["program"]: p for p in determination["programs"]}


@pytest.fixture
def review_case(review_data: dict[str, Any], wuxi_worker: User) -> Case:
    return claim(case_from_review_task(review_data), wuxi_worker.user_id)


def test_approving_a_review_gives_a_final_determination_that_validates(
    review_case: Case, wuxi_worker: User
) -> None:
    final = approve(review_case, {"tekun": (932, 0)}, wuxi_worker, AT)
    validate_data(DETERMINATION, final)
    assert final["stage"] == "final"
    assert final["status"] == "eligible"
    assert final["application_id"] == review_case.application_id
    assert final["policy_version"] == "cq-2022-09"
    assert final["total_monthly_amount"] == 932.0
    assert final["total_one_off_amount"] == 0.0
    assert final["marginal"] is False


def test_the_approved_program_keeps_the_rules_reasons_and_adds_the_caseworkers(
    review_case: Case, wuxi_worker: User
) -> None:
    tekun = programs_by_id(approve(review_case, {"tekun": (932, 0)}, wuxi_worker, AT))["tekun"]
    assert tekun["outcome"] == "eligible"
    assert tekun["monthly_amount"] == 932.0
    *rules, decision = tekun["reasons"]
    assert rules[0]["rule"] == "tekun.unable_to_work"
    assert decision["rule"] == "caseworker.approved"
    assert decision["passed"] is True
    assert decision["citation"] == "民发〔2021〕57号 第二十条"
    assert decision["message"] == "经审核，批准特困供养，每月932元。"
    assert decision["values"]["preliminary_outcome"] == "needs_review"
    assert decision["values"]["decided_on"] == "2024-11-22"


def test_a_program_the_caseworker_left_out_is_not_approved(
    review_case: Case, wuxi_worker: User
) -> None:
    # The rules found 低保 eligible; approving 特困 alone must not leave both (no double cover).
    dibao = programs_by_id(approve(review_case, {"tekun": (932, 0)}, wuxi_worker, AT))["dibao"]
    assert dibao["outcome"] == "ineligible"
    assert dibao["monthly_amount"] == 0.0
    assert dibao["reasons"][-1]["rule"] == "caseworker.not_approved"
    assert dibao["reasons"][-1]["values"]["preliminary_outcome"] == "eligible"


def test_the_caseworkers_own_sentence_replaces_the_standard_one(
    review_case: Case, wuxi_worker: User
) -> None:
    note = "经入户核实，您父亲的子女均无赡养能力，批准特困供养。"
    final = approve(review_case, {"tekun": (932, 0)}, wuxi_worker, AT, note=f"  {note} ")
    assert programs_by_id(final)["tekun"]["reasons"][-1]["message"] == note


def test_amounts_are_rounded_half_up_to_the_fen_and_totals_sum_the_eligible_programs(
    review_case: Case, wuxi_worker: User
) -> None:
    final = approve(
        review_case,
        {
            "tekun": (Decimal("932.005"), 0),
            "disability_care": ("83.345", "0"),
            "temporary": (0, 1162.0),
        },
        wuxi_worker,
        AT,
    )
    validate_data(DETERMINATION, final)
    programs = programs_by_id(final)
    assert programs["tekun"]["monthly_amount"] == 932.01
    assert programs["disability_care"]["monthly_amount"] == 83.35
    assert programs["temporary"]["one_off_amount"] == 1162.0
    assert final["total_monthly_amount"] == 1015.36
    assert final["total_one_off_amount"] == 1162.0


def test_approving_only_the_marginal_registration_is_ineligible_but_marginal(
    review_case: Case, wuxi_worker: User
) -> None:
    final = approve(review_case, {"marginal": (0, 0)}, wuxi_worker, AT)
    validate_data(DETERMINATION, final)
    assert final["status"] == "ineligible"
    assert final["marginal"] is True
    assert programs_by_id(final)["marginal"]["reasons"][-1]["message"] == (
        "经审核，您家符合低保边缘家庭条件。"
    )


def test_a_confirmation_can_be_approved_as_preliminary(
    determination_data: dict[str, Any], application_data: dict[str, Any], wuxi_worker: User
) -> None:
    case = claim(case_from_preliminary(determination_data, application_data), "cw-wuxi-1")
    final = approve(case, AS_PRELIMINARY, wuxi_worker, AT)
    validate_data(DETERMINATION, final)
    assert final["status"] == determination_data["status"]
    assert final["total_monthly_amount"] == determination_data["total_monthly_amount"]
    outcomes = {p: r["outcome"] for p, r in programs_by_id(final).items()}
    assert outcomes == {p["program"]: p["outcome"] for p in determination_data["programs"]}


def test_a_review_cannot_be_approved_as_preliminary(review_case: Case, wuxi_worker: User) -> None:
    with pytest.raises(InvalidDecision) as caught:
        approve(review_case, AS_PRELIMINARY, wuxi_worker, AT)
    assert caught.value.code == "amounts_required"


@pytest.mark.parametrize(
    ("amounts", "code"),
    [
        ({}, "nothing_to_approve"),
        ({"pension": (100, 0)}, "unknown_program"),
        ({"tekun": (-1, 0)}, "invalid_amount"),
        ({"tekun": ("九百", 0)}, "invalid_amount"),
        ({"tekun": (float("nan"), 0)}, "invalid_amount"),
        ({"tekun": (932,)}, "invalid_amount"),
    ],
)
def test_a_malformed_approval_is_refused_with_a_code(
    review_case: Case, wuxi_worker: User, amounts: Any, code: str
) -> None:
    with pytest.raises(InvalidDecision) as caught:
        approve(review_case, amounts, wuxi_worker, AT)
    assert caught.value.code == code


def test_rejecting_gives_a_final_ineligible_determination_that_validates(
    review_case: Case, wuxi_worker: User
) -> None:
    reason = "经入户核实，您父亲的儿子有稳定收入，能够履行赡养义务，不符合特困供养条件。"
    final = reject(review_case, reason, wuxi_worker, AT)
    validate_data(DETERMINATION, final)
    assert final["stage"] == "final"
    assert final["status"] == "ineligible"
    assert final["total_monthly_amount"] == 0.0
    assert final["marginal"] is False
    programs = programs_by_id(final)
    for program in ("tekun", "dibao", "marginal"):
        assert programs[program]["outcome"] == "ineligible"
        last = programs[program]["reasons"][-1]
        assert last["rule"] == "caseworker.rejected"
        assert last["message"] == reason
        assert last["citation"] == "民发〔2021〕57号 第二十条"
    assert programs["orphan"]["outcome"] == "not_applicable"
    assert programs["orphan"]["reasons"][-1]["rule"] == "orphan.under_age"


def test_a_rejection_needs_a_reason(review_case: Case, wuxi_worker: User) -> None:
    with pytest.raises(InvalidDecision) as caught:
        reject(review_case, "   ", wuxi_worker, AT)
    assert caught.value.code == "reason_required"
    with pytest.raises(InvalidDecision) as caught:
        reject(review_case, "不" * 501, wuxi_worker, AT)
    assert caught.value.code == "text_too_long"


def test_deciding_without_the_claim_is_refused(
    review_data: dict[str, Any], wuxi_worker: User
) -> None:
    with pytest.raises(NotClaimedByYou):
        approve(case_from_review_task(review_data), {"tekun": (932, 0)}, wuxi_worker, AT)


def test_a_caseworker_of_another_district_cannot_decide(
    review_data: dict[str, Any], yuzhong_worker: User
) -> None:
    case = claim(case_from_review_task(review_data), yuzhong_worker.user_id)
    with pytest.raises(AccessDenied):
        reject(case, "不符合条件。", yuzhong_worker, AT)


def test_a_supervisor_decides_without_the_claim(
    review_data: dict[str, Any], supervisor: User
) -> None:
    final = approve(case_from_review_task(review_data), {"tekun": (932, 0)}, supervisor, AT)
    validate_data(DETERMINATION, final)


def test_a_decided_case_cannot_be_decided_again(review_case: Case, wuxi_worker: User) -> None:
    decided = mark_decided(review_case, wuxi_worker.user_id)
    with pytest.raises(CaseClosed):
        approve(decided, {"tekun": (932, 0)}, wuxi_worker, AT)


def test_a_handoff_has_nothing_to_decide(handoff_data: dict[str, Any], wuxi_worker: User) -> None:
    case = claim(case_from_handoff(handoff_data), wuxi_worker.user_id)
    with pytest.raises(InvalidDecision) as caught:
        reject(case, "不符合条件。", wuxi_worker, AT)
    assert caught.value.code == "no_determination"


def test_the_preliminary_in_the_case_is_left_untouched(
    review_case: Case, review_data: dict[str, Any], wuxi_worker: User
) -> None:
    approve(review_case, {"tekun": (932, 0)}, wuxi_worker, AT)
    reject(review_case, "不符合条件。", wuxi_worker, AT)
    assert review_case.payload == review_data


def test_an_audit_entry_says_who_did_what_and_when(review_case: Case, wuxi_worker: User) -> None:
    after = mark_decided(review_case, wuxi_worker.user_id)
    entry = audit_entry("approve", review_case, after, wuxi_worker, AT)
    assert entry["action"] == "approve"
    assert entry["at"] == "2024-11-22T15:00:00+08:00"
    assert entry["by"] == {"user_id": "cw-wuxi-1", "role": "caseworker", "district": "巫溪县"}
    assert entry["case_id"] == review_case.case_id
    assert entry["before"]["status"] == "claimed"
    assert entry["after"]["status"] == "decided"
    assert entry["after"]["total_monthly_amount"] == "261.00"
    json.dumps(entry)


def test_an_audit_entry_holds_no_id_numbers_phones_or_payload(
    review_case: Case, wuxi_worker: User
) -> None:
    note = "申请人刘晓梅（500238198003150245，电话13896052718）当面补交了材料"
    entry = audit_entry("note", review_case, review_case, wuxi_worker, AT, note=note)
    text = json.dumps(entry, ensure_ascii=False)
    assert "500238198003150245" not in text
    assert "13896052718" not in text
    assert "5002************45" in text
    assert "500238195206080132" not in text  # the beneficiary's, only in the payload
    assert "transcript" not in text
    assert "payload" not in text
