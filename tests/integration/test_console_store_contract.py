"""The console's Redis store and its fake pass the same contract tests."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.console.adapters.store import CaseStore, MemoryCaseStore, RedisCaseStore
from services.console.domain import Case, case_from_review_task, claim

pytestmark = pytest.mark.integration

EXAMPLE = Path(__file__).parents[2] / "schemas" / "examples" / "review.requested.v1.json"


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest, redis: Redis) -> CaseStore:
    if request.param == "memory":
        return MemoryCaseStore()
    return RedisCaseStore(redis, f"t{uuid.uuid4().hex[:10]}")


def review_case(district: str = "巫溪县") -> Case:
    data = json.loads(EXAMPLE.read_text())["data"]
    data["task_id"] = str(uuid.uuid4())
    return replace(case_from_review_task(data), district=district)


async def test_a_case_is_added_once_and_listed_for_its_district_only(store: CaseStore) -> None:
    case = review_case()
    assert await store.add(case) is True
    assert await store.add(case) is False
    assert [c.case_id for c in await store.active(["巫溪县"])] == [case.case_id]
    assert await store.active(["渝中区"]) == []
    assert [c.case_id for c in await store.active(None)] == [case.case_id]


async def test_of_two_simultaneous_claims_only_one_wins(store: CaseStore) -> None:
    case = review_case()
    await store.add(case)
    first, second = claim(case, "wuxi"), claim(case, "super")
    assert await store.swap(case, first) is True
    assert await store.swap(case, second) is False
    stored = await store.get(case.case_id)
    assert stored is not None
    assert stored.claimed_by == "wuxi"


async def test_a_determination_waits_for_its_application_and_the_trail_keeps_order(
    store: CaseStore,
) -> None:
    await store.park("app-1", {"status": "eligible"})
    assert await store.unpark("app-1") == {"status": "eligible"}
    assert await store.unpark("app-1") is None
    await store.keep_application("app-2", {"application_id": "app-2"})
    assert await store.application("app-2") == {"application_id": "app-2"}
    await store.audit("c1", {"action": "claim"})
    await store.audit("c1", {"action": "approve"})
    assert [e["action"] for e in await store.trail("c1")] == ["claim", "approve"]
