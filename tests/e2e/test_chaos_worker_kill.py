"""Chaos: an eligibility worker killed with SIGKILL in the middle of a burst, then restarted as
Kubernetes would restart a crashed container.

Two workers share the six partitions of the applications topic in one consumer group. A kill -9
gives the victim no chance to commit: whatever it decided since its last commit (faust commits
every second or every 100 records) is read again by the partition's next owner, and the
application it held may have been published but not yet recorded as decided. What must hold:

* every application ends with a determination on the decisions topic;
* an application with more than one determination record has the same determination each time
  — the same event id and the same content. The decided-once guard (``<ns>:eligibility:decided``,
  written after the determination is acknowledged) makes the next owner skip every redelivered
  application that was recorded; only those the victim was deciding at the kill — published,
  not yet recorded — are decided again, with the id derived from application and policy
  version, so a repeat's first copy always predates the kill;
* no resident is told twice: one notice in the inbox, one live announcement and one receipt id
  per application, however often the notifier saw the decision;
* nothing is dead-lettered.

**Recovery time** is measured on the decisions topic, from the broker's timestamps: for every
partition that still had undecided applications at the kill, the time from the kill to its first
new determination; recovery is the longest of those — from then on every partition with work
left is being decided again. It is bounded below by the consumer group's session timeout (faust's
default, 60 s): until the broker gives up on the dead member, its partitions stay assigned to it,
and the restarted worker's join waits for it too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import pytest
from aiokafka import AIOKafkaConsumer
from redis.asyncio import Redis

from devstack import StackConfig
from devstack.generate import applications
from devstack.seed import seed
from services.common.events import decode
from services.common.kafka import partitions_of
from services.common.topics import Topics
from services.console.adapters.lag import KafkaLag
from services.notifier.adapters.inbox import inbox_key
from tests.support.chaos import report, scale
from tests.support.kafka import Records, eventually, read_topic
from tests.support.services import Suite, eligibility_worker, running_suite

pytestmark = [pytest.mark.e2e, pytest.mark.chaos]

BURST = scale(400, 10_000)
# The kill lands once the victim has decided this many: work done, most of the burst in flight.
KILL_AFTER = max(20, BURST // 20)
# The kubelet restarts a crashed container at once; the new process takes a few seconds to start.
RESTART_AFTER_SECONDS = 2.0
# Generous: the machine is shared and the dead member's session alone lasts 60 s.
DRAIN_TIMEOUT = scale(240, 1500)


@pytest.fixture
def two_worker_suite(stack: StackConfig, topics: Topics) -> Iterator[Suite]:
    with running_suite(stack, topics) as suite:
        second = eligibility_worker(stack, topics, "eligibility-2")
        suite.extra.append(second)  # stopped with the suite
        second.start()
        second.wait_healthy()
        yield suite


@dataclass
class LiveAnnouncements:
    """What an open chat would be shown: every notice announced on ``<ns>:live:<application>``."""

    per_application: Counter[str] = field(default_factory=Counter)
    notice_ids: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


@contextlib.asynccontextmanager
async def listening_live(redis: Redis, namespace: str) -> AsyncIterator[LiveAnnouncements]:
    seen = LiveAnnouncements()
    pubsub = redis.pubsub()
    await pubsub.psubscribe(f"{namespace}:live:*")

    async def listen() -> None:
        while True:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            if message is None or message["type"] != "pmessage":
                continue
            application_id = str(message["channel"]).rsplit(":", 1)[1]
            seen.per_application[application_id] += 1
            seen.notice_ids[application_id].add(json.loads(message["data"])["notice_id"])

    task = asyncio.create_task(listen())
    try:
        yield seen
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await pubsub.aclose()  # type: ignore[no-untyped-call]


class DistinctKeys:
    """``until`` for :func:`read_topic`: true once ``count`` distinct record keys were read.
    Looks at each record once (the records are re-offered on every poll)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.seen: set[bytes | None] = set()
        self.looked_at = 0

    def __call__(self, records: Records) -> bool:
        self.seen.update(r.key for r in records[self.looked_at :])
        self.looked_at = len(records)
        return len(self.seen) >= self.count


