"""Turning a determination (policy SPEC §4) into the notice a resident reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from services.common.programs import PROGRAM_NAMES
from services.notifier.domain import catalogue as text


@dataclass(frozen=True, slots=True)
class Notice:
    notice_id: str  # the determination event id: one notice per decision
    issued_at: str  # when the decision was made (RFC 3339), for ordering an inbox
    application_id: str
    stage: str
    status: str
    title: str
    lines: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "notice_id": self.notice_id,
            "issued_at": self.issued_at,
            "application_id": self.application_id,
            "stage": self.stage,
            "status": self.status,
            "title": self.title,
            "lines": list(self.lines),
        }


def _yuan(amount: float | int) -> str:
    """636.0 → '636', 408.5 → '408.5' (people read whole yuan without '.00')."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"


def render_notice(notice_id: str, issued_at: str, determination: Mapping[str, Any]) -> Notice:
    status = str(determination["status"])
    stage = str(determination["stage"])
    lines: list[str] = [text.HEADLINE[status]]
    for program in determination["programs"]:
        name = PROGRAM_NAMES[program["program"]]
        outcome = program["outcome"]
        if outcome == "eligible":
            if program["monthly_amount"]:
                lines.append(text.PROGRAM_LINE_MONTHLY.format(
                    program=name, amount=_yuan(program["monthly_amount"])))  # fmt: skip
            if program["one_off_amount"]:
                lines.append(text.PROGRAM_LINE_ONE_OFF.format(
                    program=name, amount=_yuan(program["one_off_amount"])))  # fmt: skip
            if not program["monthly_amount"] and not program["one_off_amount"]:
                lines.append(text.PROGRAM_LINE_REGISTERED.format(program=name))
        elif outcome == "needs_review":
            lines.append(text.REVIEW_LINE.format(program=name))
    if status == "ineligible":
        lines.extend(_main_reason(determination))
    total = determination["total_monthly_amount"]
    if total and status == "eligible":
        lines.append(text.TOTAL_MONTHLY.format(amount=_yuan(total)))
    return Notice(
        notice_id=notice_id,
        issued_at=issued_at,
        application_id=str(determination["application_id"]),
        stage=stage,
        status=status,
        title=text.TITLE[stage],
        lines=tuple(lines),
    )


# Which program's reason explains a refusal best: most residents ask for 低保 first.
_REASON_ORDER = ("dibao", "tekun", "temporary", "orphan", "unsupported_child",
                 "disability_living", "disability_care", "marginal")  # fmt: skip


def _main_reason(determination: Mapping[str, Any]) -> list[str]:
    """The sentence of the first failed rule of the most telling program that was refused."""
    refused = {p["program"]: p for p in determination["programs"] if p["outcome"] == "ineligible"}
    for name in _REASON_ORDER:
        for reason in refused.get(name, {}).get("reasons", []):
            if not reason["passed"]:
                return [str(reason["message"])]
    return []
