"""Running the real services as processes for e2e tests, each on a free port, in a namespace."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from devstack.config import ROOT, StackConfig
from services.common.topics import Topics


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServiceProcess:
    name: str
    module: str
    port: int
    env: dict[str, str]
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", self.module],
                env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.name} exited:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=1) as resp:  # noqa: S310
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"{self.name} not ready after {timeout}s:\n{self.tail()}")

    def stop(self, timeout: float = 30.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.terminate()
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def metric(self, name: str) -> float:
        """Sum of a Prometheus counter's samples named ``name`` (0 when absent)."""
        with urllib.request.urlopen(self.url + "/metrics", timeout=2) as resp:  # noqa: S310
            text = resp.read().decode()
        total = 0.0
        for line in text.splitlines():
            if line.startswith(name) and not line.startswith("#"):
                head, _, value = line.rpartition(" ")
                if head.split("{")[0] == name:
                    total += float(value)
        return total


@dataclass
class Suite:
    topics: Topics
    intake: ServiceProcess
    eligibility: ServiceProcess
    notifier: ServiceProcess
    console: ServiceProcess
    extra: list[ServiceProcess] = field(default_factory=list)

    @property
    def all(self) -> list[ServiceProcess]:
        return [self.intake, self.eligibility, self.notifier, self.console, *self.extra]


def service_env(cfg: StackConfig, topics: Topics, **extra: str) -> dict[str, str]:
    ns = topics.namespace
    return {
        **os.environ,
        **cfg.env(),
        "PYTHONUNBUFFERED": "1",
        "YUZHU_TOPIC_NAMESPACE": ns,
        "YUZHU_ELIGIBILITY_APP_ID": f"{ns}-eligibility",
        "YUZHU_ELIGIBILITY_DATA_DIR": str(ROOT / "var" / "test" / ns / "faust"),
        "YUZHU_NOTIFIER_GROUP_ID": f"{ns}-notifier",
        "YUZHU_CONSOLE_GROUP_ID": f"{ns}-console",
        "YUZHU_DEPENDENCY_TIMEOUT": "30",
        **extra,
    }


def eligibility_worker(cfg: StackConfig, topics: Topics, name: str) -> ServiceProcess:
    port = free_port()
    env = service_env(cfg, topics, YUZHU_ELIGIBILITY_HTTP_PORT=str(port))
    log = ROOT / "var" / "test" / topics.namespace / f"{name}.log"
    return ServiceProcess(name, "services.eligibility", port, env, log)


@contextmanager
def running_suite(cfg: StackConfig, topics: Topics, **extra_env: str) -> Iterator[Suite]:
    ports = {name: free_port() for name in ("INTAKE", "ELIGIBILITY", "NOTIFIER", "CONSOLE")}
    env = service_env(
        cfg, topics, **{f"YUZHU_{k}_HTTP_PORT": str(v) for k, v in ports.items()}, **extra_env
    )
    logs = ROOT / "var" / "test" / topics.namespace
    suite = Suite(
        topics=topics,
        intake=ServiceProcess("intake_bot", "services.intake_bot", ports["INTAKE"], env,
                              logs / "intake_bot.log"),
        eligibility=ServiceProcess("eligibility", "services.eligibility", ports["ELIGIBILITY"],
                                   env, logs / "eligibility.log"),
        notifier=ServiceProcess("notifier", "services.notifier", ports["NOTIFIER"], env,
                                logs / "notifier.log"),
        console=ServiceProcess("console", "services.console", ports["CONSOLE"], env,
                               logs / "console.log"),
    )  # fmt: skip
    try:
        for svc in suite.all:
            svc.start()
        for svc in suite.all:
            svc.wait_healthy()
        yield suite
    finally:
        for svc in suite.all:
            svc.stop()
