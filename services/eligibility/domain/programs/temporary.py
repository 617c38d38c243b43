"""临时救助 (SPEC §3.4): 急难型 is paid first (先行救助), 支出型 and other are reviewed first."""

from __future__ import annotations

from ..application import Emergency, Program
from ..determination import Outcome, ProgramResult
from ..facts import Facts
from ..messages import EMERGENCY_KIND, RESIDENCE
from ..money import plain_number_text, product, yuan_text
from ..parameters import Param
from ..policy import PolicyVersion
from ..reasons import ReasonWriter
from ..rules import Rule


def evaluate_temporary(
    emergency: Emergency | None, facts: Facts, version: PolicyVersion, write: ReasonWriter
) -> ProgramResult:
    if emergency is None:
        reason = write(Rule.TEMPORARY_EMERGENCY_REPORTED, False, "fail", values={"emergency": None})
        return ProgramResult(Program.TEMPORARY, Outcome.NOT_APPLICABLE, (reason,))
    kind = EMERGENCY_KIND[emergency.kind]
    urgent = emergency.kind.is_urgent
    reasons = [
        write(
            Rule.TEMPORARY_EMERGENCY_REPORTED,
            True,
            "pass",
            values={"emergency": str(emergency.kind)},
            emergency=kind,
        ),
        write(
            Rule.TEMPORARY_URGENT_KIND,
            urgent,
            "pass" if urgent else "fail",
            values={"emergency": str(emergency.kind), "urgent": urgent},
            emergency=kind,
        ),
    ]
    if not urgent:
        return ProgramResult(Program.TEMPORARY, Outcome.NEEDS_REVIEW, tuple(reasons))
    h = facts.household
    months = version.param(Param.TEMPORARY_ADVANCE_MONTHS)
    amount = product(months, h.standard)
    reasons.append(
        write(
            Rule.TEMPORARY_AMOUNT,
            True,
            "pass",
            values={"standard": h.standard, "advance_months": months, "amount": amount},
            params=(h.standard_param, Param.TEMPORARY_ADVANCE_MONTHS),
            area=RESIDENCE[h.residence],
            standard=yuan_text(h.standard),
            months=plain_number_text(months),
            amount=yuan_text(amount),
        )
    )
    return ProgramResult(Program.TEMPORARY, Outcome.ELIGIBLE, tuple(reasons), one_off_amount=amount)
