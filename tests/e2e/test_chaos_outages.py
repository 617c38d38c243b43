"""Chaos, part 2: the broker and Redis taken away while residents chat over the 掌上办 socket.

Residents are scripted (``tests/support/resident.py``: the 72-year-old of ``devstack/resident.py``,
each with her own ID number and phone, so her application can be found on the topic). They chat
concurrently with the real services, as processes.

* **Broker stopped and restarted.** The suite runs on a broker of this test's own. Half the
  residents apply before the stop; a quarter are held at the summary and confirm once the broker
  is gone; the last quarter start and finish their whole conversation while it is gone. The
  outbox (Redis) must absorb every application confirmed during the outage — each resident still
  gets her reference number — and publish it once the broker is back: every application is on
  the applications topic exactly once, decided once, and each resident is shown her decision once.
* **Redis restarted, with its append-only file.** Residents mid-dialog, some already decided,
  some just submitted. Who talks during the outage is answered ``busy`` with the catalogue's
  kind text; afterwards every dialog goes on where it was, on a reconnected or on a still-open
  socket, and every application is decided once with its notice in the resident's inbox.
* **Redis back without its data** (an emptyDir): a resident returning with a token whose session
  is gone is told plainly that the conversation was lost, and starts again; applications already
  submitted are on the topic, decided once, and not decided again.

Sizes come from :func:`~tests.support.chaos.scale` (``make chaos`` is large) and what was measured
is recorded with :func:`~tests.support.chaos.report`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from redis.asyncio import Redis

from devstack import kafka as broker
from devstack import redis as redis_server
from devstack.config import ROOT, StackConfig
from devstack.process import port_open
from services.common.events import decode
from services.common.kafka import ensure_topics
from services.common.topics import Topics
from services.intake_bot.domain import messages as text
from services.intake_bot.domain.reference import reference_number
from tests.support.applications import id_number
from tests.support.chaos import report, scale
from tests.support.kafka import Records, eventually, topic_reader
from tests.support.resident import SocketClosed, SocketResident
from tests.support.services import Suite, free_port, running_suite

pytestmark = [pytest.mark.e2e, pytest.mark.chaos]

RESIDENTS = scale(8, 60)
# The broker stays away at least this long (and until everyone held at the summary confirmed).
BROKER_OUTAGE_SECONDS = scale(10, 30)
REDIS_RESIDENTS = scale(8, 40)
REDIS_OUTAGE_SECONDS = scale(5, 20)
LOST_RESIDENTS = scale(6, 30)
THINK = 0.2  # seconds between reading the bot's question and answering it
LIVE_GRACE = 3.0  # seconds a live push may take after the notice is in the inbox
# 503s from the inbox API (Redis just back: a pooled connection it had closed), per intake bot.
UNAVAILABLE: Counter[str] = Counter()
# Visits a resident had to make again because an acknowledgement was lost, per intake bot.
ACK_VISITS: Counter[str] = Counter()
PATIENCE = scale(120, 600)  # for recoveries: the machine is shared and busy
NOTIFY_WITHIN = scale(60, 180)  # from "decided" to the notice in the inbox, generously
# Every resident connects from 127.0.0.1: the per-address limit is for the real world.
SUITE_ENV = {"YUZHU_INTAKE_CONNECTS_PER_MINUTE": "100000"}


def own_answers(i: int) -> tuple[tuple[str, str], ...]:
    """Resident ``i``'s own ID number and phone (asked as such; the summary only quotes them)."""
    birth = date(1950, 1, 1) + timedelta(days=53 * i)
    return ((r"身份证号码", id_number(birth)), (r"手机号码", f"139{i:08d}"))


def id_of(her: SocketResident) -> str:
    return dict(her.differently)[r"身份证号码"]


def residents(http: aiohttp.ClientSession, url: str, count: int) -> list[SocketResident]:
    return [SocketResident(http, url, differently=own_answers(i), timeout=60) for i in range(count)]


