"""The intake HTTP API with in-memory fakes (no broker, no Redis)."""

from __future__ import annotations

import yaml

from services.common.events import stable_id
from tests.support.applications import application
from tests.unit.intake_bot.conftest import SETTINGS, App


async def test_a_valid_application_is_published_keyed_by_its_id_and_gets_a_reference(
    intake: App,
) -> None:
    payload = application(submitted_at="2026-11-27T17:30:00Z")  # already the 28th in Chongqing
    resp = await intake.client.post("/api/v1/applications", json=payload)
    body = await resp.json()
    assert resp.status == 202
    assert body["status"] == "accepted"
    assert (
        body["reference"] == "YZ20261128-" + payload["application_id"].replace("-", "")[:6].upper()
    )
    ((topic, key, event),) = intake.broker.sent
    assert topic == "ns.applications"
    assert key == payload["application_id"]  # never the ID number
    assert event.id == stable_id(payload["application_id"], "submitted")
    assert event.data == payload


async def test_a_broker_outage_still_accepts_the_application_into_the_outbox(intake: App) -> None:
    intake.broker.down = True
    resp = await intake.client.post("/api/v1/applications", json=application())
    assert resp.status == 202
    assert await intake.adapters.outbox.pending() == 1


async def test_an_invalid_application_gets_422_with_a_code_and_the_failing_path(
    intake: App,
) -> None:
    payload = application()
    payload["household"]["members"] = 0
    resp = await intake.client.post("/api/v1/applications", json=payload)
    body = await resp.json()
    assert resp.status == 422
    assert body["error"]["code"] == "schema_violation"
    assert body["error"]["path"] == "/household/members"
    assert intake.broker.sent == []


async def test_a_body_that_is_not_json_gets_400_invalid_json(intake: App) -> None:
    resp = await intake.client.post("/api/v1/applications", data=b"\xff not json")
    assert resp.status == 400
    assert (await resp.json())["error"]["code"] == "invalid_json"


async def test_an_oversized_body_gets_413_with_a_code(intake: App) -> None:
    resp = await intake.client.post(
        "/api/v1/applications", data=b"x" * (SETTINGS.max_body_bytes + 1)
    )
    assert resp.status == 413
    assert (await resp.json())["error"]["code"] == "payload_too_large"


async def test_probes_answer_without_servers(intake: App) -> None:
    assert (await intake.client.get("/healthz")).status == 200
    assert (await intake.client.get("/readyz")).status == 200
    metrics = await intake.client.get("/metrics")
    assert "yuzhu_intake" in await metrics.text() or "python_info" in await metrics.text()


async def test_the_openapi_document_and_the_schemas_it_refers_to_are_served(intake: App) -> None:
    doc = yaml.safe_load(await (await intake.client.get("/openapi.yaml")).text())
    assert doc["openapi"].startswith("3.1")
    assert {"/api/v1/applications", "/api/v1/webhook"} <= set(doc["paths"])
    ref = doc["paths"]["/api/v1/applications"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    schema = await intake.client.get("/" + ref)
    assert schema.status == 200
    assert (await schema.json())["$id"] == "application.submitted.v1.json"


async def test_the_chat_page_is_served_for_phones(intake: App) -> None:
    page = await (await intake.client.get("/")).text()
    assert 'name="viewport"' in page
    assert "渝助" in page
    assert (await intake.client.get("/static/chat.js")).status == 200
