"""The order of the questions: the next thing still missing, or the confirmation.

Who is applying comes first (so the bot can say "您" or the beneficiary's name), then the
household's money, then the facts that only some beneficiaries need.
"""

from __future__ import annotations

from datetime import date

from . import relevance as rel
from .model import PolicyFacts
from .people import for_self
from .questions import Question
from .state import Draft


def next_question(draft: Draft, policy: PolicyFacts, on: date) -> Question:
    """The first question whose answer is missing and matters; ``CONFIRM`` when none is."""
    checks: tuple[tuple[Question, bool], ...] = (
        (Question.APPLICANT_NAME, draft.applicant_name is None),
        (Question.APPLICANT_ID, draft.applicant_id is None),
        (Question.PHONE, draft.phone is None),
        (Question.RELATION, draft.relation is None),
        (Question.BENEFICIARY_NAME, for_self(draft) is False and draft.beneficiary_name is None),
        (Question.BENEFICIARY_ID, for_self(draft) is False and draft.beneficiary_id is None),
        (Question.DISTRICT, draft.district is None),
        (Question.RESIDENCE, draft.residence is None),
        (Question.HOUSEHOLD_SIZE, draft.household_size is None),
        (Question.MONTHLY_INCOME, draft.monthly_income is None),
        (Question.SAVINGS, draft.savings is None),
        (Question.PARENTS, draft.parents is None and rel.parents_apply(draft, policy, on)),
        (
            Question.IN_INSTITUTION,
            draft.in_institution is None and rel.in_institution_applies(draft, policy, on),
        ),
        (Question.HAS_DISABILITY, draft.has_disability is None),
        (
            Question.DISABILITY_GRADE,
            draft.has_disability is True and draft.disability_grade is None,
        ),
        (
            Question.DISABILITY_KIND,
            (draft.disability_grade or 0) > 0 and draft.disability_kind is None,
        ),
        (
            Question.ABLE_SUPPORTER,
            draft.able_supporter is None and rel.able_supporter_applies(draft, policy, on),
        ),
        (
            Question.SERIOUS_ILLNESS,
            draft.serious_illness is None and rel.serious_illness_applies(draft, policy),
        ),
        (Question.EMERGENCY, draft.emergency is None and rel.emergency_applies(draft)),
        (
            Question.MEDICAL_EXPENSE,
            draft.medical_expense is None and rel.medical_expense_applies(draft),
        ),
    )
    for question, missing in checks:
        if missing:
            return question
    return Question.CONFIRM
