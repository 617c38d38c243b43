"""The text message of a notice: one segment, no personal data, for every valid determination;
and the catalogue's words."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import validate_data
from services.notifier.domain import catalogue, render_notice, render_outreach

EXAMPLES = Path(__file__).parents[3] / "schemas" / "examples"
PROGRAMS = ["dibao", "tekun", "marginal", "temporary", "disability_living", "disability_care",
            "orphan", "unsupported_child"]  # fmt: skip
OUTCOMES = ["eligible", "ineligible", "needs_review", "not_applicable"]
STAGES = ["preliminary", "final"]
STATUSES = ["eligible", "needs_review", "ineligible"]
ID_NUMBER = "50023819500101123X"
PHONE = "13812345678"
LONG_NUMBER = re.compile(r"\d{11,}")
SETTINGS = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text())["data"]
    return data


def assert_safe(sms: str, *private: str) -> None:
    assert 0 < len(sms) <= 70, sms
    assert not LONG_NUMBER.search(sms), sms  # no ID number (18 digits), no phone (11)
    for value in private:
        assert value not in sms


# --- examples -----------------------------------------------------------------------------------


def test_the_example_decision_gets_a_short_sms_with_the_program_and_its_money() -> None:
    sms = render_notice("n1", "t", example("determination.issued.v1.json")).sms
    assert sms == "【渝助】您的特困供养申请初步符合条件，每月932元。详情请打开渝助查看。"


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("status", STATUSES)
def test_every_stage_and_status_of_the_example_gets_an_sms_of_one_segment(
    stage: str, status: str
) -> None:
    data = example("determination.issued.v1.json") | {"stage": stage, "status": status}
    assert_safe(render_notice("n1", "t", data).sms, data["application_id"])


def test_the_brief_s_own_example_reads_as_written() -> None:
    data = example("determination.issued.v1.json") | {
        "programs": [{"program": "dibao", "outcome": "eligible", "monthly_amount": 562.0,
                      "one_off_amount": 0.0, "reasons": []}],
        "total_monthly_amount": 562.0,
    }  # fmt: skip
    sms = render_notice("n1", "t", data).sms
    assert sms == "【渝助】您的低保申请初步符合条件，每月562元。详情请打开渝助查看。"


def test_many_programs_fall_back_to_a_shorter_sms_rather_than_two_segments() -> None:
    programs = [{"program": p, "outcome": "eligible", "monthly_amount": 1234.56,
                 "one_off_amount": 2345.67, "reasons": []} for p in PROGRAMS]  # fmt: skip
    data = example("determination.issued.v1.json") | {
        "programs": programs, "total_monthly_amount": 9876.48, "total_one_off_amount": 18765.36,
    }  # fmt: skip
    sms = render_notice("n1", "t", data).sms
    assert (
        sms
        == "【渝助】您的申请初步符合条件，每月9876.48元，另有一次性18765.36元。详情请打开渝助查看。"
    )


def test_an_amount_that_could_read_as_a_phone_number_is_left_out() -> None:
    data = example("determination.issued.v1.json") | {"total_monthly_amount": 13812345678.0}
    assert (
        render_notice("n1", "t", data).sms == "【渝助】您的申请初步符合条件。详情请打开渝助查看。"
    )


def test_every_sms_variant_without_fields_fits_one_segment() -> None:
    variants = [v for vs in catalogue.SMS.values() for v in vs]
    variants += [*catalogue.SMS_OUTREACH, catalogue.SMS_FALLBACK]
    for variant in variants:
        if "{" not in variant:
            assert len(variant) <= catalogue.SMS_LIMIT, variant
    for variants_of_a_case in catalogue.SMS.values():
        assert "{" not in variants_of_a_case[-1]  # the last resort always fits
    assert "{" not in catalogue.SMS_OUTREACH[-1]


# --- any valid determination --------------------------------------------------------------------

money = st.one_of(
    st.just(0.0),
    st.integers(min_value=0, max_value=10**6),
    st.decimals(min_value=0, max_value=100_000, places=2).map(float),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
)
messages = st.one_of(
    st.text(max_size=40),
    st.sampled_from([f"身份证号{ID_NUMBER}不符合。", f"联系电话{PHONE}。", "人均月收入1800元。"]),
)
reason = st.fixed_dictionaries({
    "rule": st.text(min_size=1, max_size=20),
    "passed": st.booleans(),
    "message": messages,
    "citation": st.text(max_size=20),
    "values": st.dictionaries(st.text(max_size=10), st.integers() | st.floats(allow_nan=False,
                              allow_infinity=False), max_size=3),
})  # fmt: skip
program_result = st.fixed_dictionaries({
    "program": st.sampled_from(PROGRAMS),
    "outcome": st.sampled_from(OUTCOMES),
    "monthly_amount": money,
    "one_off_amount": money,
    "reasons": st.lists(reason, max_size=4),
})  # fmt: skip
determinations = st.fixed_dictionaries({
    "application_id": st.uuids().map(str),
    "policy_version": st.from_regex(r"\Acq-20[0-9]{2}-(0[1-9]|1[0-2])\Z"),
    "stage": st.sampled_from(STAGES),
    "status": st.sampled_from(STATUSES),
    "programs": st.lists(program_result, min_size=1, max_size=8),
    "total_monthly_amount": money,
    "total_one_off_amount": money,
    "marginal": st.booleans(),
})  # fmt: skip


@SETTINGS
@given(determinations)
def test_any_valid_determination_renders_with_a_safe_one_segment_sms(data: dict[str, Any]) -> None:
    validate_data("cq.yuzhu.determination.issued.v1", data)  # the strategy makes valid data only
    notice = render_notice("n1", "2024-11-20T09:30:03+08:00", data)
    assert notice.title
    assert notice.lines
    assert all(isinstance(line, str) and line for line in notice.lines)
    assert_safe(notice.sms, data["application_id"], ID_NUMBER, PHONE)
    json.dumps(notice.to_dict(), ensure_ascii=False)


outreach = st.fixed_dictionaries({
    "outreach_id": st.uuids().map(str),
    "application_id": st.uuids().map(str),
    "district": st.just("巫溪县"),  # the place changes no word of the invitation
    "district_group": st.just("渝东北"),
    "baseline_version": st.just("cq-2021-09"),
    "target_version": st.just("cq-2022-09"),
    "baseline_status": st.sampled_from(STATUSES),
    "programs": st.lists(st.sampled_from(PROGRAMS), min_size=1, max_size=8, unique=True),
    "total_monthly_amount": money,
    "total_one_off_amount": money,
    "found_at": st.just("2024-12-02T10:15:07.251+08:00"),
})  # fmt: skip


@SETTINGS
@given(outreach)
def test_any_outreach_suggestion_renders_with_a_safe_one_segment_sms(data: dict[str, Any]) -> None:
    validate_data("cq.yuzhu.outreach.suggested.v1", data)
    notice = render_outreach("n1", "2024-12-02T10:15:07+08:00", data)
    assert notice.lines
    assert_safe(notice.sms, data["application_id"], data["outreach_id"])


# --- the catalogue ------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


def _resident_texts() -> Iterator[tuple[str, str]]:
    """Every sentence a resident may see (ASSUMPTIONS are notes for staff)."""
    for name, value in vars(catalogue).items():
        if name.startswith("_") or not name.isupper() or name == "ASSUMPTIONS":
            continue
        values = value.values() if isinstance(value, Mapping) else [value]
        for item in values:
            items = item if isinstance(item, tuple) else (item,)
            yield from ((name, v) for v in items if isinstance(v, str))


def test_the_catalogue_shows_residents_no_english_words() -> None:
    texts = list(_resident_texts())
    assert len(texts) > 40
    for name, text in texts:
        assert not re.search(r"[A-Za-z]", _PLACEHOLDER.sub("", text)), (name, text)


def test_the_catalogue_uses_everyday_words_not_official_terms() -> None:
    for name, text in _resident_texts():
        for term in ("最低生活保障", "公民身份号码", "审核确认", "家庭经济状况", "申请人"):
            assert term not in text, (name, term)
