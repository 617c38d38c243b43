"""The 掌上办 H5 page and the published API description."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from aiohttp import web

STATIC = Path(__file__).parent / "static"
OPENAPI = Path(__file__).parent / "openapi.yaml"
SCHEMAS = Path(str(files("schemas") / "json"))


def add_page_routes(app: web.Application) -> None:
    app.router.add_get("/", _index)
    app.router.add_get("/openapi.yaml", _openapi)
    app.router.add_static("/static/", STATIC, append_version=False)
    # The OpenAPI document refers to the event schemas by relative URL: serve them beside it.
    app.router.add_static("/schemas/", SCHEMAS, append_version=False)


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def _openapi(request: web.Request) -> web.FileResponse:
    return web.FileResponse(OPENAPI, headers={"Content-Type": "application/yaml"})
