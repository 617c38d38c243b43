"""Whatever a resident types into the chat socket, the server answers in Chinese and carries on."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.settings import CommonSettings
from services.intake_bot.config import Settings
from services.intake_bot.entrypoints.chat_ws import MAX_FRAME_BYTES
from tests.unit.fuzz.app import intake_client
from tests.unit.fuzz.strategies import json_values, texts

SETTINGS = Settings(common=CommonSettings(service="intake_bot", topic_namespace="ns"),
                    webhook_secret="test-secret")  # fmt: skip
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# A frame the server can never take: its bad_frame error marks the end of the answer before it.
SENTINEL = "[]"
TIMEOUT = 10.0


def chat_client() -> AbstractAsyncContextManager[TestClient]:  # type: ignore[type-arg]
    return intake_client(SETTINGS)


async def until_sentinel(ws: ClientWebSocketResponse) -> list[dict[str, Any]]:
    """Sends the sentinel and returns every frame that came before its bad_frame error."""
    await ws.send_str(SENTINEL)
    frames: list[dict[str, Any]] = []
    while True:
        msg = await ws.receive(timeout=TIMEOUT)
        assert msg.type is WSMsgType.TEXT, (msg.type, msg.data, frames)
        assert "Traceback" not in msg.data
        frame = json.loads(msg.data)
        if frame.get("type") == "error" and frame.get("code") == "bad_frame":
            return frames
        frames.append(frame)


@asynccontextmanager
async def greeted(client: TestClient) -> AsyncIterator[ClientWebSocketResponse]:  # type: ignore[type-arg]
    async with client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        welcome, *greeting = await until_sentinel(ws)
        assert welcome["type"] == "welcome"
        assert greeting
        yield ws


def assert_kind_answer(frames: list[dict[str, Any]]) -> None:
    assert frames, "no answer at all"
    for frame in frames:
        assert frame["type"] in {"reply", "error"}, frame
        assert isinstance(frame["text"], str)
        assert frame["text"].strip(), frame
        assert CHINESE.search(frame["text"]), frame
        assert "Traceback" not in json.dumps(frame, ensure_ascii=False)


def encoded_say(said: str) -> str:
    return json.dumps({"type": "say", "text": said}, ensure_ascii=False)


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(said=st.lists(texts, min_size=1, max_size=3))
async def test_any_text_said_over_the_chat_socket_gets_a_chinese_answer_and_no_crash(
    said: list[str],
) -> None:
    async with chat_client() as client, greeted(client) as ws:
        for text in said:
            frame = encoded_say(text)
            if len(frame.encode()) > MAX_FRAME_BYTES:
                continue  # covered by the oversized-frame test below
            await ws.send_str(frame)
            assert_kind_answer(await until_sentinel(ws))


@settings(FUZZ, max_examples=10)
@given(said=st.text(st.sampled_from("低🙂a\x00"), min_size=1, max_size=5000))
async def test_a_frame_over_the_size_limit_closes_the_socket_cleanly_without_a_traceback(
    said: str,
) -> None:
    frame = encoded_say(said)
    async with chat_client() as client, greeted(client) as ws:
        await ws.send_str(frame)
        if len(frame.encode()) <= MAX_FRAME_BYTES:
            assert_kind_answer(await until_sentinel(ws))
            return
        msg = await ws.receive(timeout=TIMEOUT)
        assert msg.type in {WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING}, msg
        assert "Traceback" not in str(msg.extra or "")
    # The server itself is fine: a new socket is greeted and answered.
    async with chat_client() as client, greeted(client) as ws:
        await ws.send_str(encoded_say("你好"))
        assert_kind_answer(await until_sentinel(ws))


def not_a_message(value: Any) -> bool:
    """Frames the server takes (a say or an ack) are not what this test is about."""
    if not isinstance(value, dict):
        return True
    if value.get("type") == "say" and isinstance(value.get("text"), str):
        return False
    return not (value.get("type") == "ack" and isinstance(value.get("notice_id"), str))


frames = st.one_of(
    json_values,
    st.fixed_dictionaries({"type": st.sampled_from(["say", "ack", "hello", "SAY", "", "bye"])},
                          optional={"text": json_values, "notice_id": json_values,
                                    "session": json_values}),
).filter(not_a_message)  # fmt: skip


@FUZZ
@given(junk=st.lists(frames, min_size=1, max_size=4), raw=st.text(max_size=50))
async def test_any_json_frame_that_is_not_a_message_gets_bad_frame_and_the_socket_stays_usable(
    junk: list[Any], raw: str
) -> None:
    async with chat_client() as client, greeted(client) as ws:
        sent = [json.dumps(j, ensure_ascii=False) for j in junk]
        try:
            json.loads(raw)
        except ValueError:
            sent.append(raw)  # not JSON at all
        for frame in sent:
            await ws.send_str(frame)
            answer = await ws.receive_json(timeout=TIMEOUT)
            assert (answer["type"], answer["code"]) == ("error", "bad_frame"), (frame, answer)
            assert CHINESE.search(answer["text"])
        await ws.send_json({"type": "say", "text": "我想办低保"})
        answer = await until_sentinel(ws)
        assert_kind_answer(answer)
        assert answer[0]["type"] == "reply"


@settings(FUZZ, max_examples=10)
@given(code=st.integers(0xD800, 0xDFFF), tail=texts.filter(lambda t: len(t) < 200))
async def test_a_lone_surrogate_escape_in_a_said_text_still_gets_a_chinese_answer(
    code: int, tail: str
) -> None:
    frame = f'{{"type":"say","text":"\\u{code:04x}' + json.dumps(tail)[1:-1] + '"}'
    async with chat_client() as client, greeted(client) as ws:
        await ws.send_str(frame)
        assert_kind_answer(await until_sentinel(ws))