async def read_all(bootstrap: str, topic: str) -> Records:
    """Every record of ``topic`` up to its end offsets now (none missed, so repeats are seen)."""
    async with topic_reader(bootstrap, topic) as consumer:
        tps = list(consumer.assignment())
        ends = await consumer.end_offsets(tps)
        records: Records = []
        deadline = time.monotonic() + 60
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            assert time.monotonic() < deadline, f"{topic}: could not read to its end"
            for batch in (await consumer.getmany(timeout_ms=200)).values():
                records.extend(batch)
        return records


async def applications_of(
    bootstrap: str, topics: Topics, people: list[SocketResident]
) -> dict[str, list[dict[str, Any]]]:
    """Each resident's applications on the topic (by her ID number): one dict per record."""
    theirs: dict[str, list[dict[str, Any]]] = {id_of(her): [] for her in people}
    for record in await read_all(bootstrap, topics.applications):
        data = decode(record.value).data
        applicant = data["applicant"]["id_number"]
        if applicant in theirs:
            theirs[applicant].append(data)
    return theirs


async def decided(bootstrap: str, topics: Topics) -> Counter[str]:
    """Determination records per application id."""
    return Counter(decode(r.value).subject for r in await read_all(bootstrap, topics.decisions))


async def decided_once(bootstrap: str, topics: Topics, ids: set[str]) -> int:
    """Asserts each of ``ids`` was decided once: one determination (one event id, one content),
    however often its record was published. Returns how many records were repeats.

    A repeat is by design: eligibility publishes, then records the application as decided in
    Redis; when Redis is away in between, the record is retried after it returns and the same
    determination is published again, with the same id, which the notifier delivers once."""
    seen: dict[str, set[tuple[str, str]]] = {}
    records = 0
    for record in await read_all(bootstrap, topics.decisions):
        event = decode(record.value)
        if event.subject in ids:
            records += 1
            data = json.dumps(event.data, sort_keys=True)
            seen.setdefault(str(event.subject), set()).add((event.id, data))
    assert set(seen) == ids
    assert all(len(determinations) == 1 for determinations in seen.values()), {
        a: len(d) for a, d in seen.items() if len(d) != 1
    }
    return records - len(ids)


async def decided_at(bootstrap: str, topics: Topics, ids: set[str]) -> float:
    """When the last of ``ids`` was decided (the broker's timestamp, seconds since the epoch)."""
    stamps = [
        float(r.timestamp) / 1000
        for r in await read_all(bootstrap, topics.decisions)
        if decode(r.value).subject in ids
    ]
    return max(stamps)


async def all_decided(bootstrap: str, topics: Topics, ids: set[str], timeout: float) -> None:
    async def probe() -> bool:
        return ids <= set(await decided(bootstrap, topics))

    await eventually(probe, timeout=timeout, interval=0.5)


def matches(her: SocketResident, application: dict[str, Any]) -> bool:
    """Whether the reference she was given is the one of ``application``."""
    app_id = str(application["application_id"])
    submitted = datetime.fromisoformat(str(application["submitted_at"]))
    return reference_number(app_id, submitted) in her.references


