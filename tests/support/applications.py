"""Building valid application payloads (policy SPEC §2) for tests."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from devstack.generate import id_number

__all__ = ["application", "id_number"]


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
