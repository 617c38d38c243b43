"""Running an aiohttp-based service: logging, start-up waits, and graceful shutdown on SIGTERM."""

from __future__ import annotations

import logging

from aiohttp import web

from services.common.logs import configure_logging
from services.common.settings import CommonSettings

log = logging.getLogger(__name__)


def run_service(app: web.Application, common: CommonSettings) -> None:
    """Serve ``app`` until SIGTERM/SIGINT; then its cleanup contexts drain in-flight work."""
    log.info("%s listening on http://%s:%d", common.service, common.http_host, common.http_port)
    web.run_app(
        app,
        host=common.http_host,
        port=common.http_port,
        print=None,
        access_log=None,
        shutdown_timeout=20.0,
    )


def start_logging(common: CommonSettings) -> None:
    configure_logging(common.service, common.log_level, common.log_format)
