"""A resident who comes back to a session that no longer exists (it expired, or Redis came back
without its data) is told so plainly, and what they had already handed in is not touched."""

from __future__ import annotations

from services.common.publisher import MemoryPublisher
from services.intake_bot.adapters.sessions import MemorySessionStore
from services.intake_bot.chat import ChatService
from services.intake_bot.domain import messages as text
from tests.unit.intake_bot.conftest import App
from tests.unit.intake_bot.test_channels import drain, post_signed
from tests.unit.intake_bot.test_chat_service import ANSWERS, service
from tests.unit.intake_bot.test_chat_service import apply as apply_in


def lose_sessions(store: object) -> None:
    """What a Redis restarted without its data does to the session store (or the TTL, to one)."""
    assert isinstance(store, MemorySessionStore)
    for kept in vars(store).values():
        kept.clear()


def lose_sessions_of(chat: ChatService) -> None:
    lose_sessions(chat._sessions)  # the fake behind the service


async def apply(chat: ChatService, session_id: str) -> str:
    """The whole application in ``session_id``; its application id."""
    return (await apply_in(chat, session_id)).application_ids[-1]


def test_the_lost_session_message_is_short_and_says_what_to_do_and_what_is_kept() -> None:
    sentences = [s for s in text.SESSION_LOST.split("。") if s]
    assert len(sentences) <= 3
    assert all(len(s) <= 30 for s in sentences), sentences
    assert "从头" in text.SESSION_LOST  # what to do: start again
    assert "不会丢" in text.SESSION_LOST  # what was handed in is safe
    assert not any(word in text.SESSION_LOST for word in ("会话", "session", "Redis", "数据"))


async def test_a_token_whose_session_is_gone_starts_afresh_and_says_the_conversation_was_lost() -> (
    None
):
    chat = service(MemoryPublisher())
    opened = await chat.open(None, "palm")
    await chat.say(opened.session_id, "我想办低保", "palm")
    lose_sessions_of(chat)  # Redis came back empty, or the session expired

    again = await chat.open(opened.session_id, "palm")
    assert again.resumed is False
    assert again.session_id != opened.session_id
    assert again.replies[0].text == text.SESSION_LOST
    # Then the usual greeting and first question, the same a new resident gets.
    fresh = await chat.open(None, "palm")
    assert [r.text for r in again.replies[1:]] == [r.text for r in fresh.replies]
    # The new session exists: a reconnect now resumes it, without another apology.
    resumed = await chat.open(again.session_id, "palm")
    assert resumed.resumed is True
    assert resumed.history[0]["text"] == text.SESSION_LOST


async def test_a_new_resident_without_a_token_is_not_told_anything_was_lost() -> None:
    chat = service(MemoryPublisher())
    opened = await chat.open(None, "palm")
    assert text.SESSION_LOST not in [r.text for r in opened.replies]


async def test_a_message_on_an_open_page_whose_session_is_gone_is_told_so_and_not_misread() -> None:
    chat = service(MemoryPublisher())
    opened = await chat.open(None, "palm")
    await chat.say(opened.session_id, ANSWERS[0], "palm")
    lose_sessions_of(chat)

    answer = await chat.say(opened.session_id, "13908381234", "palm")
    texts = [r.text for r in answer.replies]
    assert texts[0] == text.SESSION_LOST
    assert texts[1:] == [r.text for r in (await chat.open(None, "palm")).replies]
    # The conversation goes on in the same session, from the first question.
    resumed = await chat.open(opened.session_id, "palm")
    assert resumed.resumed is True
    said = [t["text"] for t in resumed.history if t["from"] == "resident"]
    assert said == ["13908381234"]  # kept for a caseworker, not taken as the name


async def test_an_application_submitted_before_the_session_was_lost_stays_published_once() -> None:
    broker = MemoryPublisher()
    chat = service(broker)
    opened = await chat.open(None, "palm")
    application_id = await apply(chat, opened.session_id)
    lose_sessions_of(chat)

    again = await chat.open(opened.session_id, "palm")
    assert again.replies[0].text == text.SESSION_LOST
    second = await apply(chat, again.session_id)
    published = [e.subject for topic, _, e in broker.sent if topic == "ns.applications"]
    assert published == [application_id, second]


async def test_the_chat_socket_tells_a_returning_resident_their_conversation_was_lost(
    intake: App,
) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        welcome, *_ = await drain(ws)
        await ws.send_json({"type": "say", "text": "我想办低保"})
        await drain(ws)
    lose_sessions(intake.adapters.sessions)

    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": welcome["session"]})
        again, *replies = await drain(ws)
    assert (again["type"], again["resumed"]) == ("welcome", False)
    assert again["session"] != welcome["session"]
    assert replies[0] == {"type": "reply", "text": text.SESSION_LOST, "options": [], "end": False}
    assert replies[-1]["end"] is True


async def test_a_webhook_resident_whose_session_is_gone_is_greeted_like_a_new_one(
    intake: App,
) -> None:
    # The platform never says hello: a session begins with the first message, so a lost one
    # cannot be told apart from a first contact, and the resident is greeted afresh.
    _, first = await post_signed(intake, {"user": "u9", "message_id": "a", "text": "你好"})
    lose_sessions(intake.adapters.sessions)
    status, again = await post_signed(intake, {"user": "u9", "message_id": "b", "text": "你好"})
    assert status == 200
    assert [r["text"] for r in again["replies"]] == [r["text"] for r in first["replies"]]
    assert text.SESSION_LOST not in [r["text"] for r in again["replies"]]