async def shown_once(her: SocketResident, application_id: str, *, timeout: float) -> str:
    """Her decision is shown to her exactly once: live on her open socket, or (when it was not
    pushed) replayed when the page reconnects; it is the one notice in her inbox, and once she
    acknowledged it a later visit does not bring it again. Returns how it reached her."""

    async def inbox() -> list[dict[str, Any]]:
        status, notices = await her.inbox()
        if status == 503:  # "retry shortly": a client does, after its Retry-After
            UNAVAILABLE[her.url] += 1
            await asyncio.sleep(1.0)
            return []
        assert status == 200, status
        return notices

    try:
        await eventually(inbox, timeout=timeout, interval=0.5)  # the notifier has stored it
    except AssertionError:
        raise AssertionError(
            f"application {application_id} is decided but no notice reached her inbox within "
            f"{timeout:.0f}s: see the notifier's log"
        ) from None
    if her.connected:
        await her.listen(LIVE_GRACE)  # a live push follows the storing at once
    how = "live" if her.notices else "replayed"
    if not her.notices:
        await her.connect()  # the page reconnects: unacknowledged notices are replayed
        await her.listen(2.0)
    await her.listen(1.0)  # a repeat, if one were coming
    assert [n["application_id"] for n in her.notices] == [application_id], her.notices
    (only,) = await inbox()
    assert only["notice_id"] == her.notices[0]["notice_id"]
    # Her acknowledgement is kept. If it did not get through (Redis just back: the server
    # answered "busy" and closed the socket), the page's next visit replays it and acks again.
    for visit in range(5):
        if [n["acknowledged"] for n in await inbox()] == [True]:
            break
        ACK_VISITS[her.url] += 1
        await her.connect()
        await her.listen(2.0 * (visit + 1))
    else:
        raise AssertionError(f"her acknowledgement of {only['notice_id']} is never kept")
    # A later visit does not bring it again.
    await her.connect()
    assert not [f for f in await her.listen(1.0) if f["type"] == "notice"]
    return how


async def forget_namespace(redis: Redis, namespace: str) -> None:
    keys = [k async for k in redis.scan_iter(match=f"{namespace}:*", count=1000)]
    for start in range(0, len(keys), 500):
        await redis.delete(*keys[start : start + 500])


def how_they_were_told(
    suite: Suite, people: list[SocketResident], how: list[str]
) -> dict[str, Any]:
    """The figures every Redis test reports about how residents learnt their decisions."""
    return {
        "told_live": how.count("live"),
        "told_on_reconnect": how.count("replayed"),
        "inbox_503s_after": UNAVAILABLE[suite.intake.url],
        "acks_lost": ACK_VISITS[suite.intake.url],
        "notice_frames_replayed": sum(h.notice_frames - len(h.notices) for h in people),
        "intake_healthz_after": probe(suite, "/healthz"),
    }


def probe(suite: Suite, path: str) -> int:
    """The intake bot's answer to ``/readyz`` or ``/healthz``."""
    try:
        with urllib.request.urlopen(suite.intake.url + path, timeout=5) as resp:  # noqa: S310
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


async def run_all(*coroutines: Awaitable[Any], timeout: float) -> list[Any]:
    return list(await asyncio.wait_for(asyncio.gather(*coroutines), timeout))


@contextlib.asynccontextmanager
async def reporting(test: str, **known: Any) -> AsyncIterator[dict[str, Any]]:
    """Figures filled in as they are measured, reported at the end even when an assertion
    failed on the way (``completed`` says which)."""
    figures: dict[str, Any] = dict(known)
    completed = False
    try:
        yield figures
        completed = True
    finally:
        report(test, **figures, completed=completed)


# -- the broker ---------------------------------------------------------------------------------


@pytest.fixture
def own_broker(stack: StackConfig) -> Iterator[StackConfig]:
    """A broker of this test's own, on free ports, to stop and start at will; the shared Redis."""
    cfg = StackConfig(
        kafka_port=free_port(), controller_port=free_port(),
        var_dir=ROOT / "var" / f"test-chaos-broker-{uuid.uuid4().hex[:8]}",
        external_kafka=None, external_redis=stack.redis_url,
    )  # fmt: skip
    try:
        broker.start(cfg)
        yield cfg
    finally:
        broker.stop(cfg)
        shutil.rmtree(cfg.var_dir, ignore_errors=True)


@pytest.fixture
async def broker_suite(own_broker: StackConfig, redis: Redis) -> AsyncIterator[Suite]:
    topics = Topics(f"c{uuid.uuid4().hex[:10]}")
    await ensure_topics(own_broker.kafka_bootstrap, topics.specs())
    try:
        with running_suite(own_broker, topics, **SUITE_ENV) as suite:
            yield suite
    finally:
        await forget_namespace(redis, topics.namespace)


