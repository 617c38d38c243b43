"""What the console does with each event: cases in the right queue, once, whatever the order."""

from __future__ import annotations

import json
from pathlib import Path

from schemas import EventType
from services.common.events import Event, new_event
from services.console.adapters.store import MemoryCaseStore
from services.console.handlers import ConsoleHandler

EXAMPLES = Path(__file__).parents[3] / "schemas" / "examples"


def event(name: str, event_type: EventType, **changes: object) -> Event:
    data = json.loads((EXAMPLES / f"{name}.json").read_text())["data"] | changes
    return new_event(event_type, source="/tests", subject=str(data.get("application_id", "s")),
                     data=data)  # fmt: skip


def preliminary_for(application: Event) -> Event:
    determination = json.loads((EXAMPLES / "determination.issued.v1.json").read_text())["data"]
    determination["application_id"] = application.data["application_id"]
    return new_event(EventType.DETERMINATION_ISSUED, source="/tests",
                     subject=application.data["application_id"], data=determination)  # fmt: skip


async def test_a_review_task_becomes_one_case_in_its_district_however_often_it_arrives() -> None:
    store = MemoryCaseStore()
    handler = ConsoleHandler(store)
    task = event("review.requested.v1", EventType.REVIEW_REQUESTED)
    await handler(task)
    await handler(task)
    (case,) = await store.active(["巫溪县"])
    assert case.kind == "review"
    assert [e["action"] for e in await store.trail(case.case_id)] == ["received"]


async def test_a_preliminary_decision_waits_for_its_application_whichever_comes_first() -> None:
    for order in ("application_first", "decision_first"):
        store = MemoryCaseStore()
        handler = ConsoleHandler(store)
        application = event("application.submitted.v1", EventType.APPLICATION_SUBMITTED)
        decision = preliminary_for(application)
        first, second = (application, decision) if order == "application_first" else (
            decision, application)  # fmt: skip
        await handler(first)
        await handler(second)
        cases = await store.active(None)
        assert [c.kind for c in cases] == ["confirm"], order
        assert cases[0].district == application.data["household"]["district"]


async def test_a_handoff_brings_the_transcript_to_the_district_queue() -> None:
    store = MemoryCaseStore()
    await ConsoleHandler(store)(event("handoff.requested.v1", EventType.HANDOFF_REQUESTED))
    (case,) = await store.active(None)
    assert case.kind == "handoff"
    assert case.payload["transcript"]
