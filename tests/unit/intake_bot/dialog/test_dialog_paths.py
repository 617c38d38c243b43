"""Whole applications: the fast path, the slow path, and who the help is for."""

from __future__ import annotations

from typing import Any

from dialog_support import ADULT, ADULT_QUESTIONS, NOW, Chat, context, person_id, walk

from services.intake_bot.domain.dialog import DialogState, submitted


def test_a_resident_who_says_everything_in_one_message_only_has_to_confirm() -> None:
    chat = Chat()
    chat.say("apply", program="dibao", **ADULT)
    assert chat.expecting == "confirm"
    chat.say("affirm")
    assert len(chat.turns) == 3  # greeting, the one message, the yes
    [payload] = chat.payloads
    assert payload["applicant"] == {
        "name": "张建国",
        "id_number": ADULT["id_number"],
        "phone": "13908381234",
    }
    assert payload["household"] == {
        "district": "巫溪县",
        "residence": "rural",
        "members": 3,
        "monthly_income": 900.0,
        "financial_assets": 2000.0,
    }
    assert payload["emergency"] is None
    assert payload["programs_requested"] == ["dibao"]


def test_a_resident_answering_one_thing_at_a_time_is_asked_each_question_once_in_order() -> None:
    chat = Chat()
    asked = chat.answer_until("confirm", ADULT)
    assert [*asked, "confirm"] == ADULT_QUESTIONS
    chat.say("affirm")
    assert len(chat.payloads) == 1


def test_the_first_turn_greets_and_asks_the_name() -> None:
    chat = Chat()
    first = chat.last
    assert len(first.replies) == 2
    assert "渝助" in first.replies[0].text
    assert first.replies[1].text == "请问您叫什么名字？"
    assert chat.expecting == "name"


def test_the_payload_takes_channel_time_and_a_fresh_application_id_from_the_context() -> None:
    ctx = context(channel="fingertip")
    chat = walk(ADULT, ctx)
    [payload] = chat.payloads
    assert payload["channel"] == "fingertip"
    assert payload["submitted_at"] == "2024-11-20T09:30:00+08:00"
    assert payload["application_id"] == "00000000-0000-0000-0000-000000000001"


def test_nothing_is_submitted_before_the_resident_says_yes_to_the_summary() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    assert chat.payloads == []
    assert chat.expecting == "confirm"
    chat.say("thanks")
    chat.say("inform")
    assert chat.payloads == []


def test_the_summary_shows_the_facts_with_id_number_and_phone_masked() -> None:
    chat = Chat()
    chat.say("inform", **ADULT)
    text = chat.text
    masked_id = ADULT["id_number"][:4] + "*" * 10 + ADULT["id_number"][-4:]
    for shown in ("张建国", masked_id, "139****1234", "巫溪县", "农村", "3口人", "900元"):
        assert shown in text
    assert "2000元" in text
    assert "您自己" in text
    assert "低保" in text
    assert ADULT["id_number"] not in text
    assert "13908381234" not in text
    assert chat.last.replies[-1].options == ("是", "不是")


def test_no_reply_ever_shows_a_whole_id_number_or_phone_number() -> None:
    chat = walk(ADULT)
    chat.submitted()
    for turn in chat.turns:
        for reply in turn.replies:
            assert ADULT["id_number"] not in reply.text
            assert ADULT["phone"] not in reply.text


def test_programs_named_along_the_way_are_requested_in_order() -> None:
    chat = Chat()
    chat.say("apply", program="tekun")
    chat.say("inform", **ADULT, program="disability_care")
    chat.say("apply", program="tekun")
    chat.say("affirm")
    assert chat.payloads[0]["programs_requested"] == ["tekun", "disability_care"]


def test_a_program_only_asked_about_is_not_requested() -> None:
    chat = Chat()
    chat.say("ask_policy", program="tekun")
    chat.say("inform", **ADULT)
    chat.say("affirm")
    assert chat.payloads[0]["programs_requested"] == ["dibao"]


def test_helping_a_parent_puts_the_parents_name_and_id_number_in_the_beneficiary() -> None:
    mother_id = person_id(68, sequence="224")
    daughter: dict[str, Any] = {
        **ADULT,
        "relation": "child",
        "beneficiary_name": "王秀英",
        "beneficiary_id": mother_id,
        "able_supporter": True,
    }
    chat = Chat()
    asked = chat.answer_until("confirm", daughter)
    assert asked[:6] == ["name", "id_number", "phone", "relation", "name", "id_number"]
    assert "王秀英" in chat.text
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert beneficiary["name"] == "王秀英"
    assert beneficiary["id_number"] == mother_id
    assert beneficiary["able_supporter"] is True


def test_questions_about_someone_else_use_their_name() -> None:
    chat = Chat()
    chat.say("inform", name="张建国", id_number=ADULT["id_number"], phone="13908381234")
    chat.say("deny")  # not for myself
    assert chat.expecting == "name"
    chat.say("inform", name="王秀英")
    assert "王秀英的身份证号码" in chat.text
    chat.say("inform", id_number=person_id(70, sequence="224"))
    assert chat.text == "王秀英的户口在哪个区县？比如“巫溪县”“万州区”。"


