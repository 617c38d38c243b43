"""The console's process step: events in, cases in the district queues.

* ``review.requested`` → a review case; ``handoff.requested`` → a handoff case (with the
  transcript); a preliminary ``determination.issued`` that is not ``needs_review`` → a
  confirmation case, once its application is known (the console reads the applications topic;
  whichever of the two arrives first waits for the other). Final determinations are the
  console's own output and are ignored here.

Idempotent: case ids are derived from the events, so a redelivery adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from schemas import EventType
from services.common.errors import InvalidEvent
from services.common.events import Event
from services.console.adapters.store import CaseStore
from services.console.domain import (
    Case,
    ConsoleError,
    case_from_handoff,
    case_from_preliminary,
    case_from_review_task,
)


class ConsoleHandler:
    def __init__(self, store: CaseStore) -> None:
        self._store = store

    async def __call__(self, event: Event) -> None:
        data = event.data
        try:
            if event.type == EventType.APPLICATION_SUBMITTED:
                await self._application(data)
            elif event.type == EventType.REVIEW_REQUESTED:
                await self._add(case_from_review_task(data))
            elif event.type == EventType.HANDOFF_REQUESTED:
                await self._add(case_from_handoff(data))
            elif event.type == EventType.DETERMINATION_ISSUED:
                await self._determination(data)
            else:
                raise InvalidEvent(
                    "unexpected_event_type", f"the console does not handle {event.type}"
                )
        except ConsoleError as exc:
            raise InvalidEvent(getattr(exc, "code", "invalid_case"), str(exc)) from None

    async def _add(self, case: Case) -> None:
        if await self._store.add(case):
            await self._store.audit(case.case_id, {
                "action": "received", "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "by": "system", "case": case.case_id,
            })  # fmt: skip

    async def _application(self, data: dict[str, Any]) -> None:
        application_id = str(data["application_id"])
        await self._store.keep_application(application_id, data)
        parked = await self._store.unpark(application_id)
        if parked is not None:
            await self._add(case_from_preliminary(parked, data))

    async def _determination(self, data: dict[str, Any]) -> None:
        if data["stage"] == "final" or data["status"] == "needs_review":
            return  # finals are ours; needs_review arrives as its review task
        application = await self._store.application(str(data["application_id"]))
        if application is None:
            await self._store.park(str(data["application_id"]), data)
            return
        await self._add(case_from_preliminary(data, application))
