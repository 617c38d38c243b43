"""Legal time limits: investigation within 3 working days (Art. 15), the whole process within
30, or 45 in special cases (Art. 22), counted from the local date the application arrived."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from services.console.domain import InvalidTimestamp, WorkCalendar, deadlines_for

BEIJING = timezone(timedelta(hours=8))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BEIJING)


def test_the_investigation_limit_runs_across_a_weekend(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)  # a Thursday
    assert d.investigation_due == date(2025, 3, 11)  # Fri, Mon, Tue
    assert d.decision_due == date(2025, 4, 18)  # 清明 (Friday 4 April) skipped on the way


def test_the_investigation_limit_runs_across_the_national_day_holiday(
    calendar: WorkCalendar,
) -> None:
    d = deadlines_for(at(date(2025, 9, 30)), calendar)
    # 1–8 October off; Thursday 9, Friday 10 and the make-up Saturday 11 are the three days.
    assert d.investigation_due == date(2025, 10, 11)
    assert d.decision_due == date(2025, 11, 18)


def test_a_make_up_sunday_before_the_spring_festival_counts(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 1, 24)), calendar)  # Friday before 春节
    # Sunday 26 January (worked), Monday 27, then 28 January – 4 February off, Wednesday 5.
    assert d.investigation_due == date(2025, 2, 5)


def test_special_cases_get_45_working_days(calendar: WorkCalendar) -> None:
    normal = deadlines_for(at(date(2025, 3, 6)), calendar)
    special = deadlines_for(at(date(2025, 3, 6)), calendar, special=True)
    assert special.investigation_due == normal.investigation_due
    assert special.decision_due == date(2025, 5, 13)
    assert calendar.working_days_between(date(2025, 3, 6), special.decision_due) == 45


def test_the_local_date_in_chongqing_is_what_counts(calendar: WorkCalendar) -> None:
    # 17:00 UTC on Thursday is 01:00 on Friday in Chongqing.
    d = deadlines_for(datetime(2025, 3, 6, 17, 0, tzinfo=UTC), calendar)
    assert d.received_on == date(2025, 3, 7)
    assert d.investigation_due == date(2025, 3, 12)


def test_the_deadlines_cite_their_articles(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    assert d.investigation_citation == "民发〔2021〕57号 第十五条"
    assert d.decision_citation == "民发〔2021〕57号 第二十二条"


def test_the_countdown_shows_working_days_left_across_a_weekend(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    friday = d.countdown(at(date(2025, 3, 7), 16))
    assert friday.stage == "investigation"
    assert friday.investigation_days_left == 2  # Monday and Tuesday
    assert not friday.overdue
    sunday = d.countdown(at(date(2025, 3, 9)))
    assert sunday.investigation_days_left == 2
    assert sunday.days_left == 2


def test_the_countdown_on_the_due_date_is_zero_and_not_overdue(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    c = d.countdown(at(date(2025, 3, 11), 23))
    assert c.investigation_days_left == 0
    assert not c.overdue


def test_the_countdown_across_a_holiday_does_not_count_the_days_off(
    calendar: WorkCalendar,
) -> None:
    d = deadlines_for(at(date(2025, 9, 30)), calendar)
    c = d.countdown(at(date(2025, 10, 3)))
    assert c.investigation_days_left == 3
    assert not c.overdue


def test_an_investigation_past_its_limit_is_overdue(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    c = d.countdown(at(date(2025, 3, 13)))  # Thursday, two working days after Tuesday
    assert c.overdue
    assert c.stage == "investigation"
    assert c.investigation_days_left == -2
    assert c.decision_days_left > 0


def test_once_investigated_only_the_decision_limit_counts(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    c = d.countdown(at(date(2025, 3, 13)), investigated=True)
    assert c.stage == "decision"
    assert not c.overdue
    assert (
        c.days_left
        == c.decision_days_left
        == calendar.working_days_between(date(2025, 3, 13), date(2025, 4, 18))
    )


def test_a_decision_past_its_limit_is_overdue_with_negative_days(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    c = d.countdown(at(date(2025, 4, 22)), investigated=True)  # Tuesday after Friday 18 April
    assert c.overdue
    assert c.decision_days_left == -2


def test_the_saturday_after_a_friday_due_date_is_already_overdue(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    c = d.countdown(at(date(2025, 4, 19)), investigated=True)
    assert c.overdue
    assert c.decision_days_left == 0


def test_deadlines_within_the_covered_years_are_exact(calendar: WorkCalendar) -> None:
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    assert not d.approximate
    assert not d.assumed


def test_deadlines_reaching_an_uncovered_year_say_they_are_approximate(
    calendar: WorkCalendar,
) -> None:
    d = deadlines_for(at(date(2026, 12, 1)), calendar)
    assert d.decision_due.year == 2027
    assert d.approximate


def test_a_timestamp_without_an_offset_is_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(InvalidTimestamp):
        deadlines_for(datetime(2025, 3, 6, 10), calendar)
    d = deadlines_for(at(date(2025, 3, 6)), calendar)
    with pytest.raises(InvalidTimestamp):
        d.countdown(datetime(2025, 3, 7, 10))
