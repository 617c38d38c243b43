"""Whatever lands on a topic, each consumer finishes the record: handled, or dead-lettered once
with a snake_case reason, never raised out of the processor."""

from __future__ import annotations

import copy
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.consumer import Record, RecordProcessor
from services.common.events import Event, Headers
from services.common.publisher import MemoryPublisher
from services.common.topics import Topics
from services.console.adapters.store import MemoryCaseStore
from services.console.handlers import ConsoleHandler
from services.eligibility.adapters.decided import MemoryDecidedStore
from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.handlers import DetermineHandler
from services.notifier.adapters.contacts import MemoryContactBook
from services.notifier.adapters.inbox import MemoryInbox
from services.notifier.adapters.sms_jobs import MemorySmsJobs
from services.notifier.handlers import NotifyHandler
from tests.unit.fuzz.strategies import SNAKE_CASE, json_values

EXAMPLES = Path(__file__).parents[3] / "schemas" / "examples"
BOOK = load_policy_book()
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def envelope(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / f"{name}.json").read_text())


ALL_EXAMPLES = sorted(p.name.removesuffix(".json") for p in EXAMPLES.glob("*.v1.json"))


def eligibility() -> Callable[[Event], Awaitable[None]]:
    return DetermineHandler(book=BOOK, decided=MemoryDecidedStore(), publisher=MemoryPublisher(),
                            topics=Topics("ns"))  # fmt: skip


def notifier() -> Callable[[Event], Awaitable[None]]:
    return NotifyHandler(inbox=MemoryInbox(), publisher=MemoryPublisher(),
                         receipts_topic="ns.receipts", contacts=MemoryContactBook(),
                         sms=MemorySmsJobs())  # fmt: skip


def console() -> Callable[[Event], Awaitable[None]]:
    return ConsoleHandler(MemoryCaseStore())


@dataclass(frozen=True)
class Consumer:
    name: str
    build: Callable[[], Callable[[Event], Awaitable[None]]]
    handles: tuple[str, ...]  # example files of the event types it consumes

    def wrong(self) -> list[str]:
        return [n for n in ALL_EXAMPLES if n not in self.handles]


CONSUMERS = [
    Consumer("eligibility", eligibility, ("application.submitted.v1",)),
    Consumer("notifier", notifier, ("application.submitted.v1", "determination.issued.v1",
                                    "outreach.suggested.v1", "information.requested.v1")),
    Consumer("console", console, ("application.submitted.v1", "review.requested.v1",
                                  "handoff.requested.v1", "determination.issued.v1")),
]  # fmt: skip
BY_NAME = {c.name: c for c in CONSUMERS}
CONSUMER_NAMES = [c.name for c in CONSUMERS]


@dataclass
class Outcome:
    finished: bool
    handled: bool
    dead: list[Headers] = field(default_factory=list)

    def reasons(self) -> list[str]:
        return [dict(h)["dlq.reason"].decode() for h in self.dead]


async def run(consumer: Consumer, value: bytes | None) -> Outcome:
    handler = consumer.build()
    handled = False

    async def tracking(event: Event) -> None:
        nonlocal handled
        await handler(event)
        handled = True

    dead: list[Headers] = []

    async def sink(record: Record, headers: Headers) -> None:
        dead.append(headers)

    processor = RecordProcessor(name=consumer.name, handler=tracking, dead_letter=sink)
    record = Record("ns.fuzz", 0, 7, b"key", value, (("content-type", b"json"),))
    finished = await processor.process(record)
    return Outcome(finished, handled, dead)


def assert_finished_once(outcome: Outcome) -> None:
    assert outcome.finished is True
    if outcome.handled:
        assert outcome.dead == []
    else:
        assert len(outcome.dead) == 1
        (reason,) = outcome.reasons()
        assert SNAKE_CASE.match(reason), reason
        # The original headers travel with the dead letter.
        assert outcome.dead[0][0] == ("content-type", b"json")


