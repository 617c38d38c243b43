"""Local dates and ages: Chongqing keeps Beijing time, and ages count the birthday itself."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")


def local_date(moment: datetime) -> date:
    """The calendar date in Chongqing at an offset-aware instant."""
    return moment.astimezone(LOCAL_ZONE).date()


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day``.

    Comparing (month, day) pairs makes the birthday itself count and makes a 29 February
    birthday fall on 1 March in common years, as SPEC §5 asks: (2, 28) < (2, 29) < (3, 1).
    """
    not_yet = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - (1 if not_yet else 0)
