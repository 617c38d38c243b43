"""The intake bot's Redis adapters and their fakes pass the same contract tests."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from services.intake_bot.adapters.outbox import MemoryOutbox, Outbox, OutboxEntry, RedisOutbox
from services.intake_bot.adapters.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from services.intake_bot.adapters.replies import MemoryReplyCache, RedisReplyCache, ReplyCache
from services.intake_bot.adapters.sessions import (
    TRANSCRIPT_LIMIT,
    MemorySessionStore,
    RedisSessionStore,
    SessionRecord,
    SessionStore,
)

pytestmark = pytest.mark.integration


def ns() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture(params=["memory", "redis"])
def outbox(request: pytest.FixtureRequest, redis: Redis) -> Outbox:
    return MemoryOutbox() if request.param == "memory" else RedisOutbox(redis, ns())


@pytest.fixture(params=["memory", "redis"])
def sessions(request: pytest.FixtureRequest, redis: Redis) -> SessionStore:
    return MemorySessionStore() if request.param == "memory" else RedisSessionStore(redis, ns(), 60)


@pytest.fixture(params=["memory", "redis"])
def replies(request: pytest.FixtureRequest, redis: Redis) -> ReplyCache:
    return MemoryReplyCache() if request.param == "memory" else RedisReplyCache(redis, ns())


@pytest.fixture(params=["memory", "redis"])
def limiter(request: pytest.FixtureRequest, redis: Redis) -> RateLimiter:
    return MemoryRateLimiter() if request.param == "memory" else RedisRateLimiter(redis, ns())


def entry(event_id: str | None = None) -> OutboxEntry:
    return OutboxEntry(event_id=event_id or str(uuid.uuid4()), topic="t", key="k",
                       value='{"a": 1}', headers=(("ce_type", "x"),))  # fmt: skip


async def test_an_entry_under_lease_is_not_claimed_and_an_expired_one_is(outbox: Outbox) -> None:
    leased, due = entry(), entry()
    await outbox.put(leased, lease_seconds=60)
    await outbox.put(due, lease_seconds=-1)
    claimed = await outbox.claim(10, lease_seconds=60)
    assert claimed == [due]
    assert await outbox.claim(10, lease_seconds=60) == []  # claimed entries are leased again
    assert await outbox.pending() == 2


async def test_a_done_entry_is_gone_and_putting_it_again_is_harmless(outbox: Outbox) -> None:
    e = entry()
    await outbox.put(e, lease_seconds=-1)
    await outbox.put(e, lease_seconds=-1)
    assert await outbox.pending() == 1
    await outbox.done(e.event_id)
    assert await outbox.pending() == 0
    assert await outbox.claim(10, lease_seconds=60) == []


async def test_a_session_round_trips_and_an_unknown_one_is_none(sessions: SessionStore) -> None:
    record = SessionRecord(dialog={"v": 1, "step": "name"})
    record.say("resident", "我想办低保", "2026-11-28T10:00:00+08:00")
    await sessions.save("s1", record)
    loaded = await sessions.load("s1")
    assert loaded is not None
    assert loaded.dialog == {"v": 1, "step": "name"}
    assert loaded.transcript == []  # a turn does not read the conversation back
    assert loaded.has_history
    full = await sessions.load("s1", with_transcript=True)
    assert full is not None
    assert full.transcript == record.transcript
    assert await sessions.load("nobody") is None


async def test_each_save_appends_only_the_new_turns_and_keeps_the_last_ones(
    sessions: SessionStore,
) -> None:
    record = SessionRecord(dialog={"v": 1})
    await sessions.save("s2", record)
    for turn in range(TRANSCRIPT_LIMIT + 5):
        loaded = await sessions.load("s2")
        assert loaded is not None
        loaded.say("resident", f"第{turn}句", "2026-11-28T10:00:00+08:00")
        await sessions.save("s2", loaded)
    kept = [t["text"] for t in await sessions.transcript("s2")]
    assert kept == [f"第{turn}句" for turn in range(5, TRANSCRIPT_LIMIT + 5)]


async def test_a_record_saved_with_its_transcript_inline_moves_it_to_the_list_on_next_save(
    sessions: SessionStore,
) -> None:
    legacy = '{"dialog": {"v": 1}, "transcript": [{"from": "bot", "text": "您好", "at": "x"}]}'
    record = SessionRecord.from_json(legacy)
    record.say("resident", "我想办低保", "y")
    await sessions.save("s3", record)
    assert [t["text"] for t in await sessions.transcript("s3")] == ["您好", "我想办低保"]


async def test_the_first_remembered_reply_wins(replies: ReplyCache) -> None:
    assert await replies.recall("m1") is None
    assert await replies.remember("m1", {"replies": ["a"]}) == {"replies": ["a"]}
    assert await replies.remember("m1", {"replies": ["b"]}) == {"replies": ["a"]}
    assert await replies.recall("m1") == {"replies": ["a"]}


async def test_a_limiter_allows_up_to_the_limit_in_a_window(limiter: RateLimiter) -> None:
    results = [await limiter.allow("k", 3, 60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert await limiter.allow("other", 3, 60)
