"""Liveness, readiness and metrics, the same for every service.

``/healthz`` answers whether the process is alive and its workers have not died (restart me if
not); ``/readyz`` whether it can do work now (each dependency answers within a second, and the
service is not draining for shutdown); ``/metrics`` is Prometheus text. The decisions are pure
functions of a :class:`Health` object so the aiohttp app and the faust web server share them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

Check = Callable[[], Awaitable[object]]

METRICS_CONTENT_TYPE = CONTENT_TYPE_LATEST


@dataclass
class Health:
    """Mutable state a service reports through its probes."""

    service: str
    checks: dict[str, Check] = field(default_factory=dict)
    # Reported by /readyz but not failing it: the service keeps working without them (the
    # intake bot keeps taking applications into its outbox while the broker is away).
    optional: dict[str, Check] = field(default_factory=dict)
    draining: bool = False
    failed: str | None = None  # set when a worker task died: liveness fails, k8s restarts us

    async def liveness(self) -> tuple[int, dict[str, Any]]:
        if self.failed:
            return 503, {"status": "failed", "service": self.service, "reason": self.failed}
        return 200, {"status": "ok", "service": self.service}

    async def readiness(self, timeout: float = 1.0) -> tuple[int, dict[str, Any]]:
        results: dict[str, str] = {}
        ok = not self.draining and self.failed is None
        for name, check in self.checks.items():
            try:
                await asyncio.wait_for(check(), timeout)
                results[name] = "ok"
            except Exception as exc:
                results[name] = f"unavailable: {type(exc).__name__}"
                ok = False
        body: dict[str, Any] = {"status": "ok" if ok else "unavailable", "checks": results}
        if self.draining:
            body["draining"] = True
        return (200 if ok else 503), body


def metrics_payload() -> bytes:
    return generate_latest()
