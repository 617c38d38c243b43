"""Questions only some applications need: a child's parents, an emergency."""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import ADULT, ADULT_QUESTIONS, Chat, person_id, walk

GRANDMA: dict[str, Any] = {
    **ADULT,
    "name": "刘桂芳",
    "id_number": person_id(66, sequence="442"),
    "relation": "grandchild",
    "beneficiary_name": "刘小军",
    "beneficiary_id": person_id(10, sequence="451"),
    "able_supporter": False,
}


def test_for_a_child_the_bot_asks_about_the_parents_and_the_welfare_home() -> None:
    orphan = {**GRANDMA, "parents": "both_deceased_or_missing", "in_institution": False}
    chat = Chat()
    asked = chat.answer_until("confirm", orphan)
    assert asked.index("savings") < asked.index("parents") < asked.index("in_institution")
    assert "able_supporter" in asked  # under 16 with no parents: who else could raise him?
    assert "爸爸妈妈：都去世或找不到了" in chat.text
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert beneficiary["parents"] == "both_deceased_or_missing"
    assert beneficiary["in_institution"] is False
    assert beneficiary["able_supporter"] is False


def test_the_parents_question_offers_the_four_situations_as_buttons() -> None:
    chat = Chat()
    chat.answer_until("parents", {**GRANDMA, "parents": "normal"})
    assert "刘小军的爸爸妈妈" in chat.text
    assert chat.last.replies[-1].options == ("都在，能照顾", "都去世或找不到了", "都没能力照顾")


def test_a_child_whose_parents_are_there_is_not_asked_about_other_supporters() -> None:
    chat = Chat()
    asked = chat.answer_until("confirm", {**GRANDMA, "parents": "normal"})
    assert "parents" in asked
    assert "in_institution" not in asked
    assert "able_supporter" not in asked


def test_the_welfare_home_question_is_only_for_a_child_who_lost_both_parents() -> None:
    chat = Chat()
    asked = chat.answer_until("confirm", {**GRANDMA, "parents": "both_incapable"})
    assert "in_institution" not in asked
    chat.say("affirm")
    assert chat.payloads[0]["beneficiary"]["parents"] == "both_incapable"
    assert "in_institution" not in chat.payloads[0]["beneficiary"]


def test_a_seventeen_year_old_is_asked_about_parents_but_not_about_supporters() -> None:
    teen = {**GRANDMA, "beneficiary_id": person_id(17, sequence="451"), "parents": "both_incapable"}
    chat = Chat()
    asked = chat.answer_until("confirm", teen)
    assert "parents" in asked
    assert "able_supporter" not in asked


def test_an_adult_is_never_asked_about_parents() -> None:
    chat = walk(ADULT)
    assert "parents" not in ADULT_QUESTIONS
    assert "in_institution" not in ADULT_QUESTIONS
    assert "parents" not in chat.payloads[0].get("beneficiary", {})
    eighteen_today = Chat()
    adult_helper = {**GRANDMA, "beneficiary_id": person_id(18, sequence="451")}
    assert "parents" not in eighteen_today.answer_until("confirm", adult_helper)


def test_without_an_emergency_no_emergency_question_is_asked() -> None:
    chat = walk(ADULT)
    assert "emergency" not in ADULT_QUESTIONS
    assert "medical_expense" not in ADULT_QUESTIONS
    assert chat.payloads[0]["emergency"] is None


def test_an_illness_mentioned_brings_the_medical_expense_question() -> None:
    chat = Chat()
    chat.say("apply", program="temporary", emergency="illness")  # 我爸中风瘫痪了，想申请临时救助
    asked = chat.answer_until("confirm", {**ADULT, "medical_expense": 50000.0})
    assert asked[-1] == "medical_expense"
    assert "emergency" not in asked
    assert "看病花了：5万元" in chat.text
    chat.say("affirm")
    payload = chat.payloads[0]
    assert payload["emergency"] == {"kind": "illness", "medical_expense": 50000.0}
    assert payload["programs_requested"] == ["temporary"]


def test_asking_for_temporary_aid_without_saying_what_happened_asks_what_happened() -> None:
    chat = Chat()
    chat.say("apply", program="temporary")
    chat.answer_until("emergency", ADULT)
    assert chat.text == "遇到了什么急事？"
    assert "着火了" in chat.last.replies[-1].options
    chat.say("inform", emergency="flood")
    assert chat.expecting == "confirm"  # no doctor's bill after a flood
    chat.say("affirm")
    assert chat.payloads[0]["emergency"] == {"kind": "flood"}


@pytest.mark.parametrize("kind", ["fire", "flood", "disaster", "other"])
def test_emergencies_without_doctors_bills_do_not_ask_about_them(kind: str) -> None:
    chat = Chat()
    chat.say("inform", **ADULT, emergency=kind)
    assert chat.expecting == "confirm"
    chat.say("affirm")
    assert chat.payloads[0]["emergency"] == {"kind": kind}
    assert chat.payloads[0]["programs_requested"] == ["dibao"]
