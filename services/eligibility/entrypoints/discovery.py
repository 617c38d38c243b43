"""``python -m services.eligibility.discover``: 主动发现 over the application store.

Reads a snapshot of the applications topic (compacted: the latest record of every application
ever made, docs/decisions/0007) from the beginning to the end offsets at start, finds the
households refused under the baseline version that qualify under the target version, emits one
``outreach.suggested`` event each (its id derived from application and both versions, so a rerun
emits the same events and the notifier invites nobody twice), and prints a summary table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import unicodedata
from collections.abc import AsyncIterator, Awaitable
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from schemas import EventType
from services.common.districts import DistrictGroup
from services.common.errors import InvalidEvent
from services.common.events import Event, decode, encode, new_event, now_rfc3339, stable_id
from services.common.kafka import make_producer, partitions_of, wait_for_kafka
from services.common.programs import PROGRAM_NAMES
from services.common.topics import Topics
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.config import Settings
from services.eligibility.domain import EvaluationError, PolicyBook, Program
from services.eligibility.domain.discovery import Finding, Summary, screen

SOURCE = "/yuzhu/eligibility/discovery"
_SEND_BATCH = 500


def outreach_event(finding: Finding, summary: Summary) -> Event:
    outreach_id = stable_id(finding.application_id, "outreach", summary.baseline, summary.target)
    return new_event(
        EventType.OUTREACH_SUGGESTED,
        source=SOURCE,
        subject=finding.application_id,
        event_id=outreach_id,
        data={
            "outreach_id": outreach_id,
            "application_id": finding.application_id,
            "district": finding.district,
            "district_group": str(finding.group),
            "baseline_version": summary.baseline,
            "target_version": summary.target,
            "baseline_status": str(finding.baseline.status),
            "programs": [str(p) for p in finding.programs],
            "total_monthly_amount": float(finding.target.total_monthly_amount),
            "total_one_off_amount": float(finding.target.total_one_off_amount),
            "found_at": now_rfc3339(),
        },
    )


async def snapshot(bootstrap: str, topic: str) -> AsyncIterator[tuple[int, bytes | None]]:
    """Yield (total records in the snapshot, value) for every record up to the end offsets at
    start; records written after the start are left for the next run."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, max_poll_records=2000
    )
    await consumer.start()
    try:
        tps = await partitions_of(consumer, topic)
        consumer.assign(tps)
        begin = await consumer.beginning_offsets(tps)
        end = await consumer.end_offsets(tps)
        total = sum(end[tp] - begin[tp] for tp in tps)
        await consumer.seek_to_beginning(*tps)
        remaining = {tp for tp in tps if end[tp] > begin[tp]}
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, records in batch.items():
                for record in records:
                    if record.offset < end[tp]:
                        yield total, record.value
            # Every partition, not only those in this batch: one whose last offsets hold no
            # record to return (compacted away, control markers) reaches its end silently.
            for tp in list(remaining):
                if await consumer.position(tp) >= end[tp]:
                    remaining.discard(tp)
    finally:
        await consumer.stop()


