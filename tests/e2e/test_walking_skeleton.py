"""The three services as real processes over the real broker and Redis: an application goes in
at the intake bot and comes out as a notice in the resident's inbox."""

from __future__ import annotations

import json
from collections.abc import Iterator

import aiohttp
import pytest
from redis.asyncio import Redis

from devstack import StackConfig
from schemas import EventType
from services.common.events import decode, encode, new_event, stable_id
from services.common.kafka import make_producer
from services.common.topics import Topics
from services.notifier.adapters.inbox import inbox_key
from tests.support.applications import application
from tests.support.kafka import eventually, header, read_topic
from tests.support.services import Suite, running_suite

pytestmark = pytest.mark.e2e


@pytest.fixture
def suite(stack: StackConfig, topics: Topics) -> Iterator[Suite]:
    with running_suite(stack, topics) as suite:
        yield suite


async def submit(suite: Suite, payload: dict[str, object]) -> dict[str, object]:
    async with aiohttp.ClientSession() as http:
        resp = await http.post(f"{suite.intake.url}/api/v1/applications", json=payload)
        body = await resp.json()
        assert resp.status == 202, body
        return dict(body)


async def test_an_application_flows_through_all_three_services_to_the_residents_inbox(
    suite: Suite, kafka_bootstrap: str, redis: Redis
) -> None:
    payload = application(monthly_income=600.0, members=2, residence="rural")
    receipt = await submit(suite, payload)
    app_id = payload["application_id"]
    assert receipt["application_id"] == app_id
    assert str(receipt["reference"]).startswith("YZ20261128-")

    decisions = await read_topic(
        kafka_bootstrap, suite.topics.decisions, until=lambda r: len(r) >= 1
    )
    determination = decode(decisions[0].value)
    assert decisions[0].key == str(app_id).encode()
    assert determination.data["application_id"] == app_id
    assert determination.data["stage"] == "preliminary"

    notices = await eventually(
        lambda: redis.hgetall(inbox_key(suite.topics.namespace, str(app_id)))
    )
    (notice,) = [json.loads(v) for v in notices.values()]
    assert notice["notice_id"] == determination.id
    assert notice["status"] == determination.data["status"]
    assert notice["lines"], "the resident is told something"

    receipts = await read_topic(kafka_bootstrap, suite.topics.receipts, until=lambda r: len(r) >= 1)
    delivered = decode(receipts[0].value)
    assert delivered.data["decision_id"] == determination.id
    assert delivered.data["status"] == "delivered"
    # The whole chain shares one trace.
    assert delivered.traceparent.split("-")[1] == determination.traceparent.split("-")[1]


async def test_a_resubmitted_application_yields_still_one_determination_across_a_restart(
    suite: Suite, kafka_bootstrap: str
) -> None:
    payload = application()
    await submit(suite, payload)
    await read_topic(kafka_bootstrap, suite.topics.decisions, until=lambda r: len(r) >= 1)

    await submit(suite, payload)  # a client retry: same application id
    await eventually(lambda: suite.eligibility.metric("yuzhu_eligibility_redelivered_total") >= 1)

    # A fresh worker process (new memory, same group) still knows the application is decided.
    suite.eligibility.stop()
    suite.eligibility.start()
    suite.eligibility.wait_healthy()
    await submit(suite, payload)
    await eventually(lambda: suite.eligibility.metric("yuzhu_eligibility_redelivered_total") >= 1)

    decisions = await read_topic(kafka_bootstrap, suite.topics.decisions, until=lambda r: True)
    assert [decode(r.value).subject for r in decisions] == [payload["application_id"]]


async def test_a_malformed_event_is_dead_lettered_and_the_next_valid_one_still_decided(
    suite: Suite, kafka_bootstrap: str
) -> None:
    payload = application()
    key = str(payload["application_id"]).encode()
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    try:
        # Same key, same partition: the malformed record sits right before the valid one.
        await producer.send_and_wait(suite.topics.applications, b'{"specversion": "0.3"}', key=key)
        bad_district = application()
        bad_district["household"]["district"] = "火星区"  # type: ignore[index]
        # Producers validate at the edge; we bypass that to put a schema-invalid event on the topic.
        raw = new_event(EventType.APPLICATION_SUBMITTED, source="/tests", subject="x", data={})
        envelope = raw.envelope() | {
            "data": bad_district,
            "subject": bad_district["application_id"],
        }
        await producer.send_and_wait(
            suite.topics.applications, json.dumps(envelope).encode(), key=key
        )
        app_id = str(payload["application_id"])
        good = new_event(
            EventType.APPLICATION_SUBMITTED, source="/tests", subject=app_id,
            data=payload, event_id=stable_id(app_id, "submitted"),
        )  # fmt: skip
        value, headers = encode(good)
        await producer.send_and_wait(suite.topics.applications, value, key=key, headers=headers)
    finally:
        await producer.stop()

    decisions = await read_topic(
        kafka_bootstrap, suite.topics.decisions, until=lambda r: len(r) >= 1
    )
    assert decode(decisions[0].value).subject == payload["application_id"]
    dead = await read_topic(
        kafka_bootstrap, suite.topics.eligibility_dlq, until=lambda r: len(r) >= 2
    )
    assert [header(r, "dlq.reason") for r in dead] == ["schema_violation", "schema_violation"]
    assert "/household/district" in (header(dead[1], "dlq.detail") or "")
    assert all(header(r, "dlq.consumer") == "eligibility" for r in dead)
    assert dead[0].value == b'{"specversion": "0.3"}'
