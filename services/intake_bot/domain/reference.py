"""The reference number a resident is given when an application is received.

Short enough to read out on the phone (``YZ20261128-3F9A1C``): the local (Chongqing) date of
submission and six characters of the application id. It is not a secret and carries no
personal data; the full application id stays the key everywhere else.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

CHONGQING = ZoneInfo("Asia/Shanghai")


def reference_number(application_id: str, submitted_at: datetime) -> str:
    day = submitted_at.astimezone(CHONGQING)
    local_day = f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime does not pad years < 1000
    compact = application_id.replace("-", "").upper()
    return f"YZ{local_day}-{compact[:6]}"
