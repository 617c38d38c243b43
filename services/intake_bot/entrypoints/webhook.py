"""指尖办: the messaging platform's webhook. The platform POSTs each resident message and gets
the bot's replies in the response body, within its 5-second limit.

Requests are signed: ``X-Yuzhu-Timestamp`` (Unix seconds) and ``X-Yuzhu-Signature:
sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret>``. A request older
or newer than five minutes is refused, so a captured request cannot be replayed. A platform
retry of the same ``message_id`` gets the same replies without a second turn.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from aiohttp import web

from services.common.errors import DependencyUnavailable
from services.common.http import api_error, read_body
from services.intake_bot.adapters.replies import ReplyCache
from services.intake_bot.chat import ChatService
from services.intake_bot.entrypoints.chat_ws import CHAT

WEBHOOK_SECRET = web.AppKey("webhook_secret", bytes)
REPLIES = web.AppKey("replies", ReplyCache)

MAX_SKEW_SECONDS = 300
_MAX_USER = 128


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """The signature header value for ``body`` sent at ``timestamp`` (platforms and tests)."""
    digest = hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def add_webhook_routes(app: web.Application) -> None:
    app.router.add_post("/api/v1/webhook", receive_message)


async def receive_message(request: web.Request) -> web.Response:
    body = await read_body(request, "message")
    if isinstance(body, web.Response):
        return body
    problem = _check_signature(request, body, request.app[WEBHOOK_SECRET])
    if problem is not None:
        return problem
    try:
        message = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return api_error(400, "invalid_json", "The body must be a JSON object (UTF-8).")
    fields = _fields(message)
    if isinstance(fields, web.Response):
        return fields
    user, message_id, said = fields
    secret = request.app[WEBHOOK_SECRET]
    # The session is derived from the platform's user id with the shared secret: stable for
    # that user, meaningless to anyone without the secret.
    session_id = hmac.new(secret, b"user:" + user.encode(), hashlib.sha256).hexdigest()
    message_key = hmac.new(secret, f"{user}\x1f{message_id}".encode(), hashlib.sha256).hexdigest()
    chat: ChatService = request.app[CHAT]
    cache = request.app[REPLIES]
    try:
        previous = await cache.recall(message_key)
        if previous is not None:
            return web.json_response(previous | {"replayed": True})
        answer = await chat.say(session_id, said, "fingertip", client=request.remote or "")
        result: dict[str, Any] = {
            "replies": [{"text": r.text, "options": list(r.options)} for r in answer.replies],
        }
        result = await cache.remember(message_key, result)
    except DependencyUnavailable:
        response = api_error(503, "temporarily_unavailable", "Retry this message shortly.")
        response.headers["Retry-After"] = "5"
        return response
    return web.json_response(result | {"replayed": False})


def _check_signature(request: web.Request, body: bytes, secret: bytes) -> web.Response | None:
    timestamp = request.headers.get("X-Yuzhu-Timestamp", "")
    signature = request.headers.get("X-Yuzhu-Signature", "")
    if not timestamp or not signature:
        return api_error(401, "signature_missing",
                         "Sign the request: X-Yuzhu-Timestamp and X-Yuzhu-Signature.")  # fmt: skip
    try:
        skew = abs(time.time() - int(timestamp))
    except ValueError:
        return api_error(401, "timestamp_invalid", "X-Yuzhu-Timestamp must be Unix seconds.")
    if skew > MAX_SKEW_SECONDS:
        return api_error(
            401,
            "timestamp_out_of_window",
            "The request is more than 5 minutes off; check the clock.",
        )
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        return api_error(401, "signature_invalid", "The signature does not match the body.")
    return None


def _fields(message: object) -> tuple[str, str, str] | web.Response:
    if not isinstance(message, dict):
        return api_error(422, "invalid_message", "The body must be a JSON object.")
    values: list[str] = []
    for name in ("user", "message_id", "text"):
        value = message.get(name)
        if not isinstance(value, str) or not value:
            return api_error(422, "invalid_message", f"`{name}` must be a non-empty string.",
                             field=name)  # fmt: skip
        if name != "text" and not _encodable(value):
            # A lone surrogate (``"\ud800"`` in the JSON) is valid JSON but no text: ids must
            # be UTF-8, since they are hashed into the session and the retry key.
            return api_error(422, "invalid_message", f"`{name}` must be valid Unicode text.",
                             field=name)  # fmt: skip
        values.append(value)
    user, message_id, said = values
    if len(user) > _MAX_USER or len(message_id) > _MAX_USER:
        return api_error(422, "invalid_message", "`user` and `message_id` are at most 128 chars.")
    return user, message_id, said


def _encodable(value: str) -> bool:
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True
