"""Instants and local dates: event timestamps carry an offset, and deadlines count days in
Chongqing, which keeps Beijing time all year."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from .errors import InvalidTimestamp

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")


def require_aware(moment: datetime, what: str = "timestamp") -> datetime:
    """``moment`` itself, or InvalidTimestamp when it has no UTC offset."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidTimestamp(f"{what} must carry a UTC offset")
    return moment


def local_date(moment: datetime) -> date:
    """The calendar date in Chongqing at an offset-aware instant."""
    return require_aware(moment).astimezone(LOCAL_ZONE).date()


def parse_timestamp(text: str, what: str = "timestamp") -> datetime:
    """An RFC 3339 timestamp with an offset (``Z`` or ``±hh:mm``), as the events carry them."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidTimestamp(f"{what} is not an RFC 3339 timestamp") from exc
    return require_aware(moment, what)
