"""Realistic random applications (policy SPEC §2) for seeding, benchmarks and tests.

Deterministic for a given seed. The mix is broad on purpose: every district, urban and rural,
one to six people, per-person incomes from nothing to well above the marginal band, elderly
people, children with absent or incapable parents, disabilities, emergencies.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from stdnum.cn import ric

from services.common.districts import DISTRICTS

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
_GIVEN = "德贵秀英建国明华芳丽志强春兰桂香玉梅海军红霞文斌金凤永福淑珍小平"
_DISABILITY_KINDS = (
    "physical",
    "visual",
    "hearing",
    "speech",
    "intellectual",
    "mental",
    "multiple",
)
_PARENTS = ("normal", "both_deceased_or_missing", "both_incapable", "one_deceased_other_incapable")
_EMERGENCIES = ("fire", "flood", "disaster", "accident", "illness", "expense", "other")


def id_number(birth: date, region: str = "500238", sequence: str = "123") -> str:
    """A resident ID number with a valid GB 11643 check digit."""
    body = f"{region}{birth:%Y%m%d}{sequence}"
    # stdnum's calc_check_digit ignores the last character: it expects a placeholder there.
    return body + ric.calc_check_digit(body + "?")


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2))))


def _birth(rng: random.Random, on: date, min_age: int, max_age: int) -> date:
    return on - timedelta(days=rng.randint(min_age * 365 + 1, max_age * 365))


def random_application(rng: random.Random, submitted: datetime) -> dict[str, Any]:
    district = rng.choice(DISTRICTS)
    day = submitted.date()
    members = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))
    per_person = rng.choice((0, rng.uniform(0, 600), rng.uniform(300, 900), rng.uniform(600, 1600)))
    applicant_birth = _birth(rng, day, 20, 90)
    payload: dict[str, Any] = {
        "application_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "submitted_at": submitted.isoformat(timespec="seconds"),
        "channel": rng.choice(("palm", "fingertip", "counter")),
        "applicant": {
            "name": _name(rng),
            "id_number": id_number(applicant_birth, district.code, f"{rng.randint(0, 999):03d}"),
            "phone": f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
        },
        "household": {
            "district": district.name,
            "residence": rng.choice(("urban", "rural")),
            "members": members,
            "monthly_income": round(per_person * members, 2),
            "financial_assets": float(rng.choice((0, 2000, 8000, 20000, 60000, 200000))),
        },
        "emergency": None,
        "programs_requested": [rng.choice(("dibao", "tekun", "temporary", "orphan"))],
    }
    roll = rng.random()
    if roll < 0.15:  # a child, applied for by a relative
        payload["beneficiary"] = {
            "name": _name(rng),
            "id_number": id_number(_birth(rng, day, 1, 17), district.code),
            "parents": rng.choice(_PARENTS),
            "in_institution": rng.random() < 0.2,
        }
    elif roll < 0.35:  # an adult or elderly person with a disability or illness
        grade = rng.choice((0, 1, 2, 3, 4))
        payload["beneficiary"] = {
            "name": _name(rng),
            "id_number": id_number(_birth(rng, day, 18, 95), district.code),
            "disability_grade": grade,
            "disability_kind": rng.choice(_DISABILITY_KINDS) if grade else None,
            "serious_illness": rng.random() < 0.2,
            "able_supporter": rng.random() < 0.6,
        }
    if rng.random() < 0.1:
        payload["emergency"] = {
            "kind": rng.choice(_EMERGENCIES),
            "medical_expense": float(rng.choice((0, 5000, 50000, 200000))),
        }
    return payload


def applications(
    count: int, *, seed: int = 2021, start: date = date(2021, 9, 1), days: int = 365
) -> list[dict[str, Any]]:
    """``count`` applications submitted between ``start`` and ``start + days`` (Chongqing time)."""
    rng = random.Random(seed)
    base = datetime(start.year, start.month, start.day, tzinfo=UTC) - timedelta(hours=8)
    return [
        random_application(rng, base + timedelta(seconds=rng.randint(0, days * 86400 - 1)))
        for _ in range(count)
    ]
