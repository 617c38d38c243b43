"""城乡低保 (SPEC §3.2), including 单人保 for severely disabled or ill members of 边缘 families."""

from __future__ import annotations

from ..application import Program
from ..determination import Outcome, ProgramResult, Reason
from ..facts import Facts
from ..messages import RESIDENCE, SINGLE_PERSON_CONDITION
from ..money import difference, plain_number_text, yuan_text
from ..parameters import Param
from ..reasons import ReasonWriter
from ..rules import Rule
from .common import assets_within_limit, income_below_standard


def evaluate_dibao(facts: Facts, write: ReasonWriter, *, tekun_eligible: bool) -> ProgramResult:
    """Only an *eligible* tekun blocks dibao; tekun needs_review does not (SPEC §5)."""
    h = facts.household
    reasons = [
        income_below_standard(Rule.DIBAO_INCOME_BELOW_STANDARD, h, write),
        assets_within_limit(Rule.DIBAO_ASSETS_WITHIN_LIMIT, h, write),
    ]
    if h.income_below_standard and h.assets_within_limit:
        if tekun_eligible:
            reasons.append(
                write(
                    Rule.DIBAO_NO_DOUBLE_COVERAGE,
                    False,
                    "fail",
                    values={"tekun_eligible": True},
                )
            )
            return ProgramResult(Program.DIBAO, Outcome.INELIGIBLE, tuple(reasons))
        # 民发〔2021〕57号 Art. 23: the benefit fills the gap up to the household's standard.
        amount = difference(h.standard_total, h.income)
        reasons.append(
            write(
                Rule.DIBAO_AMOUNT,
                True,
                "pass",
                values={
                    "standard": h.standard,
                    "members": h.members,
                    "monthly_income": h.income,
                    "amount": amount,
                },
                params=(h.standard_param,),
                area=RESIDENCE[h.residence],
                standard=yuan_text(h.standard),
                members=str(h.members),
                income=yuan_text(h.income),
                amount=yuan_text(amount),
            )
        )
        return ProgramResult(Program.DIBAO, Outcome.ELIGIBLE, tuple(reasons), monthly_amount=amount)
    if h.in_marginal_band:
        single = _single_person_coverage(facts, write)
        reasons.append(single)
        outcome = Outcome.NEEDS_REVIEW if single.passed else Outcome.INELIGIBLE
        return ProgramResult(Program.DIBAO, outcome, tuple(reasons))
    return ProgramResult(Program.DIBAO, Outcome.INELIGIBLE, tuple(reasons))


def _single_person_coverage(facts: Facts, write: ReasonWriter) -> Reason:
    h, b = facts.household, facts.beneficiary
    if b.severely_disabled and b.serious_illness:
        condition = "disabled_and_ill"
    elif b.severely_disabled:
        condition = "disabled"
    elif b.serious_illness:
        condition = "ill"
    else:
        condition = ""
    per_capita = h.per_capita_income(h.marginal_band)
    return write(
        Rule.DIBAO_SINGLE_PERSON_COVERAGE,
        bool(condition),
        "pass" if condition else "fail",
        values={
            "monthly_income": h.income,
            "members": h.members,
            "band_total": h.marginal_band_total,
            "severely_disabled": b.severely_disabled,
            "serious_illness": b.serious_illness,
        },
        params=(h.standard_param, Param.MARGINAL_INCOME_MULTIPLE, Param.DIBAO_SEVERE_MAX_GRADE),
        pc=yuan_text(per_capita),
        multiple=plain_number_text(h.income_multiple),
        band=yuan_text(h.marginal_band),
        condition=SINGLE_PERSON_CONDITION.get(condition, ""),
    )
