"""A dialog begun on one intake replica goes on, on another: sessions live in real Redis."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from services.common.publisher import MemoryPublisher
from services.intake_bot.adapters.notices import RedisNoticeReader
from services.intake_bot.adapters.outbox import RedisOutbox
from services.intake_bot.adapters.ratelimit import RedisRateLimiter
from services.intake_bot.adapters.sessions import RedisSessionStore
from services.intake_bot.bootstrap import _understanding, policy_facts
from services.intake_bot.chat import ChatService
from services.intake_bot.submission import OutboxPublisher

pytestmark = pytest.mark.integration


def replica(redis: Redis, ns: str) -> ChatService:
    outbox = RedisOutbox(redis, ns)
    return ChatService(
        understanding=_understanding(),
        sessions=RedisSessionStore(redis, ns, ttl_seconds=600),
        publisher=OutboxPublisher(outbox=outbox, publisher=MemoryPublisher(), topic=f"{ns}.a"),
        notices=RedisNoticeReader(redis, ns),
        limiter=RedisRateLimiter(redis, ns),
        policy=policy_facts(),
        handoffs_topic=f"{ns}.handoffs",
    )


async def test_a_resident_reconnecting_to_another_replica_continues_the_same_dialog(
    redis: Redis,
) -> None:
    ns = f"t{uuid.uuid4().hex[:10]}"
    first, second = replica(redis, ns), replica(redis, ns)
    opened = await first.open(None, "palm")
    asked_name = await first.say(opened.session_id, "我想办低保", "palm")
    assert asked_name.replies

    resumed = await second.open(opened.session_id, "palm")
    assert resumed.resumed
    assert [t["text"] for t in resumed.history if t["from"] == "resident"] == ["我想办低保"]
    # The second replica knows what was asked: a bare name is understood as the answer.
    answer = await second.say(opened.session_id, "刘德贵", "palm")
    assert "身份证" in answer.replies[-1].text
    assert await redis.ttl(f"{ns}:session:{opened.session_id}") > 0  # sessions expire
