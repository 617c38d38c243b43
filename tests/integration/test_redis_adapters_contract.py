"""The same contract tests run against each in-memory fake and its Redis adapter."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from services.eligibility.adapters.decided import (
    DecidedStore,
    MemoryDecidedStore,
    RedisDecidedStore,
)
from services.notifier.adapters.inbox import Inbox, MemoryInbox, RedisInbox, live_channel

pytestmark = pytest.mark.integration


@pytest.fixture(params=["memory", "redis"])
async def inbox(request: pytest.FixtureRequest, redis: Redis) -> Inbox:
    if request.param == "memory":
        return MemoryInbox()
    return RedisInbox(redis, f"t{uuid.uuid4().hex[:10]}")


@pytest.fixture(params=["memory", "redis"])
async def decided(request: pytest.FixtureRequest, redis: Redis) -> DecidedStore:
    if request.param == "memory":
        return MemoryDecidedStore()
    return RedisDecidedStore(redis, f"t{uuid.uuid4().hex[:10]}", ttl_seconds=60)


def notice(notice_id: str, issued_at: str) -> dict[str, object]:
    return {"notice_id": notice_id, "issued_at": issued_at, "title": "t", "lines": ["l"]}


async def test_a_notice_is_stored_once_however_often_it_is_delivered(inbox: Inbox) -> None:
    app = str(uuid.uuid4())
    assert await inbox.deliver(app, notice("n1", "2026-11-28T10:00:00Z")) is True
    assert await inbox.deliver(app, notice("n1", "2026-11-28T10:00:00Z")) is False
    assert [n["notice_id"] for n in await inbox.notices(app)] == ["n1"]


async def test_notices_come_back_oldest_first_and_only_for_their_application(inbox: Inbox) -> None:
    app, other = str(uuid.uuid4()), str(uuid.uuid4())
    await inbox.deliver(app, notice("b-final", "2026-11-30T10:00:00Z"))
    await inbox.deliver(app, notice("a-prelim", "2026-11-28T10:00:00Z"))
    await inbox.deliver(other, notice("x", "2026-11-28T10:00:00Z"))
    assert [n["notice_id"] for n in await inbox.notices(app)] == ["a-prelim", "b-final"]
    assert await inbox.notices(str(uuid.uuid4())) == []


async def test_redis_inbox_announces_a_notice_on_the_live_channel_only_the_first_time(
    redis: Redis,
) -> None:
    ns, app = f"t{uuid.uuid4().hex[:10]}", str(uuid.uuid4())
    inbox = RedisInbox(redis, ns)
    pubsub = redis.pubsub()
    await pubsub.subscribe(live_channel(ns, app))
    await pubsub.get_message(timeout=1.0)  # the subscribe confirmation
    await inbox.deliver(app, notice("n1", "2026-11-28T10:00:00Z"))
    await inbox.deliver(app, notice("n1", "2026-11-28T10:00:00Z"))
    first = await pubsub.get_message(ignore_subscribe_messages=True, timeout=2.0)
    second = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)
    await pubsub.aclose()
    assert first is not None
    assert '"n1"' in first["data"]
    assert second is None


async def test_the_first_recorded_decision_for_an_application_wins(decided: DecidedStore) -> None:
    app = str(uuid.uuid4())
    assert await decided.decision_for(app) is None
    await decided.record(app, "d1")
    await decided.record(app, "d2")
    assert await decided.decision_for(app) == "d1"