def test_the_applicants_own_id_number_is_refused_for_someone_else() -> None:
    chat = Chat()
    chat.say("inform", name="张建国", id_number=ADULT["id_number"], phone="13908381234")
    chat.say("inform", relation="parent", name="王秀英")
    chat.say("inform", id_number=ADULT["id_number"])
    assert len(chat.last.replies) == 1
    assert chat.text.startswith("这是您自己的身份证号码。")
    assert chat.state.draft is not None
    assert chat.state.draft.beneficiary_id is None


def test_a_disability_certificate_brings_the_grade_and_kind_questions() -> None:
    resident = {**ADULT, "disability_kind": "physical"}
    chat = Chat()
    chat.answer_until("disability_grade", resident)
    assert chat.last.replies[-1].options == ("有", "没有")
    chat.say("affirm")
    assert chat.expecting == "disability_grade"
    assert chat.last.replies[-1].options == ("一级", "二级", "三级", "四级")
    chat.say("inform", disability_grade=2)
    assert chat.expecting == "disability_kind"
    chat.say("inform", disability_kind="physical")
    # A grade-2 physical disability is on tekun's list: would anyone look after him?
    assert chat.expecting == "able_supporter"
    chat.say("affirm")
    assert chat.expecting == "confirm"
    assert "二级肢体残疾" in chat.text
    chat.say("affirm")
    beneficiary = chat.payloads[0]["beneficiary"]
    assert beneficiary["disability_grade"] == 2
    assert beneficiary["disability_kind"] == "physical"
    assert beneficiary["able_supporter"] is True


def test_grade_and_kind_in_one_answer_need_no_further_disability_question() -> None:
    chat = Chat()
    chat.answer_until("disability_grade", ADULT)
    chat.say("inform", disability_grade=3, disability_kind="hearing")
    assert chat.expecting == "confirm"


def test_an_elderly_resident_is_asked_about_supporters_and_a_middle_aged_one_is_not() -> None:
    elderly = {**ADULT, "id_number": person_id(72), "able_supporter": False}
    chat = Chat()
    asked = chat.answer_until("confirm", elderly)
    assert "able_supporter" in asked
    assert "赡养" in chat.turns[-2].replies[-1].text
    chat.say("affirm")
    assert chat.payloads[0]["beneficiary"]["able_supporter"] is False

    assert "able_supporter" not in ADULT_QUESTIONS


def test_someone_turning_sixty_today_counts_as_sixty() -> None:
    today_60 = {**ADULT, "id_number": _id_born_on_years_ago(60), "able_supporter": True}
    chat = Chat()
    assert "able_supporter" in chat.answer_until("confirm", today_60)


def _id_born_on_years_ago(years: int) -> str:
    from dialog_support import id_number

    day = NOW.date()
    return id_number(day.replace(year=day.year - years))


def test_serious_illness_is_asked_only_when_the_household_is_just_above_the_dibao_line() -> None:
    # Rural standard 581 (cq-2022-09): 3 people earning 1800 is ≥ 1743 and < 2614.5.
    marginal = {**ADULT, "monthly_income": 1800.0, "serious_illness": True}
    chat = Chat()
    asked = chat.answer_until("confirm", marginal)
    assert "serious_illness" in asked
    chat.say("affirm")
    assert chat.payloads[0]["beneficiary"]["serious_illness"] is True

    poor = Chat()
    assert "serious_illness" not in poor.answer_until("confirm", ADULT)
    rich = Chat()
    assert "serious_illness" not in rich.answer_until(
        "confirm", {**ADULT, "monthly_income": 2700.0}
    )


def test_submitted_tells_the_reference_and_what_happens_next() -> None:
    chat = walk(ADULT)
    assert chat.text == "好的，正在帮您提交，请稍等。"
    chat.submitted("YZ20241120-000000")
    text = chat.text
    assert "YZ20241120-000000" in text
    for limit in ("3个工作日", "10个工作日", "公示7天", "下个月", "30个工作日"):
        assert limit in text
    assert chat.state.applications[0].reference == "YZ20241120-000000"
    assert chat.state.applications[0].application_id == chat.payloads[0]["application_id"]


def test_submitted_without_a_waiting_application_is_a_bug() -> None:
    import pytest

    with pytest.raises(ValueError, match="waiting"):
        submitted(DialogState(), "YZ20241120-000000")


def test_a_new_apply_after_submission_starts_a_fresh_application_with_a_new_id() -> None:
    chat = walk(ADULT)
    chat.submitted()
    chat.say("apply", program="temporary")
    assert chat.expecting == "name"
    chat.say("inform", **ADULT, emergency="fire")
    chat.say("affirm")
    first, second = chat.payloads
    assert first["application_id"] != second["application_id"]
    assert second["programs_requested"] == ["temporary"]
    assert second["emergency"] == {"kind": "fire"}
    assert len(chat.state.applications) == 2


def test_the_applicants_data_is_dropped_from_the_state_once_submitted() -> None:
    chat = walk(ADULT)
    stored = str(chat.state.to_dict())
    assert ADULT["id_number"] not in stored
    assert "张建国" not in stored
