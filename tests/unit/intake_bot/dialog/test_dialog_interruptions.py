"""Things residents say besides answers: questions about the rules, status, small talk,
cancelling, asking for a person."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from dialog_support import ADULT, ADULT_QUESTIONS, CHONGQING, Chat, context, walk

from services.intake_bot.domain.dialog import PolicyFacts


@pytest.mark.parametrize("stage", ADULT_QUESTIONS)
def test_a_policy_question_is_answered_and_the_pending_question_asked_again(stage: str) -> None:
    chat = Chat()
    chat.answer_until(stage, ADULT)
    pending = chat.last.replies[-1]
    chat.say("ask_policy", program="dibao")
    answer, again = chat.last.replies
    assert "现在城市低保标准是每人每月717元，农村是581元。" in answer.text
    assert again == pending
    assert chat.expecting == stage


def test_a_policy_answer_names_the_papers_to_bring_and_the_time_limits() -> None:
    chat = Chat()
    chat.say("ask_policy")
    answer = chat.last.replies[0].text
    for words in ("身份证", "户口簿", "收入", "残疾证", "银行卡", "存折"):
        assert words in answer
    for limit in ("3个工作日", "10个工作日", "公示7天", "下个月", "30个工作日"):
        assert limit in answer


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({"program": "dibao", "residence": "urban"}, "现在城市低保标准是每人每月717元。"),
        ({"residence": "rural"}, "现在农村低保标准是每人每月581元。"),
        ({"program": "tekun"}, "特困供养每人每月932元。"),
        ({"program": "disability_care"}, "一级每月100元，二级每月83.34元"),
        ({"program": "disability_living"}, "每月还有70元生活补贴"),
        ({"program": "orphan"}, "住福利院的1582元，在家里的1382元"),
        ({"program": "unsupported_child"}, "每月1382元"),
        ({"program": "marginal"}, "不到它的1.5倍"),
        ({"program": "temporary"}, "先发2个月低保标准的钱"),
    ],
)
def test_a_policy_answer_quotes_the_figures_in_force(slots: dict[str, str], expected: str) -> None:
    chat = Chat()
    chat.say("ask_policy", **slots)
    assert expected in chat.last.replies[0].text


def test_a_policy_answer_before_september_2022_quotes_the_2021_standards() -> None:
    chat = Chat(context(now=datetime(2022, 8, 31, 23, 0, tzinfo=CHONGQING)))
    chat.say("ask_policy", program="dibao")
    assert "每人每月636元，农村是515元" in chat.last.replies[0].text


def test_a_figure_missing_from_the_policy_data_is_left_out_not_guessed() -> None:
    facts = PolicyFacts("cq-test", date(2022, 9, 1), {"dibao.standard.urban": Decimal(717)})
    chat = Chat(context(facts=facts))
    chat.say("ask_policy", program="tekun")
    answer = chat.last.replies[0].text
    assert "特困" not in answer
    assert "身份证" in answer
    chat.say("ask_policy")
    assert "717" not in chat.last.replies[0].text  # no rural figure: no half answer either


def test_when_nothing_is_pending_a_policy_answer_says_how_to_apply() -> None:
    chat = walk(ADULT)
    chat.submitted()
    chat.say("ask_policy")
    assert chat.last.replies[-1].options == ("我要申请",)


def test_asking_for_status_before_submitting_says_there_is_no_application_yet() -> None:
    chat = Chat()
    chat.answer_until("household_size", ADULT)
    chat.say("check_status")
    first, again = chat.last.replies
    assert first.text == "您还没有提交申请。"
    assert chat.expecting == "household_size"
    assert "几口人" in again.text


def test_asking_for_status_after_submitting_without_a_notice_gives_the_usual_time() -> None:
    chat = walk(ADULT)
    chat.submitted("YZ20241120-000000")
    chat.say("check_status")
    assert chat.text == "还没有结果，一般10个工作日内会告诉您。您的申请编号是YZ20241120-000000。"


def test_asking_for_status_shows_the_latest_notice_delivered() -> None:
    notices = [
        {
            "application_id": "00000000-0000-0000-0000-000000000001",
            "stage": "preliminary",
            "status": "eligible",
            "title": "初步结果：可以领低保",
            "lines": ["每月大约1143元。", "还要上门核实。"],
            "issued_at": "2024-11-20T10:00:00+08:00",
        },
        {
            "application_id": "00000000-0000-0000-0000-000000000001",
            "stage": "final",
            "status": "eligible",
            "title": "审批通过",
            "lines": ["从12月开始发钱。"],
            "issued_at": "2024-12-02T01:00:00Z",
        },
        {
            "application_id": "00000000-0000-0000-0000-000000000001",
            "stage": "preliminary",
            "status": "eligible",
            "title": "更早的消息",
            "lines": [],
            "issued_at": "2024-11-20T09:45:00+08:00",
        },
    ]
    chat = walk(ADULT)
    chat.submitted()
    chat.ctx = context(notices=notices)
    chat.say("check_status")
    assert chat.text == "审批通过\n从12月开始发钱。"


def test_cancelling_clears_the_application_and_a_greeting_starts_over() -> None:
    chat = Chat()
    chat.answer_until("savings", ADULT)
    chat.say("cancel")
    assert len(chat.last.replies) == 1
    assert "取消" in chat.text
    assert chat.state.draft is None
    assert chat.expecting is None
    assert "张建国" not in str(chat.state.to_dict())
    chat.say("greet")
    assert chat.expecting == "name"
    chat.answer_until("confirm", ADULT)
    chat.say("affirm")
    assert len(chat.payloads) == 1


def test_after_cancelling_an_apply_starts_over_with_what_it_says() -> None:
    chat = Chat()
    chat.say("inform", name="张建国")
    chat.say("cancel")
    chat.say("apply", program="tekun", name="李四")
    assert chat.expecting == "id_number"
    assert "特困供养" in chat.last.replies[0].text


def test_cancelling_after_submission_explains_that_a_person_must_withdraw_it() -> None:
    chat = walk(ADULT)
    chat.submitted()
    chat.say("cancel")
    assert "撤不回来" in chat.text
    assert chat.last.replies[-1].options == ("转人工",)
    assert chat.state.applications


def test_asking_for_a_person_hands_off_and_says_when_someone_will_answer() -> None:
    chat = Chat()
    chat.answer_until("phone", ADULT)
    chat.say("human")
    assert chat.handoffs == ["asked"]
    assert len(chat.last.replies) == 1
    assert "工作人员" in chat.text
    assert "工作日" in chat.text
    assert chat.expecting == "phone"  # the application is kept for the worker or later


@pytest.mark.parametrize(
    ("intent", "opening"),
    [("greet", "您好！"), ("thanks", "不客气。"), ("out_of_scope", "这个我帮不上忙")],
)
def test_small_talk_gets_a_short_kind_answer_and_the_pending_question(
    intent: str, opening: str
) -> None:
    chat = Chat()
    chat.answer_until("monthly_income", ADULT)
    pending = chat.last.replies[-1].text
    chat.say(intent)
    [reply] = chat.last.replies
    assert reply.text.startswith(opening)
    assert reply.text.endswith(pending)
    assert chat.expecting == "monthly_income"


def test_a_greeting_after_submission_offers_status_or_a_new_application() -> None:
    chat = walk(ADULT)
    chat.submitted()
    chat.say("greet")
    assert chat.last.replies[-1].options == ("查进度", "我要申请")
    assert chat.expecting is None


def test_facts_after_submission_are_not_taken_as_a_new_application() -> None:
    chat = walk(ADULT)
    chat.submitted()
    chat.say("inform", phone="13912345678")
    assert chat.state.draft is None
    assert "已经交上去了" in chat.text


def test_facts_with_nothing_pending_start_an_application() -> None:
    chat = Chat(start=False)
    chat.say("inform", name="张建国", district="巫溪县")
    assert chat.expecting == "id_number"
    assert chat.state.draft is not None
    assert chat.state.district == "巫溪县"
