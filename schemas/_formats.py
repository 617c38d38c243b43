"""The three string formats the schemas rely on, checked without extra packages.

jsonschema checks ``date-time`` only when ``rfc3339-validator`` is installed, and its ``uuid``
check accepts forms other than the canonical one, so both are implemented here; ``date`` is too,
so that the checker below knows exactly these three formats and nothing depends on jsonschema's.
"""

from __future__ import annotations

import datetime as dt
import re

from jsonschema import FormatChecker

_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?"
    r"(?:[Zz]|[+-]([0-9]{2}):([0-9]{2}))"
)
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def is_date_time(instance: object) -> bool:
    """RFC 3339 ``date-time``: the offset (``Z`` or ``±hh:mm``) is mandatory.

    Leap seconds (``:60``) are rejected: Python's datetime cannot represent them, and every
    consumer parses these timestamps.
    """
    if not isinstance(instance, str):
        return True
    match = _DATE_TIME.fullmatch(instance)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    if hour > 23 or minute > 59 or second > 59:
        return False
    off_hour, off_minute = match.group(7), match.group(8)
    return off_hour is None or (int(off_hour) <= 23 and int(off_minute) <= 59)


def is_date(instance: object) -> bool:
    """RFC 3339 ``full-date``: ``YYYY-MM-DD``, a real calendar day, nothing before or after."""
    if not isinstance(instance, str):
        return True
    match = _DATE.fullmatch(instance)
    if match is None:
        return False
    year, month, day = (int(g) for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def is_uuid(instance: object) -> bool:
    """A UUID in its canonical hyphenated 8-4-4-4-12 hex form (either case)."""
    return not isinstance(instance, str) or _UUID.fullmatch(instance) is not None


FORMAT_CHECKER = FormatChecker(formats=())
FORMAT_CHECKER.checks("date-time")(is_date_time)
FORMAT_CHECKER.checks("date")(is_date)
FORMAT_CHECKER.checks("uuid")(is_uuid)

# The same checks for the fast (Rust) validator, which takes plain functions. It would also
# check formats the checker above leaves alone (``uri-reference``); those pass, as they do above.
FORMATS = {
    "date-time": is_date_time,
    "date": is_date,
    "uuid": is_uuid,
    "uri-reference": lambda _instance: True,
}
