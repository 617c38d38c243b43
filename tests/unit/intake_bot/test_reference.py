from __future__ import annotations

from datetime import UTC, datetime

from services.intake_bot.domain import reference_number

APPLICATION = "3f9a1c2e-0000-4000-8000-000000000000"


def test_a_reference_is_the_chongqing_date_and_six_characters_of_the_id() -> None:
    late_evening_utc = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)  # 01:30 the next day there
    assert reference_number(APPLICATION, late_evening_utc) == "YZ20261128-3F9A1C"


def test_a_reference_keeps_eight_digits_of_date_for_any_year() -> None:
    assert reference_number(APPLICATION, datetime(999, 5, 1, 12, tzinfo=UTC)) == (
        "YZ09990501-3F9A1C"
    )
