"""The two chat channels (掌上办 WebSocket, 指尖办 webhook) over the real NLU and dialog, with
in-memory fakes for Redis and Kafka."""

from __future__ import annotations

import json
import time
from typing import Any

from aiohttp import ClientWebSocketResponse

from services.intake_bot.entrypoints.webhook import sign
from tests.unit.intake_bot.conftest import SETTINGS, App

SECRET = SETTINGS.webhook_secret.encode()


async def post_signed(app: App, message: dict[str, Any], *, secret: bytes = SECRET,
                      timestamp: int | None = None) -> tuple[int, dict[str, Any]]:  # fmt: skip
    body = json.dumps(message, ensure_ascii=False).encode()
    ts = str(int(time.time()) if timestamp is None else timestamp)
    resp = await app.client.post("/api/v1/webhook", data=body, headers={
        "Content-Type": "application/json",
        "X-Yuzhu-Timestamp": ts,
        "X-Yuzhu-Signature": sign(secret, ts, body),
    })  # fmt: skip
    return resp.status, await resp.json()


async def test_a_signed_webhook_message_gets_the_bots_replies(intake: App) -> None:
    status, body = await post_signed(intake, {"user": "u1", "message_id": "m1", "text": "你好"})
    assert status == 200
    assert body["replayed"] is False
    assert body["replies"]
    assert all(r["text"] for r in body["replies"])


async def test_a_retried_webhook_message_gets_the_same_replies_without_a_second_turn(
    intake: App,
) -> None:
    msg = {"user": "u2", "message_id": "m-42", "text": "我想办低保"}
    _, first = await post_signed(intake, msg)
    _, again = await post_signed(intake, msg)
    assert again["replayed"] is True
    assert again["replies"] == first["replies"]


async def test_an_unsigned_or_forged_webhook_request_is_refused_with_a_code(intake: App) -> None:
    resp = await intake.client.post("/api/v1/webhook", json={"user": "u", "message_id": "m",
                                                              "text": "hi"})  # fmt: skip
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "signature_missing"
    status, body = await post_signed(intake, {"user": "u", "message_id": "m", "text": "hi"},
                                     secret=b"wrong")  # fmt: skip
    assert (status, body["error"]["code"]) == (401, "signature_invalid")


async def test_a_replayed_old_webhook_request_is_refused(intake: App) -> None:
    status, body = await post_signed(intake, {"user": "u", "message_id": "m", "text": "hi"},
                                     timestamp=int(time.time()) - 3600)  # fmt: skip
    assert (status, body["error"]["code"]) == (401, "timestamp_out_of_window")


async def test_a_webhook_message_without_text_names_the_missing_field(intake: App) -> None:
    status, body = await post_signed(intake, {"user": "u", "message_id": "m", "text": ""})
    assert (status, body["error"]["code"], body["error"]["field"]) == (
        422,
        "invalid_message",
        "text",
    )


async def drain(ws: ClientWebSocketResponse, quiet: float = 0.3) -> list[dict[str, Any]]:
    """Every frame the server sends until it has been quiet for ``quiet`` seconds."""
    got: list[dict[str, Any]] = []
    while True:
        try:
            got.append(await ws.receive_json(timeout=quiet))
        except TimeoutError:
            return got


async def test_the_chat_socket_greets_answers_and_resumes_after_a_reconnect(intake: App) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        welcome, *greeting = await drain(ws)
        assert welcome["type"] == "welcome"
        assert welcome["resumed"] is False
        assert greeting
        assert all(f["type"] == "reply" for f in greeting)
        await ws.send_json({"type": "say", "text": "我想办低保"})
        answer = await drain(ws)
        assert answer
        assert answer[0]["type"] == "reply"
        token = welcome["session"]

    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": token})
        welcome = await ws.receive_json(timeout=5)
        assert (welcome["session"], welcome["resumed"]) == (token, True)
        said = [t["text"] for t in welcome["history"] if t["from"] == "resident"]
        assert said == ["我想办低保"]


async def test_the_last_message_of_every_answer_says_the_bot_is_done(intake: App) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        _, *greeting = await drain(ws)
        await ws.send_json({"type": "say", "text": "我想办低保，住巫溪"})
        answer = await drain(ws)
    for frames in (greeting, answer):
        assert [f["end"] for f in frames] == [False] * (len(frames) - 1) + [True]


async def test_a_message_over_the_limit_gets_one_kind_answer_and_is_not_processed(
    intake: App,
) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        await drain(ws)
        await ws.send_json({"type": "say", "text": "低" * (SETTINGS.max_message_chars + 1)})
        answer = await ws.receive_json(timeout=5)
        assert answer["type"] == "reply"
        assert f"不超过{SETTINGS.max_message_chars}个字" in answer["text"]


async def test_a_frame_that_is_not_a_message_gets_an_error_code(intake: App) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "hello", "session": None})
        await drain(ws)
        await ws.send_str("not json")
        frame = await ws.receive_json(timeout=5)
        assert (frame["type"], frame["code"]) == ("error", "bad_frame")


async def test_a_socket_that_does_not_say_hello_first_is_told_so(intake: App) -> None:
    async with intake.client.ws_connect("/ws") as ws:
        await ws.send_json({"type": "say", "text": "你好"})
        frame = await ws.receive_json(timeout=5)
        assert (frame["type"], frame["code"]) == ("error", "hello_expected")
