from __future__ import annotations

import asyncio

from services.common.health import Health


async def ok() -> None:
    return None


async def down() -> None:
    raise ConnectionError("refused")


async def hangs() -> None:
    await asyncio.sleep(10)


async def test_ready_when_every_dependency_answers() -> None:
    status, body = await Health("s", checks={"kafka": ok, "redis": ok}).readiness()
    assert (status, body) == (200, {"status": "ok", "checks": {"kafka": "ok", "redis": "ok"}})


async def test_not_ready_names_the_dependency_that_failed_or_hung() -> None:
    health = Health("s", checks={"kafka": ok, "redis": down, "slow": hangs})
    status, body = await health.readiness(timeout=0.05)
    assert status == 503
    assert body["checks"] == {
        "kafka": "ok",
        "redis": "unavailable: ConnectionError",
        "slow": "unavailable: TimeoutError",
    }


async def test_a_draining_service_is_alive_but_not_ready() -> None:
    health = Health("s", checks={"kafka": ok})
    health.draining = True
    assert (await health.liveness())[0] == 200
    status, body = await health.readiness()
    assert status == 503
    assert body["draining"] is True


async def test_a_dead_worker_fails_liveness_so_the_process_is_restarted() -> None:
    health = Health("notifier")
    health.failed = "notifier-consumer stopped: KafkaError"
    status, body = await health.liveness()
    assert status == 503
    assert body["reason"] == "notifier-consumer stopped: KafkaError"