async def read_all(bootstrap: str, topic: str, timeout: float = 120.0) -> Records:
    """Every record of ``topic`` up to its end offsets now (an empty list for an empty topic)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(await partitions_of(consumer, topic))
        begins = await consumer.beginning_offsets(list(ends))
    finally:
        await consumer.stop()
    total = sum(ends[tp] - begins[tp] for tp in ends)
    return await read_topic(bootstrap, topic, until=lambda r: len(r) >= total, timeout=timeout)


async def test_a_worker_killed_mid_burst_leaves_every_application_decided_and_nobody_told_twice(
    two_worker_suite: Suite, kafka_bootstrap: str, redis: Redis
) -> None:
    suite = two_worker_suite
    topics = suite.topics
    victim, survivor = suite.eligibility, suite.extra[0]
    workers = [victim, survivor]

    def assigned() -> list[float]:
        return [w.metric("yuzhu_eligibility_assigned_partitions") for w in workers]

    # Both workers own part of the applications topic before the burst starts.
    await eventually(lambda: sum(assigned()) == 6 and min(assigned()) > 0, timeout=90)
    burst = applications(BURST, seed=41)
    ids = {str(a["application_id"]) for a in burst}

    async with listening_live(redis, topics.namespace) as live:
        seeded_at = time.time()
        await seed(kafka_bootstrap, topics.applications, burst)
        await eventually(
            lambda: victim.metric("yuzhu_eligibility_determinations_total") >= KILL_AFTER,
            timeout=DRAIN_TIMEOUT,
            interval=0.05,
        )
        killed_at = time.time()
        victim.kill()  # SIGKILL: no revoke, no commit, no goodbye to the group
        await asyncio.sleep(RESTART_AFTER_SECONDS)
        victim.start()
        await asyncio.to_thread(victim.wait_healthy, DRAIN_TIMEOUT)
        ready_at = time.time()

        # Every application decided (decisions are keyed by application; repeats counted below).
        await read_topic(kafka_bootstrap, topics.decisions, until=DistinctKeys(BURST),
                         timeout=DRAIN_TIMEOUT)  # fmt: skip
        # Then wait until both groups have committed everything: nothing is left to redeliver,
        # so the counts below are final, not a snapshot of work still under way.
        lag = KafkaLag(kafka_bootstrap, {
            f"{topics.namespace}-eligibility": [topics.applications],
            f"{topics.namespace}-notifier": [topics.applications, topics.decisions],
        })  # fmt: skip
        await lag.start()
        try:
            await eventually(lambda: _caught_up(lag), timeout=DRAIN_TIMEOUT, interval=1.0)
        finally:
            await lag.close()
        await eventually(lambda: len(live.per_application) >= BURST, timeout=60)
        # The restarted worker rejoined the group and owns partitions again.
        await eventually(lambda: sum(assigned()) == 6 and min(assigned()) > 0, timeout=120)

    decisions = await read_all(kafka_bootstrap, topics.decisions)
    receipts = await read_all(kafka_bootstrap, topics.receipts)

    # Every application has a determination, and only ours.
    events = [(r, decode(r.value)) for r in decisions]
    by_application: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, event in events:
        by_application[event.subject].append((event.id, json.dumps(event.data, sort_keys=True)))
    assert set(by_application) == ids
    # Decided again after the kill means decided the same: one id and one content each.
    repeated = {a: d for a, d in by_application.items() if len(d) > 1}
    for application_id, determinations in repeated.items():
        assert len(set(determinations)) == 1, f"{application_id} decided differently"

    # Nobody told twice: one notice in the inbox, one live announcement, one receipt id each.
    async with redis.pipeline(transaction=False) as pipe:
        for application_id in sorted(ids):
            pipe.hlen(inbox_key(topics.namespace, application_id))
        inbox_sizes = Counter(await pipe.execute())
    assert inbox_sizes == Counter({1: BURST})
    assert set(live.per_application) == ids
    assert max(live.per_application.values()) == 1
    # ... and what was announced is the application's determination.
    assert all(live.notice_ids[a] == {d[0][0]} for a, d in by_application.items())
    receipt_ids: defaultdict[str, set[str]] = defaultdict(set)
    for r in receipts:
        data = decode(r.value).data
        receipt_ids[str(data["application_id"])].add(str(data["receipt_id"]))
    assert set(receipt_ids) == ids
    assert {len(v) for v in receipt_ids.values()} == {1}

    # Nothing dead-lettered by any consumer.
    for dlq in (topics.eligibility_dlq, topics.notifier_dlq, topics.console_dlq):
        assert await read_all(kafka_bootstrap, dlq) == [], f"dead letters on {dlq}"

    # ---- what it cost: counts and times, from the broker's timestamps ----
    kill_ms = killed_at * 1000
    first_decided: dict[str, tuple[float, int]] = {}  # application -> (timestamp, partition)
    for r, event in events:
        if event.subject not in first_decided or r.timestamp < first_decided[event.subject][0]:
            first_decided[event.subject] = (r.timestamp, r.partition)
    decided_before = sum(1 for ts, _ in first_decided.values() if ts <= kill_ms)
    # Only what the victim held at the kill was decided again: recorded work was never repeated.
    repeated_after_kill = [a for a in repeated if first_decided[a][0] > kill_ms]
    assert repeated_after_kill == [], "decided twice though first decided after the kill"
    assert decided_before < BURST, "the burst was decided before the kill: nothing in flight"
    pending_at_kill = Counter(p for ts, p in first_decided.values() if ts > kill_ms)
    first_after_kill: dict[int, float] = {}
    for r, _ in events:
        if r.timestamp > kill_ms and r.partition in pending_at_kill:
            first_after_kill[r.partition] = min(first_after_kill.get(r.partition, r.timestamp),
                                                r.timestamp)  # fmt: skip
    gaps = {p: (ts - kill_ms) / 1000 for p, ts in sorted(first_after_kill.items())}
    recovery = max(gaps.values())
    timestamps = sorted(r.timestamp for r, _ in events)
    after_kill = [ts for ts in timestamps if ts > kill_ms]
    pauses = [b - a for a, b in zip([kill_ms, *after_kill], after_kill, strict=False)]
    first_ms = min(ts for ts, _ in first_decided.values())
    last_ms = max(ts for ts, _ in first_decided.values())
    recovered_ms = kill_ms + recovery * 1000
    decided_by_recovery = sum(1 for ts, _ in first_decided.values() if ts < recovered_ms)
    redelivered = sum(w.metric("yuzhu_eligibility_redelivered_total") for w in workers)
    duplicate_decisions = len(decisions) - len(by_application)
    duplicate_receipts = len(receipts) - sum(len(v) for v in receipt_ids.values())

    report(
        "eligibility_worker_kill_9",
        burst=BURST,
        decided_before_kill=decided_before,
        in_flight_at_kill=BURST - decided_before,
        partitions_with_work_at_kill=len(pending_at_kill),
        restarted_after_s=RESTART_AFTER_SECONDS,
        restarted_worker_ready_s=round(ready_at - killed_at, 1),
        redelivered=int(redelivered),
        applications_decided_twice=len(repeated),
        duplicate_decision_records=duplicate_decisions,
        duplicate_receipt_records=duplicate_receipts,
        first_decision_after_kill_s={p: round(g, 1) for p, g in gaps.items()},
        recovery_s=round(recovery, 1),
        longest_pause_after_kill_s=round(max(pauses) / 1000, 1),
        all_decided_after_kill_s=round((last_ms - kill_ms) / 1000, 1),
        seed_to_all_decided_s=round(last_ms / 1000 - seeded_at, 1),
        throughput_before_kill_per_s=round(decided_before / max((kill_ms - first_ms) / 1000, 1e-3)),
        throughput_after_recovery_per_s=round(
            (BURST - decided_by_recovery) / max((last_ms - recovered_ms) / 1000, 1e-3)
        ),
        throughput_overall_incl_pause_per_s=round(BURST / max((last_ms - first_ms) / 1000, 1e-3)),
    )


async def _caught_up(lag: KafkaLag) -> bool:
    """True when every group has committed up to the end of its topics."""
    return all(v == 0 for v in (await lag()).values())
