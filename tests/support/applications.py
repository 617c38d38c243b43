"""Building valid application payloads (policy SPEC §2) for tests."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from stdnum.cn import ric


def id_number(birth: date, region: str = "500238", sequence: str = "123") -> str:
    """A resident ID number with a valid GB 11643 check digit."""
    body = f"{region}{birth:%Y%m%d}{sequence}"
    # stdnum's calc_check_digit ignores the last character: it expects a placeholder there.
    return body + ric.calc_check_digit(body + "?")


def application(
    *,
    district: str = "巫溪县",
    residence: str = "rural",
    members: int = 2,
    monthly_income: float = 600.0,
    financial_assets: float = 3000.0,
    birth: date = date(1954, 3, 2),
    submitted_at: str = "2026-11-28T09:30:00+08:00",
    **overrides: Any,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "application_id": str(uuid.uuid4()),
        "submitted_at": submitted_at,
        "channel": "palm",
        "applicant": {"name": "刘德贵", "id_number": id_number(birth), "phone": "13908381234"},
        "household": {
            "district": district,
            "residence": residence,
            "members": members,
            "monthly_income": monthly_income,
            "financial_assets": financial_assets,
        },
        "emergency": None,
        "programs_requested": ["dibao"],
    }
    payload.update(overrides)
    return payload
