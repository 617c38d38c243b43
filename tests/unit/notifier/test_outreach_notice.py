"""Outreach notices (主动发现): a kind invitation to apply again, no pressure, no promise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from services.notifier.domain import render_outreach

EXAMPLE = Path(__file__).parents[3] / "schemas" / "examples" / "outreach.suggested.v1.json"


def suggestion(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text())["data"]
    data.update(overrides)
    return data


def test_the_example_suggestion_invites_the_resident_to_apply_again() -> None:
    notice = render_outreach("o1", "2024-12-02T10:15:07+08:00", suggestion())
    assert notice.kind == "outreach"
    assert notice.title == "政策有调整，您可能可以申请救助"
    assert notice.lines == (
        "政策调整后，您可能可以享受特困供养（每月约932元）。",
        "想申请的话，请回复“我要申请”，或者到街道（乡镇）社会救助窗口重新申请。",
        "能不能享受，要工作人员核实后才知道。",
        "不想申请也没关系，不用回复。",
    )
    assert notice.sms == (
        "【渝助】政策调整后，您可能可以享受特困供养，每月约932元。想申请的话，请打开渝助回复“我要申请”。"
    )


def test_the_notice_keeps_the_fields_the_inbox_reads() -> None:
    data = suggestion()
    as_dict = render_outreach("o1", "2024-12-02T10:15:07+08:00", data).to_dict()
    assert as_dict["notice_id"] == "o1"
    assert as_dict["issued_at"] == "2024-12-02T10:15:07+08:00"
    assert as_dict["application_id"] == data["application_id"]
    assert (as_dict["kind"], as_dict["stage"], as_dict["status"]) == (
        "outreach",
        "outreach",
        "suggested",
    )
    assert as_dict["lines"]


def test_several_programs_are_listed_with_monthly_and_one_off_money() -> None:
    notice = render_outreach("o1", "t", suggestion(
        programs=["dibao", "temporary"], total_monthly_amount=562.0, total_one_off_amount=1162.5,
    ))  # fmt: skip
    assert (
        notice.lines[0]
        == "政策调整后，您可能可以享受低保、临时救助（每月约562元，另外一次性约1162.5元）。"
    )


def test_only_one_off_money_is_not_called_monthly() -> None:
    notice = render_outreach("o1", "t", suggestion(
        programs=["temporary"], total_monthly_amount=0.0, total_one_off_amount=1162.0,
    ))  # fmt: skip
    assert notice.lines[0] == "政策调整后，您可能可以享受临时救助（一次性约1162元）。"


def test_a_registration_without_money_names_no_amount() -> None:
    notice = render_outreach("o1", "t", suggestion(
        programs=["marginal"], total_monthly_amount=0.0, total_one_off_amount=0.0,
    ))  # fmt: skip
    assert notice.lines[0] == "政策调整后，您可能可以享受低保边缘家庭。"
    assert "元" not in notice.sms


def test_the_invitation_promises_nothing_and_presses_no_one() -> None:
    text = "".join(render_outreach("o1", "t", suggestion()).lines)
    assert "可能" in text
    assert "核实后才知道" in text
    assert "不想申请也没关系" in text
    for pressure in ("必须", "尽快", "马上", "一定", "过期"):
        assert pressure not in text


def test_an_unknown_program_id_is_shown_as_it_is() -> None:
    notice = render_outreach("o1", "t", suggestion(programs=["new_program"]))
    assert notice.lines[0].startswith("政策调整后，您可能可以享受new_program")


def test_the_sms_with_every_program_still_fits_one_segment() -> None:
    every = ["dibao", "tekun", "marginal", "temporary", "disability_living", "disability_care",
             "orphan", "unsupported_child"]  # fmt: skip
    sms = render_outreach("o1", "t", suggestion(programs=every, total_monthly_amount=9999.99)).sms
    assert len(sms) <= 70
    assert sms.startswith("【渝助】政策调整后，您可能可以享受")
