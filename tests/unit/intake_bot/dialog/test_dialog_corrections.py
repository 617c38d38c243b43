"""Corrections: at any question, and at the confirmation."""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import ADULT, ADULT_QUESTIONS, Chat, person_id

# Each question of the slow path, answered up to it, then a correction of an earlier fact.
STAGES = ADULT_QUESTIONS[1:]


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("intent", ["inform", "deny"])
def test_a_correction_at_any_question_overwrites_and_the_same_question_comes_back(
    stage: str, intent: str
) -> None:
    chat = Chat()
    chat.answer_until(stage, ADULT)
    before = chat.last.replies[-1].text
    chat.say(intent, name="张建军")
    assert chat.expecting == stage
    assert len(chat.last.replies) == 1
    reply = chat.last.replies[0].text
    assert reply.startswith("好的，改过来了。")
    if stage != "confirm":
        assert reply.endswith(before)
    else:
        assert "张建军" in reply
    chat.answer_until("confirm", ADULT)
    chat.say("affirm")
    assert chat.payloads[0]["applicant"]["name"] == "张建军"


def test_the_household_size_can_be_corrected_while_being_asked_about_money() -> None:
    chat = Chat()
    chat.answer_until("savings", ADULT)
    chat.say("deny", household_size=4)  # 不对，是四口人
    assert chat.expecting == "savings"
    chat.answer_until("confirm", ADULT)
    assert "4口人" in chat.text
    chat.say("affirm")
    assert chat.payloads[0]["household"]["members"] == 4


def test_a_deny_with_the_right_value_at_the_confirmation_applies_it_and_confirms_again() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    chat.say("deny", household_size=4)
    assert chat.expecting == "confirm"
    assert len(chat.last.replies) == 1
    assert chat.text.startswith("好的，改过来了。")
    assert "4口人" in chat.text
    assert chat.payloads == []
    chat.say("affirm")
    assert chat.payloads[0]["household"]["members"] == 4


def test_a_plain_no_at_the_confirmation_asks_what_to_change_and_takes_the_change() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    chat.say("deny")
    assert chat.text.startswith("哪一项不对？")
    assert chat.last.replies[-1].options == ("都对", "转人工")
    assert chat.expecting == "confirm"
    chat.say("inform", monthly_income=1200.0)
    assert chat.expecting == "confirm"
    assert "1200元" in chat.text
    chat.say("affirm")
    assert chat.payloads[0]["household"]["monthly_income"] == 1200.0


def test_after_asking_what_to_change_a_yes_shows_the_summary_again_before_submitting() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    chat.say("deny")
    chat.say("affirm")  # 都对
    assert chat.payloads == []
    assert chat.text.startswith("请您核对一下")
    chat.say("affirm")
    assert len(chat.payloads) == 1


def test_after_asking_what_to_change_something_unclear_asks_again() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    chat.say("deny")
    chat.say("inform")
    assert len(chat.last.replies) == 1
    assert "哪一项不对？" in chat.text


def test_correcting_the_beneficiarys_id_to_a_childs_brings_the_parents_question() -> None:
    helper: dict[str, Any] = {
        **ADULT,
        "relation": "grandchild",
        "beneficiary_name": "王小明",
        "beneficiary_id": person_id(40, sequence="335"),
    }
    chat = Chat()
    chat.answer_until("confirm", helper)
    chat.say("deny", id_number=person_id(9, sequence="335"))
    assert chat.expecting == "parents"
    chat.say("inform", parents="both_deceased_or_missing")
    chat.say("inform", in_institution=False)
    chat.say("deny")  # nobody else can raise him
    assert chat.expecting == "confirm"
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert beneficiary["id_number"] == person_id(9, sequence="335")
    assert beneficiary["parents"] == "both_deceased_or_missing"
    assert beneficiary["in_institution"] is False
    assert beneficiary["able_supporter"] is False


