"""Chat turn latency: the intake bot's chat socket against a bare aiohttp WebSocket echo server,
each a process of its own, at the same concurrency, in the same run.

Every session says hello and then holds a conversation: it answers what the bot asked the way
the scripted resident of ``devstack/resident.py`` would (so real dialogs run, up to submitting
applications through the outbox to Kafka), and sends the echo server the same texts. A turn is
timed from sending the message to the last bubble of the answer (the frame marked ``end``); the
echo answers with one frame.

Two paces:
- ``back-to-back``: each session sends its next message the moment the answer is complete — a
  stress; the latency is then mostly queueing behind the other sessions' turns;
- ``typing``: each session waits 1–3 s (random) between messages, as a person typing on a
  phone does; the latency is then the cost of one turn on a server that is not saturated.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import aiohttp

from bench.harness import Bench, Result, progress, running, summary_ms
from devstack import resident

FALLBACK = ["好的", "没有", "是的", "存款三千", "有儿子", "现在低保标准是多少"]


async def converse(
    http: aiohttp.ClientSession, url: str, turns: int, *, bot: bool, think: tuple[float, float],
    rng: random.Random,
) -> tuple[list[float], list[float]]:  # fmt: skip
    """The seconds each turn took: (turns that did not submit, turns that did)."""
    timings: list[float] = []
    submitting: list[float] = []  # the turns that handed in an application
    async with http.ws_connect(url, max_msg_size=0) as ws:
        await ws.send_json({"type": "hello", "session": None})
        _, last = await _answer(ws, bot=bot, first=True)
        said = resident.OPENING
        for i in range(turns):
            await asyncio.sleep(rng.uniform(*think) if think[1] else 0)
            started = time.perf_counter()
            await ws.send_json({"type": "say", "text": said})
            everything, reply = await _answer(ws, bot=bot)
            took = time.perf_counter() - started
            (submitting if resident.REFERENCE.search(everything) else timings).append(took)
            last = reply or last
            said = (resident.answer(last) if bot else None) or FALLBACK[i % len(FALLBACK)]
    return timings, submitting


async def _answer(
    ws: aiohttp.ClientWebSocketResponse, *, bot: bool, first: bool = False
) -> tuple[str, str]:
    """Frames up to the end of one answer: (every bubble's text, the last bubble's text)."""
    texts: list[str] = []
    while True:
        frame: dict[str, Any] = await ws.receive_json(timeout=60)
        kind = frame.get("type")
        if not bot:
            text = str(frame.get("text", ""))
            return text, text
        if kind == "error":
            raise RuntimeError(f"the intake bot answered an error: {frame}")
        if kind == "reply":
            texts.append(str(frame["text"]))
            if frame.get("end"):
                return "\n".join(texts), texts[-1]
        elif first and kind == "welcome":
            continue


async def measure(
    url: str, sessions: int, turns: int, *, bot: bool, think: tuple[float, float]
) -> dict[str, Any]:
    rng = random.Random(sessions)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        started = time.perf_counter()
        results = await asyncio.gather(
            *(converse(http, url, turns, bot=bot, think=think, rng=random.Random(rng.random()))
              for _ in range(sessions))
        )  # fmt: skip
        elapsed = time.perf_counter() - started
    talking = [t for r, _ in results for t in r]
    submitting = [t for _, s in results for t in s]
    everything = talking + submitting
    return {
        **summary_ms(everything),
        "turns_per_s": round(len(everything) / elapsed, 1),
        "without_submission": summary_ms(talking),
        "submitting": summary_ms(submitting),
    }


async def run(bench: Bench, sessions: list[int], turns: int) -> list[Result]:
    topics = await bench.topics("chat")
    # One client address opens hundreds of sockets and talks fast: lift the per-address and
    # per-session limits, which would otherwise (rightly) slow it down.
    intake = bench.service("services.intake_bot", topics, "intake_bot",
                           YUZHU_INTAKE_CONNECTS_PER_MINUTE="1000000",
                           YUZHU_INTAKE_MESSAGES_PER_WINDOW="1000000")  # fmt: skip
    echo = bench.service("bench.echo", topics, "echo")
    results: list[Result] = []
    with running(intake, echo):
        urls = {
            "echo": f"ws://127.0.0.1:{echo.port}/ws",
            "intake": f"ws://127.0.0.1:{intake.port}/ws",
        }
        for pace, think in (("back-to-back", (0.0, 0.0)), ("typing", (1.0, 3.0))):
            for n in sessions:
                figures: dict[str, dict[str, Any]] = {}
                for server in ("echo", "intake"):
                    progress(f"chat: {n} sessions × {turns} turns, {pace}, against {server}")
                    figures[server] = await measure(
                        urls[server], n, turns, bot=server == "intake", think=think
                    )
                    got = figures[server]
                    progress(f"  p50 {got['p50_ms']} ms, p99 {got['p99_ms']} ms, "
                             f"{got['turns_per_s']} turns/s; without the submitting turns "
                             f"p99 {got['without_submission']['p99_ms']} ms")  # fmt: skip
                suite, base = figures["intake"], figures["echo"]
                results.append(Result(
                    bench="chat_latency", case=f"{n} sessions, {pace}", measure="p99 ms",
                    suite=suite["p99_ms"], baseline=base["p99_ms"], baseline_name="aiohttp echo",
                    target="≤ 2×", met=suite["p99_ms"] <= 2 * base["p99_ms"],
                    details={"intake": suite, "echo": base, "turns_per_session": turns},
                ))  # fmt: skip
    return results
