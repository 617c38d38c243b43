"""Answers to questions about the rules, from the policy version in force today.

The NLU tells which program (and urban or rural) a question is about, not whether it asks for
amounts, papers or time; so one short answer covers all three. A figure missing from the
policy data is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from . import messages as m
from .model import PolicyFacts
from .wording import number


def policy_answer(slots: Mapping[str, Any], policy: PolicyFacts) -> str:
    program, residence = slots.get("program"), slots.get("residence")
    amounts = _amounts(
        program if isinstance(program, str) else None,
        residence if isinstance(residence, str) else None,
        policy,
    )
    return "\n".join([*amounts, m.POLICY_MATERIALS, m.POLICY_TIMES])


def _amounts(program: str | None, residence: str | None, policy: PolicyFacts) -> list[str]:
    v = policy.values

    def fill(template: str, **names: str) -> list[str]:
        found: dict[str, Decimal] = {}
        for key, param in names.items():
            value = v.get(param)
            if value is None:
                return []
            found[key] = value
        return [template.format(**{k: number(x) for k, x in found.items()})]

    if program == "tekun":
        return fill(m.POLICY_TEKUN, amount="tekun.basic")
    if program == "marginal":
        return _dibao(residence, policy) + fill(
            m.POLICY_MARGINAL, multiple="marginal.income_multiple"
        )
    if program == "temporary":
        return fill(m.POLICY_TEMPORARY, months="temporary.advance_months")
    if program == "disability_living":
        return fill(m.POLICY_DISABILITY_LIVING, amount="disability.living")
    if program == "disability_care":
        return fill(
            m.POLICY_DISABILITY_CARE,
            grade1="disability.care.grade1",
            grade2="disability.care.grade2",
        )
    if program == "orphan":
        return fill(m.POLICY_ORPHAN, institution="orphan.institution", scattered="orphan.scattered")
    if program == "unsupported_child":
        return fill(m.POLICY_UNSUPPORTED_CHILD, amount="unsupported_child")
    return _dibao(residence, policy)


def _dibao(residence: str | None, policy: PolicyFacts) -> list[str]:
    v = policy.values
    place = m.POLICY_PLACE.get(residence or "")
    if place is not None:
        amount = v.get(f"dibao.standard.{residence}")
        if amount is None:
            return []
        return [m.POLICY_DIBAO_ONE.format(place=place, amount=number(amount))]
    urban, rural = v.get("dibao.standard.urban"), v.get("dibao.standard.rural")
    if urban is None or rural is None:
        return []
    return [m.POLICY_DIBAO_BOTH.format(urban=number(urban), rural=number(rural))]
