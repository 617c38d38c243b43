"""Sizes for the chaos tests: bounded in ``make test``, larger in ``make chaos``.

``make chaos`` sets ``YUZHU_CHAOS=large``; the tests read their sizes from :func:`scale` so the
same code runs both ways, and they write what they measured (recovery times, counts) with
:func:`report`, which ``make chaos`` prints and keeps in ``bench/results/chaos.json``.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from devstack.config import ROOT

RESULTS = ROOT / "bench" / "results"


def large() -> bool:
    return os.environ.get("YUZHU_CHAOS", "").lower() == "large"


def scale(small: int, big: int) -> int:
    """``small`` in ``make test``, ``big`` in ``make chaos``."""
    return big if large() else small


def report(test: str, **figures: Any) -> None:
    """Record what a chaos test measured: printed (shown with ``-s`` / in ``make chaos``) and
    merged under the test's name into ``bench/results/chaos.json`` (``make chaos``) or
    ``chaos-bounded.json`` (``make test``), so a test run never overwrites the large figures."""
    figures = {"scale": "large" if large() else "bounded", **figures,
               "at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}  # fmt: skip
    print(f"\nchaos {test}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / ("chaos.json" if large() else "chaos-bounded.json")
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        data = {}
    data[test] = figures
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
