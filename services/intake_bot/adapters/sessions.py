"""Chat sessions, kept in Redis with a TTL so a dialog resumes after a reconnect, on any replica.

Contract of :class:`SessionStore` (the same tests run against the fake and Redis): ``load``
returns the stored record or None (unknown or expired), with the transcript only when asked;
``save`` stores it, appends the turns said since it was loaded and restarts the TTL;
``transcript`` reads the stored turns; errors raise :class:`DependencyUnavailable`. A record is
JSON-safe data: the dialog state and the applications submitted in the session; the transcript
(what the resident and the bot said, for a caseworker taking over) is a list beside it, so a
turn costs the same at the fortieth message as at the first.
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
    """A session as the chat service works on it.

    The transcript is stored apart from the rest (a Redis list beside the session key), so a turn
    reads and writes a small record whatever the length of the conversation: ``transcript`` holds
    the stored turns only when loaded ``with_transcript``, then the turns said since; ``stored``
    counts its leading entries that are already in the store; ``turns`` counts every turn ever
    stored (kept in the record, so "has this session said anything" needs no list read).
    """

    dialog: dict[str, Any] | None = None
    transcript: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, str]] = field(default_factory=list)  # application_id, reference
    created_at: float = field(default_factory=time.time)
    stored: int = 0
    turns: int = 0

    def say(self, who: str, text: str, at: str) -> None:
        self.transcript.append({"from": who, "text": text, "at": at})

    @property
    def unsaved(self) -> list[dict[str, Any]]:
        return self.transcript[self.stored :]

    @property
    def has_history(self) -> bool:
        return self.turns > 0 or bool(self.transcript)

    def to_json(self) -> str:
        return json.dumps(
            {
                "dialog": self.dialog,
                "applications": self.applications,
                "created_at": self.created_at,
                "turns": self.turns + len(self.unsaved),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, raw: str) -> SessionRecord:
        data = json.loads(raw)
        return cls(
            dialog=data.get("dialog"),
            # Records saved before the transcript moved to its own list carry it inline: it is
            # taken as unsaved, so the next save moves it to the list.
            transcript=list(data.get("transcript", [])),
            applications=list(data.get("applications", [])),
            created_at=float(data.get("created_at", time.time())),
            turns=int(data.get("turns", 0)),
        )


class SessionStore(Protocol):
    async def load(
        self, session_id: str, *, with_transcript: bool = False
    ) -> SessionRecord | None: ...

    async def save(self, session_id: str, record: SessionRecord) -> None:
        """Store the record and append its unsaved turns to the transcript (the last
        TRANSCRIPT_LIMIT kept); both expire together."""

    async def transcript(self, session_id: str) -> list[dict[str, Any]]:
        """The stored turns, oldest first (at most TRANSCRIPT_LIMIT)."""


class RedisSessionStore:
    def __init__(self, redis: Redis, namespace: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._namespace = namespace
        self._ttl = ttl_seconds

    def _key(self, session_id: str) -> str:
        return f"{self._namespace}:session:{session_id}"

    async def load(self, session_id: str, *, with_transcript: bool = False) -> SessionRecord | None:
        try:
            raw = await self._redis.get(self._key(session_id))
            if raw is None:
                return None
            record = SessionRecord.from_json(str(raw))
            if with_transcript:
                stored = await self.transcript(session_id)
                record.transcript = stored + record.transcript
                record.stored = len(stored)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return record

    async def save(self, session_id: str, record: SessionRecord) -> None:
        key = self._key(session_id)
        new = [json.dumps(t, ensure_ascii=False) for t in record.unsaved]
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(key, record.to_json(), ex=self._ttl)
                if new:
                    pipe.rpush(f"{key}:transcript", *new)
                    pipe.ltrim(f"{key}:transcript", -TRANSCRIPT_LIMIT, -1)
                pipe.expire(f"{key}:transcript", self._ttl)
                await pipe.execute()
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        record.turns += len(new)
        record.stored = len(record.transcript)

    async def transcript(self, session_id: str) -> list[dict[str, Any]]:
        try:
            raw = await self._redis.lrange(f"{self._key(session_id)}:transcript", 0, -1)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return [json.loads(t) for t in raw]


class MemorySessionStore:
    def __init__(self) -> None:
        self.records: dict[str, str] = {}
        self.transcripts: dict[str, list[dict[str, Any]]] = {}

    async def load(self, session_id: str, *, with_transcript: bool = False) -> SessionRecord | None:
        raw = self.records.get(session_id)
        if raw is None:
            return None
        record = SessionRecord.from_json(raw)
        if with_transcript:
            stored = await self.transcript(session_id)
            record.transcript = stored + record.transcript
            record.stored = len(stored)
        return record

    async def save(self, session_id: str, record: SessionRecord) -> None:
        self.records[session_id] = record.to_json()
        kept = self.transcripts.setdefault(session_id, [])
        kept.extend(dict(t) for t in record.unsaved)
        del kept[:-TRANSCRIPT_LIMIT]
        record.turns += len(record.unsaved)
        record.stored = len(record.transcript)

    async def transcript(self, session_id: str) -> list[dict[str, Any]]:
        return [dict(t) for t in self.transcripts.get(session_id, [])]
