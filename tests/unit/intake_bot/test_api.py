"""The intake HTTP API with an in-memory publisher (no broker)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.common.errors import DependencyUnavailable
from services.common.events import Event, stable_id
from services.common.publisher import MemoryPublisher
from services.common.settings import CommonSettings
from services.intake_bot.bootstrap import build_app
from services.intake_bot.config import Settings
from tests.support.applications import application


class DownPublisher:
    async def publish(self, topic: str, key: str, event: Event) -> None:
        raise DependencyUnavailable("broker down")


SETTINGS = Settings(common=CommonSettings(service="intake_bot", topic_namespace="ns"))


async def client_for(publisher: object) -> TestClient:  # type: ignore[type-arg]
    client = TestClient(TestServer(build_app(SETTINGS, publisher=publisher)))  # type: ignore[arg-type]
    await client.start_server()
    return client


@pytest.fixture
async def published() -> AsyncIterator[tuple[TestClient, MemoryPublisher]]:  # type: ignore[type-arg]
    publisher = MemoryPublisher()
    client = await client_for(publisher)
    yield client, publisher
    await client.close()


async def test_a_valid_application_is_published_keyed_by_its_id_and_gets_a_reference(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, publisher = published
    payload = application(submitted_at="2026-11-27T17:30:00Z")  # already the 28th in Chongqing
    resp = await client.post("/api/v1/applications", json=payload)
    body = await resp.json()
    assert resp.status == 202
    assert body["status"] == "accepted"
    assert (
        body["reference"] == "YZ20261128-" + payload["application_id"].replace("-", "")[:6].upper()
    )
    ((topic, key, event),) = publisher.sent
    assert topic == "ns.applications"
    assert key == payload["application_id"]  # never the ID number
    assert event.id == stable_id(payload["application_id"], "submitted")
    assert event.data == payload


async def test_a_retried_application_produces_the_same_event_id(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, publisher = published
    payload = application()
    for _ in range(2):
        assert (await client.post("/api/v1/applications", json=payload)).status == 202
    assert publisher.sent[0][2].id == publisher.sent[1][2].id


async def test_an_invalid_application_gets_422_with_a_code_and_the_failing_path(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, publisher = published
    payload = application()
    payload["household"]["members"] = 0
    resp = await client.post("/api/v1/applications", json=payload)
    body = await resp.json()
    assert resp.status == 422
    assert body["error"]["code"] == "schema_violation"
    assert body["error"]["path"] == "/household/members"
    assert publisher.sent == []


async def test_a_body_that_is_not_json_gets_400_invalid_json(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, _ = published
    resp = await client.post("/api/v1/applications", data=b"\xff not json")
    assert resp.status == 400
    assert (await resp.json())["error"]["code"] == "invalid_json"


async def test_an_oversized_body_gets_413_with_a_code(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, _ = published
    resp = await client.post("/api/v1/applications", data=b"x" * (SETTINGS.max_body_bytes + 1))
    assert resp.status == 413
    assert (await resp.json())["error"]["code"] == "payload_too_large"


async def test_a_broker_outage_gets_503_with_retry_after_not_a_stack_trace() -> None:
    client = await client_for(DownPublisher())
    try:
        resp = await client.post("/api/v1/applications", json=application())
        assert resp.status == 503
        assert resp.headers["Retry-After"] == "5"
        assert (await resp.json())["error"]["code"] == "broker_unavailable"
    finally:
        await client.close()


async def test_probes_answer_without_a_broker(
    published: tuple[TestClient, MemoryPublisher],  # type: ignore[type-arg]
) -> None:
    client, _ = published
    assert (await client.get("/healthz")).status == 200
    assert (await client.get("/readyz")).status == 200
    metrics = await client.get("/metrics")
    assert "python_info" in await metrics.text()
