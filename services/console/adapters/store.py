"""The console's store: cases, the applications they concern, audit trails, in Redis.

Layout (``<ns>`` is the topic namespace): ``<ns>:console:case`` hash case id → case JSON;
``<ns>:console:queue:<district or ->`` sorted set of active case ids by receipt time (a
caseworker's queue is one key); ``<ns>:console:application`` hash application id → application
JSON (the console reads the applications topic so a confirmation case can show what was asked);
``<ns>:console:pending`` hash application id → a preliminary determination that arrived before
its application; ``<ns>:console:audit:<case id>`` list of audit entries, oldest first.

Contract of :class:`CaseStore` (fake and Redis pass the same tests): ``add`` stores a new case
once (False when its id exists: a redelivered event); ``get``; ``swap(before, after)`` replaces a
case only if it is still exactly ``before`` (two caseworkers claiming at once: one wins, the
other is told); ``active(districts)`` lists the active cases of those districts (None: all);
applications and pending determinations by application id; ``audit``/``trail``. Errors raise
:class:`DependencyUnavailable`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable
from services.console.domain import Case

_NO_DISTRICT = "-"

_ADD = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
  return 1
end
return 0
"""
_SWAP = """
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if ARGV[4] == '1' then redis.call('ZREM', KEYS[2], ARGV[1]) end
return 1
"""


def _json(case: Case) -> str:
    return json.dumps(case.to_dict(), ensure_ascii=False, sort_keys=True)


class CaseStore(Protocol):
    async def add(self, case: Case) -> bool: ...

    async def get(self, case_id: str) -> Case | None: ...

    async def swap(self, before: Case, after: Case) -> bool: ...

    async def active(self, districts: Iterable[str] | None) -> list[Case]: ...

    async def keep_application(self, application_id: str, data: dict[str, Any]) -> None: ...

    async def application(self, application_id: str) -> dict[str, Any] | None: ...

    async def park(self, application_id: str, determination: dict[str, Any]) -> None: ...

    async def unpark(self, application_id: str) -> dict[str, Any] | None: ...

    async def audit(self, case_id: str, entry: dict[str, Any]) -> None: ...

    async def trail(self, case_id: str) -> list[dict[str, Any]]: ...


class RedisCaseStore:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._p = f"{namespace}:console"
        self._add: AsyncScript = redis.register_script(_ADD)
        self._swap: AsyncScript = redis.register_script(_SWAP)

    def _queue(self, district: str | None) -> str:
        return f"{self._p}:queue:{district or _NO_DISTRICT}"

    async def _do(self, coro: Any) -> Any:
        try:
            return await coro
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def add(self, case: Case) -> bool:
        keys = [f"{self._p}:case", self._queue(case.district)]
        args: list[str | float] = [case.case_id, _json(case), case.received_at.timestamp()]
        return bool(await self._do(self._add(keys=keys, args=args)))

    async def get(self, case_id: str) -> Case | None:
        raw = await self._do(self._redis.hget(f"{self._p}:case", case_id))
        return None if raw is None else Case.from_dict(json.loads(raw))

    async def swap(self, before: Case, after: Case) -> bool:
        keys = [f"{self._p}:case", self._queue(after.district)]
        finished = "0" if after.active else "1"
        args = [after.case_id, _json(before), _json(after), finished]
        return bool(await self._do(self._swap(keys=keys, args=args)))

    async def active(self, districts: Iterable[str] | None) -> list[Case]:
        if districts is None:
            keys = [k async for k in self._redis.scan_iter(match=f"{self._p}:queue:*")]
        else:
            keys = [self._queue(d) for d in districts]
        ids: list[str] = []
        for key in keys:
            ids.extend(await self._do(self._redis.zrange(key, 0, -1)))
        if not ids:
            return []
        raws = await self._do(self._redis.hmget(f"{self._p}:case", ids))
        return [Case.from_dict(json.loads(r)) for r in raws if r is not None]

    async def keep_application(self, application_id: str, data: dict[str, Any]) -> None:
        raw = json.dumps(data, ensure_ascii=False)
        await self._do(self._redis.hset(f"{self._p}:application", application_id, raw))

    async def application(self, application_id: str) -> dict[str, Any] | None:
        raw = await self._do(self._redis.hget(f"{self._p}:application", application_id))
        return None if raw is None else dict(json.loads(raw))

    async def park(self, application_id: str, determination: dict[str, Any]) -> None:
        raw = json.dumps(determination, ensure_ascii=False)
        await self._do(self._redis.hset(f"{self._p}:pending", application_id, raw))

    async def unpark(self, application_id: str) -> dict[str, Any] | None:
        key = f"{self._p}:pending"
        raw = await self._do(self._redis.hget(key, application_id))
        if raw is None:
            return None
        await self._do(self._redis.hdel(key, application_id))
        return dict(json.loads(raw))

    async def audit(self, case_id: str, entry: dict[str, Any]) -> None:
        raw = json.dumps(entry, ensure_ascii=False, default=str)
        await self._do(self._redis.rpush(f"{self._p}:audit:{case_id}", raw))

    async def trail(self, case_id: str) -> list[dict[str, Any]]:
        raws = await self._do(self._redis.lrange(f"{self._p}:audit:{case_id}", 0, -1))
        return [dict(json.loads(r)) for r in raws]


class MemoryCaseStore:
    def __init__(self) -> None:
        self.cases: dict[str, str] = {}
        self.applications: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, dict[str, Any]] = {}
        self.trails: dict[str, list[dict[str, Any]]] = {}

    async def add(self, case: Case) -> bool:
        if case.case_id in self.cases:
            return False
        self.cases[case.case_id] = _json(case)
        return True

    async def get(self, case_id: str) -> Case | None:
        raw = self.cases.get(case_id)
        return None if raw is None else Case.from_dict(json.loads(raw))

    async def swap(self, before: Case, after: Case) -> bool:
        if self.cases.get(after.case_id) != _json(before):
            return False
        self.cases[after.case_id] = _json(after)
        return True

    async def active(self, districts: Iterable[str] | None) -> list[Case]:
        wanted = None if districts is None else set(districts)
        cases = [Case.from_dict(json.loads(r)) for r in self.cases.values()]
        return [c for c in cases if c.active and (wanted is None or c.district in wanted)]

    async def keep_application(self, application_id: str, data: dict[str, Any]) -> None:
        self.applications[application_id] = data

    async def application(self, application_id: str) -> dict[str, Any] | None:
        return self.applications.get(application_id)

    async def park(self, application_id: str, determination: dict[str, Any]) -> None:
        self.pending[application_id] = determination

    async def unpark(self, application_id: str) -> dict[str, Any] | None:
        return self.pending.pop(application_id, None)

    async def audit(self, case_id: str, entry: dict[str, Any]) -> None:
        self.trails.setdefault(case_id, []).append(entry)

    async def trail(self, case_id: str) -> list[dict[str, Any]]:
        return list(self.trails.get(case_id, []))
