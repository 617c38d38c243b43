"""Policy versions and their parameters, as pure values.

A ``PolicyBook`` is every version the service knows; a ``PolicyVersion`` is the snapshot of
parameter values and citations in force from its ``effective_from`` date. Values are chosen per
version (not per submission date) so that a determination can be replayed from the version id
alone. How the book is assembled from data files lives in ``policy_assembly``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from .errors import ErrorCode, NoPolicyError, UnknownParameterError
from .messages import error_message
from .parameters import Param
from .rules import Rule


@dataclass(frozen=True, slots=True)
class Source:
    """Where a parameter value comes from: a document and the place in it."""

    document: str
    where: str

    def __str__(self) -> str:
        return f"{self.document}（{self.where}）"


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """One dated entry of a parameter's history."""

    name: str
    effective_from: date
    value: Decimal
    source: Source
    assumption: bool
    note: str | None = None

    def citation_text(self) -> str:
        """The source as cited in a reason; an assumed value says so, so nobody mistakes it
        for a confirmed Chongqing figure."""
        if self.assumption:
            return f"{self.source.document}（{self.source.where}；假设值，待核实）"
        return str(self.source)


@dataclass(frozen=True, slots=True)
class Citation:
    """The legal basis of a rule: document name and article (or the clause it is in)."""

    document: str
    article: str

    def __str__(self) -> str:
        return f"{self.document}{self.article}"


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    id: str
    effective_from: date
    documents: tuple[str, ...]
    parameters: Mapping[str, ParameterValue] = field(compare=False)
    citations: Mapping[str, Citation] = field(compare=False)

    def __post_init__(self) -> None:
        # Frozen means frozen: callers must not be able to edit a version's figures.
        object.__setattr__(self, "parameters", MappingProxyType(dict(self.parameters)))
        object.__setattr__(self, "citations", MappingProxyType(dict(self.citations)))

    def param(self, name: Param | str) -> Decimal:
        return self.parameter(name).value

    def parameter(self, name: Param | str) -> ParameterValue:
        try:
            return self.parameters[str(name)]
        except KeyError:
            raise UnknownParameterError(
                f"policy version {self.id} has no parameter {name!s}"
            ) from None

    def citation(self, rule: Rule | str) -> Citation:
        try:
            return self.citations[str(rule)]
        except KeyError:
            raise UnknownParameterError(
                f"policy version {self.id} has no citation for rule {rule!s}"
            ) from None

    @property
    def assumptions(self) -> tuple[ParameterValue, ...]:
        """The values in force that are assumptions, for a caseworker to confirm."""
        return tuple(v for _, v in sorted(self.parameters.items()) if v.assumption)


@dataclass(frozen=True, slots=True)
class PolicyBook:
    """All known versions, oldest first; at least one."""

    versions: tuple[PolicyVersion, ...]

    def __post_init__(self) -> None:
        if not self.versions:
            raise ValueError("a policy book needs at least one version")
        ordered = tuple(sorted(self.versions, key=lambda v: v.effective_from))
        object.__setattr__(self, "versions", ordered)

    def version_for(self, local_date: date) -> PolicyVersion:
        """The version in force on a local (Asia/Shanghai) date; ``NoPolicyError`` before the
        first one."""
        chosen: PolicyVersion | None = None
        for version in self.versions:
            if version.effective_from <= local_date:
                chosen = version
        if chosen is None:
            first = self.versions[0].effective_from
            raise NoPolicyError(
                ErrorCode.NO_POLICY,
                error_message(ErrorCode.NO_POLICY, earliest=_chinese_date(first)),
                "submitted_at",
            )
        return chosen

    def version(self, version_id: str) -> PolicyVersion:
        for version in self.versions:
            if version.id == version_id:
                return version
        raise KeyError(version_id)


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
