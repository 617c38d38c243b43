"""Ages count the birthday itself; 29 February birthdays fall on 1 March in common years."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.eligibility.domain.dates import age_on, local_date


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(1962, 3, 1), date(2022, 3, 1), 60),
        (date(1962, 3, 2), date(2022, 3, 1), 59),
        (date(2004, 2, 29), date(2022, 2, 28), 17),
        (date(2004, 2, 29), date(2022, 3, 1), 18),
        (date(1964, 2, 29), date(2024, 2, 29), 60),
        (date(1964, 2, 28), date(2024, 2, 29), 60),
        (date(2022, 3, 1), date(2022, 3, 1), 0),
        (date(2021, 12, 31), date(2022, 1, 1), 0),
    ],
)
def test_age_counts_the_birthday_itself(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


def test_utc_afternoon_is_already_the_next_day_in_chongqing() -> None:
    assert local_date(datetime(2022, 8, 31, 16, 0, tzinfo=UTC)) == date(2022, 9, 1)
    assert local_date(datetime(2022, 8, 31, 15, 59, 59, tzinfo=UTC)) == date(2022, 8, 31)
