"""Wires the intake bot: HTTP API, Kafka publisher, probes."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from services.common.health import Health
from services.common.http import add_probe_routes
from services.common.kafka import make_producer, wait_for_kafka
from services.common.publisher import EventPublisher, KafkaEventPublisher
from services.common.topics import Topics
from services.intake_bot.config import Settings
from services.intake_bot.entrypoints.api import APPLICATIONS_TOPIC, PUBLISHER, add_api_routes


def build_app(settings: Settings, publisher: EventPublisher | None = None) -> web.Application:
    """The intake app; pass ``publisher`` (a fake) to run it without a broker."""
    common = settings.common
    app = web.Application(client_max_size=settings.max_body_bytes)
    health = Health("intake_bot")
    add_probe_routes(app, health)
    add_api_routes(app)
    app[APPLICATIONS_TOPIC] = Topics(common.topic_namespace).applications

    if publisher is not None:
        app[PUBLISHER] = publisher
        return app

    async def kafka(app: web.Application) -> AsyncIterator[None]:
        await wait_for_kafka(common.kafka_bootstrap_servers, timeout=common.dependency_timeout)
        producer = make_producer(common.kafka_bootstrap_servers, client_id="yuzhu-intake-bot")
        await producer.start()
        app[PUBLISHER] = KafkaEventPublisher(producer)
        health.checks["kafka"] = producer.client.fetch_all_metadata
        try:
            yield
        finally:
            health.draining = True
            await producer.stop()

    app.cleanup_ctx.append(kafka)
    return app
