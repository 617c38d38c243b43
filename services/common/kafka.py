"""Kafka client factories and topic administration, shared by every service.

Producers are idempotent (``enable_idempotence=True`` forces ``acks=all``) and keyed by
application id. Consumers never auto-commit: each service commits ``offset + 1`` only after the
side effect of a record is done, so every handler must be idempotent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import (
    IllegalStateError,
    KafkaError,
    OutOfOrderSequenceNumber,
    ProducerFenced,
    UnknownProducerId,
)

from services.common.errors import DependencyUnavailable
from services.common.topics import TopicSpec

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36


def make_producer(bootstrap_servers: str, client_id: str, **overrides: object) -> AIOKafkaProducer:
    """An idempotent producer; batches a few milliseconds and compresses (events are JSON)."""
    options: dict[str, object] = {
        "bootstrap_servers": bootstrap_servers,
        "client_id": client_id,
        "enable_idempotence": True,
        "linger_ms": 5,
        "compression_type": "gzip",
        "request_timeout_ms": 15000,
    }
    options.update(overrides)
    return AIOKafkaProducer(**options)


class RecordSender(Protocol):
    """What publishers and the consumer loop need of a producer."""

    async def send_and_wait(
        self, topic: str, value: bytes | None = None, key: bytes | None = None,
        headers: Sequence[tuple[str, bytes]] | None = None,
    ) -> Any: ...  # fmt: skip


# Errors after which an idempotent producer never sends again (its sender task ended): after a
# broker restart that lost the producer's state, say. Only a new producer (a new id) recovers.
BROKEN_PRODUCER = (OutOfOrderSequenceNumber, UnknownProducerId, ProducerFenced, IllegalStateError)


class ResilientProducer:
    """An idempotent producer that replaces itself when it breaks beyond repair (see
    BROKEN_PRODUCER); the failed send still raises, so the caller's retry goes to the new one.
    A record the broken producer had in fact written may then be written again: consumers
    deduplicate by event id, as after any redelivery (decision 0004)."""

    def __init__(self, factory: Callable[[], AIOKafkaProducer]) -> None:
        self._factory = factory
        self._producer = factory()
        self._lock = asyncio.Lock()
        self.replaced = 0

    @property
    def client(self) -> Any:
        return self._producer.client

    async def start(self) -> None:
        await self._producer.start()

    async def stop(self) -> None:
        await self._producer.stop()

    async def send_and_wait(
        self, topic: str, value: bytes | None = None, key: bytes | None = None,
        headers: Sequence[tuple[str, bytes]] | None = None,
    ) -> Any:  # fmt: skip
        producer = self._producer
        try:
            return await producer.send_and_wait(topic, value=value, key=key, headers=headers)
        except BROKEN_PRODUCER as exc:
            await self._replace(producer, exc)
            raise

    async def _replace(self, broken: AIOKafkaProducer, exc: Exception) -> None:
        async with self._lock:
            if self._producer is not broken:
                return  # another send replaced it already
            log.warning("the Kafka producer broke (%s); starting a new one", type(exc).__name__)
            with contextlib.suppress(Exception):
                await broken.stop()
            fresh = self._factory()
            try:
                await fresh.start()
            except (KafkaError, OSError) as failed:
                # The broker is away: keep the broken one; the next send tries again.
                log.warning("could not start a new producer yet (%s)", type(failed).__name__)
                with contextlib.suppress(Exception):
                    await fresh.stop()
                return
            self._producer = fresh
            self.replaced += 1


def make_consumer(
    bootstrap_servers: str, group_id: str, *topics: str, client_id: str, **overrides: object
) -> AIOKafkaConsumer:
    """A group consumer that never commits by itself and starts from the earliest record."""
    options: dict[str, object] = {
        "bootstrap_servers": bootstrap_servers,
        "group_id": group_id,
        "client_id": client_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "isolation_level": "read_committed",
        "max_poll_records": 200,
    }
    options.update(overrides)
    return AIOKafkaConsumer(*topics, **options)


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """Every partition of ``topic``, for a consumer that assigns partitions itself (no group).
    Raises DependencyUnavailable when the topic does not exist."""
    # aiokafka only loads metadata for subscribed topics; a manual assignment has to ask.
    await consumer._client.force_metadata_update()
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        raise DependencyUnavailable(f"topic {topic} does not exist: create the topics first")
    return [TopicPartition(topic, p) for p in sorted(partitions)]


async def wait_for_kafka(bootstrap_servers: str, *, timeout: float = 60.0) -> None:
    """Return once the broker answers a metadata request; raise DependencyUnavailable after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    # While we poll, "Unable connect" is the expected answer: keep aiokafka from logging it.
    with _quiet("aiokafka"):
        while time.monotonic() < deadline:
            if await _cluster_answers(bootstrap_servers):
                return
            await asyncio.sleep(0.25)
    raise DependencyUnavailable(
        f"Kafka at {bootstrap_servers} did not answer within {timeout:.0f}s; "
        "start it with `make up` or point YUZHU_KAFKA_BOOTSTRAP_SERVERS at a running broker"
    )


async def _cluster_answers(bootstrap_servers: str) -> bool:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=3000)
    try:
        await admin.start()
        await admin.describe_cluster()
    except (KafkaError, OSError):
        return False
    finally:
        await admin.close()
    return True


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


async def ensure_topics(bootstrap_servers: str, specs: Iterable[TopicSpec]) -> list[str]:
    """Create the topics that do not exist yet and return their names; set the configuration
    of those that do (their partition count is never changed: that would move keys)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=15000)
    await admin.start()
    try:
        specs = list(specs)
        existing = set(await admin.list_topics())
        wanted = [s for s in specs if s.name not in existing]
        configured = [s for s in specs if s.name in existing and s.config]
        if configured:
            await admin.alter_configs(
                [
                    ConfigResource(ConfigResourceType.TOPIC, s.name, s.config_dict())
                    for s in configured
                ]
            )
        if not wanted:
            return []
        response = await admin.create_topics(
            [
                NewTopic(
                    name=s.name,
                    num_partitions=s.partitions,
                    replication_factor=1,
                    topic_configs=s.config_dict(),
                )
                for s in wanted
            ],
            timeout_ms=15000,
        )
        for name, code, *rest in response.topic_errors:
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise DependencyUnavailable(f"creating topic {name} failed: code {code} {rest}")
        created = [s.name for s in wanted]
        log.info("created topics %s", created)
        return created
    finally:
        await admin.close()


async def delete_topics(bootstrap_servers: str, names: Iterable[str]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=15000)
    await admin.start()
    try:
        await admin.delete_topics(list(names), timeout_ms=15000)
    finally:
        await admin.close()


async def list_topics(bootstrap_servers: str, *, prefix: str = "") -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=15000)
    await admin.start()
    try:
        return sorted(t for t in await admin.list_topics() if t.startswith(prefix))
    finally:
        await admin.close()
