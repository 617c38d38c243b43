"""Rate limits per chat session and per client address: fixed windows counted in Redis, so
every replica sees the same counts.

Contract of :class:`RateLimiter`: ``allow(key, limit, window_seconds)`` is True while fewer than
``limit`` calls for ``key`` happened in the current window. When Redis cannot be reached the
limiter lets the call through (a limiter must not take the chat down with it) and says so in
the log.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class RateLimiter(Protocol):
    async def allow(self, key: str, limit: int, window_seconds: int) -> bool: ...


class RedisRateLimiter:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace

    async def allow(self, key: str, limit: int, window_seconds: int) -> bool:
        window = int(time.time()) // window_seconds
        redis_key = f"{self._namespace}:rate:{key}:{window}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(redis_key)
                pipe.expire(redis_key, window_seconds * 2)
                count, _ = await pipe.execute()
        except (RedisError, OSError) as exc:
            log.warning("rate limiter unavailable (%s); allowing", type(exc).__name__)
            return True
        return int(count) <= limit


class MemoryRateLimiter:
    def __init__(self) -> None:
        self.counts: dict[tuple[str, int], int] = {}

    async def allow(self, key: str, limit: int, window_seconds: int) -> bool:
        slot = (key, int(time.time()) // window_seconds)
        self.counts[slot] = self.counts.get(slot, 0) + 1
        return self.counts[slot] <= limit
