"""Confirm → decision pushed: how long a resident waits, after saying "对的" to the summary, until
the decision appears on her chat socket — at a fixed arrival rate of confirmations.

Suite: the intake bot, one eligibility worker and one notifier, as processes. First ``rate ×
seconds`` residents chat (over the WebSocket, as the scripted resident of devstack/resident.py)
up to the bot's request to confirm, and wait there. Then the confirmations are sent on a fixed
schedule, ``rate`` per second, whatever the answers' speed (an open loop: a slow system cannot
slow the arrivals down); each is timed from sending "对的" to the ``notice`` frame on that
socket. The path: dialog → outbox → Kafka → eligibility (rules, review check) → Kafka →
notifier (notice, inbox in Redis) → Redis pub/sub → the intake replica holding the socket.

Baseline: the floor under any such path — a record produced at the same rate through two
aiokafka pass-through hops (the same client settings), timed from produce to its arrival at the
end of the second hop.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import date

import aiohttp

from bench.harness import (
    Bench,
    Result,
    passthrough_hops,
    progress,
    running,
    summary_ms,
)
from devstack.generate import id_number
from services.common.kafka import make_producer
from tests.support.kafka import topic_reader
from tests.support.resident import SocketResident

PREPARING_AT_ONCE = 100


@dataclass
class Schedule:
    """Residents report at the summary; once all have, the confirmations start, ``rate`` a
    second, each at its own slot."""

    count: int
    rate: int
    at_summary: int = 0
    everyone_ready: asyncio.Event = field(default_factory=asyncio.Event)
    start: float = 0.0

    async def slot(self, n: int) -> None:
        self.at_summary += 1
        if self.at_summary == self.count:
            self.start = time.monotonic() + 1
            self.everyone_ready.set()
        await self.everyone_ready.wait()
        await asyncio.sleep(max(0.0, self.start + n / self.rate - time.monotonic()))


async def _resident(
    http: aiohttp.ClientSession, url: str, n: int, chatting: asyncio.Semaphore,
    schedule: Schedule,
) -> float:  # fmt: skip
    """One resident: chats up to the summary (PREPARING_AT_ONCE chat at a time), waits for her
    slot, confirms; the seconds from her "对的" to the decision shown on her socket."""
    born = date(1940 + n % 45, 1 + n % 12, 1 + n % 28)
    own_id = id_number(born, sequence=f"{n % 1000:03d}")
    her = SocketResident(http, url, timeout=120, differently=((r"身份证", own_id),))
    confirmed_at = 0.0

    async def at_summary() -> None:
        nonlocal confirmed_at
        chatting.release()
        await schedule.slot(n)
        confirmed_at = time.time()

    await chatting.acquire()
    try:
        await her.connect()
        await her.apply(before_confirming=at_summary)
        await her.wait_for_notice(timeout=120)
    finally:
        await her.close()
    return her.shown_at[0] - confirmed_at


async def _suite(bench: Bench, rate: int, seconds: int) -> dict[str, float]:
    topics = await bench.topics("confirm")
    intake = bench.service("services.intake_bot", topics, "intake_bot",
                           YUZHU_INTAKE_CONNECTS_PER_MINUTE="1000000")  # fmt: skip
    eligibility = bench.service("services.eligibility", topics, "eligibility")
    notifier = bench.service("services.notifier", topics, "notifier")
    count = rate * seconds
    schedule = Schedule(count, rate)
    with running(intake, eligibility, notifier):
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
            progress(f"confirm: {count:,} residents chat up to the confirmation")
            chatting = asyncio.Semaphore(PREPARING_AT_ONCE)
            residents = asyncio.gather(
                *(_resident(http, intake.url, n, chatting, schedule) for n in range(count))
            )
            await asyncio.wait([residents, asyncio.ensure_future(schedule.everyone_ready.wait())],
                               return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
            progress(f"confirm: {rate} confirmations a second for {seconds} s")
            waits = await residents
    return summary_ms(list(waits))


async def _baseline(bench: Bench, rate: int, seconds: int) -> dict[str, float]:
    topics = await bench.topics("confirm-base")
    hops = passthrough_hops(bench, topics)
    count = rate * seconds
    bootstrap = bench.cfg.kafka_bootstrap
    with running(*hops):
        await asyncio.sleep(3)  # the hops' groups settle
        progress(f"confirm baseline: {count:,} records at {rate}/s through two hops")
        sent: dict[bytes, float] = {}
        arrived: dict[bytes, float] = {}

        async def read() -> None:
            async with topic_reader(bootstrap, topics.receipts) as consumer:
                while len(arrived) < count:
                    batch = await consumer.getmany(timeout_ms=100)
                    now = time.monotonic()
                    for records in batch.values():
                        for r in records:
                            arrived.setdefault(r.value or b"", now)

        reader = asyncio.create_task(read())
        producer = make_producer(bootstrap, client_id="bench-confirm")
        await producer.start()
        try:
            start = time.monotonic() + 1
            for i in range(count):
                await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
                value = f"record-{i}".encode()
                sent[value] = time.monotonic()
                await producer.send(topics.applications, value, key=value)
            await producer.flush()
            await asyncio.wait_for(reader, timeout=120)
        finally:
            await producer.stop()
    return summary_ms([arrived[v] - t for v, t in sent.items()])


async def run(bench: Bench, rate: int, seconds: int) -> list[Result]:
    suite = await _suite(bench, rate, seconds)
    progress(f"  suite: p50 {suite['p50_ms']} ms, p99 {suite['p99_ms']} ms")
    base = await _baseline(bench, rate, seconds)
    progress(f"  baseline: p50 {base['p50_ms']} ms, p99 {base['p99_ms']} ms")
    case = f"{rate}/s for {seconds} s"
    return [
        Result(bench="confirm", case=case, measure="p50 ms", suite=suite["p50_ms"],
               baseline=base["p50_ms"], baseline_name="2 aiokafka hops", target="-",
               met=None, details={"suite": suite, "baseline": base}),
        Result(bench="confirm", case=case, measure="p99 ms", suite=suite["p99_ms"],
               baseline=base["p99_ms"], baseline_name="2 aiokafka hops", target="< 500 ms",
               met=suite["p99_ms"] < 500),
    ]  # fmt: skip
