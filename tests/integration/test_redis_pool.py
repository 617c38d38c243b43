"""The Redis pool under more concurrent callers than connections: they wait their turn."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from devstack import StackConfig
from devstack import redis as redis_server
from services.common.redis import make_redis
from tests.support.services import free_port

pytestmark = pytest.mark.integration


async def test_more_callers_than_connections_wait_for_a_free_one_instead_of_failing(
    stack: StackConfig,
) -> None:
    client = make_redis(stack.redis_url, max_connections=3, pool_timeout=10)
    try:
        # Each call holds its connection for 0.2 s; 12 callers need four rounds of three.
        results = await asyncio.gather(
            *(client.execute_command("BLPOP", "pool-test:never", 0.2) for _ in range(12))
        )
        assert results == [None] * 12
    finally:
        await client.aclose()


async def test_a_caller_that_waits_too_long_for_a_connection_gets_a_redis_error(
    stack: StackConfig,
) -> None:
    client = make_redis(stack.redis_url, max_connections=1, pool_timeout=0.2)
    try:
        holder = asyncio.create_task(client.execute_command("BLPOP", "pool-test:never", 1))
        await asyncio.sleep(0.05)
        with pytest.raises(RedisConnectionError):
            await client.ping()
        await holder
    finally:
        await client.aclose()


async def test_a_restarted_redis_costs_the_next_command_no_error(tmp_path: Path) -> None:
    port = free_port()
    cfg = StackConfig(redis_port=port, var_dir=tmp_path, external_kafka=None, external_redis=None)
    redis_server.start(cfg)
    client = make_redis(f"redis://127.0.0.1:{port}/0", max_connections=4)
    try:
        await asyncio.gather(*(client.set(f"k{i}", i) for i in range(4)))  # four pooled
        redis_server.stop(cfg)
        redis_server.start(cfg)  # its AOF brings the keys back; the pooled connections are dead
        assert await asyncio.gather(*(client.get(f"k{i}") for i in range(4))) == [
            "0", "1", "2", "3"
        ]  # fmt: skip
    finally:
        await client.aclose()
        redis_server.stop(cfg)
