"""Pipeline throughput: applications per second from submitted (on the applications topic) to
the resident's notification recorded (the notifier's ``delivered`` inbox receipt), against a raw
aiokafka pass-through on the same topics.

Suite: one eligibility worker and one notifier (each one process, as one pod each), in a fresh
namespace; ``count`` generated applications are produced as the intake bot would, and the clock
runs from the first produce to the receipt of the last application. Baseline: two pass-through
processes (applications → decisions, decisions → receipts) with the same client settings and
commit discipline, fed the same records; the clock stops at the last record on receipts.
"""

from __future__ import annotations

import asyncio
import time

from bench.harness import (
    Bench,
    CpuBusy,
    Result,
    passthrough_hops,
    progress,
    receipt_application,
    running,
    wait_for_count,
)
from devstack.generate import applications
from devstack.seed import seed


async def _timed(
    bootstrap: str, source: str, sink: str, payloads: list[dict[str, object]], *,
    by_receipt: bool, label: str,
) -> tuple[float, float]:  # fmt: skip
    count = len(payloads)
    cpu = CpuBusy()
    cpu.start()
    t0 = time.monotonic()
    waiting = asyncio.create_task(wait_for_count(
        bootstrap, sink, count, key=receipt_application if by_receipt else None, label=label,
    ))  # fmt: skip
    await seed(bootstrap, source, payloads)
    done = await waiting
    progress(f"  cores {cpu.stop():.0%} busy")
    return count / (done - t0), cpu.busy


async def run(bench: Bench, count: int) -> list[Result]:
    bootstrap = bench.cfg.kafka_bootstrap
    payloads = applications(count, seed=77)

    topics = await bench.topics("pipeline")
    eligibility = bench.service("services.eligibility", topics, "eligibility")
    notifier = bench.service("services.notifier", topics, "notifier")
    with running(eligibility, notifier):
        progress(f"pipeline: {count:,} applications through eligibility and the notifier")
        suite, suite_busy = await _timed(bootstrap, topics.applications, topics.receipts, payloads,
                             by_receipt=True, label="suite receipts")  # fmt: skip
    progress(f"  suite: {suite:,.0f} applications/s")

    base_topics = await bench.topics("passthrough")
    hops = passthrough_hops(bench, base_topics)
    with running(*hops):
        progress(f"pipeline: the same {count:,} records through two aiokafka pass-through hops")
        base, base_busy = await _timed(bootstrap, base_topics.applications, base_topics.receipts,
                            payloads, by_receipt=False, label="pass-through records")  # fmt: skip
    progress(f"  pass-through: {base:,.0f} records/s")
    return [
        Result(bench="pipeline", case=f"{count:,} applications", measure="applications/s",
               suite=round(suite, 1), baseline=round(base, 1),
               baseline_name="aiokafka pass-through ×2", target="≥ 0.6×",
               met=suite >= 0.6 * base,
               details={"cores_busy_suite": suite_busy, "cores_busy_baseline": base_busy})
    ]  # fmt: skip
