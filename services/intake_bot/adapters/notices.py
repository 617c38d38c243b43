"""Reading the notices the notifier keeps for a resident's applications, and following them live.

The notifier owns the inbox (``<ns>:inbox:<application id>``, one hash field per notice) and the
live channel (``<ns>:live:<application id>``, pub/sub); the intake bot only reads them, for the
resident whose session submitted those applications.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable
from services.notifier.adapters.inbox import inbox_key, live_channel


class NoticeReader(Protocol):
    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Every stored notice of these applications, oldest first."""
        ...


class RedisNoticeReader:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace

    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        try:
            for application_id in application_ids:
                raw = await self._redis.hgetall(inbox_key(self._namespace, application_id))
                found.extend(json.loads(v) for v in raw.values())
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return sorted(found, key=lambda n: (n["issued_at"], n["notice_id"]))

    async def follow_all(self) -> AsyncIterator[dict[str, Any]]:
        """Every notice the notifier announces, as it does. One subscription per replica: the
        replica hands each notice to the sockets it holds (few per notice, many per replica)."""
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe(live_channel(self._namespace, "*"))
        try:
            async for message in pubsub.listen():
                if message.get("type") == "pmessage":
                    yield json.loads(message["data"])
        finally:
            await pubsub.aclose()  # type: ignore[no-untyped-call]


class MemoryNoticeReader:
    def __init__(self) -> None:
        self.stored: dict[str, list[dict[str, Any]]] = {}

    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]:
        found = [n for a in application_ids for n in self.stored.get(a, [])]
        return sorted(found, key=lambda n: (n["issued_at"], n["notice_id"]))
