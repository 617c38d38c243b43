"""Decision notices: what a resident reads in the chat for each stage and status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from services.notifier.domain import catalogue, render_notice
from services.notifier.domain.notice import yuan

EXAMPLE = Path(__file__).parents[3] / "schemas" / "examples" / "determination.issued.v1.json"


def determination(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text())["data"]
    data.update(overrides)
    return data


def program(name: str, outcome: str, monthly: float = 0.0, one_off: float = 0.0,
            reasons: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    return {"program": name, "outcome": outcome, "monthly_amount": monthly,
            "one_off_amount": one_off, "reasons": reasons or []}  # fmt: skip


def failed(rule: str, message: str) -> dict[str, Any]:
    return {"rule": rule, "passed": False, "citation": "c", "values": {}, "message": message}


def passed(rule: str, message: str) -> dict[str, Any]:
    return {"rule": rule, "passed": True, "citation": "c", "values": {}, "message": message}


DIBAO_562 = {"programs": [program("dibao", "eligible", monthly=562.0)],
             "total_monthly_amount": 562.0, "total_one_off_amount": 0.0}  # fmt: skip
REFUSED = {"programs": [program("dibao", "ineligible",
                               reasons=[failed("dibao.income", "收入高于标准。")])],
           "total_monthly_amount": 0.0, "total_one_off_amount": 0.0}  # fmt: skip
WAITING = {"programs": [program("tekun", "needs_review")],
           "total_monthly_amount": 0.0, "total_one_off_amount": 0.0}  # fmt: skip
CASES = {"eligible": DIBAO_562, "needs_review": WAITING, "ineligible": REFUSED}


def notice_for(stage: str, status: str) -> tuple[str, ...]:
    notice = render_notice("n1", "t", determination(stage=stage, status=status, **CASES[status]))
    assert notice.stage == stage
    assert notice.status == status
    assert notice.kind == "decision"
    return (notice.title, *notice.lines)


# --- every stage × status: title and next steps -------------------------------------------------


def test_a_preliminary_approval_says_who_checks_when_the_county_decides_and_the_first_pay() -> None:
    title, *lines = notice_for("preliminary", "eligible")
    assert title == "您的申请有初步结果了"
    assert lines == [
        "按您填的情况，您可以享受：",
        "低保，每月562元。",
        "接下来：",
        "3个工作日内，社区或乡镇的工作人员会上门或打电话，核实您家的情况。",
        "区县会在10个工作日内作出决定。",
        "名单要在村里或社区张榜公示7天。",
        "如果批准了，从批准的下个月开始发钱。",
    ]


def test_a_review_says_who_will_call_within_three_working_days_and_what_to_prepare() -> None:
    title, *lines = notice_for("preliminary", "needs_review")
    assert title == "您的申请有初步结果了"
    assert lines == [
        "您的情况需要工作人员再核实一下，核实后会告诉您结果。",
        "特困供养：需要工作人员核实。",
        "接下来：",
        "3个工作日内，社区或乡镇的工作人员会联系您。",
        "请准备好身份证、户口簿、收入证明；有残疾证的，也请准备好。",
    ]


def test_a_preliminary_refusal_gives_the_reason_and_says_how_to_apply_again_or_ask() -> None:
    title, *lines = notice_for("preliminary", "ineligible")
    assert title == "您的申请有初步结果了"
    assert lines == [
        "按您填的情况，这次暂时不符合条件。",
        "收入高于标准。",
        "以后情况有变化，可以再申请。",
        "有疑问，可以回复“转人工”，或者到街道（乡镇）社会救助窗口问。",
    ]


def test_a_final_approval_says_the_notice_lasts_seven_days_then_money_goes_to_the_bank_card() -> (
    None
):
    title, *lines = notice_for("final", "eligible")
    assert title == "您的申请审批好了"
    assert lines == [
        "经过核实，您的申请通过了，可以享受：",
        "低保，每月562元。",
        "接下来：",
        "名单要在村里或社区张榜公示7天。",
        "公示时没有人提出不同意见，就从批准的下个月开始发钱。",
        "钱会打到您登记的银行卡或存折上。",
    ]


def test_a_final_refusal_gives_the_reason_and_how_to_ask_for_a_second_look() -> None:
    title, *lines = notice_for("final", "ineligible")
    assert title == "您的申请审批好了"
    assert lines == [
        "经过核实，您的申请这次没有通过。",
        "收入高于标准。",
        "如果不同意这个结果，从收到通知那天起60天内，可以向区县民政局申请复核。",
        "以后情况有变化，可以再申请。",
        "有疑问，可以回复“转人工”，或者到街道（乡镇）社会救助窗口问。",
    ]


def test_a_final_review_is_not_called_decided_and_says_who_will_call() -> None:
    title, *lines = notice_for("final", "needs_review")
    assert title == "您的申请还要再核实一下"
    assert lines[0].startswith("您的情况还需要工作人员再核实")
    assert "3个工作日内，社区或乡镇的工作人员会联系您。" in lines


def test_the_title_tells_a_preliminary_result_from_a_final_one() -> None:
    for status in CASES:
        assert notice_for("preliminary", status)[0] != notice_for("final", status)[0]


def test_each_stage_and_status_reads_differently() -> None:
    notices = {notice_for(stage, status) for stage in ("preliminary", "final") for status in CASES}
    assert len(notices) == 6


def test_next_steps_differ_by_stage_except_that_a_review_always_means_a_call() -> None:
    def steps(stage: str, status: str) -> tuple[str, ...]:
        lines = notice_for(stage, status)
        return lines[lines.index("接下来：") :] if "接下来：" in lines else lines[3:]

    assert steps("preliminary", "eligible") != steps("final", "eligible")
    assert steps("preliminary", "ineligible") != steps("final", "ineligible")
    assert steps("preliminary", "needs_review") == steps("final", "needs_review")


def test_the_unconfirmed_review_deadline_is_marked_as_an_assumption_in_the_catalogue() -> None:
    assert "REVIEW_RIGHTS" in catalogue.ASSUMPTIONS
    assert "60天" in catalogue.REVIEW_RIGHTS
    for name in catalogue.ASSUMPTIONS:
        assert isinstance(getattr(catalogue, name), str), name


# --- what each program gets ---------------------------------------------------------------------


def test_an_approval_names_each_program_its_amount_in_whole_yuan_and_the_total() -> None:
    notice = render_notice("n1", "2026-11-28T10:00:00Z", determination(
        status="eligible", stage="preliminary", total_monthly_amount=478.0,
        programs=[program("dibao", "eligible", monthly=408.0),
                  program("disability_living", "eligible", monthly=70.0)],
    ))  # fmt: skip
    assert notice.lines[:4] == (
        "按您填的情况，您可以享受：",
        "低保，每月408元。",
        "残疾人生活补贴，每月70元。",
        "一共每月478元。",
    )


def test_fen_are_shown_when_the_amount_has_them() -> None:
    notice = render_notice("n1", "t", determination(
        status="eligible", stage="final", total_monthly_amount=83.34,
        programs=[program("disability_care", "eligible", monthly=83.34)],
    ))  # fmt: skip
    assert "重度残疾人护理补贴，每月83.34元。" in notice.lines


def test_a_single_program_is_not_followed_by_a_total_that_repeats_it() -> None:
    lines = render_notice("n1", "t", determination(stage="preliminary", status="eligible",
                                                   **DIBAO_562)).lines  # fmt: skip
    assert not any(line.startswith("一共") for line in lines)


def test_one_off_money_is_shown_with_the_monthly_money_and_its_own_payment_line() -> None:
    notice = render_notice("n1", "t", determination(
        status="eligible", stage="preliminary",
        total_monthly_amount=562.0, total_one_off_amount=1162.0,
        programs=[program("dibao", "eligible", monthly=562.0),
                  program("temporary", "eligible", one_off=1162.0)],
    ))  # fmt: skip
    assert "临时救助，一次性1162元。" in notice.lines
    assert "一共每月562元，另外一次性1162元。" in notice.lines
    assert "一次性的钱，批准后发给您。" in notice.lines


def test_only_one_off_money_is_not_promised_monthly() -> None:
    notice = render_notice("n1", "t", determination(
        status="eligible", stage="preliminary", total_monthly_amount=0.0,
        total_one_off_amount=1162.0, programs=[program("temporary", "eligible", one_off=1162.0)],
    ))  # fmt: skip
    assert "如果批准了，从批准的下个月开始发钱。" not in notice.lines
    assert "一次性的钱，批准后发给您。" in notice.lines


def test_a_review_lists_what_waits_and_what_is_already_likely() -> None:
    notice = render_notice("n1", "t", determination(
        status="needs_review", stage="preliminary", total_monthly_amount=562.0,
        programs=[program("dibao", "eligible", monthly=562.0),
                  program("temporary", "needs_review")],
    ))  # fmt: skip
    assert notice.lines[:4] == (
        "您的情况需要工作人员再核实一下，核实后会告诉您结果。",
        "临时救助：需要工作人员核实。",
        "初步看，可以享受：",
        "低保，每月562元。",
    )


def test_a_refused_household_registered_as_marginal_is_told_so_after_the_reason() -> None:
    notice = render_notice("n1", "t", determination(
        status="ineligible", stage="preliminary", total_monthly_amount=0.0, programs=[
            program("dibao", "ineligible", reasons=[failed("dibao.income", "收入高于标准。")]),
            program("marginal", "eligible"),
        ],
    ))  # fmt: skip
    assert notice.lines[1:3] == (
        "收入高于标准。",
        "低保边缘家庭：已经登记，遇到困难可以优先得到帮助。",
    )


def test_refused_and_not_applicable_programs_are_not_listed_on_an_approval() -> None:
    lines = render_notice("n1", "t", determination()).lines  # the example: 特困 yes, 低保 no
    assert "特困供养，每月932元。" in lines
    assert not any("低保" in line or "孤儿" in line for line in lines)


def test_an_unknown_program_id_is_shown_as_it_is_rather_than_failing() -> None:
    notice = render_notice("n1", "t", determination(
        status="eligible", total_monthly_amount=10.0,
        programs=[program("new_program", "eligible", monthly=10.0)],
    ))  # fmt: skip
    assert "new_program，每月10元。" in notice.lines


def test_an_unknown_stage_or_status_gets_general_wording() -> None:
    notice = render_notice("n1", "t", determination(stage="appeal", status="withdrawn"))
    assert notice.title == catalogue.TITLE_FALLBACK
    assert notice.lines[0] == catalogue.HEADLINE_FALLBACK
    assert notice.sms == catalogue.SMS_FALLBACK


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(562.0, "562"), (562, "562"), (83.34, "83.34"), (408.5, "408.5"), (0.1 + 0.2, "0.3"),
     (1382.005, "1382.01"), (0.0, "0"), (1e20, "100000000000000000000")],
)  # fmt: skip
def test_amounts_read_in_whole_yuan_unless_there_are_fen(amount: float, shown: str) -> None:
    assert yuan(amount) == shown


def test_absurd_amounts_never_crash() -> None:
    assert yuan(1.7976931348623157e308).isdigit()
    assert yuan(float("nan")) == "0"
    assert yuan(True) == "0"


# --- the main reason ----------------------------------------------------------------------------


def test_a_refusal_is_explained_by_the_dibao_rule_before_the_other_programs() -> None:
    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[
            program("tekun", "ineligible", reasons=[failed("tekun.unable_to_work", "不到60岁。")]),
            program("dibao", "ineligible", reasons=[failed("dibao.income", "收入高于标准。")]),
            program("orphan", "not_applicable", reasons=[failed("child.age", "已满18周岁。")]),
        ],
    ))  # fmt: skip
    assert notice.lines[1] == "收入高于标准。"
    assert "不到60岁。" not in notice.lines  # one sentence, not every rule


def test_the_main_reason_is_the_first_failed_rule_not_a_passed_one() -> None:
    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[program("dibao", "ineligible", reasons=[
            passed("dibao.assets", "存款没有超过标准。"),
            failed("dibao.income", "您家人均月收入800元，不低于农村低保标准581元。"),
            failed("dibao.other", "另一条。"),
        ])],
    ))  # fmt: skip
    assert notice.lines[1] == "您家人均月收入800元，不低于农村低保标准581元。"
    assert "另一条。" not in notice.lines


def test_not_applicable_programs_never_give_the_reason() -> None:
    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[
            program("orphan", "not_applicable", reasons=[failed("child.age", "已满18周岁。")]),
            program("tekun", "ineligible", reasons=[failed("tekun.supporter", "有人赡养")]),
        ],
    ))  # fmt: skip
    assert notice.lines[1] == "有人赡养。"  # and a full stop is added


def test_a_refusal_without_any_failed_rule_still_renders() -> None:
    notice = render_notice("n1", "t", determination(
        status="ineligible", total_monthly_amount=0.0,
        programs=[program("dibao", "ineligible", reasons=[failed("dibao.income", "  ")])],
    ))  # fmt: skip
    assert notice.lines[1] == "以后情况有变化，可以再申请。"


def test_the_notice_keeps_the_fields_other_services_read() -> None:
    notice = render_notice("n1", "2024-11-20T09:30:03+08:00", determination())
    assert notice.to_dict() == {
        "notice_id": "n1",
        "issued_at": "2024-11-20T09:30:03+08:00",
        "application_id": "3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c93",
        "stage": "preliminary",
        "status": "eligible",
        "kind": "decision",
        "title": "您的申请有初步结果了",
        "lines": list(notice.lines),
        "sms": "【渝助】您的特困供养申请初步符合条件，每月932元。详情请打开渝助查看。",
    }
