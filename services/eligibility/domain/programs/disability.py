"""残疾人两项补贴 (SPEC §3.5, §3.6): the living subsidy and the severe-disability care subsidy."""

from __future__ import annotations

from decimal import Decimal

from ..application import Program
from ..determination import Outcome, ProgramResult, Reason, ReasonValue
from ..facts import BeneficiaryFacts, Facts
from ..messages import DISABILITY_KIND, grade_text, grades_up_to_text
from ..money import yuan_text
from ..parameters import Param, care_amount
from ..policy import PolicyVersion
from ..reasons import ReasonWriter
from ..rules import Rule


def evaluate_disability_living(
    facts: Facts, version: PolicyVersion, write: ReasonWriter, *, dibao: Outcome
) -> ProgramResult:
    """Needs dibao *eligible*: a 单人保 still under review is not enough (SPEC §5)."""
    b = facts.beneficiary
    if b.grade == 0:
        return ProgramResult(
            Program.DISABILITY_LIVING,
            Outcome.NOT_APPLICABLE,
            (_grade_reason(Rule.DISABILITY_LIVING_GRADE, "none", b, write),),
        )
    max_grade = version.param(Param.DISABILITY_LIVING_MAX_GRADE)
    graded = b.grade <= max_grade
    in_dibao = dibao is Outcome.ELIGIBLE
    reasons = [
        _grade_reason(
            Rule.DISABILITY_LIVING_GRADE,
            "pass" if graded else "fail",
            b,
            write,
            max_grade=max_grade,
            params=(Param.DISABILITY_LIVING_MAX_GRADE,),
        ),
        write(
            Rule.DISABILITY_LIVING_DIBAO_HOUSEHOLD,
            in_dibao,
            {Outcome.ELIGIBLE: "pass", Outcome.NEEDS_REVIEW: "pending"}.get(dibao, "fail"),
            values={"dibao_outcome": str(dibao)},
        ),
    ]
    if not (graded and in_dibao):
        return ProgramResult(Program.DISABILITY_LIVING, Outcome.INELIGIBLE, tuple(reasons))
    amount = version.param(Param.DISABILITY_LIVING)
    reasons.append(
        write(
            Rule.DISABILITY_LIVING_AMOUNT,
            True,
            "pass",
            values={"amount": amount},
            params=(Param.DISABILITY_LIVING,),
            amount=yuan_text(amount),
        )
    )
    return ProgramResult(
        Program.DISABILITY_LIVING, Outcome.ELIGIBLE, tuple(reasons), monthly_amount=amount
    )


def evaluate_disability_care(
    facts: Facts, version: PolicyVersion, write: ReasonWriter, *, tekun_eligible: bool
) -> ProgramResult:
    """Blocked only by an *eligible* tekun, whose care covers the same need (SPEC §5)."""
    b = facts.beneficiary
    if b.grade == 0:
        return ProgramResult(
            Program.DISABILITY_CARE,
            Outcome.NOT_APPLICABLE,
            (_grade_reason(Rule.DISABILITY_CARE_SEVERE_GRADE, "none", b, write),),
        )
    max_grade = version.param(Param.DISABILITY_CARE_MAX_GRADE)
    severe = b.grade <= max_grade
    reasons = [
        _grade_reason(
            Rule.DISABILITY_CARE_SEVERE_GRADE,
            "pass" if severe else "fail",
            b,
            write,
            max_grade=max_grade,
            params=(Param.DISABILITY_CARE_MAX_GRADE,),
            grades=grades_up_to_text(int(max_grade)),
        )
    ]
    if tekun_eligible:
        reasons.append(
            write(Rule.DISABILITY_CARE_NOT_TEKUN, False, "fail", values={"tekun_eligible": True})
        )
    if not severe or tekun_eligible:
        return ProgramResult(Program.DISABILITY_CARE, Outcome.INELIGIBLE, tuple(reasons))
    param = care_amount(b.grade)
    amount = version.param(param)
    reasons.append(
        write(
            Rule.DISABILITY_CARE_AMOUNT,
            True,
            "pass",
            values={"disability_grade": b.grade, "amount": amount},
            params=(param,),
            grade=grade_text(b.grade),
            amount=yuan_text(amount),
        )
    )
    return ProgramResult(
        Program.DISABILITY_CARE, Outcome.ELIGIBLE, tuple(reasons), monthly_amount=amount
    )


def _grade_reason(
    rule: Rule,
    variant: str,
    b: BeneficiaryFacts,
    write: ReasonWriter,
    *,
    max_grade: Decimal | None = None,
    params: tuple[Param, ...] = (),
    **figures: str,
) -> Reason:
    values: dict[str, ReasonValue] = {
        "disability_grade": b.grade,
        "disability_kind": str(b.kind) if b.kind is not None else None,
    }
    if max_grade is not None:
        values["max_grade"] = max_grade
    return write(
        rule,
        variant == "pass",
        variant,
        values=values,
        params=params,
        kind=DISABILITY_KIND[b.kind] if b.kind is not None else "",
        grade=grade_text(b.grade) if b.grade else "",
        **figures,
    )
