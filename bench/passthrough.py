"""The pipeline benchmark's baseline: a raw aiokafka consume → produce pass-through, one hop per
process, with the suite's client settings and the same commit discipline (a batch's offsets are
committed after its records are acknowledged by the broker). No decoding, no validation, no
rules, no Redis: the cost of moving records through Kafka in Python and nothing else.

    YUZHU_PASSTHROUGH_FROM=… YUZHU_PASSTHROUGH_TO=… YUZHU_PASSTHROUGH_GROUP=… \\
    YUZHU_PASSTHROUGH_HTTP_PORT=… python -m bench.passthrough
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal

from aiohttp import web
from aiokafka import TopicPartition

from services.common.kafka import make_consumer, make_producer


async def main() -> None:
    env = os.environ
    bootstrap = env["YUZHU_KAFKA_BOOTSTRAP_SERVERS"]
    source, target = env["YUZHU_PASSTHROUGH_FROM"], env["YUZHU_PASSTHROUGH_TO"]
    consumer = make_consumer(bootstrap, env["YUZHU_PASSTHROUGH_GROUP"], source,
                             client_id="bench-passthrough")  # fmt: skip
    producer = make_producer(bootstrap, client_id="bench-passthrough")
    await consumer.start()
    await producer.start()
    app = web.Application()
    app.router.add_get("/readyz", lambda _: _ok())
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(env["YUZHU_PASSTHROUGH_HTTP_PORT"])).start()
    stopping = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)
    try:
        while not stopping.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=200)
            if not batch:
                continue
            sends = [
                await producer.send(target, r.value, key=r.key, headers=list(r.headers))
                for records in batch.values()
                for r in records
            ]
            await asyncio.gather(*sends)
            offsets = {TopicPartition(tp.topic, tp.partition): records[-1].offset + 1
                       for tp, records in batch.items()}  # fmt: skip
            await consumer.commit(offsets)
    finally:
        with contextlib.suppress(Exception):
            await runner.cleanup()
        await producer.stop()
        await consumer.stop()


async def _ok() -> web.Response:
    return web.Response(text="ok")


if __name__ == "__main__":
    asyncio.run(main())
