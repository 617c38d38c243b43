"""Whatever the messaging platform (or anyone else) POSTs to the webhook, the answer is a coded
JSON response, never a 500; only correctly signed requests get past the signature check."""

from __future__ import annotations

import json
import time
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.settings import CommonSettings
from services.intake_bot.config import Settings
from services.intake_bot.entrypoints.webhook import sign
from tests.unit.fuzz.app import intake_client
from tests.unit.fuzz.strategies import SNAKE_CASE, any_char, json_values, texts

SECRET = b"test-secret"
SETTINGS = Settings(common=CommonSettings(service="intake_bot", topic_namespace="ns"),
                    webhook_secret=SECRET.decode(), max_body_bytes=4096)  # fmt: skip
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def webhook_client() -> AbstractAsyncContextManager[TestClient]:  # type: ignore[type-arg]
    return intake_client(SETTINGS)


async def post(
    client: TestClient,  # type: ignore[type-arg]
    body: bytes,
    headers: dict[str, str],
) -> tuple[int, Any]:
    resp = await client.post("/api/v1/webhook", data=body,
                             headers={"Content-Type": "application/json", **headers})  # fmt: skip
    raw = await resp.read()
    assert b"Traceback" not in raw
    return resp.status, json.loads(raw)


def signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    return {"X-Yuzhu-Timestamp": ts, "X-Yuzhu-Signature": sign(SECRET, ts, body)}


def error_code(body: Any) -> str:
    assert isinstance(body, dict), body
    code = body["error"]["code"]
    assert isinstance(code, str)
    assert SNAKE_CASE.match(code), code
    return code


ids = st.text(any_char, max_size=140)
messages = st.fixed_dictionaries(
    {"user": ids, "message_id": ids, "text": texts},
    optional={"extra": json_values},
).map(lambda m: json.dumps(m, ensure_ascii=False).encode())
bodies = st.one_of(
    st.binary(max_size=500),
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode()),
    messages,
    st.integers(SETTINGS.max_body_bytes - 10, SETTINGS.max_body_bytes + 2000).map(
        lambda n: b'{"user":"u","message_id":"m","text":"' + b"x" * n + b'"}'
    ),
)


@FUZZ
@given(body_list=st.lists(bodies, min_size=1, max_size=3))
async def test_any_correctly_signed_body_gets_replies_or_a_coded_error_never_a_500(
    body_list: list[bytes],
) -> None:
    async with webhook_client() as client:
        for body in body_list:
            status, answer = await post(client, body, signed(body))
            assert status in {200, 400, 413, 422}, (status, answer, body[:200])
            if status == 200:
                assert answer["replies"], answer
                assert all(isinstance(r["text"], str) and r["text"] for r in answer["replies"])
            else:
                error_code(answer)
            if status == 413:
                assert len(body) > SETTINGS.max_body_bytes


signatures = st.one_of(
    st.none(),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80),
    st.binary(min_size=32, max_size=32).map(lambda b: "sha256=" + b.hex()),
)
timestamps = st.one_of(
    st.none(),
    st.just("now"),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20),
    st.integers(-(2**40), 2**40).map(str),
)


@FUZZ
@given(body=bodies.filter(lambda b: len(b) <= SETTINGS.max_body_bytes),
       signature=signatures, timestamp=timestamps)  # fmt: skip
async def test_the_same_bodies_unsigned_or_with_a_random_signature_get_401_with_a_code(
    body: bytes, signature: str | None, timestamp: str | None
) -> None:
    headers: dict[str, str] = {}
    if timestamp is not None:
        headers["X-Yuzhu-Timestamp"] = str(int(time.time())) if timestamp == "now" else timestamp
    if signature is not None:
        headers["X-Yuzhu-Signature"] = signature
    async with webhook_client() as client:
        status, answer = await post(client, body, headers)
    assert status == 401, (status, answer)
    assert error_code(answer) in {"signature_missing", "signature_invalid", "timestamp_invalid",
                                  "timestamp_out_of_window"}  # fmt: skip


# Found by this suite: these ids used to crash the webhook with a 500 (UnicodeEncodeError).
@pytest.mark.parametrize("field", ["user", "message_id"])
@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff"])
async def test_a_lone_surrogate_escape_in_user_or_message_id_is_refused_not_a_500(
    escape: str, field: str
) -> None:
    fields = {"user": '"u"', "message_id": '"m"', "text": '"你好"'} | {field: f'"{escape}"'}
    body = ("{" + ",".join(f'"{k}":{v}' for k, v in fields.items()) + "}").encode()
    async with webhook_client() as client:
        resp = await client.post("/api/v1/webhook", data=body, headers=signed(body))
        assert resp.status == 422, resp.status
        error = (await resp.json())["error"]
        assert (error["code"], error["field"]) == ("invalid_message", field)
