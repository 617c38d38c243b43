"""``evaluate``: validate the payload, pick the policy version, run the eight programs.

The programs depend on each other in one direction only, so they run in that order:
orphan and unsupported_child take priority over tekun; an eligible tekun blocks dibao and
the care subsidy; dibao decides the living subsidy. The determination lists them in the fixed
SPEC order regardless.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .application import Program
from .determination import Determination, Outcome
from .facts import facts_of
from .policy import PolicyBook
from .programs.children import evaluate_orphan, evaluate_unsupported_child
from .programs.dibao import evaluate_dibao
from .programs.disability import evaluate_disability_care, evaluate_disability_living
from .programs.marginal import evaluate_marginal
from .programs.tekun import evaluate_tekun
from .programs.temporary import evaluate_temporary
from .reasons import ReasonWriter
from .validation import validate_application


def evaluate(
    payload: Mapping[str, Any], book: PolicyBook, *, under: str | None = None
) -> Determination:
    """The preliminary determination for an ``application.submitted`` payload.

    The policy version is the one in force on the Chongqing date of ``submitted_at``, unless
    ``under`` names another (主动发现 re-evaluates old applications under newer standards; ages
    still count at the date of submission).

    Raises ``EvaluationError`` (``InvalidApplication`` or ``NoPolicyError``) when the payload
    cannot be evaluated; the input is checked before the policy version is chosen.
    """
    app = validate_application(payload)
    version = book.version_for(app.local_date) if under is None else book.version(under)
    facts = facts_of(app, version)
    write = ReasonWriter(version, beneficiary_is_applicant=app.beneficiary.is_applicant)
    person = app.beneficiary

    orphan = evaluate_orphan(facts, person.parents, person.in_institution, version, write)
    unsupported = evaluate_unsupported_child(facts, person.parents, version, write)
    child_program = next(
        (r.program for r in (orphan, unsupported) if r.outcome is Outcome.ELIGIBLE), None
    )
    tekun = evaluate_tekun(facts, version, write, child_program=child_program)
    tekun_eligible = tekun.outcome is Outcome.ELIGIBLE
    dibao = evaluate_dibao(facts, write, tekun_eligible=tekun_eligible)
    results = {
        Program.TEKUN: tekun,
        Program.DIBAO: dibao,
        Program.MARGINAL: evaluate_marginal(facts, write),
        Program.TEMPORARY: evaluate_temporary(app.emergency, facts, version, write),
        Program.DISABILITY_LIVING: evaluate_disability_living(
            facts, version, write, dibao=dibao.outcome
        ),
        Program.DISABILITY_CARE: evaluate_disability_care(
            facts, version, write, tekun_eligible=tekun_eligible
        ),
        Program.ORPHAN: orphan,
        Program.UNSUPPORTED_CHILD: unsupported,
    }
    return Determination(
        application_id=app.application_id,
        policy_version=version.id,
        programs=tuple(results[p] for p in Program),
    )
