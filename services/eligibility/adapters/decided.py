"""Which applications already have a preliminary determination (the redelivery guard).

Contract of :class:`DecidedStore` (the same tests run against the fake and Redis):
``decision_for`` returns the decision event id recorded for an application, or None;
``record`` stores it (the first recorded id wins). Errors raise DependencyUnavailable.
"""

from __future__ import annotations

from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable


class DecidedStore(Protocol):
    async def decision_for(self, application_id: str) -> str | None: ...

    async def record(self, application_id: str, decision_id: str) -> None: ...


class RedisDecidedStore:
    def __init__(self, redis: Redis, namespace: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._namespace = namespace
        self._ttl = ttl_seconds

    def _key(self, application_id: str) -> str:
        return f"{self._namespace}:eligibility:decided:{application_id}"

    async def decision_for(self, application_id: str) -> str | None:
        try:
            value = await self._redis.get(self._key(application_id))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return None if value is None else str(value)

    async def record(self, application_id: str, decision_id: str) -> None:
        try:
            await self._redis.set(self._key(application_id), decision_id, nx=True, ex=self._ttl)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc


class MemoryDecidedStore:
    def __init__(self) -> None:
        self.decided: dict[str, str] = {}

    async def decision_for(self, application_id: str) -> str | None:
        return self.decided.get(application_id)

    async def record(self, application_id: str, decision_id: str) -> None:
        self.decided.setdefault(application_id, decision_id)
