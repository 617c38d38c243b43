"""The eligibility process step: an application event in, a preliminary determination out.

Idempotent twice over: an application already decided is skipped (the decided store), and the
determination's event id is derived from the application id and policy version, so even a crash
between publishing and recording yields the same event id, which the notifier delivers once.
"""

from __future__ import annotations

import logging

from prometheus_client import Counter

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event, new_event, stable_id
from services.common.publisher import EventPublisher
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
        decisions_topic: str,
    ) -> None:  # fmt: skip
        self._book = book
        self._decided = decided
        self._publisher = publisher
        self._decisions_topic = decisions_topic

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
        await self._publisher.publish(self._decisions_topic, application_id, decision)
        await self._decided.record(application_id, decision.id)
        DETERMINATIONS.labels(decision.data["status"]).inc()
