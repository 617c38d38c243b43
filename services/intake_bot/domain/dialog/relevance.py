"""Which of the optional facts matter for this beneficiary (policy SPEC §3).

A kind clerk does not ask an adult about their parents or a healthy 40-year-old who would look
after them. The thresholds come from the policy in force (``PolicyFacts.values``); when one is
missing the fact counts as relevant: an extra question is harmless, a skipped one is not.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .model import PolicyFacts
from .people import beneficiary_age
from .state import Draft

# Emergencies that come with doctor's bills.
_MEDICAL_KINDS = frozenset({"illness", "accident", "expense"})


def _value(policy: PolicyFacts, name: str) -> Decimal | None:
    return policy.values.get(name)


def _below(age: int, policy: PolicyFacts, name: str) -> bool:
    limit = _value(policy, name)
    return limit is None or age < limit


def _at_least(age: int, policy: PolicyFacts, name: str) -> bool:
    limit = _value(policy, name)
    return limit is None or age >= limit


def is_minor(draft: Draft, policy: PolicyFacts, on: date) -> bool:
    """Under the orphan / unsupported-child age: the parents questions apply."""
    age = beneficiary_age(draft, on)
    return age is not None and _below(age, policy, "orphan.max_age")


def parents_apply(draft: Draft, policy: PolicyFacts, on: date) -> bool:
    return is_minor(draft, policy, on)


def in_institution_applies(draft: Draft, policy: PolicyFacts, on: date) -> bool:
    # Only an orphan's amount depends on it (集中养育 vs 社会散居).
    return parents_apply(draft, policy, on) and draft.parents == "both_deceased_or_missing"


def severely_disabled_for_tekun(draft: Draft, policy: PolicyFacts) -> bool:
    """On tekun's list of disabilities that make a person unable to work."""
    grade = draft.disability_grade
    if grade is None or grade < 1:
        return False
    if draft.disability_kind is None:
        return False
    limit = _value(policy, f"tekun.disability_max_grade.{draft.disability_kind}")
    return limit is None or grade <= limit


def able_supporter_applies(draft: Draft, policy: PolicyFacts, on: date) -> bool:
    """Tekun could apply (elderly, a child, or severely disabled): ask about a supporter.

    A child whose parents are both there and able has them as supporters: no question.
    """
    age = beneficiary_age(draft, on)
    if age is None:
        return False
    if parents_apply(draft, policy, on) and draft.parents in {None, "normal"}:
        return False
    return (
        _at_least(age, policy, "tekun.elderly_age")
        or _below(age, policy, "tekun.minor_age")
        or severely_disabled_for_tekun(draft, policy)
    )


def severely_disabled_for_dibao(draft: Draft, policy: PolicyFacts) -> bool:
    """单人保's "severely disabled": tekun's list, or grade 1–2 of any kind."""
    grade = draft.disability_grade
    if grade is None or grade < 1:
        return False
    limit = _value(policy, "dibao.single_person.severe_max_grade")
    return limit is None or grade <= limit or severely_disabled_for_tekun(draft, policy)


def serious_illness_applies(draft: Draft, policy: PolicyFacts) -> bool:
    """Only a marginal household (S ≤ per-capita income < multiple × S) can get 单人保 for a
    seriously ill member; a severe disability already qualifies without the question."""
    if severely_disabled_for_dibao(draft, policy):
        return False
    n, income, residence = draft.household_size, draft.monthly_income, draft.residence
    if n is None or income is None or residence is None:
        return False
    standard = _value(policy, f"dibao.standard.{residence}")
    multiple = _value(policy, "marginal.income_multiple")
    if standard is None or multiple is None:
        return True
    total = Decimal(repr(income))
    return standard * n <= total < multiple * standard * n


def emergency_applies(draft: Draft) -> bool:
    return draft.emergency is not None or "temporary" in draft.programs


def medical_expense_applies(draft: Draft) -> bool:
    return draft.emergency in _MEDICAL_KINDS
