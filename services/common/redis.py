"""Redis client factory. One client (with its pool) per process, opened and closed by the app."""

from __future__ import annotations

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.common.settings import CommonSettings


def make_redis(url: str, *, max_connections: int = 64, pool_timeout: float = 5.0) -> Redis:
    """A client whose pool holds at most ``max_connections``; when all are busy a command waits
    up to ``pool_timeout`` seconds for one (then raises ``redis.ConnectionError``) rather than
    failing at once, as redis-py's default pool does past its limit.

    socket_timeout=None: blocking reads (pub/sub, XREAD BLOCK) must not time out after 5 s,
    redis-py 8's default; connection attempts still fail fast.

    A command that meets a dead connection (Redis restarted: every pooled connection is
    closed) is retried on a new one, three times within ~0.7 s, so a restart costs nobody an
    error once Redis answers again; while it is down, callers get the error after those tries.
    """
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=pool_timeout,
        decode_responses=True,
        socket_timeout=None,
        socket_connect_timeout=3.0,
        health_check_interval=30,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), 3),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    return Redis.from_pool(pool)  # the client owns the pool: aclose() closes its connections


def redis_for(settings: CommonSettings) -> Redis:
    """The service's client, sized by its settings (``YUZHU_REDIS_MAX_CONNECTIONS``,
    ``YUZHU_REDIS_POOL_TIMEOUT``)."""
    return make_redis(
        settings.redis_url,
        max_connections=settings.redis_max_connections,
        pool_timeout=settings.redis_pool_timeout,
    )
