"""The eligibility process step: an application event in, a preliminary determination out
(and a caseworker review task when the rules cannot decide alone).

Idempotent twice over: an application already decided is skipped (the decided store), and the
determination's event id is derived from the application id and policy version, so even a crash
between publishing and recording yields the same event id, which the notifier delivers once.
"""

from __future__ import annotations

import logging

from prometheus_client import Counter

from schemas import EventType
from services.common.districts import group_of
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event, stable_id
from services.common.publisher import EventPublisher
from services.common.topics import Topics
from services.eligibility.adapters.decided import DecidedStore
from services.eligibility.domain import EvaluationError, PolicyBook, evaluate

log = logging.getLogger(__name__)

SOURCE = "/yuzhu/eligibility"

DETERMINATIONS = Counter(
    "yuzhu_eligibility_determinations_total", "Preliminary determinations issued, by status",
    ["status"],
)  # fmt: skip
REDELIVERED = Counter(
    "yuzhu_eligibility_redelivered_total", "Applications seen again after being decided"
)


def review_task(application: Event, decision: Event) -> Event:
    """The caseworker task for a determination that needs review (pure). It carries the
    application and the determination, so the console needs nothing else to show the case."""
    determination = decision.data
    application_id = str(determination["application_id"])
    district = str(application.data["household"]["district"])
    task_id = stable_id(application_id, "review", str(determination["policy_version"]))
    return new_event(
        EventType.REVIEW_REQUESTED,
        source=SOURCE,
        subject=application_id,
        event_id=task_id,
        caused_by=decision,
        data={
            "task_id": task_id,
            "application_id": application_id,
            "district": district,
            "district_group": str(group_of(district)),
            "programs": [
                p["program"] for p in determination["programs"] if p["outcome"] == "needs_review"
            ],
            "policy_version": determination["policy_version"],
            "created_at": decision.time,
            "application": application.data,
            "determination": determination,
        },
    )


def determine(event: Event, book: PolicyBook) -> Event:
    """The determination event for an application event (pure). InvalidEvent when the
    application cannot be decided (its error code becomes the dead-letter reason)."""
    if event.type != EventType.APPLICATION_SUBMITTED:
        raise InvalidEvent("unexpected_event_type", f"eligibility does not handle {event.type}")
    try:
        determination = evaluate(event.data, book).to_dict()
    except EvaluationError as exc:
        raise InvalidEvent(exc.code, exc.message) from None
    application_id = str(determination["application_id"])
    return new_event(
        EventType.DETERMINATION_ISSUED,
        source=SOURCE,
        subject=application_id,
        data=determination,
        event_id=stable_id(application_id, "preliminary", str(determination["policy_version"])),
        caused_by=event,
    )


class DetermineHandler:
    def __init__(
        self, *, book: PolicyBook, decided: DecidedStore, publisher: EventPublisher,
        topics: Topics,
    ) -> None:  # fmt: skip
        self._book = book
        self._decided = decided
        self._publisher = publisher
        self._topics = topics

    async def __call__(self, event: Event) -> None:
        if event.type != EventType.APPLICATION_SUBMITTED:
            raise InvalidEvent("unexpected_event_type", f"eligibility does not handle {event.type}")
        application_id = str(event.data["application_id"])
        if event.subject != application_id:
            raise InvalidEvent("subject_mismatch", "subject is not the data's application_id")
        if await self._decided.decision_for(application_id) is not None:
            REDELIVERED.inc()
            log.debug("application %s already decided; redelivery ignored", application_id)
            return
        decision = determine(event, self._book)
        await self._publisher.publish(self._topics.decisions, application_id, decision)
        if decision.data["status"] == "needs_review":
            task = review_task(event, decision)
            await self._publisher.publish(self._topics.review_tasks, application_id, task)
        # Recorded last: a crash before this line re-publishes the same events (same ids).
        await self._decided.record(application_id, decision.id)
        DETERMINATIONS.labels(decision.data["status"]).inc()
