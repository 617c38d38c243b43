"""Intents, with and without what the bot just asked (``expecting``)."""

from __future__ import annotations

import pytest

from services.intake_bot.domain.nlu import Understanding
from services.intake_bot.domain.understanding import Intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("你好", Intent.GREET),
        ("早上好", Intent.GREET),
        ("在不在", Intent.GREET),
        ("我想办低保", Intent.APPLY),
        ("低保", Intent.APPLY),
        ("生活太困难了，能不能给点补助", Intent.APPLY),
        ("能不能帮我申请个低保", Intent.APPLY),
        ("房子垮了，想申请救助", Intent.APPLY),
        ("滑坡把房子埋了，能不能申请临时救助", Intent.APPLY),
        ("日子过得恼火得很", Intent.APPLY),
        ("低保一个月能领多少钱", Intent.ASK_POLICY),
        ("怎么申请最低生活保障金", Intent.ASK_POLICY),
        ("申请低保要带啥子材料", Intent.ASK_POLICY),
        ("低保审批要多久", Intent.ASK_POLICY),
        ("有房子能不能申请低保", Intent.ASK_POLICY),
        ("低保咋个办嘛", Intent.ASK_POLICY),
        ("最低生活保障的标准", Intent.ASK_POLICY),
        ("帮我查一下申请进度", Intent.CHECK_STATUS),
        ("审核通过了没有", Intent.CHECK_STATUS),
        ("我的五保申请怎么样了", Intent.CHECK_STATUS),
        ("申请好久了都没消息", Intent.CHECK_STATUS),
        ("人工客服", Intent.HUMAN),
        ("我不想跟机器聊，叫工作人员", Intent.HUMAN),
        ("不办了", Intent.CANCEL),
        ("取消申请", Intent.CANCEL),
        ("多谢", Intent.THANKS),
        ("晓得了，谢谢", Intent.THANKS),
        ("我叫赵永福", Intent.INFORM),
        ("家里着火了", Intent.INFORM),
        ("你好，我叫王大明", Intent.INFORM),
        ("给我讲个笑话", Intent.OUT_OF_SCOPE),
        ("今天天气怎么样", Intent.OUT_OF_SCOPE),
        ("帮我订张火车票", Intent.OUT_OF_SCOPE),
        ("", Intent.OUT_OF_SCOPE),
        ("？？？", Intent.OUT_OF_SCOPE),
    ],
)
def test_the_intent_of_a_message_on_its_own(nlu: Understanding, text: str, intent: Intent) -> None:
    assert nlu.parse(text).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("是", Intent.AFFIRM),
        ("对的，就这样提交", Intent.AFFIRM),
        ("好", Intent.AFFIRM),
        ("要得", Intent.AFFIRM),
        ("没问题", Intent.AFFIRM),
        ("没错", Intent.AFFIRM),
        ("信息都对", Intent.AFFIRM),
        ("不是", Intent.DENY),
        ("不对", Intent.DENY),
        ("错了", Intent.DENY),
        ("不对头", Intent.DENY),
        ("算了不办了", Intent.CANCEL),
        ("取消", Intent.CANCEL),
        ("转人工", Intent.HUMAN),
    ],
)
def test_at_the_confirmation_step_yes_no_and_cancel_come_first(
    nlu: Understanding, text: str, intent: Intent
) -> None:
    assert nlu.parse(text, "confirm").intent == intent


def test_a_denial_at_the_confirmation_step_carries_the_corrected_slots(
    nlu: Understanding,
) -> None:
    parse = nlu.parse("不对，是三口人", "confirm")
    assert parse.intent == Intent.DENY
    assert parse.slots == {"household_size": 3}


def test_a_bare_fact_at_the_confirmation_step_is_a_correction(nlu: Understanding) -> None:
    parse = nlu.parse("五个人", "confirm")
    assert parse.intent == Intent.DENY
    assert parse.slots["household_size"] == 5


def test_cancel_words_outside_the_confirmation_step_cancel(nlu: Understanding) -> None:
    assert nlu.parse("算了，不申请了").intent == Intent.CANCEL


@pytest.mark.parametrize(
    ("text", "expecting", "intent"),
    [
        ("有", "serious_illness", Intent.AFFIRM),
        ("没有", "serious_illness", Intent.DENY),
        ("莫得", "able_supporter", Intent.DENY),
        ("是的", "in_institution", Intent.AFFIRM),
        ("不是", "in_institution", Intent.DENY),
    ],
)
def test_a_plain_yes_or_no_to_a_yes_no_question_has_no_slot(
    nlu: Understanding, text: str, expecting: str, intent: Intent
) -> None:
    parse = nlu.parse(text, expecting)
    assert parse.intent == intent
    assert parse.slots == {}


def test_an_answer_that_starts_like_yes_but_says_no_is_information(nlu: Understanding) -> None:
    parse = nlu.parse("有个儿子但是不管我", "able_supporter")
    assert parse.intent == Intent.INFORM
    assert parse.slots["able_supporter"] is False


def test_a_question_while_a_slot_is_asked_for_is_a_question(nlu: Understanding) -> None:
    assert nlu.parse("为什么要填身份证", "id_number").intent == Intent.ASK_POLICY


def test_a_bare_answer_to_the_question_asked_is_information(nlu: Understanding) -> None:
    assert nlu.parse("两千", "monthly_income").intent == Intent.INFORM
    assert nlu.parse("没存款", "savings").intent == Intent.INFORM


def test_an_unknown_expecting_is_ignored(nlu: Understanding) -> None:
    assert nlu.parse("两千", "favourite_colour") == nlu.parse("两千")
