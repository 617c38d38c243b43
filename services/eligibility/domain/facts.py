"""The figures and tests several programs share, computed once per evaluation.

Every money test is an exact decimal comparison of totals, as SPEC §5 requires:
``I < S × n`` rather than ``I / n < S``, ``A ≤ max_months × S × n`` rather than a rounded
per-person figure. Per-person figures exist only for the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .application import DisabilityKind, NormalizedApplication, Residence
from .dates import age_on
from .money import per_capita_for_display, product
from .parameters import Param, tekun_max_grade
from .policy import PolicyVersion


class WorkIncapacity(StrEnum):
    """Why the beneficiary counts as unable to work (特困人员认定办法), checked in this order."""

    ELDERLY = "elderly"
    MINOR = "minor"
    DISABILITY = "disability"


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    residence: Residence
    members: int
    income: Decimal
    assets: Decimal
    standard: Decimal
    standard_param: Param
    asset_months: Decimal
    income_multiple: Decimal

    @property
    def standard_total(self) -> Decimal:
        """S × n: the household's standard, the line dibao tops income up to."""
        return product(self.standard, self.members)

    @property
    def income_below_standard(self) -> bool:
        return self.income < self.standard_total

    @property
    def asset_limit(self) -> Decimal:
        """Per person, for messages: max_months × S."""
        return product(self.asset_months, self.standard)

    @property
    def asset_limit_total(self) -> Decimal:
        return product(self.asset_months, self.standard, self.members)

    @property
    def assets_within_limit(self) -> bool:
        return self.assets <= self.asset_limit_total

    @property
    def marginal_band(self) -> Decimal:
        """Per person, for messages: income_multiple × S."""
        return product(self.income_multiple, self.standard)

    @property
    def marginal_band_total(self) -> Decimal:
        return product(self.income_multiple, self.standard, self.members)

    @property
    def income_below_marginal_band(self) -> bool:
        return self.income < self.marginal_band_total

    @property
    def in_marginal_band(self) -> bool:
        """低保边缘: not below the standard, below the band, assets within the limit."""
        return (
            not self.income_below_standard
            and self.income_below_marginal_band
            and self.assets_within_limit
        )

    def per_capita_income(self, compared_with: Decimal) -> Decimal:
        return per_capita_for_display(self.income, self.members, compared_with)

    def per_capita_assets(self) -> Decimal:
        return per_capita_for_display(self.assets, self.members, self.asset_limit)


@dataclass(frozen=True, slots=True)
class BeneficiaryFacts:
    age: int
    grade: int
    kind: DisabilityKind | None
    incapacity: WorkIncapacity | None
    severely_disabled: bool
    """For 单人保: tekun's disability list, or a severe grade of any kind (kind may be null)."""
    serious_illness: bool
    able_supporter: bool

    @property
    def unable_to_work(self) -> bool:
        return self.incapacity is not None


@dataclass(frozen=True, slots=True)
class Facts:
    household: HouseholdFacts
    beneficiary: BeneficiaryFacts


def facts_of(app: NormalizedApplication, version: PolicyVersion) -> Facts:
    household = app.household
    standard_param = (
        Param.DIBAO_STANDARD_URBAN
        if household.residence is Residence.URBAN
        else Param.DIBAO_STANDARD_RURAL
    )
    person = app.beneficiary
    age = age_on(person.birth_date, app.local_date)
    on_tekun_list = _on_tekun_disability_list(
        person.disability_kind, person.disability_grade, version
    )
    severe = on_tekun_list or (
        person.disability_grade >= 1
        and person.disability_grade <= version.param(Param.DIBAO_SEVERE_MAX_GRADE)
    )
    return Facts(
        household=HouseholdFacts(
            residence=household.residence,
            members=household.members,
            income=household.monthly_income,
            assets=household.financial_assets,
            standard=version.param(standard_param),
            standard_param=standard_param,
            asset_months=version.param(Param.ASSETS_MAX_MONTHS),
            income_multiple=version.param(Param.MARGINAL_INCOME_MULTIPLE),
        ),
        beneficiary=BeneficiaryFacts(
            age=age,
            grade=person.disability_grade,
            kind=person.disability_kind,
            incapacity=_incapacity(age, on_tekun_list, version),
            severely_disabled=severe,
            serious_illness=person.serious_illness,
            able_supporter=person.able_supporter,
        ),
    )


def _incapacity(age: int, on_tekun_list: bool, version: PolicyVersion) -> WorkIncapacity | None:
    if age >= version.param(Param.TEKUN_ELDERLY_AGE):
        return WorkIncapacity.ELDERLY
    if age < version.param(Param.TEKUN_MINOR_AGE):
        return WorkIncapacity.MINOR
    if on_tekun_list:
        return WorkIncapacity.DISABILITY
    return None


def _on_tekun_disability_list(
    kind: DisabilityKind | None, grade: int, version: PolicyVersion
) -> bool:
    # The list names kinds, so a grade without a kind is not on it (SPEC §5).
    if kind is None or grade < 1:
        return False
    return grade <= version.param(tekun_max_grade(kind))
