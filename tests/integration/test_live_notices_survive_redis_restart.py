"""The intake replica's live-notice subscription survives a Redis restart: it subscribes again,
and a notice announced meanwhile still reaches the open socket — once."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from devstack import StackConfig
from devstack import redis as redis_server
from services.common.consumer import Backoff
from services.common.redis import make_redis
from services.intake_bot.adapters.notices import RedisNoticeReader
from services.intake_bot.entrypoints.chat_ws import LiveHub
from services.notifier.adapters.inbox import RedisInbox
from tests.support.kafka import eventually
from tests.support.services import free_port

pytestmark = pytest.mark.integration


class OpenSocket:
    """Stands in for the resident's socket: records the frames sent to it."""

    closed = False

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []

    async def send_json(self, frame: dict[str, Any], **_: Any) -> None:
        self.frames.append(frame)

    def notice_ids(self) -> list[str]:
        return [f["notice"]["notice_id"] for f in self.frames if f["type"] == "notice"]


def notice(n: int) -> dict[str, Any]:
    return {"notice_id": f"n{n}", "application_id": "app-1",
            "issued_at": f"2026-11-28T10:0{n}:00+08:00", "title": "审核结果"}  # fmt: skip


@pytest.mark.parametrize("down_for", [0.0, 2.0], ids=["quick restart", "two seconds down"])
async def test_a_notice_announced_around_a_redis_restart_reaches_the_open_socket_once(
    tmp_path: Path, down_for: float
) -> None:
    port = free_port()
    cfg = StackConfig(redis_port=port, var_dir=tmp_path, external_kafka=None, external_redis=None)
    redis_server.start(cfg)
    url = f"redis://127.0.0.1:{port}/0"
    intake, notifier = make_redis(url), make_redis(url)
    reader, inbox = RedisNoticeReader(intake, "ns"), RedisInbox(notifier, "ns")
    hub = LiveHub(Backoff(initial=0.05, maximum=0.2))
    socket = OpenSocket()
    hub.follow(socket, ["app-1"])  # type: ignore[arg-type]
    following = asyncio.create_task(hub.run(reader, reader.notices))
    try:
        await asyncio.sleep(0.3)  # subscribed
        await inbox.deliver("app-1", notice(1))
        await eventually(lambda: socket.notice_ids() == ["n1"], timeout=10)

        redis_server.stop(cfg)
        await asyncio.sleep(down_for)  # longer than redis-py's retries: the hub's loop retries
        redis_server.start(cfg)  # the AOF keeps the inbox; the subscription is gone
        await inbox.deliver("app-1", notice(2))  # perhaps before the hub is back
        await eventually(lambda: hub.resubscribed >= 1, timeout=15)
        await inbox.deliver("app-1", notice(3))
        await eventually(lambda: len(socket.notice_ids()) >= 3, timeout=10)
        await asyncio.sleep(0.3)
        assert socket.notice_ids() == ["n1", "n2", "n3"]
        assert not following.done()
    finally:
        following.cancel()
        await asyncio.gather(following, return_exceptions=True)
        await intake.aclose()
        await notifier.aclose()
        redis_server.stop(cfg)
