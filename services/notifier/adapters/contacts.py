"""Where to reach a resident outside the chat: the phone number given with each application.

The determination does not carry personal data, so the notifier keeps, per application id, the
phone from the ``application.submitted`` event (it consumes the applications topic for this).

Contract of :class:`ContactBook`: ``remember`` stores a phone for an application (a later one
replaces it: a correction); ``phone_for`` returns it or None; errors raise
:class:`DependencyUnavailable`. Phones are kept only here, never logged in clear.
"""

from __future__ import annotations

from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable

# As long as the dedupe records: a final decision can come months after the application.
_TTL_SECONDS = 400 * 86400


class ContactBook(Protocol):
    async def remember(self, application_id: str, phone: str) -> None: ...

    async def phone_for(self, application_id: str) -> str | None: ...


class RedisContactBook:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._namespace = namespace

    def _key(self, application_id: str) -> str:
        return f"{self._namespace}:contact:{application_id}"

    async def remember(self, application_id: str, phone: str) -> None:
        try:
            await self._redis.set(self._key(application_id), phone, ex=_TTL_SECONDS)
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def phone_for(self, application_id: str) -> str | None:
        try:
            value = await self._redis.get(self._key(application_id))
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
        return None if value is None else str(value)


class MemoryContactBook:
    def __init__(self) -> None:
        self.phones: dict[str, str] = {}

    async def remember(self, application_id: str, phone: str) -> None:
        self.phones[application_id] = phone

    async def phone_for(self, application_id: str) -> str | None:
        return self.phones.get(application_id)
