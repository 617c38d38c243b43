"""主动发现 over a real application store: counts, costs and outreach events checked against
figures worked out from the standards by hand (636 → 717 yuan, urban, 2021 → 2022)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from devstack.seed import seed
from services.common.events import decode
from services.common.kafka import make_producer
from services.common.topics import Topics
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.config import Settings
from services.eligibility.entrypoints.discovery import run
from tests.support.applications import application
from tests.support.kafka import read_topic

pytestmark = pytest.mark.integration

URBAN_2021, URBAN_2022 = Decimal(636), Decimal(717)


def single_urban_adult(income: int, district: str, submitted_at: str) -> dict[str, object]:
    # Born 1980: 41–42 years old, able to work, no disability: only dibao and marginal apply.
    return application(district=district, residence="urban", members=1, monthly_income=income,
                       financial_assets=0.0, birth=date(1980, 5, 1),
                       submitted_at=submitted_at)  # fmt: skip


async def test_households_refused_in_2021_that_qualify_in_2022_are_found_once_each(
    kafka_bootstrap: str, topics: Topics
) -> None:
    in_2021 = "2022-03-01T10:00:00+08:00"
    # Between the two urban standards: refused in 2021 (only 低保边缘, no money), dibao in 2022.
    qualify = [single_urban_adult(i, "渝中区", in_2021) for i in range(640, 700, 10)]
    qualify += [single_urban_adult(i, "巫溪县", in_2021) for i in (650, 716)]
    # Above 1.5 × 717: refused under both.
    still_refused = [single_urban_adult(1200, "渝中区", in_2021) for _ in range(3)]
    # Submitted under 2022 already: not part of the 2021 baseline.
    later = [single_urban_adult(650, "渝中区", "2022-10-01T10:00:00+08:00") for _ in range(2)]
    await seed(kafka_bootstrap, topics.applications, [*qualify, *still_refused, *later])
    await seed(kafka_bootstrap, topics.applications, qualify[:1])  # a resubmission
    producer = make_producer(kafka_bootstrap, client_id="test")
    await producer.start()
    await producer.send_and_wait(topics.applications, b"not an event", key=b"junk")
    await producer.stop()

    settings = Settings.from_env({
        "YUZHU_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "YUZHU_TOPIC_NAMESPACE": topics.namespace,
    })  # fmt: skip
    book = load_policy_book()
    summary, _ = await run(settings=settings, book=book, baseline="cq-2021-09",
                           target="cq-2022-09", emit=True)  # fmt: skip

    incomes = [Decimal(str(a["household"]["monthly_income"])) for a in qualify]  # type: ignore[index]
    assert summary.read == len(qualify) + len(still_refused) + len(later) + 2
    assert (summary.invalid, summary.duplicates) == (1, 1)
    assert summary.in_baseline == len(qualify) + len(still_refused)
    assert summary.found == len(qualify)
    assert all(URBAN_2021 <= i < URBAN_2022 for i in incomes)
    assert summary.added_monthly == sum(URBAN_2022 - i for i in incomes)
    by_program = summary.to_dict()["by_program"]
    assert set(by_program) == {"dibao"}
    assert by_program["dibao"]["主城都市区"]["households"] == len(qualify) - 2
    assert by_program["dibao"]["渝东北"]["households"] == 2
    assert by_program["dibao"]["渝东南"]["households"] == 0

    outreach = await read_topic(kafka_bootstrap, topics.outreach,
                                until=lambda r: len(r) >= len(qualify))  # fmt: skip
    events = [decode(r.value) for r in outreach]
    assert sorted(e.subject for e in events) == sorted(str(a["application_id"]) for a in qualify)
    assert all(e.data["programs"] == ["dibao"] for e in events)
    assert all(r.key == e.subject.encode() for r, e in zip(outreach, events, strict=True))

    # A rerun emits the same events again (same ids): the notifier invites each household once.
    await run(settings=settings, book=book, baseline="cq-2021-09", target="cq-2022-09", emit=True)
    again = await read_topic(kafka_bootstrap, topics.outreach,
                             until=lambda r: len(r) >= 2 * len(qualify))  # fmt: skip
    assert len({decode(r.value).id for r in again}) == len(qualify)


async def test_a_dry_run_counts_but_emits_nothing(kafka_bootstrap: str, topics: Topics) -> None:
    await seed(kafka_bootstrap, topics.applications,
               [single_urban_adult(700, "渝中区", "2022-03-01T10:00:00+08:00")])  # fmt: skip
    settings = Settings.from_env({
        "YUZHU_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "YUZHU_TOPIC_NAMESPACE": topics.namespace,
    })  # fmt: skip
    summary, _ = await run(settings=settings, book=load_policy_book(), baseline="cq-2021-09",
                           target="cq-2022-09", emit=False)  # fmt: skip
    assert summary.found == 1
    assert await read_topic(kafka_bootstrap, topics.outreach, until=lambda r: True) == []
