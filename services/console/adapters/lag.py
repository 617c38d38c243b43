"""Consumer lag per service group: how many records each group still has to read.

Reads committed offsets with the admin client and end offsets with a group-less consumer,
both kept open while the console runs. A group or broker that does not answer shows as None
(unknown), never as 0.
"""

from __future__ import annotations

import logging

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from services.common.kafka import partitions_of

log = logging.getLogger(__name__)


class KafkaLag:
    def __init__(self, bootstrap: str, groups: dict[str, list[str]]) -> None:
        self._bootstrap = bootstrap
        self._groups = groups
        self._admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        self._consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)

    async def start(self) -> None:
        await self._admin.start()
        await self._consumer.start()

    async def close(self) -> None:
        await self._consumer.stop()
        await self._admin.close()

    async def __call__(self) -> dict[str, int | None]:
        result: dict[str, int | None] = {}
        for group, topics in self._groups.items():
            try:
                result[group] = await self._lag(group, topics)
            except (KafkaError, OSError) as exc:
                log.info("lag of %s unknown: %s", group, type(exc).__name__)
                result[group] = None
        return result

    async def _lag(self, group: str, topics: list[str]) -> int:
        committed = await self._admin.list_consumer_group_offsets(group)
        tps: list[TopicPartition] = []
        for topic in topics:
            tps.extend(await partitions_of(self._consumer, topic))
        ends = await self._consumer.end_offsets(tps)
        lag = 0
        for tp in tps:
            done = committed.get(tp)
            lag += ends[tp] - (done.offset if done is not None and done.offset >= 0 else 0)
        return lag
