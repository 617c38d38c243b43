"""The determination's shape and arithmetic (SPEC §4, §5)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from eligibility_support import make_id, payload
from stdnum.cn import ric

from services.eligibility.domain import (
    Determination,
    Outcome,
    PolicyBook,
    Program,
    ProgramResult,
    evaluate,
)

PROGRAM_ORDER = [
    "tekun",
    "dibao",
    "marginal",
    "temporary",
    "disability_living",
    "disability_care",
    "orphan",
    "unsupported_child",
]


def test_determination_has_exactly_the_spec_fields(book: PolicyBook) -> None:
    result = evaluate(payload(household={"monthly_income": 1500.0}), book).to_dict()
    assert set(result) == {
        "application_id",
        "policy_version",
        "stage",
        "status",
        "programs",
        "total_monthly_amount",
        "total_one_off_amount",
        "marginal",
    }
    assert result["stage"] == "preliminary"
    assert result["application_id"] == "7d3f5c2e-0000-4000-8000-000000000001"
    for program in result["programs"]:
        assert set(program) == {
            "program",
            "outcome",
            "monthly_amount",
            "one_off_amount",
            "reasons",
        }
        assert isinstance(program["monthly_amount"], float)
        assert isinstance(program["one_off_amount"], float)
        for reason in program["reasons"]:
            assert set(reason) == {"rule", "passed", "message", "citation", "values"}


def test_programs_are_listed_in_the_fixed_order(book: PolicyBook) -> None:
    result = evaluate(payload(), book).to_dict()
    assert [p["program"] for p in result["programs"]] == PROGRAM_ORDER


def test_same_input_gives_byte_identical_json(book: PolicyBook) -> None:
    first = evaluate(payload(emergency={"kind": "fire"}), book)
    second = evaluate(payload(emergency={"kind": "fire"}), book)
    assert json.dumps(first.to_dict(), sort_keys=True) == json.dumps(
        second.to_dict(), sort_keys=True
    )
    assert first.to_json() == second.to_json()


def test_spec_example_gives_408_yuan_of_dibao(book: PolicyBook) -> None:
    result = evaluate(payload(household={"monthly_income": 1500.0}), book)
    dibao = result.program(Program.DIBAO)
    assert dibao.outcome is Outcome.ELIGIBLE
    assert dibao.monthly_amount == Decimal("408.00")
    assert result.to_dict()["total_monthly_amount"] == 408.0


def test_reasons_carry_a_rule_a_chinese_message_a_citation_and_the_figures(
    book: PolicyBook,
) -> None:
    result = evaluate(payload(household={"monthly_income": 1500.0}), book).to_dict()
    for program in result["programs"]:
        assert program["reasons"], program["program"]
        for reason in program["reasons"]:
            assert reason["rule"].split(".")[0] == program["program"]
            assert reason["message"].endswith("。")
            assert "{" not in reason["message"]
            assert (
                "《" in reason["citation"]
                or "〔" in reason["citation"]
                or ("SPEC" in reason["citation"])
            )
            json.dumps(reason["values"])  # JSON numbers and strings only


def test_income_message_states_the_actual_figures(book: PolicyBook) -> None:
    result = evaluate(payload(household={"monthly_income": 1500.0}), book)
    reason = result.program(Program.DIBAO).reasons[0]
    assert reason.message == "您家人均月收入500元，低于城市低保标准636元。"
    assert reason.values["standard"] == Decimal(636)
    assert reason.values["monthly_income"] == Decimal(1500)


def test_standard_citation_follows_the_policy_version(book: PolicyBook) -> None:
    old = evaluate(payload(household={"monthly_income": 1500.0}), book)
    new = evaluate(
        payload(submitted_at="2023-01-01T00:00:00+08:00", household={"monthly_income": 1500.0}),
        book,
    )
    assert "渝民〔2021〕143号" in old.program(Program.DIBAO).reasons[0].citation
    assert "渝民〔2022〕187号" in new.program(Program.DIBAO).reasons[0].citation


def test_assumed_parameters_are_flagged_in_citations(book: PolicyBook) -> None:
    result = evaluate(payload(emergency={"kind": "fire"}), book)
    amount = result.program(Program.TEMPORARY).reasons[-1]
    assert amount.rule == "temporary.amount"
    assert "假设值" in amount.citation


def test_amounts_are_refused_on_outcomes_other_than_eligible() -> None:
    with pytest.raises(ValueError, match="amounts"):
        ProgramResult(Program.DIBAO, Outcome.NEEDS_REVIEW, (), monthly_amount=Decimal(1))


def test_determination_needs_every_program_in_order() -> None:
    with pytest.raises(ValueError, match="fixed order"):
        Determination("a", "cq-2021-09", (ProgramResult(Program.DIBAO, Outcome.INELIGIBLE, ()),))


def test_amounts_round_half_up_not_half_even() -> None:
    result = ProgramResult(Program.DIBAO, Outcome.ELIGIBLE, (), monthly_amount=Decimal("535.985"))
    assert result.monthly_amount == Decimal("535.99")


def test_totals_sum_the_rounded_program_amounts(book: PolicyBook) -> None:
    result = evaluate(
        payload(
            beneficiary={"disability_grade": 2, "disability_kind": "visual"},
            household={"members": 1, "monthly_income": 100.015, "financial_assets": 0},
            emergency={"kind": "flood"},
        ),
        book,
    )
    # dibao 636 − 100.015 = 535.985 → 535.99; living 70; care 83.34.
    assert result.total_monthly_amount == Decimal("689.33")
    assert result.total_one_off_amount == Decimal("1272.00")


def test_marginal_registration_alone_does_not_make_the_status_eligible(
    book: PolicyBook,
) -> None:
    result = evaluate(payload(household={"monthly_income": 2000.0}), book)
    assert result.marginal is True
    assert result.to_dict()["status"] == "ineligible"


def test_helper_builds_ids_whose_check_character_stdnum_accepts() -> None:
    for birth in ("19700315", "20040229", "19500601"):
        number = make_id(birth)
        assert ric.calc_check_digit(number) == number[-1]
