"""The console's pages with in-memory fakes: sign-in, CSRF, lockout, district isolation (by
URL too), and a claim-and-approve that publishes the final determination."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from schemas import EventType
from services.common.publisher import MemoryPublisher
from services.common.settings import CommonSettings
from services.console.adapters.store import MemoryCaseStore
from services.console.adapters.users import MemoryLoginStore
from services.console.bootstrap import Adapters, build_app
from services.console.config import Settings
from services.console.domain import case_from_review_task

EXAMPLE = Path(__file__).parents[3] / "schemas" / "examples" / "review.requested.v1.json"
SETTINGS = Settings(common=CommonSettings(service="console", topic_namespace="ns"))
PASSWORDS = {"wuxi": "wuxi-dev-pass", "yuzhong": "yuzhong-dev-pass", "super": "super-dev-pass"}


async def no_lag() -> dict[str, int | None]:
    return {"yuzhu-eligibility": 0}


class Console:
    def __init__(self, client: TestClient, store: MemoryCaseStore, broker: MemoryPublisher) -> None:  # type: ignore[type-arg]
        self.client, self.store, self.broker = client, store, broker

    async def csrf(self, path: str) -> str:
        html = await (await self.client.get(path)).text()
        match = re.search(r'name="csrf" value="([^"]+)"', html)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    async def login(self, user_id: str, password: str | None = None) -> int:
        token = await self.csrf("/login")
        resp = await self.client.post("/login", data={
            "user_id": user_id, "password": password or PASSWORDS[user_id], "csrf": token,
        }, allow_redirects=False)  # fmt: skip
        return resp.status

    async def post(self, path: str, form: dict[str, str] | None = None, *, page: str) -> Any:
        data = {"csrf": await self.csrf(page), **(form or {})}
        return await self.client.post(path, data=data, allow_redirects=False)


@pytest.fixture
async def console() -> AsyncIterator[Console]:
    store, broker = MemoryCaseStore(), MemoryPublisher()
    app = build_app(SETTINGS, Adapters(store=store, logins=MemoryLoginStore(), publisher=broker,
                                       lag=no_lag))  # fmt: skip
    client = TestClient(TestServer(app))
    await client.start_server()
    yield Console(client, store, broker)
    await client.close()


async def wuxi_case(console: Console) -> str:
    data = json.loads(EXAMPLE.read_text())["data"]
    assert data["district"] == "巫溪县"
    case = case_from_review_task(data)
    await console.store.add(case)
    return case.case_id


async def test_the_queue_asks_for_a_sign_in_first(console: Console) -> None:
    resp = await console.client.get("/queue", allow_redirects=False)
    assert (resp.status, resp.headers["Location"]) == (303, "/login")


async def test_a_wrong_password_is_refused_and_five_lock_the_account(console: Console) -> None:
    for _ in range(5):
        assert await console.login("wuxi", "wrong") == 401
    assert await console.login("wuxi") == 429  # locked, even with the right password now
    assert await console.login("yuzhong") == 303  # others are not affected


async def test_a_form_posted_without_its_csrf_token_is_refused(console: Console) -> None:
    assert await console.login("wuxi") == 303
    case_id = await wuxi_case(console)
    resp = await console.client.post(f"/cases/{case_id}/claim", data={}, allow_redirects=False)
    assert resp.status == 403
    assert 'data-code="csrf"' in await resp.text()


async def test_a_caseworker_sees_only_her_districts_queue(console: Console) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("yuzhong") == 303
    assert case_id not in await (await console.client.get("/queue")).text()


async def test_another_districts_case_is_403_even_by_url(console: Console) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("yuzhong") == 303
    assert (await console.client.get(f"/cases/{case_id}")).status == 403
    assert (await console.client.get(f"/cases/{case_id}/audit")).status == 403
    for action in ("claim", "approve", "reject", "release"):
        resp = await console.post(f"/cases/{case_id}/{action}", {"reason": "x"}, page="/queue")
        assert resp.status == 403, action
    assert console.broker.sent == []
    case = await console.store.get(case_id)
    assert case is not None
    assert case.status == "open"


async def test_a_supervisor_sees_every_district(console: Console) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("super") == 303
    assert case_id in await (await console.client.get("/queue")).text()
    assert (await console.client.get(f"/cases/{case_id}")).status == 200


async def test_claim_then_approve_publishes_one_final_determination_and_audits_both(
    console: Console,
) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("wuxi") == 303
    page = f"/cases/{case_id}"
    assert (await console.post(f"{page}/claim", page=page)).status == 303
    resp = await console.post(f"{page}/approve", {"monthly_tekun": "932"}, page=page)
    assert resp.status == 303
    ((topic, key, event),) = console.broker.sent
    assert (topic, key) == ("ns.decisions", event.data["application_id"])
    assert event.type == EventType.DETERMINATION_ISSUED
    assert event.data["stage"] == "final"
    assert event.data["status"] == "eligible"
    tekun = next(p for p in event.data["programs"] if p["program"] == "tekun")
    assert (tekun["outcome"], tekun["monthly_amount"]) == ("eligible", 932.0)
    case = await console.store.get(case_id)
    assert case is not None
    assert case.status == "decided"
    actions = [e["action"] for e in await console.store.trail(case_id)]
    assert actions == ["claim", "approve"]
    assert case_id not in await (await console.client.get("/queue")).text()


async def test_a_case_claimed_by_a_colleague_cannot_be_claimed_again(console: Console) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("super") == 303
    page = f"/cases/{case_id}"
    assert (await console.post(f"{page}/claim", page=page)).status == 303
    console.client.session.cookie_jar.clear()
    assert await console.login("wuxi") == 303
    resp = await console.post(f"{page}/claim", page=page)
    assert resp.status == 409
    assert "已由其他工作人员认领" in await resp.text()


async def test_the_live_overview_counts_the_queue_by_district_and_group(console: Console) -> None:
    await wuxi_case(console)
    assert await console.login("super") == 303
    data = await (await console.client.get("/live.json")).json()
    assert data["queues"][0]["district"] == "巫溪县"
    assert data["queues"][0]["depth"] == 1
    assert data["lag"] == {"yuzhu-eligibility": 0}
    assert data["programs"]["tekun"]["渝东北"] == 1


async def test_asking_the_resident_for_more_sends_a_request_and_keeps_the_case(
    console: Console,
) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("wuxi") == 303
    page = f"/cases/{case_id}"
    await console.post(f"{page}/claim", page=page)
    resp = await console.post(f"{page}/ask", {"message": "请补充户口簿照片。",
                                              "reply_by": "2026-12-05"}, page=page)  # fmt: skip
    assert resp.status == 303
    ((topic, _, event),) = console.broker.sent
    assert topic == "ns.information-requests"
    assert event.type == EventType.INFORMATION_REQUESTED
    assert (event.data["message"], event.data["reply_by"]) == ("请补充户口簿照片。", "2026-12-05")
    case = await console.store.get(case_id)
    assert case is not None
    assert case.status == "claimed"
    assert [e["action"] for e in await console.store.trail(case_id)] == ["claim", "ask"]


async def test_a_request_with_a_phone_number_in_it_is_sent_back_to_be_rewritten(
    console: Console,
) -> None:
    case_id = await wuxi_case(console)
    assert await console.login("wuxi") == 303
    page = f"/cases/{case_id}"
    await console.post(f"{page}/claim", page=page)
    resp = await console.post(f"{page}/ask", {"message": "请打13908381234联系我们"}, page=page)
    assert resp.status == 409
    assert "不能有身份证号或电话号码" in await resp.text()
    assert console.broker.sent == []
