"""Reading the working-day data: which dates are public holidays, which weekend days are
make-up working days (调休), and where each year's dates come from.

The shape (``holidays.yaml`` is the shipped copy)::

    years:
      2025:
        source: 国务院办公厅关于2025年部分节假日安排的通知（…）
        assumption: false            # true: dates not checked against the notice
        holidays: [{name: 春节, from: 2025-01-28, to: 2025-02-04}, …]   # or {name, date}
        workdays: [{name: 春节调休, date: 2025-01-26}, …]              # Saturdays/Sundays only

Dates may be YAML dates or ISO strings (the same mapping can come from JSON). Anything else is
a CalendarDataError naming the offending entry: a wrong table would silently move legal
deadlines, so nothing is coerced or skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .errors import CalendarDataError

_SATURDAY = 5


@dataclass(frozen=True, slots=True)
class YearSource:
    """Where a year's dates come from, and whether they were checked against it."""

    year: int
    source: str
    assumption: bool


@dataclass(frozen=True, slots=True)
class HolidayData:
    holidays: dict[date, str]
    workdays: dict[date, str]
    years: dict[int, YearSource]


def parse_holiday_data(mapping: Mapping[str, Any]) -> HolidayData:
    """The validated contents of a mapping shaped like ``holidays.yaml``."""
    if not isinstance(mapping, Mapping):
        raise CalendarDataError("the calendar data must be a mapping with a 'years' key")
    years = mapping.get("years")
    if not isinstance(years, Mapping) or not years:
        raise CalendarDataError("'years' must be a non-empty mapping of year to its dates")
    data = HolidayData(holidays={}, workdays={}, years={})
    for key, entry in years.items():
        year = _year(key)
        if year in data.years:
            raise CalendarDataError(f"years.{year}: listed twice")
        _read_year(year, entry, data)
    clash = sorted(data.holidays.keys() & data.workdays.keys())
    if clash:
        raise CalendarDataError(f"{clash[0].isoformat()}: both a holiday and a working day")
    return data


def _year(key: object) -> int:
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and key.isascii() and key.isdigit() and len(key) == 4:
        return int(key)
    raise CalendarDataError(f"years: {key!r} is not a year")


def _read_year(year: int, entry: object, data: HolidayData) -> None:
    where = f"years.{year}"
    if not isinstance(entry, Mapping):
        raise CalendarDataError(f"{where}: must be a mapping")
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CalendarDataError(f"{where}.source: name the notice the dates come from")
    assumption = entry.get("assumption")
    if not isinstance(assumption, bool):
        raise CalendarDataError(f"{where}.assumption: must be true or false")
    data.years[year] = YearSource(year, source.strip(), assumption)

    for index, item in enumerate(_list(entry, "holidays", where)):
        at = f"{where}.holidays[{index}]"
        name = _name(item, at)
        first, last = _range(item, at)
        day = first
        while day <= last:
            _put(data.holidays, day, name, at)
            day += timedelta(days=1)

    for index, item in enumerate(_list(entry, "workdays", where)):
        at = f"{where}.workdays[{index}]"
        name = _name(item, at)
        day = _date(item.get("date"), f"{at}.date")
        # A make-up working day is by definition a weekend day; a weekday here is a typo that
        # would otherwise go unnoticed (weekdays already are working days).
        if day.weekday() < _SATURDAY:
            raise CalendarDataError(f"{at}.date: {day.isoformat()} is not a Saturday or Sunday")
        _put(data.workdays, day, name, at)


def _list(entry: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = entry.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise CalendarDataError(f"{where}.{key}: must be a list of mappings")
    return items


def _name(item: Mapping[str, Any], at: str) -> str:
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CalendarDataError(f"{at}.name: must be a non-empty string")
    return name.strip()


def _range(item: Mapping[str, Any], at: str) -> tuple[date, date]:
    if "date" in item:
        if "from" in item or "to" in item:
            raise CalendarDataError(f"{at}: give either 'date' or 'from'/'to', not both")
        day = _date(item["date"], f"{at}.date")
        return day, day
    first = _date(item.get("from"), f"{at}.from")
    last = _date(item.get("to", first), f"{at}.to")
    if last < first:
        raise CalendarDataError(f"{at}: 'to' is before 'from'")
    return first, last


def _date(value: object, at: str) -> date:
    # datetime is a subclass of date: a timestamp here would be a mistake, not a date.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CalendarDataError(f"{at}: must be a date (YYYY-MM-DD)")


def _put(table: dict[date, str], day: date, name: str, at: str) -> None:
    if day in table:
        raise CalendarDataError(f"{at}: {day.isoformat()} is listed twice")
    table[day] = name