async def test_residents_who_confirm_while_the_broker_is_down_get_their_number_and_are_decided_once(
    own_broker: StackConfig, broker_suite: Suite, redis: Redis
) -> None:
    suite, bootstrap = broker_suite, own_broker.kafka_bootstrap
    outbox = f"{suite.topics.namespace}:outbox:entries"
    before = RESIDENTS // 2  # apply before the stop
    held = (RESIDENTS - before) // 2  # wait at the summary, confirm during the outage
    during = range(before, RESIDENTS)  # confirm (the late ones: their whole dialog) during it
    outage, all_held = asyncio.Event(), asyncio.Event()
    holding: set[int] = set()

    def hold(i: int) -> Callable[[], Awaitable[None]]:
        async def at_the_summary() -> None:
            holding.add(i)
            if len(holding) == held:
                all_held.set()
            await outage.wait()

        return at_the_summary

    async with (
        reporting("broker_outage", residents=RESIDENTS) as figures,
        aiohttp.ClientSession() as http,
    ):
        people = residents(http, suite.intake.url, RESIDENTS)

        async def chat(i: int) -> str:
            her = people[i]
            if i >= before + held:
                await outage.wait()
            await her.connect()
            if before <= i < before + held:
                return await her.apply(think=THINK, before_confirming=hold(i))
            return await her.apply(think=THINK)

        chats = [asyncio.create_task(chat(i)) for i in range(RESIDENTS)]
        await run_all(*chats[:before], timeout=PATIENCE)
        if held:
            await asyncio.wait_for(all_held.wait(), PATIENCE)

        # Mid-way: half have their numbers, a quarter are reading the summary.
        await asyncio.to_thread(broker.stop, own_broker)
        down = time.monotonic()
        outage.set()
        await run_all(*chats[before:], timeout=PATIENCE)
        assert all(people[i].reference for i in range(RESIDENTS))
        figures["submitted_during_outage"] = len(during)
        figures["slowest_confirmation_during_outage_seconds"] = round(
            max(s for i in during for said, s in people[i].answered_in if said == "对的"), 2
        )
        # Every application confirmed during the outage waits in the outbox, none was lost.
        assert await redis.hlen(outbox) == len(during)

        await asyncio.sleep(max(0.0, down + BROKER_OUTAGE_SECONDS - time.monotonic()))
        restarting = time.monotonic()
        starting = asyncio.create_task(asyncio.to_thread(broker.start, own_broker))
        # Back: the broker listens again (start() itself returns a little later, once its own
        # probe has had an answer; the suite does not wait for that).
        await eventually(lambda: port_open(own_broker.kafka_port), timeout=PATIENCE, interval=0.05)
        back, back_wall = time.monotonic(), time.time()
        figures["outage_seconds"] = round(back - down, 1)
        figures["of_which_broker_starting_seconds"] = round(back - restarting, 1)

        async def outbox_empty() -> bool:
            return await redis.hlen(outbox) == 0

        await eventually(outbox_empty, timeout=PATIENCE, interval=0.1)
        figures["outbox_empty_after_broker_back_seconds"] = round(time.monotonic() - back, 1)
        await starting

        # Every application on the topic exactly once, and it is the one she was given.
        theirs = await applications_of(bootstrap, suite.topics, people)
        assert all(len(apps) == 1 for apps in theirs.values()), {
            k: len(v) for k, v in theirs.items() if len(v) != 1
        }
        app_of = {id_of(her): str(theirs[id_of(her)][0]["application_id"]) for her in people}
        assert all(matches(her, theirs[id_of(her)][0]) for her in people)
        ids = set(app_of.values())
        assert len(await read_all(bootstrap, suite.topics.applications)) == RESIDENTS

        # Decided, once each.
        await all_decided(bootstrap, suite.topics, ids, timeout=PATIENCE)
        outage_ids = {app_of[id_of(people[i])] for i in during}
        last_decided = await decided_at(bootstrap, suite.topics, outage_ids)
        figures["all_decided_after_broker_back_seconds"] = round(last_decided - back_wall, 1)
        figures["decision_records_repeated"] = await decided_once(bootstrap, suite.topics, ids)

        # Each resident is shown her decision once, live on her socket or from the inbox.
        try:
            how = await run_all(
                *(shown_once(her, app_of[id_of(her)], timeout=NOTIFY_WITHIN) for her in people),
                timeout=PATIENCE * 2,
            )
        finally:
            figures["told_by_then"] = sum(bool(her.notices) for her in people)
        told = max(people[i].shown_at[0] for i in during)
        figures["all_told_after_broker_back_seconds"] = round(told - back_wall, 1)
        figures["told_live"] = how.count("live")
        figures["told_on_reconnect"] = how.count("replayed")
        figures["inbox_503s_after"] = UNAVAILABLE[suite.intake.url]
        figures["acks_lost"] = ACK_VISITS[suite.intake.url]
        figures["notice_frames_replayed"] = sum(h.notice_frames - len(h.notices) for h in people)
        for her in people:
            await her.close()


