"""Summarise py-spy's folded stacks (``YUZHU_BENCH_PROFILE=1 python -m bench …`` writes them to
var/bench/<namespace>/<service>.folded): the functions with the most samples, on their own and
with what they call.

    .venv/bin/python -m bench.hotspots var/bench/bench-pipeline-*/eligibility.folded [--top 25]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    for path in args.files:
        own: Counter[str] = Counter()
        total_in: Counter[str] = Counter()
        total = 0
        for line in path.read_text().splitlines():
            stack, _, n = line.rpartition(" ")
            if not stack:
                continue
            samples = int(n)
            frames = stack.split(";")
            total += samples
            own[frames[-1]] += samples
            for frame in set(frames):
                total_in[frame] += samples
        print(f"\n{path}: {total} samples")
        for title, counter in (("own time", own), ("with callees", total_in)):
            print(f"  -- {title}")
            for frame, samples in counter.most_common(args.top):
                print(f"  {samples / max(total, 1):6.1%}  {frame[:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
