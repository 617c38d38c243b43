"""Wires the notifier: the consumer (applications, decisions, outreach), the Redis inbox and
contact book, the text-message queue and its sender, receipts, probes."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator

from aiohttp import web

from services.common.consumer import Backoff, ConsumerLoop
from services.common.health import Health
from services.common.http import add_probe_routes
from services.common.kafka import (
    ResilientProducer,
    make_consumer,
    make_producer,
    wait_for_kafka,
)
from services.common.lifecycle import watch_task
from services.common.publisher import KafkaEventPublisher
from services.common.redis import redis_for
from services.common.topics import Topics
from services.notifier.adapters.contacts import RedisContactBook
from services.notifier.adapters.inbox import RedisInbox
from services.notifier.adapters.sms import HttpSmsProvider
from services.notifier.adapters.sms_jobs import RedisSmsJobs
from services.notifier.config import Settings
from services.notifier.delivery import SmsDelivery
from services.notifier.handlers import NotifyHandler
from services.notifier.sms_sender import SmsSender

log = logging.getLogger(__name__)


def build_app(settings: Settings) -> web.Application:
    app = web.Application()
    health = Health("notifier")
    add_probe_routes(app, health)

    async def run(_: web.Application) -> AsyncIterator[None]:
        common = settings.common
        topics = Topics(common.topic_namespace)
        await wait_for_kafka(common.kafka_bootstrap_servers, timeout=common.dependency_timeout)
        redis = redis_for(common)
        producer = ResilientProducer(
            lambda: make_producer(common.kafka_bootstrap_servers, client_id="yuzhu-notifier")
        )
        consumer = make_consumer(
            common.kafka_bootstrap_servers, settings.group_id,
            topics.applications, topics.decisions, topics.outreach, topics.information_requests,
            client_id="yuzhu-notifier",
        )  # fmt: skip
        await producer.start()
        await consumer.start()
        publisher = KafkaEventPublisher(producer)
        contacts = RedisContactBook(redis, common.topic_namespace)
        jobs = RedisSmsJobs(redis, common.topic_namespace) if settings.sms.enabled else None
        health.checks = {"redis": redis.ping, "kafka": producer.client.fetch_all_metadata}
        loop = ConsumerLoop(
            name="notifier",
            consumer=consumer,
            producer=producer,
            dlq_topic=topics.notifier_dlq,
            handler=NotifyHandler(
                inbox=RedisInbox(redis, common.topic_namespace),
                publisher=publisher,
                receipts_topic=topics.receipts,
                contacts=contacts,
                sms=jobs,
            ),
        )
        stopping = asyncio.Event()
        tasks = [watch_task("notifier-consumer", loop.run(), health)]
        providers: list[HttpSmsProvider] = []
        if jobs is not None:
            sms = settings.sms
            providers = [
                HttpSmsProvider(
                    name=p.name, url=p.url, token=sms.token, timeout=sms.timeout_seconds
                )
                for p in sms.providers
            ]
            for provider in providers:
                await provider.start()
            sender = SmsSender(
                jobs=jobs, contacts=contacts,
                delivery=SmsDelivery(providers, max_attempts=sms.max_attempts,
                                     backoff=Backoff(sms.backoff_initial, sms.backoff_max)),
                publisher=publisher, dead_letters=publisher, receipts_topic=topics.receipts,
                dlq_topic=topics.notifier_dlq, consumer=f"{socket.gethostname()}-{id(app)}",
                contact_wait=sms.contact_wait_seconds, idle_seconds=sms.idle_seconds,
            )  # fmt: skip
            tasks.append(watch_task("sms-sender", sender.run(stopping), health))
            log.info("text messages via %s", ", ".join(p.name for p in sms.providers))
        else:
            log.info("no SMS providers configured: notices go to the inbox and live chat only")
        log.info("notifier consuming %s, %s, %s as %s", topics.applications, topics.decisions,
                 topics.outreach, settings.group_id)  # fmt: skip
        try:
            yield
        finally:
            health.draining = True
            loop.stop()
            stopping.set()
            await asyncio.wait(tasks, timeout=15.0)
            await consumer.stop()
            for provider in providers:
                await provider.close()
            await producer.stop()
            await redis.aclose()
            log.info("notifier stopped")

    app.cleanup_ctx.append(run)
    return app
