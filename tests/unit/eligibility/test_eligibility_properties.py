"""Properties that hold for any valid application (hypothesis)."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from eligibility_support import make_id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.districts import CANONICAL_NAMES
from services.eligibility.domain import (
    Determination,
    EvaluationError,
    Outcome,
    PolicyBook,
    Program,
    evaluate,
)

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

FIRST_DAY = date(2021, 9, 1)
LAST_DAY = date(2026, 12, 31)
OFFSETS = ["Z", "+08:00", "-05:00", "+14:00", "-12:00", "+05:30"]
# Standards of both versions and their 1.5 and 24 multiples: where the boundaries are.
STANDARDS = [Decimal(s) for s in ("636", "717", "515", "581")]
DISABILITY_KINDS = [
    None,
    "physical",
    "visual",
    "hearing",
    "speech",
    "intellectual",
    "mental",
    "multiple",
]
PARENTS = [
    None,
    "normal",
    "both_deceased_or_missing",
    "both_incapable",
    "one_deceased_other_incapable",
]
EMERGENCY_KINDS = st.sampled_from(
    ["fire", "flood", "disaster", "accident", "illness", "expense", "other"]
)


@st.composite
def birth_dates(draw: st.DrawFn, on: date) -> date:
    """Mostly near the ages the rules care about (0, 16, 18, 60), sometimes anywhere."""
    if draw(st.booleans()):
        return draw(st.dates(min_value=date(1920, 1, 1), max_value=on - timedelta(days=2)))
    years = draw(st.sampled_from([0, 1, 15, 16, 17, 18, 19, 59, 60, 61]))
    try:
        anchor = on.replace(year=on.year - years)
    except ValueError:  # 29 February in a common year
        anchor = on.replace(year=on.year - years, day=28)
    born = anchor + timedelta(days=draw(st.integers(-1, 1)))
    return min(born, on - timedelta(days=2))


@st.composite
def money(draw: st.DrawFn, members: int) -> Any:
    """Yuan as a JSON number; often exactly at, or a fen either side of, a threshold."""
    choice = draw(st.integers(0, 2))
    if choice == 0:
        fen = draw(st.integers(0, 10_000_00))
    else:
        standard = draw(st.sampled_from(STANDARDS))
        multiple = draw(st.sampled_from([Decimal(1), Decimal("1.5"), Decimal(24), Decimal(2)]))
        fen = int(standard * multiple * members * 100) + draw(st.integers(-1, 1))
    amount = Decimal(max(fen, 0)) / 100
    return int(amount) if draw(st.booleans()) and amount == int(amount) else float(amount)


@st.composite
def applications(draw: st.DrawFn) -> dict[str, Any]:
    # The local day is drawn, then a time is put on it in some offset; two days of margin
    # keep the ID birth dates before the local date whatever the offset.
    day = draw(st.dates(min_value=FIRST_DAY + timedelta(days=2), max_value=LAST_DAY))
    clock = draw(st.times())
    submitted = f"{day.isoformat()}T{clock.strftime('%H:%M:%S')}{draw(st.sampled_from(OFFSETS))}"
    members = draw(st.integers(1, 8))
    applicant_birth = draw(birth_dates(day))
    result: dict[str, Any] = {
        "application_id": str(draw(st.uuids())),
        "submitted_at": submitted,
        "channel": draw(st.sampled_from(["palm", "fingertip", "counter"])),
        "applicant": {
            "name": "申请人",
            "id_number": make_id(applicant_birth, sequence=f"{draw(st.integers(0, 999)):03d}"),
            "phone": "139" + f"{draw(st.integers(0, 99_999_999)):08d}",
        },
        "household": {
            "district": draw(st.sampled_from(CANONICAL_NAMES)),
            "residence": draw(st.sampled_from(["urban", "rural"])),
            "members": members,
            "monthly_income": draw(money(members)),
            "financial_assets": draw(money(members)),
        },
        "emergency": draw(st.none() | st.fixed_dictionaries({"kind": EMERGENCY_KINDS})),
        "programs_requested": draw(st.lists(st.sampled_from([p.value for p in Program]))),
    }
    if draw(st.booleans()):
        beneficiary: dict[str, Any] = {
            "disability_grade": draw(st.integers(0, 4)),
            "disability_kind": draw(st.sampled_from(DISABILITY_KINDS)),
            "serious_illness": draw(st.booleans()),
            "able_supporter": draw(st.booleans()),
            "parents": draw(st.sampled_from(PARENTS)),
            "in_institution": draw(st.booleans()),
        }
        if draw(st.booleans()):
            beneficiary["id_number"] = make_id(draw(birth_dates(day)))
        result["beneficiary"] = beneficiary
    return result


def _outcome(result: Determination, program: Program) -> Outcome:
    return result.program(program).outcome


@SETTINGS
@given(app=applications())
def test_amounts_are_never_negative(app: dict[str, Any], book: PolicyBook) -> None:
    result = evaluate(app, book)
    for program in result.programs:
        assert program.monthly_amount >= 0
        assert program.one_off_amount >= 0
    assert result.total_monthly_amount >= 0
    assert result.total_one_off_amount >= 0


@SETTINGS
@given(app=applications())
def test_amounts_are_zero_unless_eligible(app: dict[str, Any], book: PolicyBook) -> None:
    for program in evaluate(app, book).programs:
        if program.outcome is not Outcome.ELIGIBLE:
            assert program.monthly_amount == 0
            assert program.one_off_amount == 0


@SETTINGS
@given(app=applications())
def test_tekun_and_dibao_are_never_both_eligible(app: dict[str, Any], book: PolicyBook) -> None:
    result = evaluate(app, book)
    assert not (
        _outcome(result, Program.TEKUN) is Outcome.ELIGIBLE
        and _outcome(result, Program.DIBAO) is Outcome.ELIGIBLE
    )


@SETTINGS
@given(app=applications())
def test_child_programs_take_priority_over_tekun(app: dict[str, Any], book: PolicyBook) -> None:
    result = evaluate(app, book)
    if Outcome.ELIGIBLE in (
        _outcome(result, Program.ORPHAN),
        _outcome(result, Program.UNSUPPORTED_CHILD),
    ):
        assert _outcome(result, Program.TEKUN) is Outcome.INELIGIBLE


@SETTINGS
@given(app=applications())
def test_status_is_derived_from_the_programs(app: dict[str, Any], book: PolicyBook) -> None:
    result = evaluate(app, book).to_dict()
    outcomes = [p["outcome"] for p in result["programs"]]
    paying = [
        p
        for p in result["programs"]
        if p["outcome"] == "eligible" and (p["monthly_amount"] or p["one_off_amount"])
    ]
    if "needs_review" in outcomes:
        assert result["status"] == "needs_review"
    elif paying:
        assert result["status"] == "eligible"
    else:
        assert result["status"] == "ineligible"


@SETTINGS
@given(app=applications())
def test_totals_are_the_sum_of_eligible_rounded_amounts(
    app: dict[str, Any], book: PolicyBook
) -> None:
    result = evaluate(app, book)
    eligible = [p for p in result.programs if p.outcome is Outcome.ELIGIBLE]
    monthly = sum((p.monthly_amount for p in eligible), Decimal(0))
    one_off = sum((p.one_off_amount for p in eligible), Decimal(0))
    assert result.total_monthly_amount == monthly
    assert result.total_one_off_amount == one_off
    as_dict = result.to_dict()
    assert as_dict["total_monthly_amount"] == float(monthly)
    assert as_dict["total_one_off_amount"] == float(one_off)
    for program in as_dict["programs"]:
        assert round(program["monthly_amount"], 2) == program["monthly_amount"]


@SETTINGS
@given(app=applications())
def test_same_input_gives_the_same_json(app: dict[str, Any], book: PolicyBook) -> None:
    first = json.dumps(evaluate(app, book).to_dict(), sort_keys=True, ensure_ascii=False)
    second = json.dumps(
        evaluate(copy.deepcopy(app), book).to_dict(), sort_keys=True, ensure_ascii=False
    )
    assert first == second


@SETTINGS
@given(app=applications())
def test_program_dependencies_hold(app: dict[str, Any], book: PolicyBook) -> None:
    result = evaluate(app, book)
    if _outcome(result, Program.DISABILITY_LIVING) is Outcome.ELIGIBLE:
        assert _outcome(result, Program.DIBAO) is Outcome.ELIGIBLE
    if _outcome(result, Program.DISABILITY_CARE) is Outcome.ELIGIBLE:
        assert _outcome(result, Program.TEKUN) is not Outcome.ELIGIBLE
    if _outcome(result, Program.MARGINAL) is Outcome.ELIGIBLE:
        assert _outcome(result, Program.DIBAO) is not Outcome.ELIGIBLE
    assert result.marginal is (_outcome(result, Program.MARGINAL) is Outcome.ELIGIBLE)
    assert [p.program for p in result.programs] == list(Program)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@SETTINGS
@given(app=applications(), data=st.data())
def test_corrupted_input_is_refused_with_an_evaluation_error_or_still_evaluated(
    app: dict[str, Any], data: st.DataObject, book: PolicyBook
) -> None:
    section = data.draw(st.sampled_from(["", "applicant", "household", "beneficiary"]))
    target = app if not section else app.setdefault(section, {})
    key = data.draw(st.sampled_from(sorted(target) or ["name"]))
    target[key] = data.draw(JSON_VALUES)
    refusal: EvaluationError | None = None
    try:
        json.dumps(evaluate(app, book).to_dict())
    except EvaluationError as error:
        refusal = error
    if refusal is not None:
        assert refusal.code
        assert refusal.message.endswith("。")
