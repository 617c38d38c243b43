"""低保边缘家庭 (SPEC §3.3): registration for special assistance; never a monthly payment."""

from __future__ import annotations

from ..application import Program
from ..determination import Outcome, ProgramResult
from ..facts import Facts
from ..money import yuan_text
from ..reasons import ReasonWriter
from ..rules import Rule
from .common import assets_within_limit, income_below_marginal_band


def evaluate_marginal(facts: Facts, write: ReasonWriter) -> ProgramResult:
    h = facts.household
    not_below = not h.income_below_standard
    per_capita = h.per_capita_income(h.standard)
    reasons = [
        write(
            Rule.MARGINAL_INCOME_NOT_BELOW_STANDARD,
            not_below,
            "pass" if not_below else "fail",
            values={
                "monthly_income": h.income,
                "members": h.members,
                "standard": h.standard,
                "standard_total": h.standard_total,
                "per_capita_income": per_capita,
            },
            params=(h.standard_param,),
            pc=yuan_text(per_capita),
            standard=yuan_text(h.standard),
        ),
        income_below_marginal_band(Rule.MARGINAL_INCOME_BELOW_MULTIPLE, h, write),
        assets_within_limit(Rule.MARGINAL_ASSETS_WITHIN_LIMIT, h, write),
    ]
    if not h.in_marginal_band:
        return ProgramResult(Program.MARGINAL, Outcome.INELIGIBLE, tuple(reasons))
    reasons.append(write(Rule.MARGINAL_REGISTRATION, True, "pass", values={}))
    return ProgramResult(Program.MARGINAL, Outcome.ELIGIBLE, tuple(reasons))
