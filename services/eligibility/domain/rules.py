"""Stable ids of the rules behind every reason in a determination.

Clients and caseworkers key on these ids (and the policy data keys its citations on them), so
an id is never renamed: a changed rule gets a new id.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    TEKUN_UNABLE_TO_WORK = "tekun.unable_to_work"
    TEKUN_INCOME_BELOW_STANDARD = "tekun.income_below_standard"
    TEKUN_ASSETS_WITHIN_LIMIT = "tekun.assets_within_limit"
    TEKUN_NO_ABLE_SUPPORTER = "tekun.no_able_supporter"
    TEKUN_SINGLE_PERSON_HOUSEHOLD = "tekun.single_person_household"
    TEKUN_CHILD_ASSISTANCE_PRIORITY = "tekun.child_assistance_priority"
    TEKUN_AMOUNT = "tekun.amount"

    DIBAO_INCOME_BELOW_STANDARD = "dibao.income_below_standard"
    DIBAO_ASSETS_WITHIN_LIMIT = "dibao.assets_within_limit"
    DIBAO_NO_DOUBLE_COVERAGE = "dibao.no_double_coverage"
    DIBAO_SINGLE_PERSON_COVERAGE = "dibao.single_person_coverage"
    DIBAO_AMOUNT = "dibao.amount"

    MARGINAL_INCOME_NOT_BELOW_STANDARD = "marginal.income_not_below_standard"
    MARGINAL_INCOME_BELOW_MULTIPLE = "marginal.income_below_multiple"
    MARGINAL_ASSETS_WITHIN_LIMIT = "marginal.assets_within_limit"
    MARGINAL_REGISTRATION = "marginal.registration"

    TEMPORARY_EMERGENCY_REPORTED = "temporary.emergency_reported"
    TEMPORARY_URGENT_KIND = "temporary.urgent_kind"
    TEMPORARY_AMOUNT = "temporary.amount"

    DISABILITY_LIVING_GRADE = "disability_living.disability_grade"
    DISABILITY_LIVING_DIBAO_HOUSEHOLD = "disability_living.dibao_household"
    DISABILITY_LIVING_AMOUNT = "disability_living.amount"

    DISABILITY_CARE_SEVERE_GRADE = "disability_care.severe_grade"
    DISABILITY_CARE_NOT_TEKUN = "disability_care.not_tekun"
    DISABILITY_CARE_AMOUNT = "disability_care.amount"

    ORPHAN_UNDER_AGE = "orphan.under_age"
    ORPHAN_PARENTS = "orphan.parents_deceased_or_missing"
    ORPHAN_AMOUNT = "orphan.amount"

    UNSUPPORTED_CHILD_UNDER_AGE = "unsupported_child.under_age"
    UNSUPPORTED_CHILD_PARENTS = "unsupported_child.parents_incapable"
    UNSUPPORTED_CHILD_AMOUNT = "unsupported_child.amount"