class Progress:
    """A progress bar on a terminal; a line per tenth in a log."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tty = out.isatty()
        self.started = time.monotonic()
        self._last_tenth = -1

    def update(self, done: int, total: int) -> None:
        if total <= 0:
            return
        fraction = done / total
        rate = done / max(time.monotonic() - self.started, 1e-9)
        if self.tty:
            bar = "█" * int(fraction * 30)
            self.out.write(f"\r[{bar:<30}] {done:>9,}/{total:,}  {rate:,.0f}/s")
            if done == total:
                self.out.write("\n")
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.out.write(f"discovery: {done:,}/{total:,} ({fraction:.0%}), {rate:,.0f}/s\n")
        self.out.flush()


async def run(
    *, settings: Settings, book: PolicyBook, baseline: str, target: str, emit: bool,
    progress: Progress | None = None,
) -> tuple[Summary, float]:  # fmt: skip
    common = settings.common
    topics = Topics(common.topic_namespace)
    await wait_for_kafka(common.kafka_bootstrap_servers, timeout=common.dependency_timeout)
    summary = Summary(baseline=baseline, target=target)
    seen: set[str] = set()
    producer: AIOKafkaProducer | None = None
    pending: list[Awaitable[Any]] = []
    started = time.monotonic()
    if emit:
        producer = make_producer(common.kafka_bootstrap_servers, client_id="yuzhu-discovery")
        await producer.start()
    try:
        async for total, value in snapshot(common.kafka_bootstrap_servers, topics.applications):
            summary.read += 1
            finding = _consider(value, book, summary, seen)
            if finding is not None:
                summary.add(finding)
                if producer is not None:
                    event = outreach_event(finding, summary)
                    data, headers = encode(event)
                    pending.append(await producer.send(
                        topics.outreach, data, key=finding.application_id.encode(),
                        headers=headers,
                    ))  # fmt: skip
                    if len(pending) >= _SEND_BATCH:
                        await asyncio.gather(*pending)
                        pending.clear()
            if progress is not None:
                progress.update(summary.read, total)
        await asyncio.gather(*pending)
    finally:
        if producer is not None:
            await producer.stop()
    return summary, time.monotonic() - started


def _consider(
    value: bytes | None, book: PolicyBook, summary: Summary, seen: set[str]
) -> Finding | None:
    try:
        event = decode(value)
    except InvalidEvent:
        summary.invalid += 1
        return None
    if event.type != EventType.APPLICATION_SUBMITTED:
        summary.invalid += 1
        return None
    application_id = str(event.data["application_id"])
    if application_id in seen:
        summary.duplicates += 1  # not compacted yet; the first copy was counted
        return None
    seen.add(application_id)
    try:
        screening = screen(event.data, book, baseline=summary.baseline, target=summary.target)
    except EvaluationError:
        summary.invalid += 1
        return None
    summary.in_baseline += screening.in_baseline
    return screening.finding


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int, right: bool = True) -> str:
    pad = " " * max(width - _width(text), 0)
    return pad + text if right else text + pad


def render(summary: Summary, seconds: float, emitted: bool) -> str:
    groups = list(DistrictGroup)
    lines = [
        f"主动发现  {summary.baseline} → {summary.target}",
        f"applications read {summary.read:,} (invalid {summary.invalid:,}, "
        f"duplicates {summary.duplicates:,}); submitted under {summary.baseline}: "
        f"{summary.in_baseline:,}",
        f"newly eligible households: {summary.found:,}"
        + (f"; outreach events emitted: {summary.found:,}" if emitted else " (dry run)"),
        "",
    ]  # fmt: skip
    header = [_cell("program", 34, right=False)] + [_cell(str(g), 12) for g in groups]
    header += [_cell("total", 9), _cell("added yuan/month", 18)]
    lines.append(" ".join(header))
    for program in Program:
        counts = [summary.households[(program, g)] for g in groups]
        if not any(counts):
            continue
        cost = sum((summary.monthly.get((program, g), Decimal(0)) for g in groups), Decimal(0))
        name = f"{program} {PROGRAM_NAMES[str(program)]}"
        row = [_cell(name, 34, right=False)] + [_cell(f"{c:,}", 12) for c in counts]
        row += [_cell(f"{sum(counts):,}", 9), _cell(f"{cost:,.2f}", 18)]
        lines.append(" ".join(row))
    found = [summary.found_by_group[g] for g in groups]
    row = [_cell("households (any program)", 34, right=False)]
    row += [_cell(f"{c:,}", 12) for c in found]
    row += [_cell(f"{summary.found:,}", 9), _cell(f"{summary.added_monthly:,.2f}", 18)]
    lines.append(" ".join(row))
    if summary.added_one_off:
        lines.append(f"added one-off payments: {summary.added_one_off:,.2f} yuan")
    rate = summary.read / seconds if seconds > 0 else 0.0
    lines.append(f"run time {seconds:.1f} s ({rate:,.0f} applications/s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m services.eligibility.discover",
        description="主动发现: find households refused under one policy version that qualify "
        "under another, and emit outreach events for them.",
    )
    parser.add_argument("--baseline", required=True, help="e.g. cq-2021-09")
    parser.add_argument("--target", required=True, help="e.g. cq-2022-09")
    parser.add_argument("--dry-run", action="store_true", help="count only; emit no events")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--policy-file", action="append", default=[], type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    book = load_policy_book(*args.policy_file)
    known = [v.id for v in book.versions]
    for version in (args.baseline, args.target):
        if version not in known:
            parser.error(f"unknown policy version {version!r}; known: {', '.join(known)}")
    settings = Settings.from_env()
    summary, seconds = asyncio.run(
        run(
            settings=settings,
            book=book,
            baseline=args.baseline,
            target=args.target,
            emit=not args.dry_run,
            progress=Progress(sys.stderr),
        )
    )
    if args.json:
        print(json.dumps(summary.to_dict() | {"seconds": round(seconds, 3)}, ensure_ascii=False))
    else:
        print(render(summary, seconds, emitted=not args.dry_run))
    return 0
