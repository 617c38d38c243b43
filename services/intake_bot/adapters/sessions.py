"""Chat sessions, kept in Redis with a TTL so a dialog resumes after a reconnect, on any replica.

Contract of :class:`SessionStore` (the same tests run against the fake and Redis): ``load``
returns the stored record or None (unknown or expired); ``save`` stores it and restarts the
TTL; errors raise :class:`DependencyUnavailable`. A record is JSON-safe data: the dialog state,
the transcript (what the resident and the bot said, for a caseworker taking over), and the
applications submitted in the session.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable

TRANSCRIPT_LIMIT = 200  # turns kept; older ones are dropped (a caseworker needs the recent ones)


@dataclass
class SessionRecord:
    dialog: dict[str, Any] | None = None
    transcript: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, str]] = field(default_factory=list)  # application_id, reference
    created_at: float = field(default_factory=time.time)

    def say(self, who: str, text: str, at: str) -> None:
        self.transcript.append({"from": who, "text": text, "at": at})
        del self.transcript[:-TRANSCRIPT_LIMIT]

    def to_json(self) -> str:
        return json.dumps(
            {
                "dialog": self.dialog,
                "transcript": self.transcript,
                "applications": self.applications,
                "created_at": self.created_at,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, raw: str) -> SessionRecord:
        data = json.loads(raw)
        return cls(
            dialog=data.get("dialog"),
            transcript=list(data.get("transcript", [])),
            applications=list(data.get("applications", [])),
            created_at=float(data.get("created_at", time.time())),
        )


class SessionStore(Protocol):
    async def load(self, session_id: str) -> SessionRecord | None: ...

    async def save(self, session_id: str, record: SessionRecord) -> None: ...


class RedisSessionStore:
    def __init__(self, redis: Redis, namespace: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._namespace = namespace
        self._ttl = ttl_seconds

    def _key(self, session_id: str) -> str:
        return f"{self._namespace}:session:{session_id}"

    async def load(self, session_id: str) -> SessionRecord | None:
        try:
            raw = await self._redis.get(self._key(session_id))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return None if raw is None else SessionRecord.from_json(str(raw))

    async def save(self, session_id: str, record: SessionRecord) -> None:
        try:
            await self._redis.set(self._key(session_id), record.to_json(), ex=self._ttl)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc


class MemorySessionStore:
    def __init__(self) -> None:
        self.records: dict[str, str] = {}

    async def load(self, session_id: str) -> SessionRecord | None:
        raw = self.records.get(session_id)
        return None if raw is None else SessionRecord.from_json(raw)

    async def save(self, session_id: str, record: SessionRecord) -> None:
        self.records[session_id] = record.to_json()