# -- Redis --------------------------------------------------------------------------------------


@pytest.fixture
def own_redis(stack: StackConfig) -> Iterator[StackConfig]:
    """A redis-server of this test's own (append-only file on), on a free port; the shared
    broker."""
    cfg = StackConfig(
        redis_port=free_port(), var_dir=ROOT / "var" / f"test-chaos-redis-{uuid.uuid4().hex[:8]}",
        external_kafka=stack.kafka_bootstrap, external_redis=None,
    )  # fmt: skip
    try:
        redis_server.start(cfg)
        yield cfg
    finally:
        redis_server.stop(cfg)
        shutil.rmtree(cfg.var_dir, ignore_errors=True)


@pytest.fixture
def redis_suite(own_redis: StackConfig, topics: Topics) -> Iterator[Suite]:
    with running_suite(own_redis, topics, **SUITE_ENV) as suite:
        yield suite


async def reconnect(her: SocketResident, timeout: float) -> tuple[list[dict[str, Any]], int]:
    """Reconnect as the page does, with backoff, until welcomed: the frames and the attempts."""
    deadline, attempts, pause = time.monotonic() + timeout, 0, 0.2
    while True:
        attempts += 1
        try:
            frames = await her.connect()
            if frames[0]["type"] == "welcome":
                return frames, attempts
        except (aiohttp.ClientError, SocketClosed, TimeoutError):
            pass
        assert time.monotonic() < deadline, f"not welcomed back after {attempts} attempts"
        await asyncio.sleep(pause)
        pause = min(2.0, pause * 2)


