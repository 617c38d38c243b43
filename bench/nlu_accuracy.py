"""Accuracy and speed of the intake NLU on labelled JSON Lines files (the contract's format).

    .venv/bin/python bench/nlu_accuracy.py [FILE …] [--errors] [--cli]

Default files: tests/data/nlu/dev.jsonl, train.jsonl and heldout.jsonl if it exists. For each
file: n, intent accuracy, slot precision / recall / F1 (micro over (slot, value) pairs of the
contract's table only; numbers compared numerically), parse time p50 / p99. Also the start-up
(load) time. Results go to bench/results/nlu.json.

By default the same ``Understanding`` the batch CLI uses is run in-process, so each parse can be
timed. ``--cli`` instead pipes each file through the real batch CLI
(``python -m services.intake_bot.nlu``) as a subprocess and scores its output; the times are
then the CLI's wall time per file. ``--errors`` prints each wrong line (text, expected, got) —
except for held-out files, whose texts must stay unseen by whoever tunes the NLU.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from services.intake_bot.domain.understanding import CONTRACT_SLOTS  # noqa: E402

DATA = ROOT / "tests" / "data" / "nlu"
RESULTS = ROOT / "bench" / "results" / "nlu.json"


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def same_value(a: Any, b: Any) -> bool:
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=0.01)
    return bool(a == b)


def contract_pairs(slots: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in slots.items() if k in CONTRACT_SLOTS}


def score(cases: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Intent accuracy and micro slot P/R/F1 of ``outputs`` against the labelled ``cases``."""
    right = tp = predicted = expected = 0
    errors: list[dict[str, Any]] = []
    for case, out in zip(cases, outputs, strict=True):
        want = contract_pairs(case.get("slots", {}))
        got = contract_pairs(out.get("slots", {}))
        hits = sum(1 for k, v in want.items() if k in got and same_value(got[k], v))
        tp += hits
        predicted += len(got)
        expected += len(want)
        intent_ok = out.get("intent") == case["intent"]
        right += intent_ok
        if not intent_ok or hits != len(want) or hits != len(got):
            errors.append({
                "text": case["text"], "expecting": case.get("expecting"),
                "expected": {"intent": case["intent"], "slots": want},
                "got": {"intent": out.get("intent"), "slots": got},
            })  # fmt: skip
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(cases),
        "intent_accuracy": right / len(cases) if cases else 1.0,
        "slot_precision": precision,
        "slot_recall": recall,
        "slot_f1": f1,
        "errors": errors,
    }


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]


def run_in_process(
    cases: list[dict[str, Any]], understanding: Any
) -> tuple[list[Any], list[float]]:
    outputs: list[dict[str, Any]] = []
    times: list[float] = []
    for case in cases:
        t0 = time.perf_counter()
        parse = understanding.parse(case["text"], case.get("expecting"))
        times.append((time.perf_counter() - t0) * 1000)
        outputs.append(parse.to_dict())
    return outputs, times


def run_cli(path: Path) -> tuple[list[Any], float]:
    lines = [
        json.dumps({k: v for k, v in c.items() if k in ("text", "expecting")}, ensure_ascii=False)
        for c in load_cases(path)
    ]
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "services.intake_bot.nlu"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    return [json.loads(line) for line in done.stdout.splitlines()], wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="print the wrong lines")
    parser.add_argument("--cli", action="store_true", help="score the batch CLI's output")
    args = parser.parse_args(argv)
    files: list[Path] = args.files or [
        p for p in (DATA / "dev.jsonl", DATA / "train.jsonl", DATA / "heldout.jsonl") if p.exists()
    ]

    report: dict[str, Any] = {"mode": "cli" if args.cli else "in-process", "files": {}}
    understanding = None
    if not args.cli:
        t0 = time.perf_counter()
        nlu = importlib.import_module("services.intake_bot.domain.nlu")
        understanding = nlu.load_understanding()
        report["load_seconds"] = round(time.perf_counter() - t0, 3)
        print(f"start-up (import + load_understanding + warm-up): {report['load_seconds']:.3f} s")

    for path in files:
        cases = load_cases(path)
        if args.cli:
            outputs, wall = run_cli(path)
            timing = {"cli_wall_seconds": round(wall, 3)}
            timing_text = f"CLI wall {wall:.2f} s (start-up included)"
        else:
            outputs, times = run_in_process(cases, understanding)
            timing = {
                "parse_ms_p50": round(percentile(times, 50), 3),
                "parse_ms_p99": round(percentile(times, 99), 3),
                "parse_ms_max": round(max(times, default=0.0), 3),
            }
            timing_text = (
                f"parse p50 {timing['parse_ms_p50']:.2f} ms, p99 {timing['parse_ms_p99']:.2f} ms"
            )
        result = score(cases, outputs)
        errors = result.pop("errors")
        report["files"][path.name] = {**result, **timing, "error_count": len(errors)}
        print(
            f"{path.name}: n={result['n']}  intent acc {result['intent_accuracy']:.3f}  "
            f"slot P {result['slot_precision']:.3f} R {result['slot_recall']:.3f} "
            f"F1 {result['slot_f1']:.3f}  {timing_text}"
        )
        if args.errors and path.name.startswith("heldout"):
            print(f"  ({len(errors)} errors in {path.name}: not printed, it stays blind)")
        elif args.errors:
            for e in errors:
                print("  " + json.dumps(e, ensure_ascii=False))

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
