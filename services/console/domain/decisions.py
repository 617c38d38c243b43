"""The final determination (SPEC §4, ``stage: "final"``) built from a case and what the
caseworker decided. Pure: the caller publishes it and then marks the case decided.

The county's decision (民发〔2021〕57号 Art. 20) is recorded as one more reason on each program
it changed or confirmed, after the rules' own reasons, so the resident sees both what the rules
found and what the caseworker decided:

* ``caseworker.approved``     — approved, with the amounts (``passed: true``)
* ``caseworker.not_approved`` — the rules found it eligible or left it open, the caseworker did
  not approve it (``passed: false``)
* ``caseworker.rejected``     — the whole application was rejected, with the caseworker's reason

``approve`` with a mapping approves exactly the programs in it: a program the rules found
eligible but the caseworker left out is not approved. That keeps the final record to what the
county actually decided (e.g. approving 特困 must not leave 低保 eligible beside it). "as
preliminary" confirms the rules' eligible programs and amounts unchanged; it is refused while a
program still needs review, because the rules left that program's amount at 0.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, Final, Literal

from services.common.programs import PROGRAM_NAMES

from .access import User, require_can_act
from .cases import Case
from .catalogue import approved_message, not_approved_message
from .errors import InvalidDecision
from .money import Amount, json_money, round_amount, sum_amounts
from .timestamps import local_date

AS_PRELIMINARY: Final = "as preliminary"
AsPreliminary = Literal["as preliminary"]
ApprovedAmounts = Mapping[str, tuple[Amount, Amount]]

CASEWORKER_CITATION = "民发〔2021〕57号 第二十条"
RULE_APPROVED = "caseworker.approved"
RULE_NOT_APPROVED = "caseworker.not_approved"
RULE_REJECTED = "caseworker.rejected"

# Long enough for a reason a resident can act on, short enough for an SMS-sized notice.
MAX_TEXT_LENGTH = 500


def approve(
    case: Case,
    programs_and_amounts: ApprovedAmounts | AsPreliminary,
    by: User,
    at: datetime,
    *,
    note: str | None = None,
) -> dict[str, Any]:
    """The final determination approving ``programs_and_amounts`` ({program: (monthly,
    one_off)}, yuan) or, with ``"as preliminary"``, the rules' eligible programs unchanged.

    ``note`` replaces the standard sentence of the approved programs' reason. Raises
    AccessDenied / CaseClosed / NotClaimedByYou when ``by`` may not decide, InvalidDecision
    when the decision is malformed.
    """
    require_can_act(by, case)
    preliminary = _preliminary(case)
    decided_on = local_date(at).isoformat()
    message = _text(note, required=False)
    if isinstance(programs_and_amounts, str):
        if programs_and_amounts != AS_PRELIMINARY:
            raise InvalidDecision("invalid_amount", "give amounts or 'as preliminary'")
        approved = _as_preliminary(preliminary)
    else:
        approved = _approved_amounts(programs_and_amounts)
    if not approved:
        raise InvalidDecision("nothing_to_approve", "no program is approved")

    results: list[dict[str, Any]] = []
    for result in preliminary["programs"]:
        program, outcome = result["program"], result["outcome"]
        if program in approved:
            monthly, one_off = approved[program]
            results.append(
                _approved(
                    result,
                    program,
                    outcome=outcome,
                    monthly=monthly,
                    one_off=one_off,
                    note=message,
                    decided_on=decided_on,
                )
            )
        elif outcome in ("eligible", "needs_review"):
            reason = _reason(
                RULE_NOT_APPROVED,
                False,
                not_approved_message(program),
                {"preliminary_outcome": outcome, "decided_on": decided_on},
            )
            results.append(_with(result, "ineligible", Decimal(0), Decimal(0), reason))
        else:
            results.append(copy.deepcopy(dict(result)))
    listed = {r["program"] for r in preliminary["programs"]}
    for program in PROGRAM_NAMES:  # approved programs the rules did not list, in SPEC order
        if program in approved and program not in listed:
            monthly, one_off = approved[program]
            results.append(
                _approved(
                    None,
                    program,
                    outcome=None,
                    monthly=monthly,
                    one_off=one_off,
                    note=message,
                    decided_on=decided_on,
                )
            )
    return _determination(preliminary, results)


def reject(case: Case, reason_text: str, by: User, at: datetime) -> dict[str, Any]:
    """The final determination rejecting the application with the caseworker's reason, which
    becomes the message of a ``caseworker.rejected`` reason on every program that applied."""
    require_can_act(by, case)
    preliminary = _preliminary(case)
    message = _text(reason_text, required=True)
    assert message is not None  # required=True never returns None
    decided_on = local_date(at).isoformat()
    programs = preliminary["programs"]
    # Programs that did not apply stay as they were; if none applied, the reason goes on all,
    # so the resident always reads it.
    applied = [r for r in programs if r["outcome"] != "not_applicable"] or programs
    applied_ids = {r["program"] for r in applied}
    results: list[dict[str, Any]] = []
    for result in programs:
        if result["program"] not in applied_ids:
            results.append(copy.deepcopy(dict(result)))
            continue
        reason = _reason(
            RULE_REJECTED,
            False,
            message,
            {"preliminary_outcome": result["outcome"], "decided_on": decided_on},
        )
        outcome = "not_applicable" if result["outcome"] == "not_applicable" else "ineligible"
        results.append(_with(result, outcome, Decimal(0), Decimal(0), reason))
    return _determination(preliminary, results)


def _preliminary(case: Case) -> Mapping[str, Any]:
    determination = case.payload.get("determination")
    if case.kind == "handoff" or not isinstance(determination, Mapping):
        raise InvalidDecision("no_determination", "this case carries no determination")
    return determination


def _as_preliminary(preliminary: Mapping[str, Any]) -> dict[str, tuple[Decimal, Decimal]]:
    if any(r["outcome"] == "needs_review" for r in preliminary["programs"]):
        raise InvalidDecision("amounts_required", "a program needs review: give its amounts")
    return {
        r["program"]: (round_amount(r["monthly_amount"]), round_amount(r["one_off_amount"]))
        for r in preliminary["programs"]
        if r["outcome"] == "eligible"
    }


def _approved_amounts(given: ApprovedAmounts) -> dict[str, tuple[Decimal, Decimal]]:
    approved: dict[str, tuple[Decimal, Decimal]] = {}
    for program, amounts in given.items():
        if program not in PROGRAM_NAMES:
            raise InvalidDecision("unknown_program", "not one of the eight programs")
        if not isinstance(amounts, Sequence) or isinstance(amounts, str) or len(amounts) != 2:
            raise InvalidDecision("invalid_amount", f"{program}: give (monthly, one_off)")
        try:
            monthly, one_off = round_amount(amounts[0]), round_amount(amounts[1])
        except ValueError as exc:
            raise InvalidDecision("invalid_amount", f"{program}: {exc}") from exc
        if monthly < 0 or one_off < 0:
            raise InvalidDecision("invalid_amount", f"{program}: amounts cannot be negative")
        approved[program] = (monthly, one_off)
    return approved


def _approved(
    result: Mapping[str, Any] | None,
    program: str,
    *,
    outcome: str | None,
    monthly: Decimal,
    one_off: Decimal,
    note: str | None,
    decided_on: str,
) -> dict[str, Any]:
    reason = _reason(
        RULE_APPROVED,
        True,
        note or approved_message(program, monthly, one_off),
        {
            "preliminary_outcome": outcome,
            "monthly_amount": json_money(monthly),
            "one_off_amount": json_money(one_off),
            "decided_on": decided_on,
        },
    )
    base = result if result is not None else {"program": program, "reasons": []}
    return _with(base, "eligible", monthly, one_off, reason)


def _with(
    result: Mapping[str, Any],
    outcome: str,
    monthly: Decimal,
    one_off: Decimal,
    reason: dict[str, Any],
) -> dict[str, Any]:
    return {
        "program": result["program"],
        "outcome": outcome,
        "monthly_amount": json_money(round_amount(monthly)),
        "one_off_amount": json_money(round_amount(one_off)),
        "reasons": [*copy.deepcopy(list(result["reasons"])), reason],
    }


def _reason(rule: str, passed: bool, message: str, values: dict[str, Any]) -> dict[str, Any]:
    return {
        "rule": rule,
        "passed": passed,
        "message": message,
        "citation": CASEWORKER_CITATION,
        "values": values,
    }


def _determination(preliminary: Mapping[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    """SPEC §4: totals sum the eligible programs; ``eligible`` needs a non-zero amount (a
    marginal-only household is ``ineligible`` with ``marginal: true``)."""
    eligible = [r for r in results if r["outcome"] == "eligible"]
    monthly = sum_amounts([round_amount(r["monthly_amount"]) for r in eligible])
    one_off = sum_amounts([round_amount(r["one_off_amount"]) for r in eligible])
    paid = any(r["monthly_amount"] > 0 or r["one_off_amount"] > 0 for r in eligible)
    return {
        "application_id": preliminary["application_id"],
        "policy_version": preliminary["policy_version"],
        "stage": "final",
        "status": "eligible" if paid else "ineligible",
        "programs": results,
        "total_monthly_amount": json_money(monthly),
        "total_one_off_amount": json_money(one_off),
        "marginal": any(r["program"] == "marginal" for r in eligible),
    }


def _text(text: str | None, *, required: bool) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        if required:
            raise InvalidDecision("reason_required", "the caseworker's reason is empty")
        return None
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise InvalidDecision("text_too_long", f"at most {MAX_TEXT_LENGTH} characters")
    return cleaned
