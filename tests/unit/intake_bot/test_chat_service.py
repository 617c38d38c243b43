"""The chat service with in-memory fakes: what it does with the dialog's actions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from schemas import EventType
from services.common.publisher import MemoryPublisher
from services.intake_bot.adapters.notices import MemoryNoticeReader
from services.intake_bot.adapters.outbox import MemoryOutbox
from services.intake_bot.adapters.ratelimit import MemoryRateLimiter
from services.intake_bot.adapters.sessions import MemorySessionStore
from services.intake_bot.bootstrap import _understanding, policy_facts
from services.intake_bot.chat import Answer, ChatService, Limits, session_ref
from services.intake_bot.submission import OutboxPublisher
from tests.support.applications import id_number

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def service(broker: MemoryPublisher, notices: MemoryNoticeReader | None = None) -> ChatService:
    return ChatService(
        understanding=_understanding(),
        sessions=MemorySessionStore(),
        publisher=OutboxPublisher(outbox=MemoryOutbox(), publisher=broker, topic="ns.applications"),
        notices=notices or MemoryNoticeReader(),
        limiter=MemoryRateLimiter(),
        policy=policy_facts(),
        handoffs_topic="ns.handoffs",
        limits=Limits(max_chars=200, messages_per_window=100, window_seconds=10),
        clock=lambda: NOW,
    )


# What a resident in 巫溪 answers to the bot's questions, one message each.
ANSWERS = (
    "我叫刘德贵，想申请低保",
    id_number(date(1954, 3, 2)),
    "13908381234",
    "是的",
    "巫溪县农村，两口人，每个月六百，存款三千",
    "没有",
    "有儿子照顾",
)


async def apply(chat: ChatService, session_id: str) -> Answer:
    """The whole application in ``session_id``, up to the answer that hands it in."""
    for message in ANSWERS:
        answer = await chat.say(session_id, message, "palm")
    while not answer.application_ids:
        asked = answer.replies[-1].text
        answer = await chat.say(session_id, "对的" if "核对" in asked else "没有", "palm")
    return answer


async def test_asking_for_a_person_queues_a_handoff_with_the_transcript_and_the_district() -> None:
    broker = MemoryPublisher()
    chat = service(broker)
    opened = await chat.open(None, "palm")
    await chat.say(opened.session_id, "我住巫溪县农村，想办低保", "palm")
    answer = await chat.say(opened.session_id, "我不想跟机器聊，叫工作人员", "palm")
    assert answer.replies
    ((topic, key, event),) = broker.sent
    assert (topic, key) == ("ns.handoffs", session_ref(opened.session_id))
    assert event.type == EventType.HANDOFF_REQUESTED
    assert event.data["reason"] == "asked"
    assert event.data["district"] == "巫溪县"
    assert event.data["district_group"] == "渝东北"
    said = [t["text"] for t in event.data["transcript"] if t["from"] == "resident"]
    assert said == ["我住巫溪县农村，想办低保", "我不想跟机器聊，叫工作人员"]
    assert opened.session_id not in event.data["session_ref"]  # the token never leaves


async def test_a_completed_dialog_submits_once_and_a_status_question_reads_the_notices() -> None:
    broker, notices = MemoryPublisher(), MemoryNoticeReader()
    chat = service(broker, notices)
    sid = (await chat.open(None, "palm")).session_id
    answer = await apply(chat, sid)
    ((_, _, submitted),) = [s for s in broker.sent if s[0] == "ns.applications"]
    assert submitted.data["household"]["district"] == "巫溪县"
    application_id = answer.application_ids[0]
    assert submitted.subject == application_id

    notices.stored[application_id] = [{
        "notice_id": "n1", "issued_at": "2026-11-28T10:05:00Z", "application_id": application_id,
        "stage": "preliminary", "status": "eligible", "title": "您的申请有初步结果了",
        "lines": ["按您填的情况，您可以享受：", "低保，每月562元。"],
    }]  # fmt: skip
    status = await chat.say(sid, "审核通过了没有", "palm")
    assert any("562" in r.text for r in status.replies)
