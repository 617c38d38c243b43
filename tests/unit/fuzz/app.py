"""The intake app with in-memory fakes, opened per fuzz test (fixtures and hypothesis mix badly)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp.test_utils import TestClient, TestServer

from services.common.publisher import MemoryPublisher
from services.intake_bot.adapters.notices import MemoryNoticeReader
from services.intake_bot.adapters.outbox import MemoryOutbox
from services.intake_bot.adapters.ratelimit import MemoryRateLimiter
from services.intake_bot.adapters.replies import MemoryReplyCache
from services.intake_bot.adapters.sessions import MemorySessionStore
from services.intake_bot.bootstrap import Adapters, build_app
from services.intake_bot.config import Settings


@asynccontextmanager
async def intake_client(settings: Settings) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    adapters = Adapters(
        sessions=MemorySessionStore(), outbox=MemoryOutbox(), publisher=MemoryPublisher(),
        notices=MemoryNoticeReader(), limiter=MemoryRateLimiter(), replies=MemoryReplyCache(),
    )  # fmt: skip
    client = TestClient(TestServer(build_app(settings, adapters=adapters)))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()
