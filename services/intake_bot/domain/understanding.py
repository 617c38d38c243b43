"""What the NLU hands the dialog: an intent and canonical slots (the NLU contract, v1).

The contract is ``docs/sources/nlu/SPEC.md``. This module holds only the shared types, so the
NLU (``domain/nlu``) and the dialog (``domain/dialog``) can be built and tested apart.

Slots beyond the contract's table (the accuracy benchmark does not score them, the dialog uses
them): ``relation`` (who the help is for), ``disability_kind``, ``parents``, ``serious_illness``,
``able_supporter``, ``in_institution``. When the bot asked a yes/no question (``expecting`` is
one of the boolean slots), a plain yes or no comes back as ``affirm`` / ``deny`` with no slot:
the dialog knows what it asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Intent(StrEnum):
    GREET = "greet"
    APPLY = "apply"  # wants help or names a program
    ASK_POLICY = "ask_policy"  # a question about rules, amounts, materials, time limits
    CHECK_STATUS = "check_status"
    INFORM = "inform"  # gives facts
    AFFIRM = "affirm"
    DENY = "deny"  # may carry corrected slots
    CANCEL = "cancel"
    HUMAN = "human"  # asks for a person
    THANKS = "thanks"
    OUT_OF_SCOPE = "out_of_scope"


# Slots of the contract's table (scored by the benchmark), with their canonical value types.
CONTRACT_SLOTS: Mapping[str, type] = {
    "name": str,  # a Chinese name
    "id_number": str,  # 18 chars, upper-case X, GB 11643 checksum valid
    "phone": str,  # 11 digits, 1[3-9]…
    "district": str,  # canonical name of one of the 38 区县
    "residence": str,  # "urban" | "rural"
    "household_size": int,  # 1–20
    "monthly_income": float,  # household yuan per month (annual figures divided by 12)
    "savings": float,  # household financial assets, yuan
    "age": int,
    "disability_grade": int,  # 0–4, 0 = none
    # dibao tekun marginal temporary disability_living disability_care orphan unsupported_child
    "program": str,
    "emergency": str,  # fire flood disaster accident illness expense other
    "medical_expense": float,  # yuan
}

# Further slots the dialog uses (not scored).
EXTRA_SLOTS: Mapping[str, type] = {
    "relation": str,  # self spouse parent child grandchild sibling other
    "disability_kind": str,  # physical visual hearing speech intellectual mental multiple
    "parents": str,  # normal both_deceased_or_missing both_incapable one_deceased_other_incapable
    "serious_illness": bool,
    "able_supporter": bool,  # someone able and obliged to support the beneficiary exists
    "in_institution": bool,  # the child lives in a welfare institution
}

# What the bot may be waiting for: a slot name, or the confirmation step.
EXPECTABLE: frozenset[str] = frozenset({*CONTRACT_SLOTS, *EXTRA_SLOTS, "confirm"})


@dataclass(frozen=True, slots=True)
class Parse:
    intent: Intent
    slots: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The batch interface's output line: ``{"intent": …, "slots": {…}}``."""
        return {"intent": str(self.intent), "slots": dict(self.slots)}
