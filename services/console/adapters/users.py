"""Console accounts: a YAML file of users with scrypt password hashes, and login sessions.

The accounts file (``YUZHU_CONSOLE_USERS_FILE``) lists ``user_id``, ``name``, ``role``
(caseworker | supervisor), ``district`` (a caseworker's canonical district) and ``password``
(``hash_password``'s encoding; never a clear password). The shipped ``dev-users.yaml`` is for
development and tests only and is refused in production.

Login sessions and failed-login records live in Redis: ``<ns>:console:login:<token>`` → user
id (expires), ``<ns>:console:attempts:<user id>`` → the LoginAttempts record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.common.errors import DependencyUnavailable, SettingsError
from services.console.domain import LoginAttempts, User

DEV_USERS_FILE = Path(__file__).resolve().parent.parent / "dev-users.yaml"


@dataclass(frozen=True, slots=True)
class Account:
    user: User
    password_hash: str


def load_accounts(path: Path) -> dict[str, Account]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"cannot read the console accounts file {path}: {exc}") from exc
    accounts: dict[str, Account] = {}
    for row in (data or {}).get("users", []):
        try:
            user = User(str(row["user_id"]), str(row["name"]), row["role"], row.get("district"))
            accounts[user.user_id] = Account(user, str(row["password"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise SettingsError(f"{path}: a user entry is malformed ({exc})") from exc
    if not accounts:
        raise SettingsError(f"{path}: no users")
    return accounts


class LoginStore(Protocol):
    async def open(self, token: str, user_id: str, ttl_seconds: int) -> None: ...

    async def user_of(self, token: str) -> str | None: ...

    async def close(self, token: str) -> None: ...

    async def attempts(self, user_id: str) -> LoginAttempts: ...

    async def save_attempts(self, user_id: str, attempts: LoginAttempts) -> None: ...


class RedisLoginStore:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._p = f"{namespace}:console"

    async def _do(self, coro: Any) -> Any:
        try:
            return await coro
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc

    async def open(self, token: str, user_id: str, ttl_seconds: int) -> None:
        await self._do(self._redis.set(f"{self._p}:login:{token}", user_id, ex=ttl_seconds))

    async def user_of(self, token: str) -> str | None:
        value = await self._do(self._redis.get(f"{self._p}:login:{token}"))
        return None if value is None else str(value)

    async def close(self, token: str) -> None:
        await self._do(self._redis.delete(f"{self._p}:login:{token}"))

    async def attempts(self, user_id: str) -> LoginAttempts:
        raw = await self._do(self._redis.get(f"{self._p}:attempts:{user_id}"))
        return LoginAttempts() if raw is None else LoginAttempts.from_dict(json.loads(raw))

    async def save_attempts(self, user_id: str, attempts: LoginAttempts) -> None:
        raw = json.dumps(attempts.to_dict())
        await self._do(self._redis.set(f"{self._p}:attempts:{user_id}", raw, ex=86400))


class MemoryLoginStore:
    def __init__(self) -> None:
        self.logins: dict[str, str] = {}
        self.records: dict[str, LoginAttempts] = {}

    async def open(self, token: str, user_id: str, ttl_seconds: int) -> None:
        self.logins[token] = user_id

    async def user_of(self, token: str) -> str | None:
        return self.logins.get(token)

    async def close(self, token: str) -> None:
        self.logins.pop(token, None)

    async def attempts(self, user_id: str) -> LoginAttempts:
        return self.records.get(user_id, LoginAttempts())

    async def save_attempts(self, user_id: str, attempts: LoginAttempts) -> None:
        self.records[user_id] = attempts


def accounts_by_id(accounts: Mapping[str, Account]) -> dict[str, User]:
    return {k: a.user for k, a in accounts.items()}
