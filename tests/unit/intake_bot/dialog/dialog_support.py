"""Helpers for the dialog tests: a context, residents, and a ``Chat`` that checks every turn.

Imported by module name (pytest puts this folder on ``sys.path``; it has no ``__init__.py``),
so the name is unique in the suite.

Every turn a ``Chat`` sees is checked for what must always hold: at least one reply, a state
that survives JSON, and a submitted payload that both the event schema and the eligibility
validator accept.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from schemas import validate_data
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.domain import PolicyBook, validate_application
from services.intake_bot.domain.dialog import (
    DialogContext,
    DialogState,
    PolicyFacts,
    Reply,
    RequestHandoff,
    SubmitApplication,
    Turn,
    begin,
    policy_facts_from,
    respond,
    submitted,
)
from services.intake_bot.domain.understanding import EXPECTABLE, Intent, Parse
from tests.support.applications import id_number

CHONGQING = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 11, 20, 9, 30, tzinfo=CHONGQING)
TODAY = NOW.date()

__all__ = ["id_number"]


@cache
def book() -> PolicyBook:
    return load_policy_book()


def policy(on: date = TODAY) -> PolicyFacts:
    return policy_facts_from(book(), on)


class Ids:
    """Application ids 00000000-0000-0000-0000-000000000001, …02, … (a fake ``uuid4``)."""

    def __init__(self) -> None:
        self.issued: list[str] = []

    def __call__(self) -> str:
        new = str(uuid.UUID(int=len(self.issued) + 1))
        self.issued.append(new)
        return new


def context(
    *,
    now: datetime = NOW,
    channel: str = "palm",
    notices: Sequence[Mapping[str, Any]] = (),
    facts: PolicyFacts | None = None,
) -> DialogContext:
    return DialogContext(
        now=now,
        channel=channel,
        new_application_id=Ids(),
        policy=facts if facts is not None else policy(now.astimezone(CHONGQING).date()),
        notices=notices,
    )


def parse(intent: str, **slots: Any) -> Parse:
    return Parse(Intent(intent), slots)


def born(years: int, *, days_after: int = 0) -> date:
    """The birth date of someone who turned ``years`` on TODAY minus ``days_after`` days."""
    birthday = TODAY.replace(year=TODAY.year - years)
    return date.fromordinal(birthday.toordinal() - days_after)


def person_id(years: int, sequence: str = "123") -> str:
    return id_number(born(years, days_after=40), sequence=sequence)


# Residents: what each would answer to every question (slot values as the NLU gives them).
ADULT: dict[str, Any] = {
    "name": "张建国",
    "id_number": person_id(44),
    "phone": "13908381234",
    "relation": "self",
    "district": "巫溪县",
    "residence": "rural",
    "household_size": 3,
    "monthly_income": 900.0,
    "savings": 2000.0,
    "disability_grade": 0,
}

# The adult's questions, in order, when answered one at a time.
ADULT_QUESTIONS = [
    "name",
    "id_number",
    "phone",
    "relation",
    "district",
    "residence",
    "household_size",
    "monthly_income",
    "savings",
    "disability_grade",
    "confirm",
]


def check_turn(turn: Turn) -> None:
    """What every turn must satisfy."""
    assert turn.replies, "every turn says something"
    assert all(isinstance(r, Reply) and r.text for r in turn.replies)
    assert turn.state.expecting is None or turn.state.expecting in EXPECTABLE
    stored = json.loads(json.dumps(turn.state.to_dict(), ensure_ascii=False))
    assert DialogState.from_dict(stored) == turn.state
    for action in turn.actions:
        if isinstance(action, SubmitApplication):
            check_payload(action.payload)


def check_payload(payload: dict[str, Any]) -> None:
    validate_data("cq.yuzhu.application.submitted.v1", payload)
    validate_application(payload)


class Chat:
    """A conversation driven by hand-built parses; every turn is checked and kept."""

    def __init__(self, ctx: DialogContext | None = None, *, start: bool = True) -> None:
        self.ctx = ctx if ctx is not None else context()
        self.turns: list[Turn] = []
        self.state = DialogState()
        if start:
            self._keep(begin(self.ctx))

    def _keep(self, turn: Turn) -> Turn:
        check_turn(turn)
        self.turns.append(turn)
        self.state = turn.state
        return turn

    def say(self, intent: str, **slots: Any) -> Turn:
        return self._keep(respond(self.state, parse(intent, **slots), self.ctx))

    def submitted(self, reference: str = "YZ20241120-000000") -> Turn:
        return self._keep(submitted(self.state, reference))

    @property
    def last(self) -> Turn:
        return self.turns[-1]

    @property
    def text(self) -> str:
        """All bubbles of the last turn, joined."""
        return "\n".join(r.text for r in self.last.replies)

    @property
    def expecting(self) -> str | None:
        return self.state.expecting

    @property
    def payloads(self) -> list[dict[str, Any]]:
        return [
            a.payload for t in self.turns for a in t.actions if isinstance(a, SubmitApplication)
        ]

    @property
    def handoffs(self) -> list[str]:
        return [a.reason for t in self.turns for a in t.actions if isinstance(a, RequestHandoff)]

    def answer(self, resident: Mapping[str, Any]) -> Turn:
        """Answer the pending question as ``resident`` would, in its expected slot."""
        intent, slots = answer_for(self.state, resident)
        return self.say(intent, **slots)

    def answer_until(self, expecting: str, resident: Mapping[str, Any]) -> list[str]:
        """Answer one question at a time until the bot expects ``expecting``; what it asked."""
        asked: list[str] = []
        while self.expecting != expecting:
            assert self.expecting is not None, asked
            assert len(asked) < 40, asked
            asked.append(self.expecting)
            self.answer(resident)
        return asked


def answer_for(state: DialogState, resident: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(intent, slots) a resident gives to what ``state`` asks."""
    slot = state.expecting
    assert slot is not None
    if slot == "confirm":
        return "affirm", {}
    asking = str(state.asking)
    key = {"beneficiary_name": "beneficiary_name", "beneficiary_id": "beneficiary_id"}.get(
        asking, slot
    )
    value_key = {"beneficiary_name": "name", "beneficiary_id": "id_number"}.get(key, key)
    if key.startswith("beneficiary_"):
        return "inform", {value_key: resident[key]}
    return "inform", {slot: resident[slot]}


def walk(resident: Mapping[str, Any], ctx: DialogContext | None = None) -> Chat:
    """A whole application answered one question at a time, up to and including the yes."""
    chat = Chat(ctx)
    chat.answer_until("confirm", resident)
    chat.say("affirm")
    return chat
