"""Names of the policy parameters the rules read (SPEC §1).

Values never live in code: they come from the policy data, each with its own dated history and
source. This module only fixes the *names*, so that a policy file that misspells one, or a
version that lacks one, is rejected when the data is loaded rather than when a resident applies.
"""

from __future__ import annotations

from enum import StrEnum


class Param(StrEnum):
    DIBAO_STANDARD_URBAN = "dibao.standard.urban"
    DIBAO_STANDARD_RURAL = "dibao.standard.rural"
    TEKUN_BASIC = "tekun.basic"
    ORPHAN_INSTITUTION = "orphan.institution"
    ORPHAN_SCATTERED = "orphan.scattered"
    UNSUPPORTED_CHILD = "unsupported_child"
    ASSETS_MAX_MONTHS = "assets.max_months"
    MARGINAL_INCOME_MULTIPLE = "marginal.income_multiple"
    TEKUN_MINOR_AGE = "tekun.minor_age"
    TEKUN_ELDERLY_AGE = "tekun.elderly_age"
    # Highest disability grade (1 is the most severe) that counts as unable to work, per kind;
    # 0 means no grade of that kind counts.
    TEKUN_MAX_GRADE_PHYSICAL = "tekun.disability_max_grade.physical"
    TEKUN_MAX_GRADE_VISUAL = "tekun.disability_max_grade.visual"
    TEKUN_MAX_GRADE_HEARING = "tekun.disability_max_grade.hearing"
    TEKUN_MAX_GRADE_SPEECH = "tekun.disability_max_grade.speech"
    TEKUN_MAX_GRADE_INTELLECTUAL = "tekun.disability_max_grade.intellectual"
    TEKUN_MAX_GRADE_MENTAL = "tekun.disability_max_grade.mental"
    TEKUN_MAX_GRADE_MULTIPLE = "tekun.disability_max_grade.multiple"
    DIBAO_SEVERE_MAX_GRADE = "dibao.single_person.severe_max_grade"
    TEMPORARY_ADVANCE_MONTHS = "temporary.advance_months"
    DISABILITY_LIVING = "disability.living"
    DISABILITY_LIVING_MAX_GRADE = "disability.living.max_grade"
    DISABILITY_CARE_GRADE1 = "disability.care.grade1"
    DISABILITY_CARE_GRADE2 = "disability.care.grade2"
    DISABILITY_CARE_MAX_GRADE = "disability.care.max_grade"
    ORPHAN_MAX_AGE = "orphan.max_age"
    UNSUPPORTED_CHILD_MAX_AGE = "unsupported_child.max_age"


def tekun_max_grade(kind: str) -> Param:
    """The parameter holding the tekun disability threshold for a disability kind."""
    return Param(f"tekun.disability_max_grade.{kind}")


def care_amount(grade: int) -> Param:
    """The parameter holding the care subsidy for a disability grade (grade1, grade2, …)."""
    return Param(f"disability.care.grade{grade}")
