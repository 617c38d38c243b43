"""Wires the console: accounts, the Redis store, the consumer of review tasks, handoffs,
applications and decisions, the Kafka publisher of final decisions, the pages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from services.common.consumer import ConsumerLoop
from services.common.health import Health
from services.common.http import add_probe_routes
from services.common.kafka import (
    ResilientProducer,
    make_consumer,
    make_producer,
    wait_for_kafka,
)
from services.common.lifecycle import watch_task
from services.common.publisher import EventPublisher, KafkaEventPublisher
from services.common.redis import redis_for
from services.common.topics import ELIGIBILITY_GROUP, NOTIFIER_GROUP, Topics
from services.console.adapters.lag import KafkaLag
from services.console.adapters.store import CaseStore, RedisCaseStore
from services.console.adapters.users import LoginStore, RedisLoginStore, load_accounts
from services.console.config import Settings
from services.console.domain import load_shipped_calendar
from services.console.entrypoints.web import CONSOLE, Console, add_console_routes, security
from services.console.handlers import ConsoleHandler
from services.console.overview import LagReader, build_overview

log = logging.getLogger(__name__)
CHONGQING = ZoneInfo("Asia/Shanghai")


@dataclass
class Adapters:
    store: CaseStore
    logins: LoginStore
    publisher: EventPublisher
    lag: LagReader


def build_app(settings: Settings, adapters: Adapters | None = None) -> web.Application:
    common = settings.common
    topics = Topics(common.topic_namespace)
    app = web.Application(middlewares=[security], client_max_size=64 * 1024)
    health = Health("console")
    add_probe_routes(app, health)
    add_console_routes(app)
    accounts = load_accounts(settings.users_file)
    calendar = load_shipped_calendar()

    def wire(a: Adapters) -> None:
        app[CONSOLE] = Console(
            store=a.store, logins=a.logins, accounts=accounts, publisher=a.publisher,
            decisions_topic=topics.decisions, information_topic=topics.information_requests,
            calendar=calendar,
            secret=settings.secret.encode(), session_ttl=settings.session_ttl_seconds,
            secure_cookies=common.production,
            overview=build_overview(a.store, a.lag, lambda: datetime.now(CHONGQING)),
        )  # fmt: skip

    if adapters is not None:
        wire(adapters)
        return app

    async def run(app: web.Application) -> AsyncIterator[None]:
        await wait_for_kafka(common.kafka_bootstrap_servers, timeout=common.dependency_timeout)
        redis = redis_for(common)
        producer = ResilientProducer(
            lambda: make_producer(common.kafka_bootstrap_servers, client_id="yuzhu-console")
        )
        consumer = make_consumer(
            common.kafka_bootstrap_servers, settings.group_id, topics.applications,
            topics.decisions, topics.review_tasks, topics.handoffs, client_id="yuzhu-console",
        )  # fmt: skip
        lag = KafkaLag(common.kafka_bootstrap_servers, {
            ELIGIBILITY_GROUP: [topics.applications],
            NOTIFIER_GROUP: [topics.applications, topics.decisions, topics.outreach],
            settings.group_id: [topics.applications, topics.decisions, topics.review_tasks,
                                topics.handoffs],
        })  # fmt: skip
        await producer.start()
        await consumer.start()
        await lag.start()
        store = RedisCaseStore(redis, common.topic_namespace)
        wire(Adapters(store=store, logins=RedisLoginStore(redis, common.topic_namespace),
                      publisher=KafkaEventPublisher(producer), lag=lag))  # fmt: skip
        health.checks = {"redis": redis.ping, "kafka": producer.client.fetch_all_metadata}
        loop = ConsumerLoop(
            name="console", consumer=consumer, producer=producer,
            dlq_topic=topics.console_dlq, handler=ConsoleHandler(store),
        )  # fmt: skip
        task = watch_task("console-consumer", loop.run(), health)
        log.info("console consuming review tasks, handoffs, applications, decisions as %s",
                 settings.group_id)  # fmt: skip
        try:
            yield
        finally:
            health.draining = True
            loop.stop()
            await asyncio.wait([task], timeout=15.0)
            await consumer.stop()
            await lag.close()
            await producer.stop()
            await redis.aclose()

    app.cleanup_ctx.append(run)
    return app
