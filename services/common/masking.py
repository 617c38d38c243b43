"""Masking of personal data before anything is written to a log.

ID numbers keep their first 4 and last 2 characters (enough to tell two apart in a support call,
not enough to identify anyone); mobile numbers keep the operator prefix and the last 4 digits,
as Chinese banks and carriers print them; money and names in structured data are hidden.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# 18-character resident ID (17 digits + digit or X), not part of a longer digit run.
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{12}(\d[\dXx])(?![0-9A-Za-z])")
# Mainland mobile number, optionally written with spaces or dashes (139 0838 1234, 177-2345-6789).
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)")

# Keys whose values are personal data wherever they appear in a structured log record.
SENSITIVE_KEYS = frozenset(
    {
        "id_number",
        "phone",
        "name",
        "monthly_income",
        "financial_assets",
        "medical_expense",
        "savings",
        "text",  # what a resident typed may hold any of the above
    }
)


def mask_text(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * 12 + m.group(2), text)
    return _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), text)


def mask_value(key: str, value: Any) -> Any:
    if key in SENSITIVE_KEYS and value is not None:
        if key == "id_number" and isinstance(value, str):
            return mask_text(value) if _ID_RE.fullmatch(value) else "***"
        if key == "phone" and isinstance(value, str):
            masked = mask_text(value)
            return masked if masked != value else "***"
        if key == "name" and isinstance(value, str) and value:
            return value[0] + "*" * (len(value) - 1)
        return "***"
    return mask(value)


def mask(value: Any) -> Any:
    """A copy of ``value`` (str, mapping, list …) with personal data masked, for logging."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, Mapping):
        return {str(k): mask_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask(v) for v in value]
    return value
