"""Properties of working-day arithmetic that hold for any date and count (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from services.console.domain import WorkCalendar, load_shipped_calendar

CALENDAR: WorkCalendar = load_shipped_calendar()
DATES = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))
SETTINGS = settings(max_examples=300, deadline=None, database=None)


@SETTINGS
@given(start=DATES, n=st.integers(min_value=0, max_value=400))
def test_counting_back_the_working_days_added_gives_the_same_number(start: date, n: int) -> None:
    result = CALENDAR.add_working_days(start, n)
    assert CALENDAR.working_days_between(start, result) == n


@SETTINGS
@given(start=DATES, n=st.integers(min_value=1, max_value=400))
def test_the_nth_working_day_after_is_itself_a_working_day(start: date, n: int) -> None:
    result = CALENDAR.add_working_days(start, n)
    assert result > start
    assert CALENDAR.is_working_day(result)


@SETTINGS
@given(a=DATES, b=DATES)
def test_swapping_the_ends_flips_the_sign(a: date, b: date) -> None:
    assert CALENDAR.working_days_between(a, b) == -CALENDAR.working_days_between(b, a)