async def test_after_a_redis_restart_dialogs_resume_where_they_were_and_no_application_is_lost(
    own_redis: StackConfig, redis_suite: Suite, kafka_bootstrap: str
) -> None:
    suite, n = redis_suite, REDIS_RESIDENTS
    groups = [range(k * n // 4, (k + 1) * n // 4) for k in range(4)]
    decided_first, just_submitted, talking, idle = groups
    async with (
        reporting("redis_restart", residents=n, talked_during_outage=len(talking)) as figures,
        aiohttp.ClientSession() as http,
    ):
        people = residents(http, suite.intake.url, n)

        async def apply(i: int, *, wait_for_notice: bool) -> None:
            await people[i].connect()
            await people[i].apply(think=THINK)
            if wait_for_notice:
                await people[i].wait_for_notice(timeout=PATIENCE)

        async def halfway(i: int) -> None:
            await people[i].connect()
            await people[i].answer_questions(1 + i % 3, think=THINK)

        await run_all(*(apply(i, wait_for_notice=True) for i in decided_first), timeout=PATIENCE)
        await run_all(
            *(apply(i, wait_for_notice=False) for i in just_submitted),
            *(halfway(i) for i in (*talking, *idle)),
            timeout=PATIENCE,
        )
        asked_before = {i: people[i].asked for i in (*talking, *idle)}
        said_before = {i: list(people[i].said) for i in talking}

        await asyncio.to_thread(redis_server.stop, own_redis)
        down = time.monotonic()

        # Whoever talks now is told, kindly, to try again in a moment; the page's reconnects too.
        async def talk_during_the_outage(i: int) -> tuple[list[dict[str, Any]], float]:
            her = people[i]
            frames = await her.say(her.next_answer())
            await her.listen(5.0)  # the server closes the socket after saying so
            assert not her.connected
            again = await her.connect()
            return [*frames, *again], her.answered_in[-1][1]

        answers = await run_all(*(talk_during_the_outage(i) for i in talking), timeout=PATIENCE)
        busy = {"type": "error", "code": "busy", "text": text.BUSY}
        assert all(frames == [busy, busy] for frames, _ in answers), answers
        figures["slowest_busy_answer_seconds"] = round(max(s for _, s in answers), 2)
        figures["intake_readyz_during_outage"] = probe(suite, "/readyz")

        await asyncio.sleep(max(0.0, down + REDIS_OUTAGE_SECONDS - time.monotonic()))
        await asyncio.to_thread(redis_server.start, own_redis)
        up = time.monotonic()
        figures["outage_seconds"] = round(up - down, 1)

        # The dialog goes on where it was: after a reconnect, and on a socket left open.
        welcomed = await run_all(*(reconnect(people[i], PATIENCE) for i in talking),
                                 timeout=PATIENCE)  # fmt: skip
        figures["dialogs_resumed_after_redis_back_seconds"] = round(time.monotonic() - up, 1)
        figures["reconnect_attempts_max"] = max(a for _, a in welcomed)
        for i, (frames, _) in zip(talking, welcomed, strict=True):
            assert frames[0]["resumed"] is True
            assert people[i].asked == asked_before[i]
            said = [t["text"] for t in frames[0]["history"] if t["from"] == "resident"]
            assert said == said_before[i]  # what she said during the outage was not kept
        for i in idle:
            frames = await people[i].say(people[i].next_answer())
            assert text.SESSION_LOST not in [f.get("text") for f in frames]
            assert people[i].asked != asked_before[i]  # answered: the next question
        await run_all(*(people[i].apply(think=THINK) for i in (*talking, *idle)),
                      timeout=PATIENCE)  # fmt: skip

        # Every application once on the topic, decided once, the notice in her inbox.
        theirs = await applications_of(kafka_bootstrap, suite.topics, people)
        assert all(len(apps) == 1 for apps in theirs.values())
        assert all(matches(her, theirs[id_of(her)][0]) for her in people)
        app_of = {id_of(her): str(theirs[id_of(her)][0]["application_id"]) for her in people}
        await all_decided(kafka_bootstrap, suite.topics, set(app_of.values()), timeout=PATIENCE)
        figures["decision_records_repeated"] = await decided_once(
            kafka_bootstrap, suite.topics, set(app_of.values())
        )
        how = await run_all(
            *(shown_once(her, app_of[id_of(her)], timeout=NOTIFY_WITHIN) for her in people),
            timeout=PATIENCE * 2,
        )
        figures.update(how_they_were_told(suite, people, how))
        # The live subscription came back by itself: the replica is healthy, nobody restarts it.
        assert figures["intake_healthz_after"] == 200
        for her in people:
            await her.close()


async def test_a_resident_whose_session_redis_lost_is_told_plainly_to_start_again(
    own_redis: StackConfig, redis_suite: Suite, kafka_bootstrap: str
) -> None:
    suite, n = redis_suite, LOST_RESIDENTS
    groups = [range(k * n // 3, (k + 1) * n // 3) for k in range(3)]
    submitted, left_the_page, page_open = groups
    async with (
        reporting("redis_lost_its_data", residents=n, submitted_before=len(submitted)) as figures,
        aiohttp.ClientSession() as http,
    ):
        people = residents(http, suite.intake.url, n)

        async def apply(i: int) -> None:
            await people[i].connect()
            await people[i].apply(think=THINK)
            await people[i].wait_for_notice(timeout=PATIENCE)
            await people[i].close()

        async def halfway(i: int) -> None:
            await people[i].connect()
            await people[i].answer_questions(1 + i % 3, think=THINK)
            if i in left_the_page:
                await people[i].close()

        await run_all(*(apply(i) for i in submitted), *(halfway(i) for i in (*left_the_page,
                                                                             *page_open)),
                      timeout=PATIENCE)  # fmt: skip
        before = await applications_of(kafka_bootstrap, suite.topics, people)
        first_apps = {str(before[id_of(people[i])][0]["application_id"]) for i in submitted}
        assert all(len(before[id_of(people[i])]) == (1 if i in submitted else 0) for i in range(n))
        tokens = {i: people[i].session for i in range(n)}

        # Redis comes back empty, as a pod with an emptyDir would.
        await asyncio.to_thread(redis_server.stop, own_redis)
        shutil.rmtree(own_redis.redis_dir)
        await asyncio.to_thread(redis_server.start, own_redis)
        up = time.monotonic()

        # Returning with the token she kept: told plainly, then the usual first question.
        welcomed = await run_all(*(reconnect(people[i], PATIENCE) for i in (*submitted,
                                                                            *left_the_page)),
                                 timeout=PATIENCE)  # fmt: skip
        figures["welcomed_after_redis_back_seconds"] = round(time.monotonic() - up, 1)
        newcomer = SocketResident(http, suite.intake.url)
        greeting = (await newcomer.connect())[1:]
        await newcomer.close()
        for i, (frames, _) in zip((*submitted, *left_the_page), welcomed, strict=True):
            welcome, *replies = frames
            assert welcome["resumed"] is False
            assert welcome["session"] != tokens[i]
            assert [r["text"] for r in replies] == [text.SESSION_LOST] + [
                r["text"] for r in greeting
            ]
        # Talking on a page that stayed open: the same, in answer to what she says.
        for i in page_open:
            frames = await people[i].say(people[i].next_answer())
            assert [f["text"] for f in frames] == [text.SESSION_LOST] + [
                r["text"] for r in greeting
            ]
        figures["told_session_lost"] = n
        # And she starts again: her application goes in and is decided.
        await run_all(*(people[i].apply(think=THINK) for i in (*left_the_page, *page_open)),
                      timeout=PATIENCE)  # fmt: skip

        after = await applications_of(kafka_bootstrap, suite.topics, people)
        assert all(len(apps) == 1 for apps in after.values())
        new_apps = {
            str(after[id_of(people[i])][0]["application_id"]) for i in (*left_the_page, *page_open)
        }
        assert all(matches(people[i], after[id_of(people[i])][0]) for i in range(n))
        await all_decided(kafka_bootstrap, suite.topics, new_apps, timeout=PATIENCE)
        # What was submitted before is untouched: there, and decided once, not again.
        per_application = await decided(kafka_bootstrap, suite.topics)
        figures["decided_again"] = sum(per_application[a] - 1 for a in first_apps)
        assert {per_application[a] for a in first_apps} == {1}
        figures["decision_records_repeated"] = await decided_once(
            kafka_bootstrap, suite.topics, new_apps
        )
        how = await run_all(
            *(
                shown_once(people[i], str(after[id_of(people[i])][0]["application_id"]),
                           timeout=NOTIFY_WITHIN)
                for i in (*left_the_page, *page_open)
            ),
            timeout=PATIENCE * 2,
        )  # fmt: skip
        figures.update(how_they_were_told(suite, people, how))
        # The live subscription came back by itself: the replica is healthy, nobody restarts it.
        assert figures["intake_healthz_after"] == 200
        for her in people:
            await her.close()
