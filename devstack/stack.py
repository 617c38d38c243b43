"""The whole local stack: Kafka and Redis, the topics, and the four services as processes."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from devstack import kafka, redis
from devstack.config import ROOT, StackConfig
from devstack.process import port_open, read_pid, start_detached, stop_pid_file, tail
from services.common.errors import DependencyUnavailable
from services.common.kafka import ensure_topics
from services.common.topics import Topics


@dataclass(frozen=True, slots=True)
class ServiceProcess:
    name: str
    module: str
    port: int

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/healthz"


SERVICES = (
    ServiceProcess("intake_bot", "services.intake_bot", 38080),
    ServiceProcess("eligibility", "services.eligibility", 38081),
    ServiceProcess("notifier", "services.notifier", 38082),
    ServiceProcess("console", "services.console", 38083),
)


@dataclass(frozen=True, slots=True)
class StartedServers:
    """What one ``up`` call started, so that the matching ``down`` stops only that."""

    kafka: bool = False
    redis: bool = False


class Stack:
    def __init__(self, cfg: StackConfig | None = None) -> None:
        self.cfg = cfg or StackConfig.from_env()

    # -- Kafka and Redis ---------------------------------------------------------------
    def up_infra(self, namespace: str = "yuzhu") -> StartedServers:
        started_kafka = False if self.cfg.external_kafka else kafka.start(self.cfg)
        started_redis = False if self.cfg.external_redis else redis.start(self.cfg)
        asyncio.run(ensure_topics(self.cfg.kafka_bootstrap, Topics(namespace).specs()))
        return StartedServers(kafka=started_kafka, redis=started_redis)

    def down_infra(self, started: StartedServers | None = None) -> None:
        """Stop what ``started`` says was started, or, when None, everything this checkout runs."""
        if started is None or started.kafka:
            kafka.stop(self.cfg)
        if started is None or started.redis:
            redis.stop(self.cfg)

    # -- the services ------------------------------------------------------------------
    def _pid_file(self, svc: ServiceProcess) -> Path:
        return self.cfg.run_dir / f"{svc.name}.pid"

    def start_services(self, *, timeout: float = 60.0) -> None:
        env = {**os.environ, **self.cfg.env(), "PYTHONUNBUFFERED": "1"}
        for svc in SERVICES:
            if read_pid(self._pid_file(svc)) is not None:
                continue
            if port_open(svc.port):
                raise DependencyUnavailable(
                    f"port {svc.port} for {svc.name} is taken by a process this checkout did not "
                    f"start; stop it (`ss -ltnp 'sport = :{svc.port}'` shows which)"
                )
            start_detached(
                [sys.executable, "-m", svc.module],
                log_file=self.cfg.log_dir / f"{svc.name}.log",
                pid_file=self._pid_file(svc),
                env=env,
                cwd=ROOT,
            )
        deadline = time.monotonic() + timeout
        for svc in SERVICES:
            while not _healthy(svc.health_url):
                pid = read_pid(self._pid_file(svc))
                if pid is None or time.monotonic() > deadline:
                    log = self.cfg.log_dir / f"{svc.name}.log"
                    raise DependencyUnavailable(
                        f"{svc.name} did not become healthy; last lines of {log}:\n{tail(log)}"
                    )
                time.sleep(0.2)

    def stop_services(self) -> list[str]:
        stopped = []
        for svc in reversed(SERVICES):
            if stop_pid_file(self._pid_file(svc), timeout=30.0):
                stopped.append(svc.name)
        return stopped

    def status(self) -> dict[str, str]:
        rows = {
            "kafka": _state(kafka.is_running(self.cfg), kafka.running_pid(self.cfg),
                            self.cfg.kafka_bootstrap),
            "redis": _state(redis.is_running(self.cfg), redis.running_pid(self.cfg),
                            self.cfg.redis_url),
        }  # fmt: skip
        for svc in SERVICES:
            pid = read_pid(self._pid_file(svc))
            rows[svc.name] = _state(_healthy(svc.health_url), pid, f"http://127.0.0.1:{svc.port}")
        return rows


def _state(up: bool, pid: int | None, where: str) -> str:
    owner = f"pid {pid}" if pid else "not started by this checkout"
    return f"{'up' if up else 'down'} at {where} ({owner})"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1.0) as resp:  # noqa: S310 (fixed loopback URL)
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False