def test_an_answer_made_stale_by_a_correction_is_left_out_of_the_payload() -> None:
    child_id = person_id(9, sequence="335")
    helper: dict[str, Any] = {
        **ADULT,
        "relation": "grandchild",
        "beneficiary_name": "王小明",
        "beneficiary_id": child_id,
        "parents": "both_incapable",
        "able_supporter": False,
    }
    chat = Chat()
    chat.answer_until("confirm", helper)
    # 孙子的身份证号填错了，是…: the NLU hears whose number it is.
    chat.say("deny", relation="grandchild", id_number=person_id(40, sequence="335"))
    chat.answer_until("confirm", helper)
    assert "爸爸妈妈" not in chat.text
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert "parents" not in beneficiary
    assert "able_supporter" not in beneficiary


def test_switching_to_applying_for_oneself_forgets_the_other_persons_data() -> None:
    other_id = person_id(68, sequence="224")
    chat = Chat()
    chat.say("inform", **{**ADULT, "relation": "parent"})
    chat.say("inform", name="王秀英")
    chat.say("inform", id_number=other_id)
    chat.say("deny", relation="self")
    assert chat.state.draft is not None
    assert chat.state.draft.beneficiary_name is None
    assert chat.state.draft.beneficiary_id is None
    assert "王秀英" not in str(chat.state.to_dict())
    chat.answer_until("confirm", ADULT)
    chat.say("affirm")
    assert "name" not in chat.payloads[0]["beneficiary"]


def test_a_corrected_id_number_goes_to_the_person_whose_number_it_resembles() -> None:
    helper: dict[str, Any] = {
        **ADULT,
        "relation": "parent",
        "beneficiary_name": "王秀英",
        "beneficiary_id": person_id(70, sequence="224"),
        "able_supporter": True,
    }
    chat = Chat()
    chat.answer_until("confirm", helper)
    retyped = person_id(71, sequence="224")  # one year out: a typo in the birth year
    chat.say("deny", id_number=retyped)
    chat.say("affirm")
    payload = chat.payloads[0]
    assert payload["beneficiary"]["id_number"] == retyped
    assert payload["applicant"]["id_number"] == ADULT["id_number"]


def test_a_name_given_with_a_relation_is_the_other_persons_even_when_both_are_known() -> None:
    helper: dict[str, Any] = {
        **ADULT,
        "relation": "parent",
        "beneficiary_name": "王秀英",
        "beneficiary_id": person_id(50, sequence="224"),
    }
    chat = Chat()
    chat.answer_until("confirm", helper)
    chat.say("deny", relation="parent", name="王秀兰")
    chat.say("affirm")
    payload = chat.payloads[0]
    assert payload["beneficiary"]["name"] == "王秀兰"
    assert payload["applicant"]["name"] == "张建国"


def test_saying_no_certificate_after_giving_a_grade_clears_grade_and_kind() -> None:
    chat = Chat()
    chat.say("inform", **{**ADULT, "disability_grade": 3, "disability_kind": "hearing"})
    assert "三级听力残疾" in chat.text
    chat.say("deny", disability_grade=0)
    assert "残疾证：没有" in chat.text
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert beneficiary["disability_grade"] == 0
    assert beneficiary["disability_kind"] is None


def test_a_family_word_in_passing_does_not_change_who_the_help_is_for() -> None:
    elderly = {**ADULT, "id_number": person_id(72), "able_supporter": False}
    chat = Chat()
    chat.answer_until("able_supporter", elderly)
    chat.say("inform", relation="child", able_supporter=False)  # 儿子在外面打工，顾不上
    assert chat.expecting == "confirm"
    assert "帮谁申请：您自己" in chat.text


def test_saying_the_help_is_for_someone_else_after_all_is_taken_as_a_correction() -> None:
    chat = Chat()
    chat.answer_until("household_size", ADULT)
    chat.say("deny", relation="parent")  # 不对，是给我妈申请
    assert chat.expecting == "name"
    assert chat.text == "好的，改过来了。要帮的这个人叫什么名字？"
