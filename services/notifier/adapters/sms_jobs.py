"""The queue of text messages to send, in a Redis stream shared by the notifier's replicas.

A job is queued once per notice (its id is the job's key), so a redelivered decision queues
nothing new. Replicas read the stream as one consumer group: a job a replica took but did not
finish (it crashed mid-delivery) is claimed by another after ``idle_seconds`` and sent again with
the same idempotency key, which the SMS gateway deduplicates — the resident gets one message.
A job is finished (acknowledged) only after the gateway accepted it or the notifier gave up.

Contract of :class:`SmsJobs`: ``enqueue`` is idempotent per notice id; ``take`` returns new jobs
for this consumer and jobs idle longer than ``idle_seconds`` in other consumers' hands;
``finish`` removes a job; ``mark_sent``/``was_sent`` record a successful send durably;
errors raise :class:`DependencyUnavailable`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from services.common.errors import DependencyUnavailable

_SENT_TTL = 400 * 86400

_ENQUEUE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
  return redis.call('XADD', KEYS[2], '*', 'notice_id', ARGV[1], 'application_id', ARGV[2],
                    'text', ARGV[3], 'queued_at', ARGV[5])
end
return false
"""


@dataclass(frozen=True, slots=True)
class SmsJob:
    entry_id: str  # the stream entry, for finish()
    notice_id: str
    application_id: str
    text: str
    queued_at: float


class SmsJobs(Protocol):
    async def enqueue(self, notice_id: str, application_id: str, text: str) -> bool: ...

    async def take(self, consumer: str, count: int, idle_seconds: float) -> list[SmsJob]: ...

    async def finish(self, job: SmsJob) -> None: ...

    async def mark_sent(self, notice_id: str, provider_message_id: str) -> None: ...

    async def was_sent(self, notice_id: str) -> bool: ...


class RedisSmsJobs:
    GROUP = "senders"

    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._ns = namespace
        self._stream = f"{namespace}:sms:jobs"
        self._enqueue = redis.register_script(_ENQUEUE)
        self._group_ready = False

    async def _ensure_group(self) -> None:
        if self._group_ready:
            return
        try:
            await self._redis.xgroup_create(self._stream, self.GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._group_ready = True

    async def enqueue(self, notice_id: str, application_id: str, text: str) -> bool:
        keys = [f"{self._ns}:sms:queued:{notice_id}", self._stream]
        args: list[str | int] = [notice_id, application_id, text, _SENT_TTL, f"{time.time():.3f}"]
        try:
            return bool(await self._enqueue(keys=keys, args=args))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def take(self, consumer: str, count: int, idle_seconds: float) -> list[SmsJob]:
        try:
            await self._ensure_group()
            # Jobs a crashed or stopped replica left half-done come first.
            reclaimed: Any = await self._redis.xautoclaim(
                self._stream, self.GROUP, consumer, int(idle_seconds * 1000), "0-0", count=count
            )
            entries: list[Any] = list(reclaimed[1])
            if len(entries) < count:
                fresh: Any = await self._redis.xreadgroup(
                    self.GROUP, consumer, {self._stream: ">"}, count=count - len(entries), block=500
                )
                for _, items in fresh or []:
                    entries.extend(items)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return [
            SmsJob(
                entry_id=str(entry_id),
                notice_id=fields["notice_id"],
                application_id=fields["application_id"],
                text=fields["text"],
                queued_at=float(fields["queued_at"]),
            )
            for entry_id, fields in entries
            if fields  # an entry deleted meanwhile comes back empty
        ]

    async def finish(self, job: SmsJob) -> None:
        try:
            await self._redis.xack(self._stream, self.GROUP, job.entry_id)
            await self._redis.xdel(self._stream, job.entry_id)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def mark_sent(self, notice_id: str, provider_message_id: str) -> None:
        try:
            await self._redis.set(f"{self._ns}:sms:sent:{notice_id}", provider_message_id,
                                  ex=_SENT_TTL)  # fmt: skip
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def was_sent(self, notice_id: str) -> bool:
        try:
            return bool(await self._redis.exists(f"{self._ns}:sms:sent:{notice_id}"))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc


class MemorySmsJobs:
    def __init__(self) -> None:
        self.queued: dict[str, SmsJob] = {}
        self.finished: list[str] = []
        self.sent: dict[str, str] = {}
        self._taken: set[str] = set()

    async def enqueue(self, notice_id: str, application_id: str, text: str) -> bool:
        if notice_id in self.queued:
            return False
        self.queued[notice_id] = SmsJob(notice_id, notice_id, application_id, text, time.time())
        return True

    async def take(self, consumer: str, count: int, idle_seconds: float) -> list[SmsJob]:
        jobs = [
            j for i, j in self.queued.items() if i not in self._taken and i not in self.finished
        ]
        for job in jobs[:count]:
            self._taken.add(job.notice_id)
        return jobs[:count]

    async def finish(self, job: SmsJob) -> None:
        self.finished.append(job.notice_id)

    async def mark_sent(self, notice_id: str, provider_message_id: str) -> None:
        self.sent[notice_id] = provider_message_id

    async def was_sent(self, notice_id: str) -> bool:
        return notice_id in self.sent
