"""The Chinese the console shows: every error code and label has its text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.console.domain import catalogue
from services.console.domain.cases import CASE_KINDS, CASE_STATUSES


def test_every_kind_status_and_stage_has_a_label() -> None:
    assert set(catalogue.KIND_LABELS) == set(CASE_KINDS)
    assert set(catalogue.STATUS_LABELS) == set(CASE_STATUSES)
    assert set(catalogue.STAGE_LABELS) == {"investigation", "decision"}


@pytest.mark.parametrize(
    "code",
    [
        "case_already_claimed",
        "not_claimed_by_you",
        "case_closed",
        "access_denied",
        "nothing_to_approve",
        "amounts_required",
        "unknown_program",
        "invalid_amount",
        "reason_required",
        "text_too_long",
        "no_determination",
    ],
)
def test_every_error_a_caseworker_can_meet_has_a_chinese_message(code: str) -> None:
    assert catalogue.ERROR_MESSAGES[code]


@pytest.mark.parametrize(
    ("days_left", "overdue", "text"),
    [
        (3, False, "还剩3个工作日"),
        (0, False, "今天到期"),
        (-2, True, "已超期2个工作日"),
        (0, True, "已超期"),
    ],
)
def test_the_countdown_reads_as_a_caseworker_would_say_it(
    days_left: int, overdue: bool, text: str
) -> None:
    assert catalogue.countdown_text(days_left, overdue) == text


def test_an_approval_sentence_carries_the_amounts() -> None:
    assert catalogue.approved_message("temporary", Decimal(0), Decimal("1162.5")) == (
        "经审核，批准临时救助，一次性1162.50元。"
    )
