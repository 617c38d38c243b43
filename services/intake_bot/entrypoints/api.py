"""The HTTP JSON API of the intake bot, for counters and partner systems that already hold a
complete application. It uses the same outbox as the chat: a broker outage delays an
application, it never refuses or loses it."""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from schemas import EventType, SchemaViolation, validate_data
from services.common.errors import DependencyUnavailable
from services.common.http import api_error, read_body
from services.intake_bot.submission import OutboxPublisher

log = logging.getLogger(__name__)

PUBLISHER = web.AppKey("publisher", OutboxPublisher)

# The years ``submitted_at`` may be written in (openapi.yaml): enough for any real application,
# and every Chongqing date of them has the four-digit year the reference number carries.
SUBMITTED_YEARS = range(2000, 3000)


def add_api_routes(app: web.Application) -> None:
    app.router.add_post("/api/v1/applications", submit_application)
    app.middlewares.append(coded_router_errors)


@web.middleware
async def coded_router_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The router's own refusals under ``/api/`` (no such path, a method the path does not
    take) as coded JSON errors, like every other API error; elsewhere aiohttp's plain text."""
    try:
        return await handler(request)
    except web.HTTPMethodNotAllowed as exc:
        if not request.path.startswith("/api/"):
            raise
        allow = exc.headers.get("Allow", "")
        response = api_error(405, "method_not_allowed", f"This path takes {allow}.")
        response.headers["Allow"] = allow
        return response
    except web.HTTPNotFound:
        if not request.path.startswith("/api/"):
            raise
        return api_error(404, "not_found", "No such API path; see /openapi.yaml.")


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
    problem = _check_submitted_at(payload)
    if problem is not None:
        return problem
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


def _check_submitted_at(payload: dict[str, Any]) -> web.Response | None:
    """Refuse a ``submitted_at`` outside the documented years; otherwise write it with
    upper-case ``T`` and ``Z`` (RFC 3339 allows lower case; the suite reads it with
    ``datetime.fromisoformat``, which does not)."""
    # The schema has checked it is an RFC 3339 date-time: ``YYYY-MM-DD[Tt]…``.
    value: str = payload["submitted_at"]
    if int(value[:4]) not in SUBMITTED_YEARS:
        return api_error(
            422,
            "schema_violation",
            f"/submitted_at: the year must be {SUBMITTED_YEARS[0]} to {SUBMITTED_YEARS[-1]}",
            path="/submitted_at",
        )
    payload["submitted_at"] = value.upper()
    return None
