"""The stored state, the context and the policy facts."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from dialog_support import ADULT, Chat, book, context, parse, person_id, policy

from services.eligibility.domain import NoPolicyError
from services.intake_bot.domain.dialog import (
    DialogContext,
    DialogState,
    RequestHandoff,
    policy_facts_from,
    respond,
)
from services.intake_bot.domain.dialog.questions import EXPECTS, Question
from services.intake_bot.domain.dialog.state import UnreadableState
from services.intake_bot.domain.understanding import EXPECTABLE


def _through_json(state: DialogState) -> DialogState:
    return DialogState.from_dict(json.loads(json.dumps(state.to_dict(), ensure_ascii=False)))


def test_the_state_survives_json_at_every_turn_of_a_whole_application() -> None:
    helper: dict[str, Any] = {
        **ADULT,
        "relation": "grandchild",
        "beneficiary_name": "王小明",
        "beneficiary_id": person_id(8, sequence="335"),
        "parents": "both_deceased_or_missing",
        "in_institution": True,
        "able_supporter": False,
        "disability_grade": 2,
        "disability_kind": "intellectual",
    }
    chat = Chat()
    chat.say("apply", program="orphan", emergency="illness")
    chat.answer_until("confirm", {**helper, "medical_expense": 12000.5})
    chat.say("affirm")
    chat.submitted()
    states = [t.state for t in chat.turns]
    assert len(states) > 15
    for state in states:
        assert _through_json(state) == state
        assert state.to_dict()["v"] == 1


def test_the_stored_form_is_plain_json_data() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    data = chat.state.to_dict()
    assert json.loads(json.dumps(data)) == data


def test_a_stored_state_with_an_unknown_version_is_refused() -> None:
    data = Chat().state.to_dict()
    for version in (2, 0, "1", None, True):
        with pytest.raises(UnreadableState, match="version"):
            DialogState.from_dict({**data, "v": version})
    without = dict(data)
    del without["v"]
    with pytest.raises(UnreadableState, match="version"):
        DialogState.from_dict(without)


@pytest.mark.parametrize(
    "change",
    [
        {"asking": "favourite_colour"},
        {"failures": -1},
        {"failures": "2"},
        {"offer": "bored"},
        {"applications": {}},
        {"applications": [{"application_id": 5, "reference": None}]},
        {"applications": [{"application_id": "a"}]},
        {"draft": []},
        {"extra": 1},
    ],
)
def test_a_stored_state_of_an_unknown_shape_is_refused(change: dict[str, Any]) -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    with pytest.raises(UnreadableState):
        DialogState.from_dict({**chat.state.to_dict(), **change})


@pytest.mark.parametrize(
    "change",
    [
        {"household_size": "3"},
        {"household_size": True},
        {"monthly_income": "900"},
        {"has_disability": 1},
        {"programs": "dibao"},
        {"programs": [1]},
        {"name": "张建国"},
    ],
)
def test_a_stored_draft_of_an_unknown_shape_is_refused(change: dict[str, Any]) -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    data = chat.state.to_dict()
    with pytest.raises(UnreadableState):
        DialogState.from_dict({**data, "draft": {**data["draft"], **change}})
    missing = dict(data["draft"])
    del missing["phone"]
    with pytest.raises(UnreadableState):
        DialogState.from_dict({**data, "draft": missing})


@pytest.mark.parametrize("not_a_state", [None, [], "state", 1])
def test_something_that_is_not_an_object_is_refused(not_a_state: Any) -> None:
    with pytest.raises(UnreadableState):
        DialogState.from_dict(not_a_state)


def test_an_amount_stored_without_a_decimal_point_reads_back_as_the_same_amount() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    data = chat.state.to_dict()
    data["draft"]["monthly_income"] = 900
    assert DialogState.from_dict(data) == chat.state


def test_every_question_tells_the_nlu_a_slot_it_knows() -> None:
    assert set(EXPECTS) == set(Question)
    assert set(EXPECTS.values()) <= EXPECTABLE


def test_a_turn_never_changes_the_state_it_was_given() -> None:
    chat = Chat()
    chat.answer_until("savings", ADULT)
    before = chat.state.to_dict()
    respond(chat.state, parse("inform", savings=5.0, name="李四"), chat.ctx)
    respond(chat.state, parse("cancel"), chat.ctx)
    assert chat.state.to_dict() == before


def test_the_state_tells_the_district_for_routing_a_handoff() -> None:
    chat = Chat()
    assert chat.state.district is None
    chat.say("inform", district="巫溪县")
    assert chat.state.district == "巫溪县"


def test_a_context_needs_an_aware_time_and_a_known_channel() -> None:
    with pytest.raises(ValueError, match="aware"):
        DialogContext(datetime(2024, 11, 20, 9, 30), "palm", lambda: "x", policy())
    with pytest.raises(ValueError, match="channel"):
        context(channel="telegram")


def test_a_handoff_reason_must_be_one_of_the_three() -> None:
    with pytest.raises(ValueError, match="reason"):
        RequestHandoff("lonely")


def test_policy_facts_are_the_version_in_force_on_the_day() -> None:
    facts = policy_facts_from(book(), date(2022, 9, 1))
    assert facts.version == "cq-2022-09"
    assert facts.effective_from == date(2022, 9, 1)
    assert str(facts.values["dibao.standard.urban"]) == "717"
    assert policy_facts_from(book(), date(2022, 8, 31)).version == "cq-2021-09"
    with pytest.raises(NoPolicyError):
        policy_facts_from(book(), date(2021, 8, 31))
    with pytest.raises(TypeError):
        facts.values["dibao.standard.urban"] = 1  # type: ignore[index]
