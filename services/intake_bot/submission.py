"""Publishing what a resident hands over: outbox first, then the broker.

An event (an application, a request for a person) is written to the outbox (Redis) before
anything else, then published; it leaves the outbox when the broker acknowledges it. If the
broker does not answer within a couple of seconds the resident is answered anyway (with the
reference number): the publication goes on in the background, and if it fails the flusher
retries it when the broker is back. Event ids are derived from what the event is about, so even
a publication repeated after a crash is recognised downstream as the same event.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from prometheus_client import Counter, Gauge

from schemas import EventType
from services.common.errors import DependencyUnavailable
from services.common.events import Event, encode, new_event, stable_id
from services.common.publisher import RecordPublisher
from services.intake_bot.adapters.outbox import Outbox, OutboxEntry
from services.intake_bot.domain import reference_number

log = logging.getLogger(__name__)

SOURCE = "/yuzhu/intake-bot"

SUBMITTED = Counter(
    "yuzhu_intake_published_total", "Events published (applications, handoffs), by path", ["path"]
)
OUTBOX_PENDING = Gauge("yuzhu_intake_outbox_pending", "Applications waiting in the outbox")


class OutboxPublisher:
    def __init__(
        self,
        *,
        outbox: Outbox,
        publisher: RecordPublisher,
        topic: str,  # where applications go
        publish_wait: float = 2.0,
        lease_seconds: float = 30.0,
    ) -> None:
        self._outbox = outbox
        self._publisher = publisher
        self._topic = topic
        self._publish_wait = publish_wait
        self._lease = lease_seconds
        self._in_flight: set[asyncio.Task[bool]] = set()
        # Event ids this process is publishing right now. A send that timed out may still be
        # delivered by the producer when the broker returns; the flusher must not send it again
        # meanwhile, or the topic would hold it twice. (Across replicas the lease does this:
        # it is far longer than the producer's request timeout.)
        self._publishing: set[str] = set()

    async def publish(self, topic: str, key: str, event: Event) -> None:
        """Hand ``event`` over for publication. Returns once it is safe in the outbox (and,
        usually, already on the broker). Raises DependencyUnavailable only when the outbox
        itself (Redis) cannot take it: then nothing was accepted and the caller must say so."""
        value, headers = encode(event)
        entry = OutboxEntry(
            event_id=event.id,
            topic=topic,
            key=key,
            value=value.decode(),
            headers=tuple((k, v.decode()) for k, v in headers),
        )
        await self._outbox.put(entry, self._lease)
        task: asyncio.Task[bool] = asyncio.create_task(self._publish(entry, path="direct"))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        # Wait a little for the broker, so the usual case leaves the outbox at once; the
        # resident's answer does not depend on it.
        await asyncio.wait({task}, timeout=self._publish_wait)

    async def submit_application(self, payload: dict[str, Any]) -> str:
        """Accept ``payload`` (a valid SPEC §2 application); return its reference number."""
        application_id = str(payload["application_id"])
        # Worked out first: whatever could go wrong with it goes wrong before the application
        # is accepted, never after (an accepted application always gets its reference).
        submitted_at = datetime.fromisoformat(str(payload["submitted_at"]).upper())
        reference = reference_number(application_id, submitted_at)
        event = new_event(
            EventType.APPLICATION_SUBMITTED,
            source=SOURCE,
            subject=application_id,
            data=payload,
            event_id=stable_id(application_id, "submitted"),
        )
        await self.publish(self._topic, application_id, event)
        return reference

    async def _publish(self, entry: OutboxEntry, *, path: str) -> bool:
        """True when the broker acknowledged the entry."""
        if entry.event_id in self._publishing:
            return False
        self._publishing.add(entry.event_id)
        try:
            return await self._publish_once(entry, path=path)
        finally:
            self._publishing.discard(entry.event_id)

    async def _publish_once(self, entry: OutboxEntry, *, path: str) -> bool:
        headers = [(k, v.encode()) for k, v in entry.headers]
        try:
            await self._publisher.publish_record(
                entry.topic, entry.key, entry.value.encode(), headers
            )
        except DependencyUnavailable as exc:
            log.warning("application %s stays in the outbox: %s", entry.key, exc)
            return False
        try:
            await self._outbox.done(entry.event_id)
        except DependencyUnavailable:
            # Published but still listed: the flusher publishes it again later, with the same
            # event id, which the eligibility service recognises. Nothing is lost.
            log.warning("published %s but could not clear it from the outbox", entry.key)
        SUBMITTED.labels(path).inc()
        return True

    async def flush(self, limit: int = 100) -> int:
        """Publish what waits in the outbox (leases expired); return how many were published."""
        entries = await self._outbox.claim(limit, self._lease)
        published = 0
        for entry in entries:
            if entry.event_id in self._publishing:
                continue  # still on its way from the first attempt; the claim renewed its lease
            if not await self._publish(entry, path="outbox"):
                break  # the broker is still away: the rest would fail the same way
            published += 1
        return published

    async def run_flusher(self, stopping: asyncio.Event, interval: float = 2.0) -> None:
        """Flush every ``interval`` seconds until ``stopping`` is set."""
        while not stopping.is_set():
            try:
                await self.flush()
                OUTBOX_PENDING.set(await self._outbox.pending())
            except DependencyUnavailable as exc:
                log.warning("outbox flush skipped: %s", exc)
            try:
                await asyncio.wait_for(stopping.wait(), timeout=interval)
            except TimeoutError:
                continue

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for publications in flight (on shutdown); what does not finish stays in the
        outbox for the next replica's flusher."""
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=timeout)
