"""The questions the bot can ask, and which NLU slot each one expects an answer in.

A question is not a slot: the applicant's name and the beneficiary's name are both answered in
the ``name`` slot, and "有没有残疾证？" is answered in ``disability_grade`` (a plain 没有 is
grade 0). The NLU is told the slot (``DialogState.expecting``); the dialog remembers the
question.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Question(StrEnum):
    APPLICANT_NAME = "applicant_name"
    APPLICANT_ID = "applicant_id"
    PHONE = "phone"
    RELATION = "relation"  # for yourself or for someone else?
    BENEFICIARY_NAME = "beneficiary_name"
    BENEFICIARY_ID = "beneficiary_id"
    DISTRICT = "district"
    RESIDENCE = "residence"
    HOUSEHOLD_SIZE = "household_size"
    MONTHLY_INCOME = "monthly_income"
    SAVINGS = "savings"
    PARENTS = "parents"
    IN_INSTITUTION = "in_institution"
    HAS_DISABILITY = "has_disability"
    DISABILITY_GRADE = "disability_grade"
    DISABILITY_KIND = "disability_kind"
    ABLE_SUPPORTER = "able_supporter"
    SERIOUS_ILLNESS = "serious_illness"
    EMERGENCY = "emergency"
    MEDICAL_EXPENSE = "medical_expense"
    CONFIRM = "confirm"  # the summary: submit?
    FIX = "fix"  # the resident said the summary is wrong: what should change?


EXPECTS: Mapping[Question, str] = {
    Question.APPLICANT_NAME: "name",
    Question.APPLICANT_ID: "id_number",
    Question.PHONE: "phone",
    Question.RELATION: "relation",
    Question.BENEFICIARY_NAME: "name",
    Question.BENEFICIARY_ID: "id_number",
    Question.DISTRICT: "district",
    Question.RESIDENCE: "residence",
    Question.HOUSEHOLD_SIZE: "household_size",
    Question.MONTHLY_INCOME: "monthly_income",
    Question.SAVINGS: "savings",
    Question.PARENTS: "parents",
    Question.IN_INSTITUTION: "in_institution",
    Question.HAS_DISABILITY: "disability_grade",
    Question.DISABILITY_GRADE: "disability_grade",
    Question.DISABILITY_KIND: "disability_kind",
    Question.ABLE_SUPPORTER: "able_supporter",
    Question.SERIOUS_ILLNESS: "serious_illness",
    Question.EMERGENCY: "emergency",
    Question.MEDICAL_EXPENSE: "medical_expense",
    Question.CONFIRM: "confirm",
    # A correction is free text; "confirm" keeps a plain 是/不是 an affirm/deny.
    Question.FIX: "confirm",
}

# Questions a plain 是 / 不是 answers (the NLU then sends affirm / deny without a slot).
YES_NO: frozenset[Question] = frozenset(
    {
        Question.RELATION,
        Question.IN_INSTITUTION,
        Question.HAS_DISABILITY,
        Question.ABLE_SUPPORTER,
        Question.SERIOUS_ILLNESS,
    }
)
