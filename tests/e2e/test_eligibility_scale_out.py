"""Two eligibility workers in one consumer group split the partitions and, together, decide a
burst of applications with nothing missed and nothing decided twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from devstack import StackConfig
from devstack.generate import applications
from devstack.seed import seed
from services.common.events import decode
from services.common.topics import Topics
from tests.support.kafka import eventually, read_topic
from tests.support.services import ServiceProcess, eligibility_worker

pytestmark = pytest.mark.e2e

BURST = 600


@pytest.fixture
def two_workers(stack: StackConfig, topics: Topics) -> Iterator[list[ServiceProcess]]:
    workers = [eligibility_worker(stack, topics, f"eligibility-{i}") for i in (1, 2)]
    try:
        for w in workers:
            w.start()
        for w in workers:
            w.wait_healthy()
        yield workers
    finally:
        for w in workers:
            w.stop()


async def test_two_workers_share_the_partitions_and_decide_every_application_once(
    two_workers: list[ServiceProcess], kafka_bootstrap: str, topics: Topics
) -> None:
    def assigned() -> list[float]:
        return [w.metric("yuzhu_eligibility_assigned_partitions") for w in two_workers]

    # Both workers own part of the topic before the burst starts.
    await eventually(lambda: sum(assigned()) == 6 and min(assigned()) > 0, timeout=60)
    burst = applications(BURST, seed=7)
    await seed(kafka_bootstrap, topics.applications, burst)

    decisions = await read_topic(kafka_bootstrap, topics.decisions,
                                 until=lambda r: len(r) >= BURST, timeout=120)  # fmt: skip
    per_application = Counter(decode(r.value).subject for r in decisions)
    assert set(per_application) == {str(a["application_id"]) for a in burst}
    assert max(per_application.values()) == 1

    shares = [w.metric("yuzhu_eligibility_determinations_total") for w in two_workers]
    assert sum(shares) == BURST
    assert min(shares) > 0, f"one worker did all the work: {shares}"
