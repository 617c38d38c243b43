"""``make bench`` (``python -m bench``): every benchmark against its baseline, in one run.

    .venv/bin/python -m bench [--only NAME …] [--quick]

Starts the project's Kafka and Redis (or uses the running ones), runs each benchmark with the
services as processes in a topic namespace of its own, prints progress and a table, and writes
``bench/results/latest.json`` (machine, command, every figure). ``--quick`` runs smaller sizes
to check that the benchmarks work; its figures are not the ones to quote.

Benchmarks (see docs/performance.md for what each measures and the figures):
  pipeline      applications/s submitted → notification recorded, vs an aiokafka pass-through
  chat          chat turn latency at 100 and 500 sockets, vs a bare aiohttp echo server
  confirm       confirm → decision pushed on the resident's socket, at a fixed arrival rate
  nlu           NLU parse time per utterance and start-up, vs jieba alone
  scale         one vs two eligibility workers on the same 6-partition topic
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench import chat_latency, confirm_decision, nlu_speed, pipeline, scale_out
from bench.harness import RESULTS, Bench, Result, machine, progress
from devstack import Stack

BENCHMARKS: dict[str, Callable[[Bench], Awaitable[list[Result]]]] = {
    "pipeline": lambda b: pipeline.run(b, count=2_000 if b.quick else 20_000),
    "chat": lambda b: chat_latency.run(
        b, sessions=[20, 50] if b.quick else [100, 500], turns=4 if b.quick else 10
    ),
    "confirm": lambda b: confirm_decision.run(b, rate=100, seconds=3 if b.quick else 20),
    "nlu": nlu_speed.run,
    "scale": lambda b: scale_out.run(b, count=1_500 if b.quick else 12_000),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), default=list(BENCHMARKS))
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    args = parser.parse_args(argv)
    stack = Stack()
    progress("starting Kafka and Redis (or using the running ones)")
    started = stack.up_infra()
    bench = Bench(stack.cfg, quick=args.quick)
    rows: list[Result] = []
    timings: dict[str, float] = {}
    try:
        for name in args.only:
            progress(f"== {name}")
            t0 = time.monotonic()
            rows.extend(asyncio.run(_one(bench, name)))
            timings[name] = round(time.monotonic() - t0, 1)
    finally:
        asyncio.run(bench.cleanup())
        stack.down_infra(started)
    _table(rows)
    _write(rows, timings, args)
    return 0


async def _one(bench: Bench, name: str) -> list[Result]:
    return await BENCHMARKS[name](bench)


def _table(rows: list[Result]) -> None:
    print()
    head = f"{'benchmark':<14} {'case':<30} {'measure':<16} {'suite':>10} {'baseline':>10} "
    print(head + f"{'ratio':>7}  target   met")
    for r in rows:
        met = {True: "yes", False: "NO", None: "-"}[r.met]
        print(f"{r.bench:<14} {r.case:<30} {r.measure:<16} {r.suite:>10} {r.baseline:>10} "
              f"{r.ratio:>6}×  {r.target:<8} {met}")  # fmt: skip


def _write(rows: list[Result], timings: dict[str, float], args: argparse.Namespace) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "command": "make bench"
        if not args.quick and len(args.only) == len(BENCHMARKS)
        else "python -m bench " + shlex.join(sys.argv[1:]),
        "quick": args.quick,
        "machine": machine(),
        "seconds": timings,
        "results": [r.row() for r in rows],
    }
    path = RESULTS / "latest.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten {path.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    sys.exit(main())
