"""Wires the intake bot: understanding, dialog, sessions, outbox, channels, probes.

``build_app(settings)`` connects to Redis and Kafka; ``build_app(settings, adapters=...)`` takes
in-memory fakes (unit tests run the whole app without servers). The broker is not needed at
start-up: applications wait in the outbox until it is back.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from aiohttp import web

from services.common.health import Health
from services.common.http import add_probe_routes
from services.common.kafka import make_producer
from services.common.lifecycle import watch_task
from services.common.publisher import LazyKafkaPublisher, RecordPublisher
from services.common.redis import redis_for
from services.common.topics import Topics
from services.eligibility.adapters.policy_files import load_policy_book
from services.intake_bot.adapters.notices import NoticeReader, RedisNoticeReader
from services.intake_bot.adapters.outbox import Outbox, RedisOutbox
from services.intake_bot.adapters.ratelimit import RateLimiter, RedisRateLimiter
from services.intake_bot.adapters.replies import RedisReplyCache, ReplyCache
from services.intake_bot.adapters.sessions import RedisSessionStore, SessionStore
from services.intake_bot.chat import ChatService, Limits
from services.intake_bot.config import Settings
from services.intake_bot.domain.dialog import PolicyFacts, policy_facts_from
from services.intake_bot.domain.nlu import Understanding, load_understanding
from services.intake_bot.entrypoints.api import PUBLISHER, add_api_routes
from services.intake_bot.entrypoints.chat_ws import (
    CHAT,
    CONNECTS_PER_MINUTE,
    HUB,
    LIMITER,
    LiveHub,
    add_chat_routes,
    close_all,
)
from services.intake_bot.entrypoints.inbox import add_inbox_routes
from services.intake_bot.entrypoints.pages import add_page_routes
from services.intake_bot.entrypoints.webhook import REPLIES, WEBHOOK_SECRET, add_webhook_routes
from services.intake_bot.submission import OutboxPublisher

log = logging.getLogger(__name__)


@dataclass
class Adapters:
    sessions: SessionStore
    outbox: Outbox
    publisher: RecordPublisher
    notices: NoticeReader
    limiter: RateLimiter
    replies: ReplyCache


@functools.cache
def _understanding() -> Understanding:
    return load_understanding()


def policy_facts(extra_files: tuple[Path, ...] = ()) -> Callable[[date], PolicyFacts]:
    """Today's standards for answering residents' questions, from the same parameter files the
    eligibility service decides with (read once; the facts of each day computed once)."""
    book = load_policy_book(*extra_files)
    return functools.lru_cache(maxsize=4)(lambda day: policy_facts_from(book, day))


def build_app(settings: Settings, adapters: Adapters | None = None) -> web.Application:
    common = settings.common
    topics = Topics(common.topic_namespace)
    app = web.Application(client_max_size=settings.max_body_bytes)
    health = Health("intake_bot")
    add_probe_routes(app, health)
    add_api_routes(app)
    add_chat_routes(app)
    add_webhook_routes(app)
    add_page_routes(app)
    add_inbox_routes(app)
    app[WEBHOOK_SECRET] = settings.webhook_secret.encode()
    app[CONNECTS_PER_MINUTE] = settings.connects_per_minute
    hub = LiveHub()
    app[HUB] = hub

    started = time.monotonic()
    understanding = _understanding()  # jieba's dictionary: loaded before the first resident
    facts = policy_facts()
    log.info("understanding and policy facts loaded in %.2fs", time.monotonic() - started)

    def wire(a: Adapters) -> OutboxPublisher:
        publisher = OutboxPublisher(
            outbox=a.outbox, publisher=a.publisher, topic=topics.applications,
            publish_wait=settings.publish_wait_seconds,
        )  # fmt: skip
        app[PUBLISHER] = publisher
        app[LIMITER] = a.limiter
        app[REPLIES] = a.replies
        app[CHAT] = ChatService(
            understanding=understanding,
            sessions=a.sessions,
            publisher=publisher,
            notices=a.notices,
            limiter=a.limiter,
            policy=facts,
            handoffs_topic=topics.handoffs,
            limits=Limits(
                settings.max_message_chars, settings.messages_per_window, settings.window_seconds
            ),
        )
        return publisher

    if adapters is not None:
        wire(adapters)
        return app

    async def resources(app: web.Application) -> AsyncIterator[None]:
        redis = redis_for(common)
        kafka = LazyKafkaPublisher(
            lambda: make_producer(
                common.kafka_bootstrap_servers,
                client_id="yuzhu-intake-bot",
                request_timeout_ms=5000,
            )
        )
        reader = RedisNoticeReader(redis, common.topic_namespace)
        publisher = wire(Adapters(
            sessions=RedisSessionStore(redis, common.topic_namespace, settings.session_ttl_seconds),
            outbox=RedisOutbox(redis, common.topic_namespace),
            publisher=kafka,
            notices=reader,
            limiter=RedisRateLimiter(redis, common.topic_namespace),
            replies=RedisReplyCache(redis, common.topic_namespace),
        ))  # fmt: skip
        health.checks["redis"] = redis.ping
        health.optional["kafka"] = kafka.check
        stopping = asyncio.Event()
        tasks = [
            watch_task("outbox-flusher", publisher.run_flusher(stopping), health),
            watch_task("live-notices", hub.run(reader, app[CHAT].notices), health),
        ]
        try:
            yield
        finally:
            health.draining = True
            stopping.set()
            await publisher.drain()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await kafka.close()
            await redis.aclose()

    async def say_goodbye(app: web.Application) -> None:
        await close_all(hub)

    app.cleanup_ctx.append(resources)
    app.on_shutdown.append(say_goodbye)
    return app
