"""Where the local stack lives and which ports it uses. Read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Kafka 4.0.x is the line the brief prefers; see docs/decisions/0002-kafka-from-maven-central.md.
DEFAULT_KAFKA_VERSION = "4.0.2"
# kafka_2.13 4.0.x depends on slf4j-api 1.7.36, so the 1.7 binding of log4j2 is the backend.
LOG4J_VERSION = "2.24.3"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


@dataclass(frozen=True, slots=True)
class StackConfig:
    kafka_version: str = DEFAULT_KAFKA_VERSION
    kafka_port: int = 39092
    controller_port: int = 39093
    redis_port: int = 36379
    cache_dir: Path = ROOT / ".cache"
    var_dir: Path = ROOT / "var"
    external_kafka: str | None = None
    external_redis: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> StackConfig:
        return cls(
            kafka_version=environ.get("YUZHU_DEVSTACK_KAFKA_VERSION", DEFAULT_KAFKA_VERSION),
            kafka_port=int(environ.get("YUZHU_DEVSTACK_KAFKA_PORT", "39092")),
            controller_port=int(environ.get("YUZHU_DEVSTACK_CONTROLLER_PORT", "39093")),
            redis_port=int(environ.get("YUZHU_DEVSTACK_REDIS_PORT", "36379")),
            external_kafka=environ.get("YUZHU_KAFKA_BOOTSTRAP_SERVERS") or None,
            external_redis=environ.get("YUZHU_REDIS_URL") or None,
        )

    @property
    def kafka_bootstrap(self) -> str:
        return self.external_kafka or f"127.0.0.1:{self.kafka_port}"

    @property
    def redis_url(self) -> str:
        return self.external_redis or f"redis://127.0.0.1:{self.redis_port}/0"

    @property
    def kafka_libs(self) -> Path:
        return self.cache_dir / "kafka" / self.kafka_version / "libs"

    @property
    def kafka_dir(self) -> Path:
        return self.var_dir / "kafka"

    @property
    def redis_dir(self) -> Path:
        return self.var_dir / "redis"

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "log"

    @property
    def run_dir(self) -> Path:
        return self.var_dir / "run"

    def env(self) -> dict[str, str]:
        """The variables the services and tests need to reach this stack."""
        return {
            "YUZHU_KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap,
            "YUZHU_REDIS_URL": self.redis_url,
        }
