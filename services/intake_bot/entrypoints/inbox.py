"""The resident's inbox over HTTP: their notices, and acknowledging one.

The bearer token is the chat session token the page holds; it opens only the notices of the
applications that session submitted. Another resident's notice is answered exactly like a
notice that does not exist (404), so nothing can be learnt by guessing ids.
"""

from __future__ import annotations

from aiohttp import web

from services.common.errors import DependencyUnavailable
from services.common.http import api_error
from services.intake_bot.entrypoints.chat_ws import CHAT


def add_inbox_routes(app: web.Application) -> None:
    app.router.add_get("/api/v1/inbox", read_inbox)
    app.router.add_post("/api/v1/inbox/{notice_id}/ack", acknowledge)


def _token(request: web.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _unauthorised(code: str) -> web.Response:
    response = api_error(401, code, "Send the chat session token as `Authorization: Bearer …`.")
    response.headers["WWW-Authenticate"] = 'Bearer realm="yuzhu-inbox"'
    return response


def _unavailable() -> web.Response:
    response = api_error(503, "temporarily_unavailable", "Retry shortly.")
    response.headers["Retry-After"] = "5"
    return response


async def read_inbox(request: web.Request) -> web.Response:
    token = _token(request)
    if token is None:
        return _unauthorised("token_missing")
    try:
        notices = await request.app[CHAT].inbox(token)
    except DependencyUnavailable:
        return _unavailable()
    if notices is None:
        return _unauthorised("token_invalid")
    return web.json_response({"notices": notices}, headers={"Cache-Control": "no-store"})


async def acknowledge(request: web.Request) -> web.Response:
    token = _token(request)
    if token is None:
        return _unauthorised("token_missing")
    chat = request.app[CHAT]
    try:
        done = await chat.acknowledge(token, request.match_info["notice_id"])
        # Not done: no such notice in this session's inbox, or no such session at all.
        known = done or await chat.inbox(token) is not None
    except DependencyUnavailable:
        return _unavailable()
    if not known:
        return _unauthorised("token_invalid")
    if not done:
        return api_error(404, "notice_not_found", "No such notice in your inbox.")
    return web.Response(status=204)
