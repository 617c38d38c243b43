"""``python -m devstack.seed --count 10000``: publish generated applications to the running
stack's applications topic (as the intake bot would), for demos and the discovery command."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import date

from devstack.config import StackConfig
from devstack.generate import applications
from schemas import EventType
from services.common.events import encode, new_event, stable_id
from services.common.kafka import make_producer
from services.common.settings import DEFAULT_TOPIC_NAMESPACE
from services.common.topics import Topics


async def seed(bootstrap: str, topic: str, payloads: list[dict[str, object]]) -> None:
    producer = make_producer(bootstrap, client_id="yuzhu-seed")
    await producer.start()
    try:
        pending = []
        for payload in payloads:
            app_id = str(payload["application_id"])
            event = new_event(
                EventType.APPLICATION_SUBMITTED, source="/yuzhu/devstack/seed", subject=app_id,
                data=payload, event_id=stable_id(app_id, "submitted"),
            )  # fmt: skip
            value, headers = encode(event)
            pending.append(await producer.send(topic, value, key=app_id.encode(), headers=headers))
            if len(pending) >= 1000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.seed", description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2021, 9, 1),
                        help="first submission day (default 2021-09-01)")  # fmt: skip
    parser.add_argument("--days", type=int, default=365, help="spread over this many days")
    parser.add_argument("--namespace", default=DEFAULT_TOPIC_NAMESPACE)
    args = parser.parse_args(argv)
    cfg = StackConfig.from_env()
    payloads = applications(args.count, seed=args.seed, start=args.start, days=args.days)
    topic = Topics(args.namespace).applications
    started = time.monotonic()
    asyncio.run(seed(cfg.kafka_bootstrap, topic, payloads))
    print(f"seeded {len(payloads):,} applications to {topic} in {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
