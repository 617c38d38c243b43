"""Remembering the answer to a webhook message, so a platform's retry of the same message gets
the same answer instead of a second conversation turn.

Contract: ``remember(message_key, answer)`` stores once (the first answer wins) and returns the
stored answer; ``recall(message_key)`` returns it or None. Entries expire after a day.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable

_DAY = 86400


class ReplyCache(Protocol):
    async def recall(self, message_key: str) -> dict[str, Any] | None: ...

    async def remember(self, message_key: str, answer: dict[str, Any]) -> dict[str, Any]: ...


class RedisReplyCache:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace

    def _key(self, message_key: str) -> str:
        return f"{self._namespace}:webhook:reply:{message_key}"

    async def recall(self, message_key: str) -> dict[str, Any] | None:
        try:
            raw = await self._redis.get(self._key(message_key))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return None if raw is None else dict(json.loads(raw))

    async def remember(self, message_key: str, answer: dict[str, Any]) -> dict[str, Any]:
        raw = json.dumps(answer, ensure_ascii=False)
        try:
            stored = await self._redis.set(self._key(message_key), raw, nx=True, ex=_DAY)
            if stored:
                return answer
            existing = await self._redis.get(self._key(message_key))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return answer if existing is None else dict(json.loads(existing))


class MemoryReplyCache:
    def __init__(self) -> None:
        self.answers: dict[str, dict[str, Any]] = {}

    async def recall(self, message_key: str) -> dict[str, Any] | None:
        return self.answers.get(message_key)

    async def remember(self, message_key: str, answer: dict[str, Any]) -> dict[str, Any]:
        return self.answers.setdefault(message_key, answer)
