"""The live overview: queue depth and oldest item per district, consumer lag per service
group, and open cases per program split 主城都市区 / 渝东北 / 渝东南 (the report's 两群)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from services.common.districts import DistrictGroup
from services.console.adapters.store import CaseStore
from services.console.domain import User, visible_districts

LagReader = Callable[[], Awaitable[dict[str, int | None]]]


def build_overview(
    store: CaseStore, lag: LagReader, clock: Callable[[], datetime]
) -> Callable[[User], Awaitable[dict[str, Any]]]:
    async def overview(user: User) -> dict[str, Any]:
        districts: Sequence[str] | None = None if user.is_supervisor else visible_districts(user)
        cases = await store.active(districts)
        now = clock()
        queues: dict[str, dict[str, Any]] = {}
        programs: dict[str, dict[str, int]] = {}
        for case in cases:
            row = queues.setdefault(case.district or "—", {
                "district": case.district or "—",
                "group": str(case.group) if case.group else None,
                "depth": 0, "oldest_hours": 0.0,
            })  # fmt: skip
            row["depth"] += 1
            age = (now - case.received_at).total_seconds() / 3600
            row["oldest_hours"] = round(max(row["oldest_hours"], age), 1)
            for program in case.programs:
                split = programs.setdefault(program, {str(g): 0 for g in DistrictGroup})
                if case.group is not None:
                    split[str(case.group)] += 1
        return {
            "at": now.isoformat(timespec="seconds"),
            "queues": sorted(queues.values(), key=lambda q: -q["depth"]),
            "programs": programs,
            "lag": await lag(),
        }

    return overview