# --- mutations of an event's data -------------------------------------------------------------


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every dict and list inside ``value`` (itself included)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for k, v in value.items():
            found += _containers(v, (*path, k))
    elif isinstance(value, list):
        found.append(path)
        for i, v in enumerate(value):
            found += _containers(v, (*path, i))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated_data(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with one to three mutations: a key dropped, a value's type changed, a key added."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_containers(data)))
        target = _at(data, path)
        op = draw(st.sampled_from(["drop", "change", "add"]))
        if isinstance(target, dict):
            keys = sorted(target)
            if op == "add" or not keys:
                target[draw(st.text(max_size=12))] = draw(json_values)
            else:
                key = draw(st.sampled_from(keys))
                if op == "drop":
                    del target[key]
                else:
                    target[key] = draw(json_values)
        elif target:
            i = draw(st.integers(0, len(target) - 1))
            if op == "drop":
                del target[i]
            elif op == "change":
                target[i] = draw(json_values)
            else:
                target.append(draw(json_values))
        else:
            target.append(draw(json_values))
    return data


@st.composite
def right_type_mutated(draw: st.DrawFn, consumer: Consumer) -> bytes:
    env = envelope(draw(st.sampled_from(consumer.handles)))
    env["data"] = draw(mutated_data(env["data"]))
    return json.dumps(env, ensure_ascii=False).encode()


# --- tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CONSUMER_NAMES)
async def test_each_consumer_handles_its_well_formed_examples_without_a_dead_letter(
    name: str,
) -> None:
    consumer = BY_NAME[name]
    for example in consumer.handles:
        value = (EXAMPLES / f"{example}.json").read_bytes()
        outcome = await run(consumer, value)
        assert (outcome.finished, outcome.handled, outcome.dead) == (True, True, []), example


@pytest.mark.parametrize("name", CONSUMER_NAMES)
async def test_each_consumer_dead_letters_the_event_types_it_does_not_consume(name: str) -> None:
    consumer = BY_NAME[name]
    for example in consumer.wrong():
        outcome = await run(consumer, (EXAMPLES / f"{example}.json").read_bytes())
        assert_finished_once(outcome)
        assert outcome.reasons() == ["unexpected_event_type"], example


@pytest.mark.parametrize("name", CONSUMER_NAMES)
@FUZZ
@given(value=st.one_of(st.none(), st.binary(max_size=300)))
async def test_random_bytes_are_dead_lettered_once_with_a_snake_case_reason(
    name: str, value: bytes | None
) -> None:
    outcome = await run(BY_NAME[name], value)
    assert_finished_once(outcome)
    assert not outcome.handled


@pytest.mark.parametrize("name", CONSUMER_NAMES)
@FUZZ
@given(value=json_values)
async def test_random_json_is_dead_lettered_once_with_a_snake_case_reason(
    name: str, value: Any
) -> None:
    outcome = await run(BY_NAME[name], json.dumps(value, ensure_ascii=False).encode())
    assert_finished_once(outcome)
    assert not outcome.handled


@pytest.mark.parametrize("name", CONSUMER_NAMES)
@FUZZ
@given(data=st.data())
async def test_a_valid_envelope_of_a_type_the_consumer_does_not_take_is_dead_lettered_once(
    name: str, data: st.DataObject
) -> None:
    consumer = BY_NAME[name]
    env = envelope(data.draw(st.sampled_from(consumer.wrong())))
    if data.draw(st.booleans()):
        env["data"] = data.draw(mutated_data(env["data"]))
    outcome = await run(consumer, json.dumps(env, ensure_ascii=False).encode())
    assert_finished_once(outcome)
    assert not outcome.handled


@pytest.mark.parametrize("name", CONSUMER_NAMES)
@settings(FUZZ, max_examples=150)
@given(data=st.data())
async def test_a_right_type_envelope_with_mutated_data_is_handled_or_dead_lettered_once(
    name: str, data: st.DataObject
) -> None:
    consumer = BY_NAME[name]
    outcome = await run(consumer, data.draw(right_type_mutated(consumer)))
    assert_finished_once(outcome)
    # Data the schema lets through must not reach a bug path (KeyError, TypeError …).
    assert "processing_failed" not in outcome.reasons()
