"""Working days in mainland China: Monday to Friday, minus public holidays, plus the weekend
days that are worked to make up for them (调休).

Legal time limits (民发〔2021〕57号) are counted in working days, so a week-long holiday moves
every deadline that spans it. The dates come from data (``holidays.yaml``, one entry per year
with its State Council notice); for a year the data does not cover, the calendar falls back to
Monday–Friday and ``covers`` / ``covers_range`` say so, so a deadline can be flagged as
approximate instead of silently wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from .errors import CalendarDataError
from .holiday_data import YearSource, parse_holiday_data

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
SHIPPED_DATA_FILE = "holidays.yaml"


class WorkCalendar:
    """Which days are working days. Immutable; build it with ``from_data``."""

    __slots__ = ("_holidays", "_workdays", "_years")

    def __init__(
        self,
        holidays: Mapping[date, str],
        workdays: Mapping[date, str],
        years: Mapping[int, YearSource],
    ) -> None:
        self._holidays = dict(holidays)
        self._workdays = dict(workdays)
        self._years = dict(years)

    @classmethod
    def from_data(cls, mapping: Mapping[str, Any]) -> WorkCalendar:
        """A calendar from a mapping shaped like ``holidays.yaml`` (see ``holiday_data``)."""
        data = parse_holiday_data(mapping)
        return cls(data.holidays, data.workdays, data.years)

    @property
    def covered_years(self) -> frozenset[int]:
        """The years the data lists; outside them only weekends are days off."""
        return frozenset(self._years)

    @property
    def assumed_years(self) -> frozenset[int]:
        """Covered years whose dates were not checked against the notice."""
        return frozenset(y for y, s in self._years.items() if s.assumption)

    @property
    def sources(self) -> dict[int, YearSource]:
        """Each covered year's notice."""
        return dict(self._years)

    def covers(self, day: date) -> bool:
        """True when ``day``'s year is in the data; False means Mon–Fri is a guess."""
        return day.year in self._years

    def covers_range(self, first: date, last: date) -> bool:
        """True when every year from ``first`` to ``last`` (either order) is in the data."""
        low, high = sorted((first.year, last.year))
        return all(year in self._years for year in range(low, high + 1))

    def holiday_name(self, day: date) -> str | None:
        """The holiday ``day`` belongs to (``"国庆节"``), or None."""
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        # Listed dates win over the weekday rule even outside the covered years: a notice may
        # name a day of the neighbouring year (a 31 December worked for New Year's Day).
        if day in self._workdays:
            return True
        if day in self._holidays:
            return False
        return day.weekday() < _SATURDAY

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself never counts); ``start`` for 0.

        Received on a Friday with n = 1: the next Monday (or the next working day after it).
        """
        if n < 0:
            raise ValueError("n must be zero or more working days")
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

        The inverse of ``add_working_days``: ``working_days_between(d, add_working_days(d, n))``
        is ``n``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count


@cache
def load_shipped_calendar() -> WorkCalendar:
    """The calendar of the data file shipped with this package (read once)."""
    text = files(__package__).joinpath(SHIPPED_DATA_FILE).read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, Mapping):
        raise CalendarDataError(f"{SHIPPED_DATA_FILE}: must hold a mapping")
    return WorkCalendar.from_data(loaded)
