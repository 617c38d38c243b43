"""The HTTP JSON API of the intake bot, for counters and partner systems that already hold a
complete application. It uses the same outbox as the chat: a broker outage delays an
application, it never refuses or loses it."""

from __future__ import annotations

import json
import logging

from aiohttp import web

from schemas import EventType, SchemaViolation, validate_data
from services.common.errors import DependencyUnavailable
from services.common.http import api_error, read_body
from services.intake_bot.submission import OutboxPublisher

log = logging.getLogger(__name__)

PUBLISHER = web.AppKey("publisher", OutboxPublisher)


def add_api_routes(app: web.Application) -> None:
    app.router.add_post("/api/v1/applications", submit_application)


async def submit_application(request: web.Request) -> web.Response:
    body = await read_body(request, "application")
    if isinstance(body, web.Response):
        return body
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return api_error(400, "invalid_json", "The body must be a JSON object (UTF-8).")
    try:
        validate_data(EventType.APPLICATION_SUBMITTED, payload)
    except SchemaViolation as exc:
        return api_error(422, exc.code, exc.detail, path=exc.path)
    try:
        # The event id is derived from the application id: a client retrying the same
        # application yields the same event, which the eligibility service recognises.
        reference = await request.app[PUBLISHER].submit_application(payload)
    except DependencyUnavailable:
        log.warning("could not accept an application: the outbox is unavailable")
        response = api_error(
            503,
            "temporarily_unavailable",
            "Applications cannot be accepted right now; retry shortly.",
        )
        response.headers["Retry-After"] = "5"
        return response
    return web.json_response(
        {"application_id": payload["application_id"], "reference": reference, "status": "accepted"},
        status=202,
    )
