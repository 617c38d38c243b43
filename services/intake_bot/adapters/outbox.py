"""The outbox: an application is written here first, then published; it leaves the outbox only
once the broker acknowledged it. A broker outage therefore delays applications, never loses
them, and the resident gets a reference number either way.

Contract of :class:`Outbox` (fake and Redis pass the same tests):

* ``put(entry)`` stores an entry (idempotent per ``event_id``) with a lease: for
  ``lease_seconds`` no flusher takes it, because the caller is publishing it right now;
* ``claim(limit, lease_seconds)`` returns entries whose lease expired and leases them again
  (so two replicas flushing never publish the same entry at the same time);
* ``done(event_id)`` removes an entry after its publication was acknowledged;
* ``pending()`` counts entries (a metric and a readiness detail).

Errors raise :class:`DependencyUnavailable`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    event_id: str
    topic: str
    key: str
    value: str  # the encoded CloudEvent (JSON text)
    headers: tuple[tuple[str, str], ...]

    def to_json(self) -> str:
        return json.dumps(
            {"event_id": self.event_id, "topic": self.topic, "key": self.key,
             "value": self.value, "headers": [list(h) for h in self.headers]},
            ensure_ascii=False,
        )  # fmt: skip

    @classmethod
    def from_json(cls, raw: str) -> OutboxEntry:
        data = json.loads(raw)
        return cls(
            event_id=data["event_id"],
            topic=data["topic"],
            key=data["key"],
            value=data["value"],
            headers=tuple((str(k), str(v)) for k, v in data["headers"]),
        )


class Outbox(Protocol):
    async def put(self, entry: OutboxEntry, lease_seconds: float) -> None: ...

    async def claim(self, limit: int, lease_seconds: float) -> list[OutboxEntry]: ...

    async def done(self, event_id: str) -> None: ...

    async def pending(self) -> int: ...


# The lease is the entry's score in a sorted set: the time after which a flusher may take it.
_PUT = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
end
return 1
"""
_CLAIM = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local value = redis.call('HGET', KEYS[1], id)
  if value then
    redis.call('ZADD', KEYS[2], ARGV[3], id)
    table.insert(out, value)
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
return out
"""
_DONE = """
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
"""


class RedisOutbox:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._keys = [f"{namespace}:outbox:entries", f"{namespace}:outbox:leases"]
        self._redis = redis
        self._put = redis.register_script(_PUT)
        self._claim = redis.register_script(_CLAIM)
        self._done = redis.register_script(_DONE)

    async def put(self, entry: OutboxEntry, lease_seconds: float) -> None:
        await self._call(self._put, entry.event_id, entry.to_json(), time.time() + lease_seconds)

    async def claim(self, limit: int, lease_seconds: float) -> list[OutboxEntry]:
        now = time.time()
        raw = await self._call(self._claim, now, limit, now + lease_seconds)
        return [OutboxEntry.from_json(r) for r in raw]

    async def done(self, event_id: str) -> None:
        await self._call(self._done, event_id)

    async def pending(self) -> int:
        try:
            return int(await self._redis.hlen(self._keys[0]))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def _call(self, script: AsyncScript, *args: str | int | float) -> list[str]:
        try:
            result = await script(keys=self._keys, args=list(args))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return result if isinstance(result, list) else []


class MemoryOutbox:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.entries: dict[str, OutboxEntry] = {}
        self.leases: dict[str, float] = {}
        self._clock = clock

    def _now(self) -> float:
        return self._clock()

    async def put(self, entry: OutboxEntry, lease_seconds: float) -> None:
        if entry.event_id not in self.entries:
            self.entries[entry.event_id] = entry
            self.leases[entry.event_id] = self._now() + lease_seconds

    async def claim(self, limit: int, lease_seconds: float) -> list[OutboxEntry]:
        now = self._now()
        due = sorted((t, i) for i, t in self.leases.items() if t <= now)[:limit]
        for _, event_id in due:
            self.leases[event_id] = now + lease_seconds
        return [self.entries[i] for _, i in due]

    async def done(self, event_id: str) -> None:
        self.entries.pop(event_id, None)
        self.leases.pop(event_id, None)

    async def pending(self) -> int:
        return len(self.entries)
