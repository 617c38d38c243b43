"""The intake app wired with in-memory fakes: every channel, no servers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.common.publisher import MemoryPublisher
from services.common.settings import CommonSettings
from services.intake_bot.adapters.notices import MemoryNoticeReader
from services.intake_bot.adapters.outbox import MemoryOutbox
from services.intake_bot.adapters.ratelimit import MemoryRateLimiter
from services.intake_bot.adapters.replies import MemoryReplyCache
from services.intake_bot.adapters.sessions import MemorySessionStore
from services.intake_bot.bootstrap import Adapters, build_app
from services.intake_bot.config import Settings

SETTINGS = Settings(
    common=CommonSettings(service="intake_bot", topic_namespace="ns"),
    webhook_secret="test-secret",
    max_message_chars=100,
)


@dataclass
class App:
    client: TestClient  # type: ignore[type-arg]
    adapters: Adapters
    broker: MemoryPublisher
    notices: MemoryNoticeReader


@pytest.fixture
async def intake() -> AsyncIterator[App]:
    broker, notices = MemoryPublisher(), MemoryNoticeReader()
    adapters = Adapters(
        sessions=MemorySessionStore(),
        outbox=MemoryOutbox(),
        publisher=broker,
        notices=notices,
        limiter=MemoryRateLimiter(),
        replies=MemoryReplyCache(),
    )
    client = TestClient(TestServer(build_app(SETTINGS, adapters=adapters)))
    await client.start_server()
    yield App(client, adapters, broker, notices)
    await client.close()
