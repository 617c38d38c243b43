"""The faust-streaming app: consumes applications, emits preliminary determinations.

One agent, ``concurrency=1``: faust can commit past an unprocessed message with more (faust
issue #606), so parallelism comes from partitions and worker processes, not from the agent.
"""

from __future__ import annotations

import logging
from typing import Any, cast

import faust
from prometheus_client import Gauge

from services.common.consumer import Record, RecordProcessor
from services.common.health import METRICS_CONTENT_TYPE, Health, metrics_payload
from services.common.redis import redis_for
from services.common.topics import Topics
from services.eligibility.adapters.decided import RedisDecidedStore
from services.eligibility.adapters.faust_io import FaustPublisher
from services.eligibility.config import Settings
from services.eligibility.domain import PolicyBook
from services.eligibility.handlers import DetermineHandler

log = logging.getLogger(__name__)

ASSIGNED = Gauge(
    "yuzhu_eligibility_assigned_partitions",
    "Partitions of the applications topic this worker owns (the topic's partition count caps "
    "how many workers can share the load)",
)


def _headers(raw: Any) -> tuple[tuple[str, bytes], ...]:
    """faust hands headers over as a list of pairs or a mapping, depending on the path taken."""
    pairs = raw.items() if isinstance(raw, dict) else (raw or ())
    return tuple((str(k), bytes(v)) for k, v in pairs)


def create_app(settings: Settings, book: PolicyBook) -> faust.App:
    common = settings.common
    topics = Topics(common.topic_namespace)
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{common.kafka_bootstrap_servers}",
        store="memory://",
        datadir=settings.data_dir,
        value_serializer="raw",
        key_serializer="raw",
        topic_partitions=settings.partitions,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        web_enabled=True,
        web_bind=common.http_host,
        web_port=common.http_port,
        web_host=common.http_host,
        # Commit often: a restart then re-reads few records (each is deduplicated anyway).
        broker_commit_every=100,
        broker_commit_interval=1.0,
        # A killed worker's partitions move after this long; heartbeats every third of it.
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=settings.session_timeout_seconds / 3,
    )
    health = Health("eligibility")
    redis = redis_for(common)
    publisher = FaustPublisher(app)
    processor = RecordProcessor(
        name="eligibility",
        handler=DetermineHandler(
            book=book,
            decided=RedisDecidedStore(
                redis, common.topic_namespace, settings.dedupe_ttl_days * 86400
            ),
            publisher=publisher,
            topics=topics,
        ),
        dead_letter=publisher.dead_letter_sink(topics.eligibility_dlq),
    )

    async def kafka_ready() -> None:
        if app.rebalancing:
            raise RuntimeError("rebalancing")

    health.checks = {"redis": redis.ping, "kafka": kafka_ready}
    source = app.topic(topics.applications, key_serializer="raw", value_serializer="raw")

    # One actor: faust acks an event when the actor takes the next one, so an offset is
    # committed only after its application was decided. More actors (``concurrency`` > 1)
    # would decide several at once, but faust-streaming 0.15 can then commit past an event
    # still in hand (faust-streaming/faust#606, unfixed): a kill -9 would lose it. Workers
    # scale by partitions instead (decision 0011).
    @app.agent(source, concurrency=1, name="evaluate-applications")
    async def evaluate_applications(stream: Any) -> None:
        log.info("eligibility consuming %s as %s", topics.applications, settings.app_id)
        async for event in stream.events():
            message = event.message
            await processor.process(
                Record(message.topic, message.partition, message.offset, message.key,
                       message.value, _headers(message.headers))
            )  # fmt: skip

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        status, body = await health.liveness()
        return web.json(body, status=status)

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        status, body = await health.readiness()
        return web.json(body, status=status)

    @app.page("/metrics")
    async def metrics(web: Any, request: Any) -> Any:
        # aiohttp under faust takes the charset separately; Prometheus text is ASCII anyway.
        return web.bytes(
            metrics_payload(), content_type=METRICS_CONTENT_TYPE.split(";")[0] + "; version=0.0.4"
        )

    async def drain(app: Any, *args: Any, **kwargs: Any) -> None:
        # faust sends this after the consumer has stopped and the agent finished its record.
        health.draining = True
        processor.stopping.set()
        await redis.aclose()

    async def count_assigned(app: Any, *args: Any, **kwargs: Any) -> None:
        owned = [tp for tp in app.consumer.assignment() if tp.topic == topics.applications]
        ASSIGNED.set(len(owned))

    app.on_partitions_assigned.connect(cast(Any, count_assigned))
    app.on_partitions_revoked.connect(cast(Any, count_assigned))
    app.on_before_shutdown.connect(cast(Any, drain))  # mode's signal stubs are narrower than faust
    return app
