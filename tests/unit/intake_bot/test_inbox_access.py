"""A resident reads only their own notices: the session token opens their inbox, nobody else's."""

from __future__ import annotations

from typing import Any

from services.intake_bot.adapters.notices import MemoryNoticeReader
from services.intake_bot.adapters.sessions import SessionRecord
from tests.unit.intake_bot.conftest import App


def notice(application_id: str, notice_id: str) -> dict[str, Any]:
    return {"notice_id": notice_id, "issued_at": "2026-11-28T10:00:00Z",
            "application_id": application_id, "stage": "preliminary", "status": "eligible",
            "title": "您的申请有初步结果了", "lines": ["低保，每月562元。"]}  # fmt: skip


async def two_residents(intake: App) -> None:
    notices = intake.notices
    assert isinstance(notices, MemoryNoticeReader)
    for token, app_id, notice_id in (("token-a", "app-a", "n-a"), ("token-b", "app-b", "n-b")):
        record = SessionRecord(dialog={"v": 1})
        record.applications.append({"application_id": app_id, "reference": "YZ"})
        await intake.adapters.sessions.save(token, record)
        notices.stored[app_id] = [notice(app_id, notice_id)]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_a_resident_reads_their_own_notices_and_no_one_elses(intake: App) -> None:
    await two_residents(intake)
    resp = await intake.client.get("/api/v1/inbox", headers=bearer("token-a"))
    assert resp.status == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert [n["notice_id"] for n in (await resp.json())["notices"]] == ["n-a"]


async def test_no_token_or_an_unknown_token_gets_401_with_a_code(intake: App) -> None:
    await two_residents(intake)
    missing = await intake.client.get("/api/v1/inbox")
    assert (missing.status, (await missing.json())["error"]["code"]) == (401, "token_missing")
    unknown = await intake.client.get("/api/v1/inbox", headers=bearer("guessed"))
    assert (unknown.status, (await unknown.json())["error"]["code"]) == (401, "token_invalid")


async def test_acknowledging_someone_elses_notice_looks_like_it_does_not_exist(intake: App) -> None:
    await two_residents(intake)
    theirs = await intake.client.post("/api/v1/inbox/n-b/ack", headers=bearer("token-a"))
    nowhere = await intake.client.post("/api/v1/inbox/n-x/ack", headers=bearer("token-a"))
    assert theirs.status == nowhere.status == 404
    assert (await theirs.json()) == (await nowhere.json())
    inbox_b = await (await intake.client.get("/api/v1/inbox", headers=bearer("token-b"))).json()
    assert inbox_b["notices"][0]["acknowledged"] is False


async def test_an_acknowledged_notice_stays_readable_but_is_not_pushed_again(intake: App) -> None:
    await two_residents(intake)
    assert (
        await intake.client.post("/api/v1/inbox/n-a/ack", headers=bearer("token-a"))
    ).status == 204
    inbox = await (await intake.client.get("/api/v1/inbox", headers=bearer("token-a"))).json()
    assert inbox["notices"][0]["acknowledged"] is True
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": "token-a"})
        frames = []
        while True:
            try:
                frames.append(await ws.receive_json(timeout=0.3))
            except TimeoutError:
                break
    assert frames[0]["type"] == "welcome"
    assert [f for f in frames if f["type"] == "notice"] == []


async def test_an_unacknowledged_notice_is_pushed_again_when_the_page_reconnects(
    intake: App,
) -> None:
    await two_residents(intake)
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": "token-b"})
        frames = []
        while True:
            try:
                frames.append(await ws.receive_json(timeout=0.3))
            except TimeoutError:
                break
        pushed = [f["notice"]["notice_id"] for f in frames if f["type"] == "notice"]
        assert pushed == ["n-b"]
        await ws.send_json({"type": "ack", "notice_id": "n-b"})
        await ws.send_json({"type": "say", "text": "谢谢"})
        await ws.receive_json(timeout=2)  # the ack was handled before this answer
    inbox = await (await intake.client.get("/api/v1/inbox", headers=bearer("token-b"))).json()
    assert inbox["notices"][0]["acknowledged"] is True
