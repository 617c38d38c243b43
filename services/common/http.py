"""aiohttp pieces every HTTP service uses: probe routes and JSON error responses."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from services.common.health import METRICS_CONTENT_TYPE, Health, metrics_payload

HEALTH = web.AppKey("health", Health)


def add_probe_routes(app: web.Application, health: Health) -> None:
    app[HEALTH] = health
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", _metrics)


async def _healthz(request: web.Request) -> web.Response:
    status, body = await request.app[HEALTH].liveness()
    return web.json_response(body, status=status)


async def _readyz(request: web.Request) -> web.Response:
    status, body = await request.app[HEALTH].readiness()
    return web.json_response(body, status=status)


async def _metrics(request: web.Request) -> web.Response:
    body = metrics_payload()
    return web.Response(body=body, headers={"Content-Type": METRICS_CONTENT_TYPE})


def api_error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    """A 4xx/5xx body for API clients: a stable machine ``code`` and a message saying what to do."""
    return web.json_response({"error": {"code": code, "message": message, **extra}}, status=status)


async def read_body(request: web.Request, what: str) -> bytes | web.Response:
    """The request body, or the 413 answer when it is larger than the app allows."""
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        return api_error(413, "payload_too_large", f"The {what} body is too large.")
