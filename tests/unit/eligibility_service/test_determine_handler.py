"""The eligibility process step with in-memory fakes: decide once, dead-letter the undecidable."""

from __future__ import annotations

from datetime import date

import pytest

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event, stable_id
from services.common.publisher import MemoryPublisher
from services.common.topics import Topics
from services.eligibility.adapters.decided import MemoryDecidedStore
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.handlers import DetermineHandler, determine
from tests.support.applications import application, id_number

BOOK = load_policy_book()


def submitted(payload: dict[str, object]) -> Event:
    return new_event(EventType.APPLICATION_SUBMITTED, source="/tests",
                     subject=str(payload["application_id"]), data=payload)  # fmt: skip


def handler_with_fakes() -> tuple[DetermineHandler, MemoryPublisher, MemoryDecidedStore]:
    publisher, decided = MemoryPublisher(), MemoryDecidedStore()
    handler = DetermineHandler(book=BOOK, decided=decided, publisher=publisher,
                               topics=Topics("ns"))  # fmt: skip
    return handler, publisher, decided


def test_the_determination_event_id_depends_only_on_application_and_policy_version() -> None:
    payload = application(submitted_at="2022-09-01T10:00:00+08:00")
    first, again = determine(submitted(payload), BOOK), determine(submitted(payload), BOOK)
    assert first.id == again.id == stable_id(str(payload["application_id"]), "preliminary",
                                             "cq-2022-09")  # fmt: skip
    assert first.data == again.data
    assert first.data["stage"] == "preliminary"


async def test_an_application_is_decided_once_and_a_redelivery_publishes_nothing() -> None:
    handler, publisher, decided = handler_with_fakes()
    event = submitted(application())
    await handler(event)
    await handler(event)
    ((topic, key, decision),) = publisher.sent
    assert (topic, key) == ("ns.decisions", event.subject)
    assert decided.decided[event.subject] == decision.id
    # The decision joins the application's trace.
    assert decision.traceparent.split("-")[1] == event.traceparent.split("-")[1]


async def test_an_application_the_rules_cannot_decide_is_dead_lettered_with_the_rule_code() -> None:
    handler, publisher, _ = handler_with_fakes()
    payload = application()
    bad = id_number(date(1954, 3, 2))
    payload["applicant"]["id_number"] = bad[:-1] + ("0" if bad[-1] != "0" else "1")  # type: ignore[index]
    with pytest.raises(InvalidEvent) as err:
        await handler(submitted(payload))
    assert err.value.code == "invalid_id_checksum"
    assert publisher.sent == []


async def test_an_application_from_before_any_policy_is_dead_lettered_as_no_policy() -> None:
    handler, _, _ = handler_with_fakes()
    with pytest.raises(InvalidEvent) as err:
        await handler(submitted(application(submitted_at="2021-08-31T23:59:59+08:00")))
    assert err.value.code == "no_policy"


async def test_an_event_whose_subject_is_not_its_application_is_refused() -> None:
    handler, _, _ = handler_with_fakes()
    payload = application()
    event = new_event(EventType.APPLICATION_SUBMITTED, source="/t", subject="someone-else",
                      data=payload)  # fmt: skip
    with pytest.raises(InvalidEvent) as err:
        await handler(event)
    assert err.value.code == "subject_mismatch"


async def test_a_case_the_rules_cannot_decide_alone_becomes_one_review_task_for_its_district() -> (
    None
):
    handler, publisher, _ = handler_with_fakes()
    # Two people, one of them 72: 特困 needs a caseworker when the household is not alone.
    event = submitted(application(members=2, monthly_income=300.0, district="巫溪县",
                                  beneficiary={"able_supporter": False}))  # fmt: skip
    await handler(event)
    await handler(event)  # a redelivery adds no second task
    topics_sent = [topic for topic, _, _ in publisher.sent]
    assert topics_sent == ["ns.decisions", "ns.review-tasks"]
    decision, task = publisher.sent[0][2], publisher.sent[1][2]
    assert decision.data["status"] == "needs_review"
    assert task.data["district"] == "巫溪县"
    assert task.data["district_group"] == "渝东北"
    assert task.data["programs"] == ["tekun"]
    assert task.data["determination"] == decision.data
    assert task.data["application"] == event.data


async def test_a_decided_case_creates_no_review_task() -> None:
    handler, publisher, _ = handler_with_fakes()
    await handler(submitted(application(monthly_income=600.0, members=2)))
    assert [topic for topic, _, _ in publisher.sent] == ["ns.decisions"]
