"""Typed settings, read once at start-up from the environment.

Every service reads ``YUZHU_<SERVICE>_<NAME>`` first and falls back to ``YUZHU_<NAME>`` for the
settings all services share (broker, Redis, topic namespace, log format), so one ``.env`` serves
a laptop and a Kubernetes ConfigMap can still override one service. Defaults are documented in
the README; a malformed value fails start-up with the variable's name and what it expects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from services.common.errors import SettingsError

E = TypeVar("E", bound=StrEnum)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class LogFormat(StrEnum):
    JSON = "json"
    TEXT = "text"


class EnvReader:
    """Reads one service's variables: ``YUZHU_<SERVICE>_<NAME>``, then ``YUZHU_<NAME>``."""

    def __init__(self, service: str, environ: Mapping[str, str] | None = None) -> None:
        self.service_prefix = f"YUZHU_{service.upper()}_"
        self.environ = os.environ if environ is None else environ

    def _raw(self, name: str) -> tuple[str, str] | None:
        for key in (self.service_prefix + name, "YUZHU_" + name):
            value = self.environ.get(key)
            if value is not None and value != "":
                return key, value
        return None

    def text(self, name: str, default: str) -> str:
        found = self._raw(name)
        return default if found is None else found[1]

    def secret(self, name: str, default: str, *, production: bool) -> str:
        """A secret: in production it must be set; the development default never leaks there."""
        found = self._raw(name)
        if found is None:
            if production:
                raise SettingsError(
                    f"{self.service_prefix}{name} (or YUZHU_{name}) must be set in production"
                )
            return default
        return found[1]

    def integer(self, name: str, default: int, *, minimum: int = 0, maximum: int = 2**31) -> int:
        found = self._raw(name)
        if found is None:
            return default
        key, raw = found
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{key}={raw!r}: expected a whole number") from None
        if not minimum <= value <= maximum:
            raise SettingsError(f"{key}={value}: expected {minimum}..{maximum}")
        return value

    def number(self, name: str, default: float, *, minimum: float = 0.0) -> float:
        found = self._raw(name)
        if found is None:
            return default
        key, raw = found
        try:
            value = float(raw)
        except ValueError:
            raise SettingsError(f"{key}={raw!r}: expected a number") from None
        if value < minimum:
            raise SettingsError(f"{key}={value}: expected at least {minimum}")
        return value

    def choice(self, name: str, enum: type[E], default: E) -> E:
        found = self._raw(name)
        if found is None:
            return default
        key, raw = found
        try:
            return enum(raw.lower())
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise SettingsError(f"{key}={raw!r}: expected one of {allowed}") from None


DEFAULT_KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:39092"
DEFAULT_REDIS_URL = "redis://127.0.0.1:36379/0"
DEFAULT_TOPIC_NAMESPACE = "yuzhu"


@dataclass(frozen=True, slots=True)
class CommonSettings:
    """What every service needs. Defaults point at the local ``make up`` stack."""

    service: str
    environment: Environment = Environment.DEVELOPMENT
    kafka_bootstrap_servers: str = DEFAULT_KAFKA_BOOTSTRAP_SERVERS
    redis_url: str = DEFAULT_REDIS_URL
    topic_namespace: str = DEFAULT_TOPIC_NAMESPACE
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    log_level: str = "INFO"
    log_format: LogFormat = LogFormat.TEXT
    # How long start-up waits for Kafka and Redis before giving up (seconds).
    dependency_timeout: float = 60.0
    # Redis connections per process; a request waits up to redis_pool_timeout for a free one
    # (hundreds of open chats share them) instead of failing at once.
    redis_max_connections: int = 64
    redis_pool_timeout: float = 5.0

    @property
    def production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @classmethod
    def read(cls, env: EnvReader, service: str, *, default_port: int) -> CommonSettings:
        environment = env.choice("ENV", Environment, Environment.DEVELOPMENT)
        production = environment is Environment.PRODUCTION
        level = env.text("LOG_LEVEL", "INFO").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise SettingsError(
                f"YUZHU_LOG_LEVEL={level!r}: expected DEBUG, INFO, WARNING or ERROR"
            )
        return cls(
            service=service,
            environment=environment,
            kafka_bootstrap_servers=env.text(
                "KAFKA_BOOTSTRAP_SERVERS", DEFAULT_KAFKA_BOOTSTRAP_SERVERS
            ),
            redis_url=env.text("REDIS_URL", DEFAULT_REDIS_URL),
            topic_namespace=env.text("TOPIC_NAMESPACE", DEFAULT_TOPIC_NAMESPACE),
            # In a pod the service must listen on every interface; on a laptop, loopback only.
            http_host=env.text("HTTP_HOST", "0.0.0.0" if production else "127.0.0.1"),  # noqa: S104
            http_port=env.integer("HTTP_PORT", default_port, minimum=1, maximum=65535),
            log_level=level,
            log_format=env.choice(
                "LOG_FORMAT", LogFormat, LogFormat.JSON if production else LogFormat.TEXT
            ),
            dependency_timeout=env.number("DEPENDENCY_TIMEOUT", 60.0, minimum=1.0),
            redis_max_connections=env.integer("REDIS_MAX_CONNECTIONS", 64, minimum=4),
            redis_pool_timeout=env.number("REDIS_POOL_TIMEOUT", 5.0, minimum=0.1),
        )
