from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from services.notifier.domain import render_notice

EXAMPLE = Path(__file__).parents[3] / "schemas" / "examples" / "determination.issued.v1.json"


def determination(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text())["data"]
    data.update(overrides)
    return data


def program(name: str, outcome: str, monthly: float = 0.0, one_off: float = 0.0,
            reasons: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    return {"program": name, "outcome": outcome, "monthly_amount": monthly,
            "one_off_amount": one_off, "reasons": reasons or []}  # fmt: skip


def test_an_eligible_decision_names_each_program_and_its_monthly_amount_in_whole_yuan() -> None:
    notice = render_notice("n1", "2026-11-28T10:00:00Z", determination(
        status="eligible", stage="preliminary", total_monthly_amount=478.0,
        programs=[program("dibao", "eligible", monthly=408.0),
                  program("disability_living", "eligible", monthly=70.0)],
    ))  # fmt: skip
    assert notice.title == "您的申请有初步结果了"
    assert notice.lines == (
        "按您填的情况，您可以享受：",
        "低保，每月408元。",
        "残疾人生活补贴，每月70元。",
        "合计每月478元。",
    )


def test_fen_are_shown_when_the_amount_has_them() -> None:
    notice = render_notice("n1", "t", determination(
        status="eligible", stage="final", total_monthly_amount=83.34,
        programs=[program("disability_care", "eligible", monthly=83.34)],
    ))  # fmt: skip
    assert "重度残疾人护理补贴，每月83.34元。" in notice.lines
    assert notice.title == "您的申请审批好了"


def test_an_ineligible_decision_gives_the_first_failed_rules_sentence() -> None:
    message = "您家人均月收入800元，不低于农村低保标准581元。"
    reason = {"rule": "dibao.income_below_standard", "passed": False, "citation": "c",
              "values": {}, "message": message}  # fmt: skip
    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[program("dibao", "ineligible", reasons=[reason])],
    ))  # fmt: skip
    assert notice.lines == (
        "按您填的情况，这次暂时不符合条件。",
        "您家人均月收入800元，不低于农村低保标准581元。",
    )


def test_a_review_says_who_acts_next_and_which_program_waits() -> None:
    notice = render_notice("n1", "t", determination(
        status="needs_review", total_monthly_amount=0.0,
        programs=[program("tekun", "needs_review")],
    ))  # fmt: skip
    assert notice.lines[0].startswith("您的情况需要工作人员再核实")
    assert "特困供养：需要工作人员核实。" in notice.lines


def test_the_example_determination_renders_without_error() -> None:
    notice = render_notice("n1", "t", determination())
    assert notice.to_dict()["lines"]


def test_a_refusal_is_explained_by_the_dibao_rule_before_the_other_programs() -> None:
    def failed(rule: str, message: str) -> dict[str, Any]:
        return {"rule": rule, "passed": False, "citation": "c", "values": {}, "message": message}

    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[
            program("tekun", "ineligible", reasons=[failed("tekun.unable_to_work", "不到60岁。")]),
            program("dibao", "ineligible", reasons=[failed("dibao.income", "收入高于标准。")]),
            program("orphan", "not_applicable"),
        ],
    ))  # fmt: skip
    assert notice.lines[-1] == "收入高于标准。"
