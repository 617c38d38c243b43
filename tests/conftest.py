"""Fixtures shared by every tier.

Integration and e2e tests use the real Kafka broker and Redis server that ``devstack`` starts
(or the ones ``YUZHU_KAFKA_BOOTSTRAP_SERVERS`` / ``YUZHU_REDIS_URL`` point at). Each test gets its
own topic namespace, so tests never see each other's events nor those of a running ``make up``.
Unit tests use none of these fixtures and need no server.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from redis.asyncio import Redis

from devstack import Stack, StackConfig
from services.common.kafka import delete_topics, ensure_topics, list_topics
from services.common.redis import make_redis
from services.common.topics import Topics


@pytest.fixture(scope="session")
def stack() -> Iterator[StackConfig]:
    """Kafka and Redis, started for this session unless they already run; stopped afterwards
    only if this session started them."""
    cfg = StackConfig.from_env()
    stack = Stack(cfg)
    started = stack.up_infra()
    yield cfg
    stack.down_infra(started)


@pytest.fixture
def kafka_bootstrap(stack: StackConfig) -> str:
    return stack.kafka_bootstrap


@pytest.fixture
async def topics(kafka_bootstrap: str) -> AsyncIterator[Topics]:
    """The suite's topics in a fresh namespace, deleted after the test."""
    ns = f"t{uuid.uuid4().hex[:10]}"
    t = Topics(ns)
    await ensure_topics(kafka_bootstrap, t.specs())
    yield t
    # Also the topics faust created for itself (``<namespace>-eligibility-__assignor-__leader``).
    await delete_topics(kafka_bootstrap, await list_topics(kafka_bootstrap, prefix=ns))


@pytest.fixture
async def redis(stack: StackConfig) -> AsyncIterator[Redis]:
    client = make_redis(stack.redis_url)
    yield client
    await client.aclose()
