"""Background tasks tied to an aiohttp app's lifetime, with liveness wired to their fate."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from services.common.health import Health

log = logging.getLogger(__name__)


def watch_task(name: str, coro: Coroutine[Any, Any, None], health: Health) -> asyncio.Task[None]:
    """Run ``coro``; if it ever ends with an error, liveness fails so the orchestrator restarts
    the process (a consumer that died silently would otherwise look healthy)."""
    task = asyncio.create_task(coro, name=name)

    def _done(t: asyncio.Task[None]) -> None:
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            health.failed = f"{name} stopped: {type(exc).__name__}"
            log.error("%s stopped", name, exc_info=exc)

    task.add_done_callback(_done)
    return task
