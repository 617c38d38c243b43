"""Scale-out: one eligibility worker against two, in one consumer group, on the same 6-partition
applications topic, fed the same ``count`` applications.

Each run has a fresh namespace; the workers start and the group settles (every partition owned,
by both when there are two) before the applications are produced; the clock runs from the first
produce to the last determination on the decisions topic. The baseline is the one-worker run,
so the ratio is the speed-up. On this machine two workers also share two cores with the broker,
Redis and the load generator: see docs/performance.md.
"""

from __future__ import annotations

import asyncio
import os
import time

from bench.harness import Bench, CpuBusy, Result, progress, running, wait_for_count
from devstack.generate import applications
from devstack.seed import seed
from services.common.events import decode
from tests.support.services import ServiceProcess


def _decided(value: bytes) -> str | None:
    return decode(value).subject


async def _settled(workers: list[ServiceProcess], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        owned = [w.metric("yuzhu_eligibility_assigned_partitions") for w in workers]
        if sum(owned) == 6 and min(owned) > 0:
            return
        await asyncio.sleep(0.5)
    raise TimeoutError(f"the group did not settle: partitions owned {owned}")


async def _rate(
    bench: Bench, workers: int, payloads: list[dict[str, object]]
) -> tuple[float, float]:
    """Applications a second, and how busy the machine's cores were meanwhile."""
    topics = await bench.topics(f"scale{workers}")
    procs = [bench.service("services.eligibility", topics, f"eligibility-{i}")
             for i in range(workers)]  # fmt: skip
    with running(*procs):
        await _settled(procs)
        progress(f"scale: {len(payloads):,} applications, {workers} worker(s)")
        cpu = CpuBusy()
        cpu.start()
        t0 = time.monotonic()
        waiting = asyncio.create_task(
            wait_for_count(
                bench.cfg.kafka_bootstrap,
                topics.decisions,
                len(payloads),
                key=_decided,
                label=f"{workers} worker(s): decided",
            )
        )
        await seed(bench.cfg.kafka_bootstrap, topics.applications, payloads)
        rate = len(payloads) / (await waiting - t0)
        cpu.stop()
    progress(f"  {workers} worker(s): {rate:,.0f} applications/s; cores {cpu.busy:.0%} busy")
    return rate, cpu.busy


async def run(bench: Bench, count: int) -> list[Result]:
    payloads = applications(count, seed=91)
    one, busy_one = await _rate(bench, 1, payloads)
    two, busy_two = await _rate(bench, 2, payloads)
    return [
        Result(bench="scale_out", case=f"{count:,} applications, 6 partitions",
               measure="applications/s", suite=round(two, 1), baseline=round(one, 1),
               baseline_name="one worker", target="≥ 1.7×", met=two >= 1.7 * one,
               details={"cores_busy_one_worker": busy_one, "cores_busy_two_workers": busy_two,
                        "cores": os.cpu_count()})
    ]  # fmt: skip
