"""Turning a determination (policy SPEC §4) or an outreach suggestion (主动发现) into the notice a
resident reads in the chat, and the one-segment text message that points them to it.

Pure: no I/O, no clock. All words come from ``catalogue``; this module only chooses and fills them.
Rendering never raises on data that passed the event schema: unknown program ids show as the id,
unknown stages and statuses get general wording, absurd amounts are simply left out of the SMS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

from services.common.programs import PROGRAM_NAMES
from services.notifier.domain import catalogue as text

DECISION = "decision"
OUTREACH = "outreach"
OUTREACH_STAGE = "outreach"  # an outreach notice has no decision stage or status of its own
OUTREACH_STATUS = "suggested"
INFORMATION = "information"  # a caseworker's request for more: neither a decision nor an offer
INFORMATION_STATUS = "requested"


@dataclass(frozen=True, slots=True)
class Notice:
    notice_id: str  # the event id: one notice per decision or suggestion
    issued_at: str  # when it was decided or found (RFC 3339), for ordering an inbox
    application_id: str
    stage: str  # preliminary | final, or "outreach"
    status: str  # eligible | needs_review | ineligible, or "suggested"
    title: str
    lines: tuple[str, ...]
    kind: str = DECISION  # "decision" | "outreach"
    sms: str = ""  # one text-message segment (≤ 70 characters), no personal data

    def to_dict(self) -> dict[str, Any]:
        return {
            "notice_id": self.notice_id,
            "issued_at": self.issued_at,
            "application_id": self.application_id,
            "stage": self.stage,
            "status": self.status,
            "kind": self.kind,
            "title": self.title,
            "lines": list(self.lines),
            "sms": self.sms,
        }


# --- amounts ------------------------------------------------------------------------------------

_CENT = Decimal("0.01")


def _money(amount: object) -> Decimal:
    """Yuan rounded to the fen, from a JSON number; anything unreadable counts as nothing."""
    if isinstance(amount, bool) or not isinstance(amount, int | float | Decimal | str):
        return Decimal(0)
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return Decimal(0)
    if not value.is_finite() or value <= 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 1000  # a float's 309 integer digits still round exactly
        return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def yuan(amount: object) -> str:
    """562.0 → '562', 83.34 → '83.34', 408.5 → '408.5': whole yuan unless there are fen."""
    value = _money(amount)
    if value == value.to_integral_value():
        return f"{value:.0f}"
    return f"{value:f}".rstrip("0")


def _program_name(program: object) -> str:
    return PROGRAM_NAMES.get(str(program), str(program))


def _names(programs: Iterable[object]) -> str:
    seen: list[str] = []
    for program in programs:
        name = _program_name(program)
        if name not in seen:
            seen.append(name)
    return text.LIST_SEPARATOR.join(seen)


def _amounts(monthly: Decimal, one_off: Decimal, templates: Sequence[str]) -> str:
    """Fill the (monthly, one-off, both) template that fits; '' when there is no money."""
    only_monthly, only_one_off, both = templates
    if monthly and one_off:
        return both.format(monthly=yuan(monthly), one_off=yuan(one_off))
    if monthly:
        return only_monthly.format(monthly=yuan(monthly))
    if one_off:
        return only_one_off.format(one_off=yuan(one_off))
    return ""


# --- text messages ------------------------------------------------------------------------------

_LONG_NUMBER = re.compile(r"\d{11,}")  # could read as a phone (11) or an ID number (18)


def _sms(variants: Sequence[str], fallback: str, **values: str) -> str:
    """The first variant whose fields all have a value and that fits one segment."""
    for variant in variants:
        needed = re.findall(r"\{(\w+)\}", variant)
        if any(not values.get(name) for name in needed):
            continue
        filled = variant.format(**{name: values[name] for name in needed})
        if len(filled) <= text.SMS_LIMIT and not _LONG_NUMBER.search(filled):
            return filled
    return fallback


# --- decisions ----------------------------------------------------------------------------------


def _programs(determination: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    programs = determination.get("programs")
    if not isinstance(programs, list):
        return []
    return [p for p in programs if isinstance(p, Mapping)]


def _program_line(program: Mapping[str, Any]) -> str:
    name = _program_name(program.get("program"))
    monthly, one_off = _money(program.get("monthly_amount")), _money(program.get("one_off_amount"))
    if monthly and one_off:
        return text.PROGRAM_LINE_BOTH.format(program=name, monthly=yuan(monthly),
                                             one_off=yuan(one_off))  # fmt: skip
    if monthly:
        return text.PROGRAM_LINE_MONTHLY.format(program=name, amount=yuan(monthly))
    if one_off:
        return text.PROGRAM_LINE_ONE_OFF.format(program=name, amount=yuan(one_off))
    return text.PROGRAM_LINE_REGISTERED.format(program=name)


def _pays(program: Mapping[str, Any]) -> bool:
    return bool(_money(program.get("monthly_amount")) or _money(program.get("one_off_amount")))


def render_notice(notice_id: str, issued_at: str, determination: Mapping[str, Any]) -> Notice:
    """The notice for a ``cq.yuzhu.determination.issued.v1`` payload."""
    stage = str(determination.get("stage", ""))
    status = str(determination.get("status", ""))
    case = (stage, status)
    programs = _programs(determination)
    eligible = [p for p in programs if p.get("outcome") == "eligible"]
    paying = [p for p in eligible if _pays(p)]
    registered = [p for p in eligible if not _pays(p)]
    waiting = [p for p in programs if p.get("outcome") == "needs_review"]
    monthly = _money(determination.get("total_monthly_amount"))
    one_off = _money(determination.get("total_one_off_amount"))

    waiting_lines = [text.REVIEW_LINE.format(program=_program_name(p.get("program")))
                     for p in waiting]  # fmt: skip
    lines = [text.HEADLINE.get(case, text.HEADLINE_FALLBACK)]
    if status == "ineligible":
        lines.extend(_main_reason(programs))
    if status == "needs_review":
        lines.extend(waiting_lines)  # what waits first: the headline is about it
        waiting_lines = []
        if paying:
            lines.append(text.ELIGIBLE_SO_FAR)
    lines.extend(_program_line(p) for p in paying)
    if status != "ineligible" and len(paying) > 1:
        total = _amounts(monthly, one_off,
                         (text.TOTAL_MONTHLY, text.TOTAL_ONE_OFF, text.TOTAL_BOTH))  # fmt: skip
        if total:
            lines.append(total)
    lines.extend(_program_line(p) for p in registered)
    lines.extend(waiting_lines)
    lines.extend(_next_steps(stage, status, monthly=bool(monthly), one_off=bool(one_off)))

    sms = _sms(
        text.SMS.get(case, ()),
        text.SMS_FALLBACK,
        programs=_names(p.get("program") for p in paying),
        amounts=_amounts(monthly, one_off, (text.SMS_MONTHLY, text.SMS_ONE_OFF, text.SMS_BOTH)),
    )
    return Notice(
        notice_id=notice_id,
        issued_at=issued_at,
        application_id=str(determination.get("application_id", "")),
        stage=stage,
        status=status,
        title=text.TITLE.get(case, text.TITLE_FALLBACK),
        lines=tuple(lines),
        kind=DECISION,
        sms=sms,
    )


def _next_steps(stage: str, status: str, *, monthly: bool, one_off: bool) -> list[str]:
    steps = list(text.NEXT_STEPS.get((stage, status), text.NEXT_STEPS_FALLBACK))
    if status == "eligible" and stage in text.PAY_MONTHLY:
        if monthly or not one_off:
            steps.append(text.PAY_MONTHLY[stage])
        if one_off:
            steps.append(text.PAY_ONE_OFF)
        if stage == "final":
            steps.append(text.PAY_TO_ACCOUNT)
    return steps


# Which program's reason explains a refusal best: most residents ask for 低保 first, then the
# programs that pay the most; 边缘 registration last (it is what is left when 低保 is refused).
_REASON_ORDER = ("dibao", "tekun", "temporary", "orphan", "unsupported_child",
                 "disability_living", "disability_care", "marginal")  # fmt: skip


def _main_reason(programs: Sequence[Mapping[str, Any]]) -> list[str]:
    """One sentence: the first failed rule of the most telling program that was refused
    (programs not in the order above come after it, as they are listed)."""
    refused = [p for p in programs if p.get("outcome") == "ineligible"]

    def rank(item: tuple[int, Mapping[str, Any]]) -> tuple[int, int]:
        index, program = item
        name = str(program.get("program"))
        known = _REASON_ORDER.index(name) if name in _REASON_ORDER else len(_REASON_ORDER)
        return (known, index)

    for _, program in sorted(enumerate(refused), key=rank):
        reasons = program.get("reasons")
        for reason in reasons if isinstance(reasons, list) else []:
            if not isinstance(reason, Mapping) or reason.get("passed") is not False:
                continue
            message = str(reason.get("message") or "").strip()
            if message:
                return [message if message.endswith(("。", "！", "？")) else message + "。"]
    return []


# --- outreach -----------------------------------------------------------------------------------


def render_outreach(notice_id: str, issued_at: str, outreach: Mapping[str, Any]) -> Notice:
    """The invitation for a ``cq.yuzhu.outreach.suggested.v1`` payload: kind, no pressure, no
    promise (the amounts are what the new rules would give, "about")."""
    raw = outreach.get("programs")
    programs = _names(raw if isinstance(raw, list) else [])
    monthly = _money(outreach.get("total_monthly_amount"))
    one_off = _money(outreach.get("total_one_off_amount"))
    about = _amounts(monthly, one_off, (text.ABOUT_MONTHLY, text.ABOUT_ONE_OFF, text.ABOUT_BOTH))
    sms_amounts = _amounts(
        monthly, one_off,
        (text.SMS_OUTREACH_MONTHLY, text.SMS_OUTREACH_ONE_OFF, text.SMS_OUTREACH_BOTH),
    )  # fmt: skip
    lines = (
        text.OUTREACH_OFFER.format(programs=programs or text.SOME_ASSISTANCE, amounts=about),
        text.OUTREACH_HOW,
        text.OUTREACH_NO_PROMISE,
        text.OUTREACH_NO_PRESSURE,
    )
    return Notice(
        notice_id=notice_id,
        issued_at=issued_at,
        application_id=str(outreach.get("application_id", "")),
        stage=OUTREACH_STAGE,
        status=OUTREACH_STATUS,
        title=text.TITLE_OUTREACH,
        lines=lines,
        kind=OUTREACH,
        sms=_sms(text.SMS_OUTREACH, text.SMS_OUTREACH[-1], programs=programs, amounts=sms_amounts),
    )


def render_information_request(
    notice_id: str, issued_at: str, request: Mapping[str, Any]
) -> Notice:
    """What a caseworker asks the resident for (``cq.yuzhu.information.requested.v1``): their
    words, by when, and how to answer. The text message only says there is something to read:
    the caseworker's words may mention the household's circumstances."""
    lines = [str(request.get("message", ""))]
    reply_by = request.get("reply_by")
    if isinstance(reply_by, str) and len(reply_by) == 10:
        _, month, day = reply_by.split("-")
        lines.append(text.INFORMATION_REPLY_BY.format(date=f"{int(month)}月{int(day)}日"))
    lines.append(text.INFORMATION_HOW)
    return Notice(
        notice_id=notice_id,
        issued_at=issued_at,
        application_id=str(request.get("application_id", "")),
        stage=INFORMATION,
        status=INFORMATION_STATUS,
        title=text.TITLE_INFORMATION,
        lines=tuple(lines),
        kind=INFORMATION,
        sms=text.SMS_INFORMATION,
    )
