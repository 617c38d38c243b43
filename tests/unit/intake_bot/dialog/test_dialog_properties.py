"""Properties over any conversation (hypothesis).

Whatever the NLU hands over — any intent, any slots, values of the wrong type included — a turn
never raises, always says something, keeps a state that survives JSON, and submits only
payloads that the event schema and the eligibility validator accept (``check_turn``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from dialog_support import CHONGQING, check_payload, check_turn, context, id_number
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from services.common.districts import CANONICAL_NAMES
from services.common.programs import PROGRAM_NAMES
from services.intake_bot.domain.dialog import (
    DialogState,
    SubmitApplication,
    begin,
    respond,
    submitted,
)
from services.intake_bot.domain.understanding import Intent, Parse

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TODAY = date(2024, 11, 20)
RELATIONS = ["self", "spouse", "parent", "child", "grandchild", "sibling", "other"]
KINDS = ["physical", "visual", "hearing", "speech", "intellectual", "mental", "multiple"]
PARENTS = ["normal", "both_deceased_or_missing", "both_incapable", "one_deceased_other_incapable"]
EMERGENCIES = ["fire", "flood", "disaster", "accident", "illness", "expense", "other"]


def _id(age: int, sequence: str = "123", on: date = TODAY) -> str:
    # Three days before the birthday ``age`` years back; 29 February has none in most years.
    day = on - timedelta(days=3)
    if (day.month, day.day) == (2, 29):
        day -= timedelta(days=1)
    return id_number(day.replace(year=day.year - age), sequence=sequence)


AGES = (0, 5, 15, 16, 17, 18, 45, 59, 60, 75, 99)
VALID_IDS = [_id(age, seq) for age in AGES for seq in ("121", "222")]
WEIRD = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.booleans(), st.just([1]))


def _money() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(0, 20000),
        st.floats(min_value=0, max_value=1e6, allow_nan=False),
        st.floats(),  # nan, inf, negatives
        WEIRD,
    )


SLOT_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "name": st.one_of(st.sampled_from(["张建国", "王秀英", "刘小军"]), WEIRD),
    "id_number": st.one_of(
        st.sampled_from(VALID_IDS),
        st.sampled_from(["123", VALID_IDS[0][:-1] + "Y", _id(-3), "5002381952031512"]),
        WEIRD,
    ),
    "id_number_invalid": st.just(True),
    "phone": st.one_of(st.sampled_from(["13908381234", "17723456789", "1290838123"]), WEIRD),
    "district": st.one_of(st.sampled_from([*CANONICAL_NAMES, "开县", "石柱", "成都"]), WEIRD),
    "residence": st.one_of(st.sampled_from(["urban", "rural", "城里"]), WEIRD),
    "household_size": st.one_of(st.integers(-2, 25), st.floats(0, 5), WEIRD),
    "monthly_income": _money(),
    "savings": _money(),
    "medical_expense": _money(),
    "age": st.integers(0, 120),
    "disability_grade": st.one_of(st.integers(-1, 6), WEIRD),
    "disability_kind": st.one_of(st.sampled_from([*KINDS, "x"]), WEIRD),
    "program": st.one_of(st.sampled_from([*PROGRAM_NAMES, "wubao"]), WEIRD),
    "emergency": st.one_of(st.sampled_from([*EMERGENCIES, "quake"]), WEIRD),
    "relation": st.one_of(st.sampled_from([*RELATIONS, "friend"]), WEIRD),
    "parents": st.one_of(st.sampled_from([*PARENTS, "x"]), WEIRD),
    "serious_illness": st.one_of(st.booleans(), WEIRD),
    "able_supporter": st.one_of(st.booleans(), WEIRD),
    "in_institution": st.one_of(st.booleans(), WEIRD),
    "unknown_slot": WEIRD,
}

# A valid value for every fact, so random conversations do reach the confirmation.
GOOD: dict[str, st.SearchStrategy[Any]] = {
    "name": st.sampled_from(["张建国", "王秀英"]),
    "id_number": st.sampled_from(VALID_IDS),
    "phone": st.just("13908381234"),
    "relation": st.sampled_from(RELATIONS),
    "district": st.sampled_from(CANONICAL_NAMES),
    "residence": st.sampled_from(["urban", "rural"]),
    "household_size": st.integers(1, 20),
    "monthly_income": st.integers(0, 5000),
    "savings": st.integers(0, 100000),
    "disability_grade": st.integers(0, 4),
    "disability_kind": st.sampled_from(KINDS),
    "parents": st.sampled_from(PARENTS),
    "serious_illness": st.booleans(),
    "able_supporter": st.booleans(),
    "in_institution": st.booleans(),
    "emergency": st.sampled_from(EMERGENCIES),
    "medical_expense": st.integers(0, 300000),
    "program": st.sampled_from(list(PROGRAM_NAMES)),
}


@st.composite
def parses(draw: st.DrawFn) -> Parse:
    intent = draw(
        st.one_of(
            st.sampled_from(list(Intent)),
            st.sampled_from([Intent.AFFIRM, Intent.INFORM, Intent.DENY]),
        )
    )
    table = draw(st.sampled_from([SLOT_VALUES, GOOD, GOOD]))
    names = draw(st.lists(st.sampled_from(sorted(table)), max_size=6, unique=True))
    return Parse(intent, {name: draw(table[name]) for name in names})


@st.composite
def everything(draw: st.DrawFn) -> Parse:
    """One message with a valid value for every fact (the fast path), in any intent that
    carries facts."""
    intent = draw(st.sampled_from([Intent.INFORM, Intent.APPLY, Intent.DENY, Intent.AFFIRM]))
    slots = {name: draw(strategy) for name, strategy in GOOD.items()}
    del slots[draw(st.sampled_from(sorted(GOOD)))]  # usually one thing is still missing
    return Parse(intent, slots)


MESSAGES = st.one_of(parses(), everything(), st.just(Parse(Intent.AFFIRM)))


@st.composite
def moments(draw: st.DrawFn) -> datetime:
    day = draw(st.dates(min_value=date(2021, 9, 1), max_value=date(2026, 12, 31)))
    at = draw(st.sampled_from([time(0, 0), time(9, 30), time(23, 59, 59)]))
    return datetime.combine(day, at, tzinfo=CHONGQING)


@SETTINGS
@given(
    start=st.booleans(),
    messages=st.lists(MESSAGES, max_size=30),
    now=moments(),
    channel=st.sampled_from(["palm", "fingertip"]),
)
def test_any_sequence_of_parses_never_raises_and_every_turn_says_something(
    start: bool, messages: list[Parse], now: datetime, channel: str
) -> None:
    ctx = context(now=now, channel=channel)
    state = DialogState()
    if start:
        first = begin(ctx)
        check_turn(first)
        state = first.state
    for number, message in enumerate(messages):
        before = state.to_dict()
        turn = respond(state, message, ctx)
        assert state.to_dict() == before  # the given state is never changed
        check_turn(turn)
        state = turn.state
        if any(isinstance(a, SubmitApplication) for a in turn.actions):
            event("submitted an application")
            after = submitted(state, f"YZ-{number}")
            check_turn(after)
            state = after.state


@st.composite
def residents(draw: st.DrawFn, on: date) -> dict[str, Any]:
    """A resident with a valid answer to every question the bot could ask on ``on``."""
    facts = {name: draw(strategy) for name, strategy in GOOD.items()}
    facts["beneficiary_name"] = "王秀英"
    facts["beneficiary_id"] = _id(draw(st.sampled_from(AGES)), "222", on)
    facts["id_number"] = _id(draw(st.sampled_from(AGES[5:])), "121", on)  # an adult
    return facts


def _answer(state: DialogState, resident: dict[str, Any]) -> Parse:
    slot = state.expecting
    assert slot is not None
    if slot == "confirm":
        return Parse(Intent.AFFIRM)
    if str(state.asking).startswith("beneficiary_"):
        key = str(state.asking)
        return Parse(Intent.INFORM, {slot: resident[key]})
    return Parse(Intent.INFORM, {slot: resident[slot]})


@SETTINGS
@given(
    data=st.data(),
    opening=st.lists(st.sampled_from(sorted(GOOD)), unique=True),
    interruptions=st.lists(
        st.sampled_from([Intent.ASK_POLICY, Intent.THANKS, Intent.GREET, Intent.CHECK_STATUS]),
        max_size=40,
    ),
    now=moments(),
)
def test_every_completed_dialog_submits_one_valid_payload_with_the_residents_facts(
    data: st.DataObject, opening: list[str], interruptions: list[Intent], now: datetime
) -> None:
    resident = data.draw(residents(now.date()))
    ctx = context(now=now)
    turn = respond(DialogState(), Parse(Intent.APPLY, {k: resident[k] for k in opening}), ctx)
    payloads: list[dict[str, Any]] = []
    for step in range(80):
        check_turn(turn)
        payloads += [a.payload for a in turn.actions if isinstance(a, SubmitApplication)]
        if payloads:
            break
        if step < len(interruptions) and step % 2:
            message = Parse(interruptions[step])
        else:
            message = _answer(turn.state, resident)
        turn = respond(turn.state, message, ctx)
    [payload] = payloads
    check_payload(payload)
    household = payload["household"]
    assert household["district"] == resident["district"]
    assert household["members"] == resident["household_size"]
    assert household["monthly_income"] == resident["monthly_income"]
    assert household["financial_assets"] == resident["savings"]
    assert payload["applicant"]["id_number"] == resident["id_number"]
    if resident["relation"] != "self":
        assert payload["beneficiary"]["id_number"] == resident["beneficiary_id"]
    else:
        assert "id_number" not in payload["beneficiary"]
