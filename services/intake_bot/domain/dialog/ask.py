"""The reply that puts a question to the resident (text and buttons)."""

from __future__ import annotations

from datetime import date

from . import messages as m
from .model import PolicyFacts, Reply
from .people import beneficiary_age
from .questions import Question
from .state import Draft
from .summary import summary
from .wording import themself, who, whose

_FIXED: dict[Question, tuple[str, tuple[str, ...]]] = {
    Question.APPLICANT_NAME: (m.ASK_APPLICANT_NAME, ()),
    Question.APPLICANT_ID: (m.ASK_APPLICANT_ID, ()),
    Question.PHONE: (m.ASK_PHONE, ()),
    Question.RELATION: (m.ASK_RELATION, m.RELATION_OPTIONS),
    Question.BENEFICIARY_NAME: (m.ASK_BENEFICIARY_NAME, ()),
    Question.RESIDENCE: (m.ASK_RESIDENCE, m.RESIDENCE_OPTIONS),
    Question.MONTHLY_INCOME: (m.ASK_MONTHLY_INCOME, ()),
    Question.SAVINGS: (m.ASK_SAVINGS, ()),
    Question.DISABILITY_GRADE: (m.ASK_DISABILITY_GRADE, m.GRADE_OPTIONS),
    Question.DISABILITY_KIND: (m.ASK_DISABILITY_KIND, m.KIND_OPTIONS),
    Question.EMERGENCY: (m.ASK_EMERGENCY, m.EMERGENCY_OPTIONS),
    Question.MEDICAL_EXPENSE: (m.ASK_MEDICAL_EXPENSE, ()),
    Question.FIX: (m.ASK_FIX, m.FIX_OPTIONS),
}


def ask(question: Question, draft: Draft, policy: PolicyFacts, on: date, prefix: str = "") -> Reply:
    """One bubble: ``prefix`` (what went wrong, or an acknowledgement) then the question."""
    text, options = _question(question, draft, policy, on)
    return Reply(prefix + text, options)


def _question(
    question: Question, draft: Draft, policy: PolicyFacts, on: date
) -> tuple[str, tuple[str, ...]]:
    if question in _FIXED:
        return _FIXED[question]
    person = who(draft)
    if question is Question.BENEFICIARY_ID:
        return m.ASK_BENEFICIARY_ID.format(name=person), ()
    if question is Question.DISTRICT:
        return m.ASK_DISTRICT.format(whose=whose(draft)), ()
    if question is Question.HOUSEHOLD_SIZE:
        return m.ASK_HOUSEHOLD_SIZE.format(who=person, self_=themself(draft)), ()
    if question is Question.PARENTS:
        return m.ASK_PARENTS.format(name=person), m.PARENTS_OPTIONS
    if question is Question.IN_INSTITUTION:
        return m.ASK_IN_INSTITUTION.format(name=person), m.YES_NO
    if question is Question.HAS_DISABILITY:
        return m.ASK_HAS_DISABILITY.format(who=person), m.HAVE_OR_NOT
    if question is Question.ABLE_SUPPORTER:
        return _supporter_question(draft, policy, on).format(who=person), m.HAVE_OR_NOT
    if question is Question.SERIOUS_ILLNESS:
        return m.ASK_SERIOUS_ILLNESS.format(who=person), m.HAVE_OR_NOT
    return summary(draft, policy, on), m.YES_NO  # Question.CONFIRM


def _supporter_question(draft: Draft, policy: PolicyFacts, on: date) -> str:
    # 抚养 for a child, 赡养 for the elderly and disabled: the words people use.
    age = beneficiary_age(draft, on)
    minor_age = policy.values.get("tekun.minor_age")
    if age is not None and minor_age is not None and age < minor_age:
        return m.ASK_SUPPORTER_CHILD
    return m.ASK_SUPPORTER_ADULT
