"""Working days: Monday to Friday, minus public holidays, plus make-up Saturdays and Sundays."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from services.console.domain import CalendarDataError, WorkCalendar


def test_a_friday_plus_one_working_day_is_the_next_monday(calendar: WorkCalendar) -> None:
    assert calendar.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)


def test_the_start_day_itself_never_counts(calendar: WorkCalendar) -> None:
    assert calendar.add_working_days(date(2025, 3, 10), 1) == date(2025, 3, 11)
    assert calendar.add_working_days(date(2025, 3, 10), 0) == date(2025, 3, 10)


def test_the_national_day_week_is_skipped(calendar: WorkCalendar) -> None:
    # 2025: 1–8 October off (国庆节 and 中秋节 together), so the 30th's next working day is the 9th.
    assert all(not calendar.is_working_day(date(2025, 10, d)) for d in range(1, 9))
    assert calendar.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert calendar.holiday_name(date(2025, 10, 6)) == "国庆节、中秋节"


def test_a_make_up_saturday_counts_as_a_working_day(calendar: WorkCalendar) -> None:
    saturday = date(2025, 10, 11)
    assert saturday.weekday() == 5
    assert calendar.is_working_day(saturday)
    assert calendar.add_working_days(date(2025, 10, 10), 1) == saturday


def test_a_make_up_sunday_counts_as_a_working_day(calendar: WorkCalendar) -> None:
    assert calendar.is_working_day(date(2025, 9, 28))
    assert calendar.add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)


def test_the_spring_festival_of_2026_runs_nine_days(calendar: WorkCalendar) -> None:
    off = [date(2026, 2, d) for d in range(15, 24)]
    assert not any(calendar.is_working_day(d) for d in off)
    assert calendar.is_working_day(date(2026, 2, 14))  # Saturday before, worked
    assert calendar.is_working_day(date(2026, 2, 28))  # Saturday after, worked
    assert calendar.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)


def test_working_days_between_counts_after_a_up_to_and_including_b(
    calendar: WorkCalendar,
) -> None:
    assert calendar.working_days_between(date(2025, 3, 7), date(2025, 3, 10)) == 1
    assert calendar.working_days_between(date(2025, 3, 10), date(2025, 3, 10)) == 0
    assert calendar.working_days_between(date(2025, 9, 30), date(2025, 10, 11)) == 3


def test_working_days_between_is_negative_when_b_is_before_a(calendar: WorkCalendar) -> None:
    assert calendar.working_days_between(date(2025, 3, 10), date(2025, 3, 7)) == -1


def test_a_negative_number_of_working_days_is_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="zero or more"):
        calendar.add_working_days(date(2025, 3, 7), -1)


def test_both_shipped_years_name_their_notice(calendar: WorkCalendar) -> None:
    assert calendar.covered_years == {2025, 2026}
    for year, source in calendar.sources.items():
        assert f"{year}年部分节假日安排的通知" in source.source
    assert calendar.assumed_years == frozenset()


def test_outside_the_covered_years_only_weekends_are_days_off(calendar: WorkCalendar) -> None:
    national_day_2030 = date(2030, 10, 1)  # a Tuesday; no notice yet
    assert not calendar.covers(national_day_2030)
    assert calendar.is_working_day(national_day_2030)
    assert not calendar.is_working_day(date(2030, 10, 5))
    assert not calendar.covers_range(date(2026, 12, 1), date(2027, 1, 20))
    assert calendar.covers_range(date(2025, 12, 1), date(2026, 1, 20))


def year_data(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "source": "测试通知",
        "assumption": True,
        "holidays": [{"name": "测试节", "from": "2031-05-01", "to": "2031-05-03"}],
        "workdays": [{"name": "测试调休", "date": "2031-05-10"}],
    }
    entry.update(changes)
    return {"years": {"2031": entry}}


def test_a_calendar_can_be_built_from_json_like_data() -> None:
    cal = WorkCalendar.from_data(year_data())
    assert not cal.is_working_day(date(2031, 5, 1))
    assert cal.is_working_day(date(2031, 5, 10))
    assert cal.assumed_years == {2031}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source": ""}, "source"),
        ({"assumption": "yes"}, "assumption"),
        ({"workdays": [{"name": "周三", "date": "2031-05-07"}]}, "not a Saturday or Sunday"),
        ({"holidays": [{"name": "反了", "from": "2031-05-03", "to": "2031-05-01"}]}, "before"),
        ({"holidays": [{"name": "坏日期", "date": "2031-13-01"}]}, "YYYY-MM-DD"),
        ({"workdays": [{"name": "重叠", "date": "2031-05-03"}]}, "both a holiday"),
        ({"holidays": "五一"}, "list of mappings"),
    ],
)
def test_malformed_calendar_data_is_refused_with_the_entry_named(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(CalendarDataError, match=message):
        WorkCalendar.from_data(year_data(**changes))


def test_calendar_data_without_years_is_refused() -> None:
    with pytest.raises(CalendarDataError, match="years"):
        WorkCalendar.from_data({})
