"""The resident's inbox: notices kept until acknowledged, and a live push to an open chat.

Contract of :class:`Inbox` (the same tests run against :class:`MemoryInbox` and
:class:`RedisInbox`): ``deliver`` stores a notice under its id at most once and, only the first
time, announces it on the live channel; it returns whether this call stored it. Storage errors
raise :class:`DependencyUnavailable` so the consumer retries instead of committing.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable

# HSETNX and PUBLISH in one script: a notice is announced exactly when it is first stored.
_DELIVER = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('PUBLISH', KEYS[2], ARGV[2])
  return 1
end
return 0
"""


class Inbox(Protocol):
    async def deliver(self, application_id: str, notice: dict[str, Any]) -> bool:
        """Store ``notice`` (keyed by its ``notice_id``) once; True when newly stored."""
        ...

    async def notices(self, application_id: str) -> list[dict[str, Any]]:
        """Every stored notice of an application, oldest first."""
        ...


def inbox_key(namespace: str, application_id: str) -> str:
    return f"{namespace}:inbox:{application_id}"


def live_channel(namespace: str, application_id: str) -> str:
    return f"{namespace}:live:{application_id}"


class RedisInbox:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace
        self._deliver = redis.register_script(_DELIVER)

    async def deliver(self, application_id: str, notice: dict[str, Any]) -> bool:
        payload = json.dumps(notice, ensure_ascii=False, sort_keys=True)
        keys = [
            inbox_key(self._namespace, application_id),
            live_channel(self._namespace, application_id),
        ]
        try:
            stored = await self._deliver(keys=keys, args=[notice["notice_id"], payload])
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return bool(stored)

    async def notices(self, application_id: str) -> list[dict[str, Any]]:
        try:
            raw = await self._redis.hgetall(inbox_key(self._namespace, application_id))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return sorted(
            (json.loads(v) for v in raw.values()), key=lambda n: (n["issued_at"], n["notice_id"])
        )


class MemoryInbox:
    """In-memory fake for unit tests; ``published`` records what went to the live channel."""

    def __init__(self) -> None:
        self.stored: dict[str, dict[str, dict[str, Any]]] = {}
        self.published: list[dict[str, Any]] = []

    async def deliver(self, application_id: str, notice: dict[str, Any]) -> bool:
        box = self.stored.setdefault(application_id, {})
        if notice["notice_id"] in box:
            return False
        box[notice["notice_id"]] = notice
        self.published.append(notice)
        return True

    async def notices(self, application_id: str) -> list[dict[str, Any]]:
        return sorted(
            self.stored.get(application_id, {}).values(),
            key=lambda n: (n["issued_at"], n["notice_id"]),
        )
