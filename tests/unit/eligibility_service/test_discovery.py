"""主动发现's pure parts: screening one application, totals, the printed table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from services.common.districts import DistrictGroup
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.domain import Program
from services.eligibility.domain.discovery import Summary, screen
from services.eligibility.entrypoints.discovery import render
from tests.support.applications import application

BOOK = load_policy_book()
IN_2021 = "2022-03-01T10:00:00+08:00"


def urban_single(income: float, submitted_at: str = IN_2021, district: str = "渝中区") -> dict:  # type: ignore[type-arg]
    return application(district=district, residence="urban", members=1, monthly_income=income,
                       financial_assets=0.0, birth=date(1980, 5, 1),
                       submitted_at=submitted_at)  # fmt: skip


def test_income_between_the_two_standards_is_found_with_the_gap_as_the_added_cost() -> None:
    result = screen(urban_single(650), BOOK, baseline="cq-2021-09", target="cq-2022-09")
    assert result.in_baseline
    assert result.finding is not None
    assert result.finding.programs == (Program.DIBAO,)
    assert result.finding.added_monthly == Decimal(717 - 650)
    assert result.finding.group is DistrictGroup.MAIN_URBAN


def test_an_application_already_eligible_in_the_baseline_is_not_found() -> None:
    result = screen(urban_single(500), BOOK, baseline="cq-2021-09", target="cq-2022-09")
    assert (result.in_baseline, result.finding) == (True, None)


def test_an_application_of_another_period_is_outside_the_baseline() -> None:
    later = urban_single(650, submitted_at="2022-10-01T10:00:00+08:00")
    result = screen(later, BOOK, baseline="cq-2021-09", target="cq-2022-09")
    assert (result.in_baseline, result.finding) == (False, None)


def test_the_summary_counts_households_and_cost_by_program_and_district_group() -> None:
    summary = Summary(baseline="cq-2021-09", target="cq-2022-09")
    for income, district in ((650, "渝中区"), (700, "巫溪县"), (710, "巫溪县")):
        finding = screen(urban_single(income, district=district), BOOK,
                         baseline="cq-2021-09", target="cq-2022-09").finding  # fmt: skip
        assert finding is not None
        summary.add(finding)
    data = summary.to_dict()
    assert data["found"] == 3
    assert data["by_program"]["dibao"]["渝东北"] == {"households": 2, "monthly_amount": 24.0}
    assert data["added_monthly_amount"] == float(67 + 17 + 7)
    table = render(summary, seconds=2.0, emitted=True)
    assert "dibao 低保" in table
    assert "outreach events emitted: 3" in table
