"""孤儿 and 事实无人抚养儿童 (SPEC §3.7, §3.8): minors whose parents cannot raise them.

Both are ``not_applicable`` to an adult or when ``parents`` was not given (SPEC §5); a minor
whose parents' situation does not qualify is ``ineligible``.
"""

from __future__ import annotations

from ..application import Parents, Program
from ..determination import Outcome, ProgramResult, Reason
from ..facts import Facts
from ..money import plain_number_text, yuan_text
from ..parameters import Param
from ..policy import PolicyVersion
from ..reasons import ReasonWriter
from ..rules import Rule

_UNSUPPORTED = frozenset({Parents.BOTH_INCAPABLE, Parents.ONE_DECEASED_OTHER_INCAPABLE})


def evaluate_orphan(
    facts: Facts,
    parents: Parents | None,
    in_institution: bool,
    version: PolicyVersion,
    write: ReasonWriter,
) -> ProgramResult:
    age = _under_age(Rule.ORPHAN_UNDER_AGE, Param.ORPHAN_MAX_AGE, facts, version, write)
    if not age.passed:
        return ProgramResult(Program.ORPHAN, Outcome.NOT_APPLICABLE, (age,))
    values = {"parents": str(parents) if parents is not None else None}
    if parents is None:
        unknown = write(Rule.ORPHAN_PARENTS, False, "unknown", values=values)
        return ProgramResult(Program.ORPHAN, Outcome.NOT_APPLICABLE, (age, unknown))
    if parents is not Parents.BOTH_DECEASED_OR_MISSING:
        failed = write(Rule.ORPHAN_PARENTS, False, "fail", values=values)
        return ProgramResult(Program.ORPHAN, Outcome.INELIGIBLE, (age, failed))
    param = Param.ORPHAN_INSTITUTION if in_institution else Param.ORPHAN_SCATTERED
    amount = version.param(param)
    reasons = (
        age,
        write(Rule.ORPHAN_PARENTS, True, "pass", values=values),
        write(
            Rule.ORPHAN_AMOUNT,
            True,
            "institution" if in_institution else "scattered",
            values={"in_institution": in_institution, "amount": amount},
            params=(param,),
            amount=yuan_text(amount),
        ),
    )
    return ProgramResult(Program.ORPHAN, Outcome.ELIGIBLE, reasons, monthly_amount=amount)


def evaluate_unsupported_child(
    facts: Facts, parents: Parents | None, version: PolicyVersion, write: ReasonWriter
) -> ProgramResult:
    age = _under_age(
        Rule.UNSUPPORTED_CHILD_UNDER_AGE, Param.UNSUPPORTED_CHILD_MAX_AGE, facts, version, write
    )
    if not age.passed:
        return ProgramResult(Program.UNSUPPORTED_CHILD, Outcome.NOT_APPLICABLE, (age,))
    values = {"parents": str(parents) if parents is not None else None}
    if parents is None:
        unknown = write(Rule.UNSUPPORTED_CHILD_PARENTS, False, "unknown", values=values)
        return ProgramResult(Program.UNSUPPORTED_CHILD, Outcome.NOT_APPLICABLE, (age, unknown))
    if parents not in _UNSUPPORTED:
        failed = write(Rule.UNSUPPORTED_CHILD_PARENTS, False, "fail", values=values)
        return ProgramResult(Program.UNSUPPORTED_CHILD, Outcome.INELIGIBLE, (age, failed))
    amount = version.param(Param.UNSUPPORTED_CHILD)
    reasons = (
        age,
        write(Rule.UNSUPPORTED_CHILD_PARENTS, True, str(parents), values=values),
        write(
            Rule.UNSUPPORTED_CHILD_AMOUNT,
            True,
            "pass",
            values={"amount": amount},
            params=(Param.UNSUPPORTED_CHILD,),
            amount=yuan_text(amount),
        ),
    )
    return ProgramResult(
        Program.UNSUPPORTED_CHILD, Outcome.ELIGIBLE, reasons, monthly_amount=amount
    )


def _under_age(
    rule: Rule, max_age_param: Param, facts: Facts, version: PolicyVersion, write: ReasonWriter
) -> Reason:
    age = facts.beneficiary.age
    max_age = version.param(max_age_param)
    under = age < max_age
    return write(
        rule,
        under,
        "pass" if under else "fail",
        values={"age": age, "max_age": max_age},
        params=(max_age_param,),
        age=str(age),
        max_age=plain_number_text(max_age),
    )
