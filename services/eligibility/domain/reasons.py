"""Build reasons: the message from the catalogue, the citation from the policy data.

A reason's citation is the rule's legal basis followed by the sources of the parameter values
it used, so the same rule cites 渝民〔2021〕143号 in one version and 渝民〔2022〕187号 in the
next without any code knowing either number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .determination import Reason, ReasonValue
from .messages import WHO_FAMILY, WHO_SELF, reason_message
from .parameters import Param
from .policy import PolicyVersion
from .rules import Rule


class ReasonWriter:
    def __init__(self, version: PolicyVersion, *, beneficiary_is_applicant: bool) -> None:
        self._version = version
        self._who = WHO_SELF if beneficiary_is_applicant else WHO_FAMILY

    def __call__(
        self,
        rule: Rule,
        passed: bool,
        variant: str,
        *,
        values: Mapping[str, ReasonValue],
        params: Sequence[Param] = (),
        **figures: str,
    ) -> Reason:
        return Reason(
            rule=str(rule),
            passed=passed,
            message=reason_message(rule, variant, who=self._who, **figures),
            citation=self.citation(rule, params),
            values=values,
        )

    def citation(self, rule: Rule, params: Sequence[Param]) -> str:
        parts = [str(self._version.citation(rule))]
        for name in params:
            value = self._version.parameter(name)
            source = value.citation_text()
            # Ages and multiples often come from the very document the rule cites; an assumed
            # value is always named, so nobody mistakes it for a confirmed figure.
            cited_already = source in parts or (
                not value.assumption and value.source.document in parts[0]
            )
            if not cited_already:
                parts.append(source)
        return "；".join(parts)
