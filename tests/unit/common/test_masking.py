from __future__ import annotations

from datetime import date

from services.common.masking import mask, mask_text
from tests.support.applications import id_number


def test_id_numbers_in_free_text_keep_only_their_first_four_and_last_two_characters() -> None:
    number = id_number(date(1954, 3, 2))
    masked = mask_text(f"身份证号{number}，请核对")
    assert number not in masked
    assert f"{number[:4]}{'*' * 12}{number[-2:]}" in masked


def test_mobile_numbers_written_with_spaces_or_dashes_are_masked() -> None:
    for written in ("13908381234", "139 0838 1234", "139-0838-1234"):
        assert mask_text(f"电话{written}") == "电话139****1234"


def test_longer_digit_runs_are_not_mistaken_for_phones_or_ids() -> None:
    assert mask_text("订单号 123456789012345678901") == "订单号 123456789012345678901"


def test_structured_payloads_hide_money_and_names_and_mask_ids() -> None:
    number = id_number(date(1980, 1, 1))
    masked = mask(
        {
            "applicant": {"name": "刘德贵", "id_number": number, "phone": "13908381234"},
            "household": {"monthly_income": 1500.0, "financial_assets": 20000, "members": 3},
        }
    )
    assert masked["applicant"] == {
        "name": "刘**",
        "id_number": number[:4] + "*" * 12 + number[-2:],
        "phone": "139****1234",
    }
    assert masked["household"] == {"monthly_income": "***", "financial_assets": "***", "members": 3}
