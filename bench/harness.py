"""What every benchmark shares: the project's own Kafka and Redis, the services as processes in a
namespace of their own, a progress line while it runs, percentiles, and one result row shape.

A result compares the suite with a baseline measured in the same run, on the same broker and
Redis, at the same load: ``ratio`` is always "how the suite fares against the baseline" in the
direction the target is written (throughput: suite / baseline; latency: suite / baseline).
"""

from __future__ import annotations

import contextlib
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from devstack import StackConfig  # noqa: E402
from services.common.events import decode  # noqa: E402
from services.common.kafka import (  # noqa: E402
    delete_topics,
    ensure_topics,
    list_topics,
)
from services.common.topics import Topics  # noqa: E402
from tests.support.kafka import topic_reader  # noqa: E402
from tests.support.services import ServiceProcess, free_port, service_env  # noqa: E402

RESULTS = ROOT / "bench" / "results"
_STARTED = time.monotonic()


def progress(message: str) -> None:
    """One line per step, with the time since the run began, so a long run shows it is alive."""
    print(f"[{time.monotonic() - _STARTED:7.1f}s] {message}", flush=True)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100), nearest-rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5) - 1)
    return ordered[min(rank, len(ordered)) - 1]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2) if ms else 0.0,
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2) if ms else 0.0,
    }


@dataclass
class Result:
    """One row of the table: the suite against its baseline on one measure."""

    bench: str
    case: str
    measure: str  # e.g. "applications/s", "p99 ms"
    suite: float
    baseline: float
    baseline_name: str
    target: str  # e.g. "≥ 0.6×", "≤ 2×", "< 500 ms"
    met: bool | None  # None when there is no target for this row
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return round(self.suite / self.baseline, 2) if self.baseline else 0.0

    def row(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


@dataclass
class Bench:
    """The run's context: the stack, and namespaces cleaned up at the end."""

    cfg: StackConfig
    quick: bool = False
    _namespaces: list[str] = field(default_factory=list)

    async def topics(self, name: str) -> Topics:
        """The suite's topics in a fresh namespace (deleted when the run ends)."""
        ns = f"bench-{name}-{uuid.uuid4().hex[:6]}"
        topics = Topics(ns)
        await ensure_topics(self.cfg.kafka_bootstrap, topics.specs())
        self._namespaces.append(ns)
        return topics

    async def cleanup(self) -> None:
        for ns in self._namespaces:
            with contextlib.suppress(Exception):
                names = await list_topics(self.cfg.kafka_bootstrap, prefix=ns)
                await delete_topics(self.cfg.kafka_bootstrap, names)

    def service(self, module: str, topics: Topics, name: str, **env: str) -> ServiceProcess:
        """A service of the suite as a process, on a free port, logging to var/bench/<ns>/."""
        port = free_port()
        service = module.rsplit(".", 1)[-1].upper().replace("_BOT", "")
        environment = service_env(self.cfg, topics, **{f"YUZHU_{service}_HTTP_PORT": str(port)},
                                  YUZHU_LOG_LEVEL="WARNING", **env)  # fmt: skip
        here = ROOT / "var" / "bench" / topics.namespace
        (here / name).mkdir(parents=True, exist_ok=True)
        environment["YUZHU_ELIGIBILITY_DATA_DIR"] = str(here / name)
        return ServiceProcess(name, module, port, environment, here / f"{name}.log")


def passthrough_hops(bench: Bench, topics: Topics) -> list[ServiceProcess]:
    """The baseline's two pass-through processes: applications → decisions → receipts."""
    hops = ((topics.applications, topics.decisions), (topics.decisions, topics.receipts))
    return [
        bench.service("bench.passthrough", topics, f"passthrough-{i}",
                      YUZHU_PASSTHROUGH_FROM=source, YUZHU_PASSTHROUGH_TO=sink,
                      YUZHU_PASSTHROUGH_GROUP=f"{topics.namespace}-hop{i}")
        for i, (source, sink) in enumerate(hops)
    ]  # fmt: skip


@contextlib.contextmanager
def running(*services: ServiceProcess) -> Iterator[list[ServiceProcess]]:
    """Start the processes, wait until each answers /readyz, stop them (SIGTERM) at the end.

    With ``YUZHU_BENCH_PROFILE=1`` each process is sampled by py-spy while it runs; the
    profiles (folded stacks, for a flame graph or ``python -m bench.hotspots``) are written
    beside its log in var/bench/<namespace>/<name>.folded.
    """
    profilers: list[subprocess.Popen[bytes]] = []
    try:
        for svc in services:
            svc.start()
        for svc in services:
            svc.wait_healthy(timeout=120)
        if os.environ.get("YUZHU_BENCH_PROFILE") == "1":
            profilers = [_profile(svc) for svc in services]
        yield list(services)
    finally:
        for profiler in profilers:
            profiler.send_signal(signal.SIGINT)
        for profiler in profilers:
            with contextlib.suppress(subprocess.TimeoutExpired):
                profiler.wait(30)
        for svc in services:
            svc.stop()


def _profile(svc: ServiceProcess) -> subprocess.Popen[bytes]:
    assert svc.proc is not None
    out = svc.log.with_suffix(".folded")
    progress(f"  profiling {svc.name} (pid {svc.proc.pid}) into {out.relative_to(ROOT)}")
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(svc.proc.pid),
         "--format", "raw", "--output", str(out), "--rate", "200", "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


async def wait_for_count(
    bootstrap: str,
    topic: str,
    expected: int,
    *,
    key: Callable[[bytes], str | None] | None = None,
    timeout: float = 600.0,
    label: str = "",
) -> float:
    """Read ``topic`` until ``expected`` distinct keys (``key(value)``; every record when None)
    have arrived; the monotonic time it happened. Shows progress every few seconds."""
    seen: set[str] = set()
    count = 0
    deadline = time.monotonic() + timeout
    shown = time.monotonic()
    async with topic_reader(bootstrap, topic, max_poll_records=2000) as consumer:
        while True:
            batch = await consumer.getmany(timeout_ms=100)
            for records in batch.values():
                for record in records:
                    if key is None:
                        count += 1
                    else:
                        k = key(record.value or b"")
                        if k is not None:
                            seen.add(k)
            done = count if key is None else len(seen)
            if done >= expected:
                return time.monotonic()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{topic}: {done} of {expected} after {timeout:.0f}s")
            if time.monotonic() - shown > 5:
                progress(f"  {label or topic}: {done:,} of {expected:,}")
                shown = time.monotonic()


class CpuBusy:
    """How busy the machine's cores were between ``start()`` and ``stop()`` (0..1, from
    /proc/stat): a ratio near 1 means the run was limited by this machine, not the code."""

    def __init__(self) -> None:
        self._begin = (0, 0)
        self.busy = 0.0

    @staticmethod
    def _read() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields) - idle, sum(fields)

    def start(self) -> None:
        self._begin = self._read()

    def stop(self) -> float:
        busy, total = self._read()
        spent = total - self._begin[1]
        self.busy = round((busy - self._begin[0]) / spent, 2) if spent else 0.0
        return self.busy


def receipt_application(value: bytes) -> str | None:
    """The application a delivered inbox receipt is about."""
    event = decode(value)
    if event.data.get("channel") == "inbox" and event.data.get("status") == "delivered":
        return str(event.data["application_id"])
    return None


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = 0.0
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "os": platform.platform(),
    }
