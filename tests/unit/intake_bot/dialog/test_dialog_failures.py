"""Answers that cannot be used: one message each, and a person after the third."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from dialog_support import ADULT, Chat, id_number, person_id

from services.intake_bot.domain.dialog import respond
from services.intake_bot.domain.understanding import Intent, Parse

BAD_CHECKSUM = ADULT["id_number"][:-1] + ("0" if ADULT["id_number"][-1] != "0" else "1")

# (question, rejected slots, what the bot says is wrong)
REJECTED: list[tuple[str, dict[str, Any], str]] = [
    ("name", {}, "没太听明白。"),
    ("id_number", {}, "没太听明白。"),
    ("id_number", {"id_number_invalid": True}, "身份证号码好像不对"),
    ("id_number", {"id_number": BAD_CHECKSUM}, "身份证号码好像不对"),
    ("id_number", {"id_number": "50023819801011123"}, "身份证号码好像不对"),
    ("id_number", {"id_number": id_number(date(2030, 1, 1))}, "好像不对"),
    ("phone", {"phone": "12345"}, "手机号码好像不对"),
    ("district", {"district": "成都市"}, "没找到这个区县"),
    ("residence", {"residence": "suburban"}, "没太听明白。"),
    ("household_size", {"household_size": 0}, "人数好像不对"),
    ("household_size", {"household_size": 21}, "人数好像不对"),
    ("household_size", {"age": 72}, "没太听明白。"),
    ("monthly_income", {"monthly_income": -500}, "钱数好像不对"),
    ("savings", {"savings": float("nan")}, "钱数好像不对"),
    ("savings", {"savings": 1e30}, "钱数好像不对"),
    ("disability_grade", {"disability_grade": 7}, "只有一级到四级"),
]


@pytest.mark.parametrize(("stage", "slots", "wrong"), REJECTED)
def test_a_rejected_answer_gets_exactly_one_reply_saying_what_is_wrong_and_asking_again(
    stage: str, slots: dict[str, Any], wrong: str
) -> None:
    chat = Chat()
    chat.answer_until(stage, ADULT)
    pending = chat.last.replies[-1]
    chat.say("inform", **slots)
    [reply] = chat.last.replies
    assert wrong in reply.text
    assert reply.text.endswith(pending.text)
    assert reply.options == pending.options
    assert chat.expecting == stage
    assert chat.state.failures == 1


@pytest.mark.parametrize("intent", ["affirm", "deny", "inform"])
def test_a_yes_or_no_to_an_open_question_is_one_reply_asking_again(intent: str) -> None:
    chat = Chat()
    chat.answer_until("household_size", ADULT)
    chat.say(intent)
    assert len(chat.last.replies) == 1
    assert chat.expecting == "household_size"


def test_an_unclear_answer_to_the_summary_shows_it_again_in_one_reply() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    chat.say("inform")
    [reply] = chat.last.replies
    assert reply.text.startswith("没太听明白。请您核对一下")
    assert reply.options == ("是", "不是")
    assert chat.payloads == []


def test_the_third_failure_on_the_same_question_offers_a_person() -> None:
    chat = Chat()
    chat.answer_until("id_number", ADULT)
    chat.say("inform", id_number_invalid=True)
    chat.say("inform", id_number=BAD_CHECKSUM)
    assert chat.last.replies[-1].options == ()
    chat.say("inform")
    [reply] = chat.last.replies
    assert reply.options == ("转人工", "再试试")
    assert "工作人员" in reply.text
    assert chat.expecting == "id_number"  # a typed number is still understood
    assert chat.handoffs == []


@pytest.mark.parametrize("intent", ["human", "affirm"])  # 转人工 / 好
def test_accepting_the_offered_person_hands_off_for_repeated_failures(intent: str) -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    for _ in range(3):
        chat.say("inform", phone="123")
    chat.say(intent)
    assert chat.handoffs == ["repeated_failures"]
    assert len(chat.last.replies) == 1
    assert chat.state.offer is None


def test_trying_again_after_the_offer_asks_the_question_again_and_restarts_the_count() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    for _ in range(3):
        chat.say("inform")
    chat.say("deny")  # 再试试
    [reply] = chat.last.replies
    assert reply.text == "好的，我们再试一次。您的手机号码是多少？有消息会打这个电话。"
    assert chat.state.failures == 0
    assert chat.state.offer is None
    chat.say("inform")
    assert chat.state.failures == 1
    assert chat.handoffs == []


def test_a_good_answer_after_the_offer_is_simply_taken() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    for _ in range(3):
        chat.say("inform")
    chat.say("inform", phone="13908381234")
    assert chat.expecting == "relation"
    assert chat.handoffs == []


def test_failures_are_counted_per_question() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    chat.say("inform")
    chat.say("inform")
    chat.answer(ADULT)
    assert chat.expecting == "relation"
    assert chat.state.failures == 0
    chat.say("inform")
    chat.say("inform")
    assert chat.last.replies[-1].options == ("是", "不是")


def test_other_facts_given_instead_of_the_answer_are_kept_and_not_a_failure() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    chat.say("inform", household_size=3)
    assert chat.state.failures == 0
    assert chat.expecting == "phone"
    assert chat.text == "好的，记下了。您的手机号码是多少？有消息会打这个电话。"
    assert chat.state.draft is not None
    assert chat.state.draft.household_size == 3


def test_a_bad_value_for_another_question_is_reported_while_the_answer_is_taken() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    chat.say("inform", phone="13908381234", household_size=0)
    [reply] = chat.last.replies
    assert reply.text.startswith("人数好像不对。")
    assert chat.expecting == "relation"


def test_three_things_out_of_scope_offer_a_person_for_that_reason() -> None:
    chat = Chat()
    chat.answer_until("district", ADULT)
    for _ in range(3):
        chat.say("out_of_scope")
    assert chat.last.replies[-1].options == ("转人工", "再试试")
    chat.say("affirm")
    assert chat.handoffs == ["out_of_scope"]


def test_the_beneficiarys_id_number_failing_three_times_offers_a_person_too() -> None:
    chat = Chat()
    chat.say("inform", name="张建国", id_number=ADULT["id_number"], phone="13908381234")
    chat.say("inform", relation="parent", name="王秀英")
    for _ in range(3):
        chat.say("inform", id_number=ADULT["id_number"])
    assert chat.last.replies[-1].options == ("转人工", "再试试")
    chat.say("inform", id_number=person_id(70, sequence="224"))
    assert chat.expecting == "district"


def test_a_parse_with_values_of_the_wrong_type_is_a_rejected_answer_not_a_crash() -> None:
    chat = Chat()
    chat.answer_until("household_size", ADULT)
    weird = Parse(
        Intent.INFORM,
        {"household_size": "three", "name": 5, "phone": None, "able_supporter": "yes"},
    )
    turn = respond(chat.state, weird, chat.ctx)
    assert len(turn.replies) == 1
    assert turn.state.expecting == "household_size"
