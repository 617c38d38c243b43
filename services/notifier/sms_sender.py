"""Sending the queued text messages: one background loop per notifier replica.

For each job: skip it if it was already sent (a crash after sending, before finishing); wait
for the resident's phone if the application record has not been read yet (bounded by
``contact_wait``); send through the providers (retries, backoff, failover in
:class:`~services.notifier.delivery.SmsDelivery`) with the notice id as idempotency key; record
the send; publish a ``sent`` or ``failed`` receipt; dead-letter a job the providers would not
take. A job is finished only after all that, so a replica killed halfway leaves it to another.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time

from services.common.errors import DependencyUnavailable
from services.common.events import dead_letter_headers
from services.common.publisher import EventPublisher, RecordPublisher
from services.notifier.adapters.contacts import ContactBook
from services.notifier.adapters.sms import SmsMessage
from services.notifier.adapters.sms_jobs import SmsJob, SmsJobs
from services.notifier.delivery import SmsDelivery
from services.notifier.handlers import receipt

log = logging.getLogger(__name__)


class SmsSender:
    def __init__(
        self, *, jobs: SmsJobs, contacts: ContactBook, delivery: SmsDelivery,
        publisher: EventPublisher, dead_letters: RecordPublisher, receipts_topic: str,
        dlq_topic: str, consumer: str, contact_wait: float = 600.0, idle_seconds: float = 30.0,
    ) -> None:  # fmt: skip
        self._jobs = jobs
        self._contacts = contacts
        self._delivery = delivery
        self._publisher = publisher
        self._dead_letters = dead_letters
        self._receipts_topic = receipts_topic
        self._dlq_topic = dlq_topic
        self._consumer = consumer
        self._contact_wait = contact_wait
        self._idle_seconds = idle_seconds

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            try:
                jobs = await self._jobs.take(self._consumer, 10, self._idle_seconds)
                for job in jobs:
                    if stopping.is_set():
                        break  # unfinished jobs are taken over after idle_seconds
                    await self.handle(job)
            except DependencyUnavailable as exc:
                log.warning("text messages paused: %s", exc)
                await asyncio.sleep(1.0)

    async def handle(self, job: SmsJob) -> None:
        if await self._jobs.was_sent(job.notice_id):
            await self._jobs.finish(job)
            return
        phone = await self._contacts.phone_for(job.application_id)
        if phone is None:
            if time.time() - job.queued_at < self._contact_wait:
                return  # the application record is on its way; taken again after idle_seconds
            await self._give_up(job, "no_contact", attempts=0)
            return
        outcome = await self._delivery.deliver(
            SmsMessage(to=phone, text=job.text, idempotency_key=job.notice_id)
        )
        if outcome.status == "sent":
            await self._jobs.mark_sent(job.notice_id, outcome.provider_message_id or "")
            sent = receipt(cause=None, decision_id=job.notice_id, application_id=job.application_id,
                           channel="sms", status="sent", attempt=outcome.attempts)  # fmt: skip
            await self._publisher.publish(self._receipts_topic, job.application_id, sent)
            await self._jobs.finish(job)
            return
        await self._give_up(job, outcome.reason or "sms_failed", attempts=outcome.attempts)

    async def _give_up(self, job: SmsJob, reason: str, *, attempts: int) -> None:
        failed = receipt(cause=None, decision_id=job.notice_id, application_id=job.application_id,
                         channel="sms", status="failed", attempt=max(attempts, 1),
                         detail=reason)  # fmt: skip
        await self._publisher.publish(self._receipts_topic, job.application_id, failed)
        # The dead letter holds what an operator needs to resend, never the phone number.
        kept = {"notice_id": job.notice_id, "application_id": job.application_id,
                "channel": "sms", "text": job.text}  # fmt: skip
        value = json.dumps(kept, ensure_ascii=False).encode()
        headers = dead_letter_headers(reason=reason, detail=f"{attempts} attempts",
                                      topic="redis:sms:jobs", partition=0, offset=0,
                                      consumer="notifier-sms")  # fmt: skip
        await self._dead_letters.publish_record(self._dlq_topic, job.application_id, value, headers)
        await self._jobs.finish(job)
        log.warning("text message for notice %s given up: %s", job.notice_id, reason)
