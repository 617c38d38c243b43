"""Debian's redis-server on a project port, installed with apt-get when missing."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

from devstack.apt import ensure_command
from devstack.config import StackConfig
from devstack.process import read_pid, stop_pid_file, tail
from services.common.errors import DependencyUnavailable


def ensure_installed() -> str:
    """Path of redis-server; installs Debian's package when it is missing and we are root."""
    return ensure_command(
        ["redis-server"], ["redis-server"], instead="set YUZHU_REDIS_URL to a running server"
    )


def ping(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def pid_file(cfg: StackConfig) -> Path:
    return cfg.redis_dir / "redis.pid"


def is_running(cfg: StackConfig) -> bool:
    return ping(cfg.redis_port)


def start(cfg: StackConfig, *, timeout: float = 20.0) -> bool:
    """Start redis-server unless one already answers on the port. True when this call started it.

    Append-only persistence is on, so the intake outbox and the notifier's dedupe records
    survive a Redis restart, as they would in production.
    """
    if is_running(cfg):
        return False
    binary = ensure_installed()
    cfg.redis_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            binary, "--port", str(cfg.redis_port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "yes", "--appendfsync", "everysec",
            "--daemonize", "yes", "--dir", str(cfg.redis_dir),
            "--logfile", str(cfg.redis_dir / "redis.log"), "--pidfile", str(pid_file(cfg)),
        ],
        check=True,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ping(cfg.redis_port):
            print(f"devstack: Redis ready on {cfg.redis_url}", flush=True)
            return True
        time.sleep(0.05)
    raise DependencyUnavailable(
        f"redis-server did not answer within {timeout:.0f}s:\n{tail(cfg.redis_dir / 'redis.log')}"
    )


def stop(cfg: StackConfig) -> bool:
    return stop_pid_file(pid_file(cfg), timeout=20.0)


def running_pid(cfg: StackConfig) -> int | None:
    return read_pid(pid_file(cfg))
