"""Redis client factory. One client (with its pool) per process, opened and closed by the app."""

from __future__ import annotations

from redis.asyncio import Redis


def make_redis(url: str) -> Redis:
    # socket_timeout=None: blocking reads (pub/sub, XREAD BLOCK) must not time out after 5 s,
    # redis-py 8's default; connection attempts still fail fast.
    return Redis.from_url(
        url,
        decode_responses=True,
        socket_timeout=None,
        socket_connect_timeout=3.0,
        health_check_interval=30,
    )
