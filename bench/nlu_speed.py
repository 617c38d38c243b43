"""NLU speed: parse time per utterance and start-up, against jieba alone.

- parse: every utterance of the labelled sets (dev, train, held-out), parsed by the intake
  bot's ``Understanding`` (segmentation with the domain dictionary, number reading, slot and
  intent rules, checksums) against ``jieba.lcut`` of the same text — the segmentation the NLU
  stands on. Each is run three times over the set; the figures are of the last run (warm).
- start-up, each in a fresh interpreter, median of three: ``load_understanding()`` (import,
  dictionary, warm-up) against ``import jieba; jieba.initialize()``; and the intake bot from
  exec to answering /readyz against the echo server doing the same.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

import jieba

from bench.harness import ROOT, Bench, Result, progress, running, summary_ms
from services.intake_bot.domain.nlu import load_understanding

DATA = ROOT / "tests" / "data" / "nlu"


def _utterances() -> list[tuple[str, str | None]]:
    cases = []
    for name in ("dev.jsonl", "train.jsonl", "heldout.jsonl"):
        path = DATA / name
        if path.exists():
            for line in path.read_text().splitlines():
                if line.strip():
                    case = json.loads(line)
                    cases.append((str(case["text"]), case.get("expecting")))
    return cases


def _timed(fn: object, cases: list[tuple[str, str | None]]) -> list[float]:
    times = []
    for _ in range(3):
        times = []
        for text, expecting in cases:
            t0 = time.perf_counter()
            fn(text, expecting)  # type: ignore[operator]
            times.append(time.perf_counter() - t0)
    return times


def _subprocess_seconds(code: str, runs: int = 3) -> float:
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls)


async def run(bench: Bench) -> list[Result]:
    cases = _utterances()
    progress(f"nlu: parsing {len(cases)} utterances ×3, NLU and jieba alone")
    understanding = load_understanding()
    nlu = summary_ms(_timed(understanding.parse, cases))
    bare = summary_ms(_timed(lambda text, _expecting: jieba.lcut(text), cases))
    progress(f"  NLU p50 {nlu['p50_ms']} ms p99 {nlu['p99_ms']} ms; "
             f"jieba p50 {bare['p50_ms']} ms p99 {bare['p99_ms']} ms")  # fmt: skip
    progress("nlu: start-up in fresh interpreters (×3 each)")
    load = _subprocess_seconds(
        "from services.intake_bot.domain.nlu import load_understanding; load_understanding()"
    )
    jieba_load = _subprocess_seconds("import jieba; jieba.setLogLevel(60); jieba.initialize()")
    progress(f"  load_understanding {load:.2f} s; jieba.initialize {jieba_load:.2f} s")
    topics = await bench.topics("startup")
    ready: dict[str, float] = {}
    for module, name in (("bench.echo", "echo"), ("services.intake_bot", "intake_bot")):
        walls = []
        for _ in range(3):
            svc = bench.service(module, topics, name)
            t0 = time.perf_counter()
            with running(svc):
                walls.append(time.perf_counter() - t0)
        ready[name] = statistics.median(walls)
    progress(f"  to /readyz: intake bot {ready['intake_bot']:.2f} s; echo {ready['echo']:.2f} s")
    return [
        Result(bench="nlu", case=f"parse, {len(cases)} utterances", measure="p50 ms",
               suite=nlu["p50_ms"], baseline=bare["p50_ms"], baseline_name="jieba.lcut",
               target="-", met=None, details={"nlu": nlu, "jieba": bare}),
        Result(bench="nlu", case=f"parse, {len(cases)} utterances", measure="p99 ms",
               suite=nlu["p99_ms"], baseline=bare["p99_ms"], baseline_name="jieba.lcut",
               target="-", met=None),
        Result(bench="nlu", case="start-up: load the NLU", measure="seconds",
               suite=round(load, 2), baseline=round(jieba_load, 2),
               baseline_name="jieba.initialize", target="-", met=None),
        Result(bench="nlu", case="start-up: intake to /readyz", measure="seconds",
               suite=round(ready["intake_bot"], 2), baseline=round(ready["echo"], 2),
               baseline_name="aiohttp echo", target="-", met=None),
    ]  # fmt: skip
