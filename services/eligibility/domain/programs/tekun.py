"""特困供养 (SPEC §3.1): unable to work, no means, no able supporter, living alone."""

from __future__ import annotations

from ..application import Program
from ..determination import Outcome, ProgramResult, Reason
from ..facts import BeneficiaryFacts, Facts
from ..messages import CHILD_PROGRAM, DISABILITY_KIND, grade_text
from ..money import plain_number_text, yuan_text
from ..parameters import Param, tekun_max_grade
from ..policy import PolicyVersion
from ..reasons import ReasonWriter
from ..rules import Rule
from .common import assets_within_limit, income_below_standard


def evaluate_tekun(
    facts: Facts,
    version: PolicyVersion,
    write: ReasonWriter,
    *,
    child_program: Program | None,
) -> ProgramResult:
    """``child_program`` is the orphan or unsupported-child program when that one is
    eligible: it takes priority, turning eligible and needs_review alike into ineligible."""
    h, b = facts.household, facts.beneficiary
    qualifies = (
        b.unable_to_work
        and h.income_below_standard
        and h.assets_within_limit
        and not b.able_supporter
    )
    alone = h.members == 1
    reasons = [
        _unable_to_work(b, version, write),
        income_below_standard(Rule.TEKUN_INCOME_BELOW_STANDARD, h, write),
        assets_within_limit(Rule.TEKUN_ASSETS_WITHIN_LIMIT, h, write),
        write(
            Rule.TEKUN_NO_ABLE_SUPPORTER,
            not b.able_supporter,
            "fail" if b.able_supporter else "pass",
            values={"able_supporter": b.able_supporter},
        ),
        write(
            Rule.TEKUN_SINGLE_PERSON_HOUSEHOLD,
            alone,
            "pass" if alone else ("review" if qualifies and child_program is None else "fail"),
            values={"members": h.members},
            members=str(h.members),
        ),
    ]
    if child_program is not None:
        reasons.append(
            write(
                Rule.TEKUN_CHILD_ASSISTANCE_PRIORITY,
                False,
                "fail",
                values={"priority_program": str(child_program)},
                child=CHILD_PROGRAM[child_program],
            )
        )
        return ProgramResult(Program.TEKUN, Outcome.INELIGIBLE, tuple(reasons))
    if not qualifies:
        return ProgramResult(Program.TEKUN, Outcome.INELIGIBLE, tuple(reasons))
    if not alone:
        return ProgramResult(Program.TEKUN, Outcome.NEEDS_REVIEW, tuple(reasons))
    amount = version.param(Param.TEKUN_BASIC)
    reasons.append(
        write(
            Rule.TEKUN_AMOUNT,
            True,
            "pass",
            values={"amount": amount},
            params=(Param.TEKUN_BASIC,),
            amount=yuan_text(amount),
        )
    )
    return ProgramResult(Program.TEKUN, Outcome.ELIGIBLE, tuple(reasons), monthly_amount=amount)


def _unable_to_work(b: BeneficiaryFacts, version: PolicyVersion, write: ReasonWriter) -> Reason:
    elderly = version.param(Param.TEKUN_ELDERLY_AGE)
    minor = version.param(Param.TEKUN_MINOR_AGE)
    params = [Param.TEKUN_ELDERLY_AGE, Param.TEKUN_MINOR_AGE]
    if b.kind is not None:
        params.append(tekun_max_grade(b.kind))
    return write(
        Rule.TEKUN_UNABLE_TO_WORK,
        b.unable_to_work,
        str(b.incapacity) if b.incapacity is not None else "fail",
        values={
            "age": b.age,
            "elderly_age": elderly,
            "minor_age": minor,
            "disability_grade": b.grade,
            "disability_kind": str(b.kind) if b.kind is not None else None,
            "ground": str(b.incapacity) if b.incapacity is not None else None,
        },
        params=params,
        age=str(b.age),
        elderly_age=plain_number_text(elderly),
        minor_age=plain_number_text(minor),
        kind=DISABILITY_KIND[b.kind] if b.kind is not None else "",
        grade=grade_text(b.grade) if b.grade else "",
    )
