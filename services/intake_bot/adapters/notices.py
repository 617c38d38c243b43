"""Reading the notices the notifier keeps for a resident's applications, following them live,
and recording that the resident has seen them.

The notifier owns the inbox (``<ns>:inbox:<application id>``, one hash field per notice) and the
live channel (``<ns>:live:<application id>``, pub/sub); the intake bot reads them for the
resident whose session submitted those applications, and keeps the acknowledgements
(``<ns>:inbox-acked:<application id>``, a set of notice ids). A notice stays in the inbox after
it is acknowledged (the resident can read it again); only unacknowledged ones are pushed again
when the page reconnects.

Contract of :class:`NoticeReader`: ``notices`` returns every notice of the given applications,
oldest first, each with ``acknowledged`` (bool); ``acknowledge`` records it for a notice that
exists in that application's inbox and returns False for any other; errors raise
:class:`DependencyUnavailable`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable
from services.notifier.adapters.inbox import inbox_key, live_channel

log = logging.getLogger(__name__)


class NoticeReader(Protocol):
    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]: ...

    async def acknowledge(self, application_id: str, notice_id: str) -> bool: ...


def acked_key(namespace: str, application_id: str) -> str:
    return f"{namespace}:inbox-acked:{application_id}"


class RedisNoticeReader:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace

    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        try:
            for application_id in application_ids:
                raw = await self._redis.hgetall(inbox_key(self._namespace, application_id))
                acked = await self._redis.smembers(acked_key(self._namespace, application_id))
                for value in raw.values():
                    notice = json.loads(value)
                    found.append(notice | {"acknowledged": notice["notice_id"] in acked})
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return sorted(found, key=lambda n: (n["issued_at"], n["notice_id"]))

    async def acknowledge(self, application_id: str, notice_id: str) -> bool:
        try:
            if not await self._redis.hexists(inbox_key(self._namespace, application_id), notice_id):
                return False
            await self._redis.sadd(acked_key(self._namespace, application_id), notice_id)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return True

    async def follow_all(
        self, on_subscribed: Callable[[], Awaitable[None]] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """Every notice the notifier announces, as it does. One subscription per replica: the
        replica hands each notice to the sockets it holds (few per notice, many per replica).

        ``on_subscribed`` is awaited once the subscription is in place, and again (as a task)
        each time redis-py re-establishes it after a lost connection — so the caller can catch
        up on what was announced in between. A connection that cannot be re-established raises
        DependencyUnavailable."""
        pubsub = self._redis.pubsub()
        try:
            await pubsub.psubscribe(live_channel(self._namespace, "*"))
            if on_subscribed is not None:
                await on_subscribed()
                reconnected = _OnReconnect(on_subscribed)
                connection = pubsub.connection
                assert connection is not None  # subscribed: it has one
                connection.register_connect_callback(reconnected.fire)
            async for message in pubsub.listen():
                if message.get("type") == "pmessage":
                    yield json.loads(message["data"])
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        finally:
            with contextlib.suppress(RedisError, OSError):
                await pubsub.aclose()  # type: ignore[no-untyped-call]


class _OnReconnect:
    """redis-py calls connect callbacks after re-subscribing on a new connection; it keeps only
    weak references to bound methods, hence this holder (kept alive by ``follow_all``)."""

    def __init__(self, hook: Callable[[], Awaitable[None]]) -> None:
        self._hook = hook
        self._tasks: set[asyncio.Task[None]] = set()

    async def fire(self, _connection: object) -> None:
        task = asyncio.create_task(self._run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self) -> None:
        try:
            await self._hook()
        except DependencyUnavailable:
            log.warning("could not catch up on live notices after reconnecting")


class MemoryNoticeReader:
    def __init__(self) -> None:
        self.stored: dict[str, list[dict[str, Any]]] = {}
        self.acked: set[tuple[str, str]] = set()

    async def notices(self, application_ids: Sequence[str]) -> list[dict[str, Any]]:
        found = [
            n | {"acknowledged": (a, n["notice_id"]) in self.acked}
            for a in application_ids
            for n in self.stored.get(a, [])
        ]
        return sorted(found, key=lambda n: (n["issued_at"], n["notice_id"]))

    async def acknowledge(self, application_id: str, notice_id: str) -> bool:
        if not any(n["notice_id"] == notice_id for n in self.stored.get(application_id, [])):
            return False
        self.acked.add((application_id, notice_id))
        return True
