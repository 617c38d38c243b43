from __future__ import annotations

import asyncio

from services.common.keyed import KeyedLocks


async def test_holders_of_one_key_take_turns_and_other_keys_do_not_wait() -> None:
    locks = KeyedLocks()
    order: list[str] = []

    async def work(key: str, name: str, pause: float) -> None:
        async with locks.hold(key):
            order.append(f"{name} in")
            await asyncio.sleep(pause)
            order.append(f"{name} out")

    await asyncio.gather(work("a", "a1", 0.05), work("a", "a2", 0), work("b", "b1", 0))
    assert order.index("a1 out") < order.index("a2 in")  # same key: one after the other
    assert order.index("b1 in") < order.index("a1 out")  # another key: meanwhile


async def test_no_lock_is_kept_once_nobody_holds_or_waits_for_it() -> None:
    locks = KeyedLocks()

    async def work(key: int) -> None:
        async with locks.hold(key % 3):
            await asyncio.sleep(0)

    await asyncio.gather(*(work(i) for i in range(30)))
    assert len(locks) == 0


async def test_a_holder_that_fails_releases_the_key() -> None:
    locks = KeyedLocks()
    try:
        async with locks.hold("k"):
            raise ValueError("boom")
    except ValueError:
        pass
    async with asyncio.timeout(1), locks.hold("k"):
        assert len(locks) == 1
    assert len(locks) == 0
