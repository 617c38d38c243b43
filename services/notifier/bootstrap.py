"""Wires the notifier: Redis inbox, Kafka consumer and receipt producer, probes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from services.common.consumer import ConsumerLoop
from services.common.health import Health
from services.common.http import add_probe_routes
from services.common.kafka import make_consumer, make_producer, wait_for_kafka
from services.common.lifecycle import watch_task
from services.common.publisher import KafkaEventPublisher
from services.common.redis import make_redis
from services.common.topics import Topics
from services.notifier.adapters.inbox import RedisInbox
from services.notifier.config import Settings
from services.notifier.handlers import NotifyHandler

log = logging.getLogger(__name__)


def build_app(settings: Settings) -> web.Application:
    app = web.Application()
    health = Health("notifier")
    add_probe_routes(app, health)

    async def consume(_: web.Application) -> AsyncIterator[None]:
        common = settings.common
        topics = Topics(common.topic_namespace)
        await wait_for_kafka(common.kafka_bootstrap_servers, timeout=common.dependency_timeout)
        redis = make_redis(common.redis_url)
        producer = make_producer(common.kafka_bootstrap_servers, client_id="yuzhu-notifier")
        consumer = make_consumer(
            common.kafka_bootstrap_servers, settings.group_id, topics.decisions,
            client_id="yuzhu-notifier",
        )  # fmt: skip
        await producer.start()
        await consumer.start()
        health.checks = {"redis": redis.ping, "kafka": producer.client.fetch_all_metadata}
        loop = ConsumerLoop(
            name="notifier",
            consumer=consumer,
            producer=producer,
            dlq_topic=topics.notifier_dlq,
            handler=NotifyHandler(
                inbox=RedisInbox(redis, common.topic_namespace),
                publisher=KafkaEventPublisher(producer),
                receipts_topic=topics.receipts,
            ),
        )
        task = watch_task("notifier-consumer", loop.run(), health)
        log.info("notifier consuming %s as %s", topics.decisions, settings.group_id)
        try:
            yield
        finally:
            health.draining = True
            loop.stop()
            await asyncio.wait([task], timeout=15.0)
            await consumer.stop()
            await producer.stop()
            await redis.aclose()
            log.info("notifier stopped")

    app.cleanup_ctx.append(consume)
    return app
