"""SIGTERM, as Kubernetes sends it before removing a pod: a service stops taking work, finishes
what it holds, commits, and leaves — nothing lost, nothing done twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import aiohttp
import pytest

from devstack import StackConfig
from devstack.generate import applications
from devstack.seed import seed
from services.common.events import decode
from services.common.topics import Topics
from tests.support.kafka import eventually, read_topic
from tests.support.services import Suite, running_suite

pytestmark = pytest.mark.e2e

BURST = 400


@pytest.fixture
def suite(stack: StackConfig, topics: Topics) -> Iterator[Suite]:
    with running_suite(stack, topics) as suite:
        yield suite


async def test_an_eligibility_worker_stopped_under_load_loses_nothing_and_repeats_nothing(
    suite: Suite, kafka_bootstrap: str
) -> None:
    burst = applications(BURST, seed=23)
    await seed(kafka_bootstrap, suite.topics.applications, burst)
    worker = suite.eligibility
    await eventually(lambda: worker.metric("yuzhu_eligibility_determinations_total") >= 50)
    assert worker.stop() == 0, worker.tail()  # SIGTERM: a clean exit, not a kill
    done_before = len(await read_topic(kafka_bootstrap, suite.topics.decisions,
                                       until=lambda r: True))  # fmt: skip
    assert done_before < BURST, "the burst finished before the stop: nothing was in flight"

    worker.start()
    worker.wait_healthy()
    decisions = await read_topic(kafka_bootstrap, suite.topics.decisions,
                                 until=lambda r: len(r) >= BURST, timeout=120)  # fmt: skip
    per_application = Counter(decode(r.value).subject for r in decisions)
    assert set(per_application) == {str(a["application_id"]) for a in burst}
    assert max(per_application.values()) == 1
    # Offsets were committed on the way out: the new worker did not see old records again.
    assert worker.metric("yuzhu_eligibility_redelivered_total") == 0


async def test_a_stopping_intake_bot_tells_open_chats_to_reconnect(suite: Suite) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{suite.intake.url}/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        assert (await ws.receive_json(timeout=5))["type"] == "welcome"
        stopping = asyncio.create_task(asyncio.to_thread(suite.intake.stop))
        frames = []
        while True:
            message = await ws.receive(timeout=15)
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            frames.append(message.json())
        assert await stopping == 0
    bye = [f for f in frames if f["type"] == "bye"]
    assert bye
    assert bye[0]["reconnect"] is True


async def test_a_notifier_stopped_under_load_tells_every_resident_once(
    suite: Suite, kafka_bootstrap: str
) -> None:
    burst = applications(BURST, seed=29)
    await seed(kafka_bootstrap, suite.topics.applications, burst)
    notifier = suite.notifier
    await eventually(lambda: notifier.metric("yuzhu_consumer_records_total") >= 100)
    assert notifier.stop() == 0, notifier.tail()
    notifier.start()
    notifier.wait_healthy()
    receipts = await read_topic(kafka_bootstrap, suite.topics.receipts,
                                until=lambda r: len({decode(x.value).data["decision_id"]
                                                     for x in r}) >= BURST,
                                timeout=120)  # fmt: skip
    delivered = Counter(decode(r.value).data["receipt_id"] for r in receipts)
    assert len(delivered) == BURST  # one delivery receipt per decision
    # What the stopped notifier had finished was committed: nothing was delivered again.
    assert sum(delivered.values()) == BURST
