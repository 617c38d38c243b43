"""Under load a decision can overtake the answer that carries the reference number: the notice
is announced before the socket follows the new application. It must still be shown — once."""

from __future__ import annotations

from typing import Any

from schemas import EventType
from services.common.events import decode
from services.common.publisher import MemoryPublisher
from tests.support.resident import SocketResident
from tests.unit.intake_bot.conftest import App


async def test_a_decision_announced_before_the_socket_follows_the_application_is_shown_once(
    intake: App,
) -> None:
    broker = intake.broker
    publish = broker.publish_record

    async def decided_at_once(topic: str, key: str, value: bytes, headers: Any) -> None:
        await publish(topic, key, value, headers)
        event = decode(value)
        if event.type == EventType.APPLICATION_SUBMITTED:  # eligibility and the notifier were quick
            app_id = str(event.data["application_id"])
            intake.notices.stored[app_id] = [{
                "notice_id": "n1", "application_id": app_id, "title": "审核结果",
                "issued_at": "2026-11-28T10:00:00+08:00", "lines": ["符合条件"],
            }]  # fmt: skip

    broker.publish_record = decided_at_once  # type: ignore[method-assign]
    assert isinstance(broker, MemoryPublisher)
    her = SocketResident(intake.client.session, str(intake.client.make_url("")).rstrip("/"),
                         timeout=10)  # fmt: skip
    await her.connect()
    await her.apply()
    notice = await her.wait_for_notice(timeout=5)
    await her.listen(0.3)
    await her.close()
    assert notice["notice_id"] == "n1"
    assert [n["notice_id"] for n in her.notices] == ["n1"]  # shown once
