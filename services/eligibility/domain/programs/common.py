"""Reasons several programs state in the same words: the income and the asset test."""

from __future__ import annotations

from ..determination import Reason
from ..facts import HouseholdFacts
from ..messages import RESIDENCE
from ..money import plain_number_text, yuan_text
from ..parameters import Param
from ..reasons import ReasonWriter
from ..rules import Rule


def income_below_standard(rule: Rule, h: HouseholdFacts, write: ReasonWriter) -> Reason:
    passed = h.income_below_standard
    per_capita = h.per_capita_income(h.standard)
    return write(
        rule,
        passed,
        "pass" if passed else "fail",
        values={
            "monthly_income": h.income,
            "members": h.members,
            "standard": h.standard,
            "standard_total": h.standard_total,
            "per_capita_income": per_capita,
        },
        params=(h.standard_param,),
        pc=yuan_text(per_capita),
        area=RESIDENCE[h.residence],
        standard=yuan_text(h.standard),
    )


def assets_within_limit(rule: Rule, h: HouseholdFacts, write: ReasonWriter) -> Reason:
    passed = h.assets_within_limit
    per_capita = h.per_capita_assets()
    return write(
        rule,
        passed,
        "pass" if passed else "fail",
        values={
            "financial_assets": h.assets,
            "members": h.members,
            "standard": h.standard,
            "max_months": h.asset_months,
            "asset_limit_total": h.asset_limit_total,
            "per_capita_assets": per_capita,
        },
        params=(h.standard_param, Param.ASSETS_MAX_MONTHS),
        pa=yuan_text(per_capita),
        limit=yuan_text(h.asset_limit),
        months=plain_number_text(h.asset_months),
    )


def income_below_marginal_band(rule: Rule, h: HouseholdFacts, write: ReasonWriter) -> Reason:
    passed = h.income_below_marginal_band
    per_capita = h.per_capita_income(h.marginal_band)
    return write(
        rule,
        passed,
        "pass" if passed else "fail",
        values={
            "monthly_income": h.income,
            "members": h.members,
            "standard": h.standard,
            "income_multiple": h.income_multiple,
            "band_total": h.marginal_band_total,
            "per_capita_income": per_capita,
        },
        params=(h.standard_param, Param.MARGINAL_INCOME_MULTIPLE),
        pc=yuan_text(per_capita),
        multiple=plain_number_text(h.income_multiple),
        band=yuan_text(h.marginal_band),
    )
