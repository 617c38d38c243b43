"""The HTTP JSON API of the intake bot (for counters and partner systems; the chat channels
are built on the same submission path)."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from aiohttp import web

from schemas import EventType, SchemaViolation, validate_data
from services.common.errors import DependencyUnavailable
from services.common.events import new_event, stable_id
from services.common.http import api_error
from services.common.publisher import EventPublisher
from services.intake_bot.domain import reference_number

log = logging.getLogger(__name__)

SOURCE = "/yuzhu/intake-bot"
PUBLISHER = web.AppKey("publisher", EventPublisher)
APPLICATIONS_TOPIC = web.AppKey("applications_topic", str)


def add_api_routes(app: web.Application) -> None:
    app.router.add_post("/api/v1/applications", submit_application)


async def submit_application(request: web.Request) -> web.Response:
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return api_error(413, "payload_too_large", "The application body is too large.")
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return api_error(400, "invalid_json", "The body must be a JSON object (UTF-8).")
    try:
        validate_data(EventType.APPLICATION_SUBMITTED, payload)
    except SchemaViolation as exc:
        return api_error(422, exc.code, exc.detail, path=exc.path)
    application_id = payload["application_id"]
    # The event id is derived from the application id: a client retrying the same application
    # yields the same event, which the eligibility service recognises as a redelivery.
    event = new_event(
        EventType.APPLICATION_SUBMITTED,
        source=SOURCE,
        subject=application_id,
        data=payload,
        event_id=stable_id(application_id, "submitted"),
    )
    try:
        await request.app[PUBLISHER].publish(request.app[APPLICATIONS_TOPIC], application_id, event)
    except DependencyUnavailable:
        log.warning("could not publish application %s", application_id)
        response = api_error(
            503, "broker_unavailable", "Applications cannot be accepted right now; retry shortly."
        )
        response.headers["Retry-After"] = "5"
        return response
    submitted_at = datetime.fromisoformat(payload["submitted_at"])
    return web.json_response(
        {
            "application_id": application_id,
            "reference": reference_number(application_id, submitted_at),
            "status": "accepted",
        },
        status=202,
    )
