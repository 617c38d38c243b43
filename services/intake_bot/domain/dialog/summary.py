"""The confirmation summary: what will be submitted, masked where a screen could be overlooked.

Lines for optional facts appear only when they were asked (they matter for this beneficiary).
"""

from __future__ import annotations

from datetime import date

from services.common.programs import PROGRAM_NAMES

from . import messages as m
from . import relevance as rel
from .model import PolicyFacts
from .payload import requested_programs
from .people import for_self
from .state import Draft
from .wording import masked_id, masked_phone, yuan


def summary(draft: Draft, policy: PolicyFacts, on: date) -> str:
    lines = [m.SUMMARY_HEAD]
    lines.append(m.SUMMARY_NAME.format(value=draft.applicant_name or ""))
    if draft.applicant_id is not None:
        lines.append(m.SUMMARY_ID.format(value=masked_id(draft.applicant_id)))
    if draft.phone is not None:
        lines.append(m.SUMMARY_PHONE.format(value=masked_phone(draft.phone)))
    lines.append(
        m.SUMMARY_HOME.format(
            district=draft.district or "",
            residence=m.RESIDENCE_WORDS.get(draft.residence or "", ""),
        )
    )
    lines.append(m.SUMMARY_HOUSEHOLD.format(n=draft.household_size or 0))
    lines.append(m.SUMMARY_INCOME.format(value=yuan(draft.monthly_income or 0.0)))
    lines.append(m.SUMMARY_SAVINGS.format(value=yuan(draft.savings or 0.0)))
    if for_self(draft) is False and draft.beneficiary_id is not None:
        lines.append(
            m.SUMMARY_FOR_OTHER.format(
                name=draft.beneficiary_name or "", id=masked_id(draft.beneficiary_id)
            )
        )
    else:
        lines.append(m.SUMMARY_FOR_SELF)
    lines.extend(_optional_lines(draft, policy, on))
    names = (PROGRAM_NAMES[p] for p in requested_programs(draft))
    lines.append(m.SUMMARY_PROGRAMS.format(value=m.LIST_SEPARATOR.join(names)))
    lines.append(m.SUMMARY_TAIL)
    return "\n".join(lines)


def _optional_lines(draft: Draft, policy: PolicyFacts, on: date) -> list[str]:
    lines: list[str] = []
    if draft.parents is not None and rel.parents_apply(draft, policy, on):
        lines.append(m.SUMMARY_PARENTS.format(value=m.PARENTS_WORDS[draft.parents]))
    if draft.in_institution is not None and rel.in_institution_applies(draft, policy, on):
        lines.append(m.SUMMARY_INSTITUTION.format(value=m.YES if draft.in_institution else m.NO))
    lines.append(m.SUMMARY_DISABILITY.format(value=_disability(draft)))
    if draft.able_supporter is not None and rel.able_supporter_applies(draft, policy, on):
        lines.append(m.SUMMARY_SUPPORTER.format(value=_have(draft.able_supporter)))
    if draft.serious_illness is not None and rel.serious_illness_applies(draft, policy):
        lines.append(m.SUMMARY_ILLNESS.format(value=_have(draft.serious_illness)))
    if draft.emergency is not None:
        lines.append(m.SUMMARY_EMERGENCY.format(value=m.EMERGENCY_WORDS[draft.emergency]))
        if draft.medical_expense is not None and rel.medical_expense_applies(draft):
            lines.append(m.SUMMARY_MEDICAL.format(value=yuan(draft.medical_expense)))
    return lines


def _disability(draft: Draft) -> str:
    grade = draft.disability_grade or 0
    if grade == 0:
        return m.NONE
    return m.DISABILITY_TEXT.format(
        grade=m.GRADE_WORDS[grade], kind=m.KIND_WORDS.get(draft.disability_kind or "", "")
    )


def _have(flag: bool) -> str:
    return m.HAVE if flag else m.NONE
