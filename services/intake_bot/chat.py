"""The chat service: one resident message in, the bot's replies out, whatever the channel.

It loads the session, asks the NLU what the message says (given what the bot just asked), lets
the dialog decide, carries out what the dialog asks for (submit the application through the
outbox, hand the conversation to a person), records the transcript and saves the session.
Channels (the WebSocket page, the messaging webhook) only translate frames to calls of
:meth:`ChatService.say`.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from prometheus_client import Counter, Histogram

from schemas import EventType
from services.common.districts import group_of
from services.common.errors import DependencyUnavailable
from services.common.events import new_event, stable_id
from services.common.keyed import KeyedLocks
from services.intake_bot.adapters.notices import NoticeReader
from services.intake_bot.adapters.ratelimit import RateLimiter
from services.intake_bot.adapters.sessions import SessionRecord, SessionStore
from services.intake_bot.domain import messages as text
from services.intake_bot.domain.dialog import (
    DialogContext,
    DialogState,
    PolicyFacts,
    Reply,
    RequestHandoff,
    SubmitApplication,
    Turn,
    begin,
    respond,
    submitted,
)
from services.intake_bot.domain.nlu import Understanding
from services.intake_bot.submission import OutboxPublisher

log = logging.getLogger(__name__)

CHONGQING = ZoneInfo("Asia/Shanghai")
SOURCE = "/yuzhu/intake-bot"

TURNS = Counter("yuzhu_intake_turns_total", "Resident messages handled, by channel", ["channel"])
TURN_SECONDS = Histogram(
    "yuzhu_intake_turn_seconds", "Time to answer one resident message", ["channel"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)  # fmt: skip
HANDOFFS = Counter("yuzhu_intake_handoffs_total", "Conversations handed to a person", ["reason"])
LOST_SESSIONS = Counter(
    "yuzhu_intake_sessions_lost_total",
    "Residents who came back to a session that no longer exists (expired, or Redis lost it)",
    ["channel"],
)

# Channels whose client opens a session (``open``) before it says anything: a message for a
# session that does not exist means the session was lost. On the webhook the session is derived
# from the platform's user id and begins with the first message, so there a missing session
# cannot be told apart from a resident writing for the first time: they are greeted afresh.
OPENED_CHANNELS = frozenset({"palm"})


def new_session_id() -> str:
    """An unguessable token: it is the resident's key to their session and their notices."""
    return secrets.token_urlsafe(24)


def session_ref(session_id: str) -> str:
    """An opaque reference to a session for other services (never the token itself)."""
    return hashlib.sha256(session_id.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Limits:
    max_chars: int = 500
    messages_per_window: int = 20
    window_seconds: int = 10


@dataclass
class Answer:
    session_id: str
    replies: list[Reply]
    application_ids: list[str] = field(default_factory=list)
    resumed: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)


def clean(raw: str) -> str:
    """What the resident typed, without control characters and surrounding blanks."""
    return "".join(c for c in raw if unicodedata.category(c)[0] != "C" or c in "\n\t").strip()


class ChatService:
    def __init__(
        self,
        *,
        understanding: Understanding,
        sessions: SessionStore,
        publisher: OutboxPublisher,
        notices: NoticeReader,
        limiter: RateLimiter,
        policy: Callable[[date], PolicyFacts],
        handoffs_topic: str,
        limits: Limits = Limits(),
        clock: Callable[[], datetime] = lambda: datetime.now(CHONGQING),
        new_application_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._nlu = understanding
        self._sessions = sessions
        self._publisher = publisher
        self._notices = notices
        self._limiter = limiter
        self._policy = policy
        self._handoffs_topic = handoffs_topic
        self._limits = limits
        self._clock = clock
        self._new_application_id = new_application_id
        self._sessions_in_turn = KeyedLocks()

    async def open(self, session_id: str | None, channel: str) -> Answer:
        """Start a session, or resume it (the same dialog, on any replica) when it still exists.

        A token whose session no longer exists (it expired, or Redis lost its data) starts a new
        session, and the resident is told plainly that the earlier conversation is gone and
        that an application already handed in is not."""
        lost = False
        if session_id:
            record = await self._sessions.load(session_id, with_transcript=True)
            if record is not None and record.dialog is not None:
                return Answer(
                    session_id=session_id,
                    replies=[],
                    application_ids=[a["application_id"] for a in record.applications],
                    resumed=True,
                    history=record.transcript[-30:],
                )
            lost = True
        session_id = new_session_id()
        record = SessionRecord()
        turn = await self._begin(record, channel, lost=lost)
        await self._sessions.save(session_id, record)
        return Answer(session_id=session_id, replies=list(turn.replies))

    async def _begin(self, record: SessionRecord, channel: str, *, lost: bool) -> Turn:
        """A new conversation in ``record``: the greeting, after a word about the lost one."""
        ctx = await self._context(record, channel)
        turn = begin(ctx)
        if lost:
            LOST_SESSIONS.labels(channel).inc()
            turn = Turn(turn.state, (Reply(text.SESSION_LOST), *turn.replies), turn.actions)
        self._remember(record, turn, None, ctx.now)
        return turn

    async def say(self, session_id: str, raw: str, channel: str, *, client: str = "") -> Answer:
        """The bot's answer to one message. Every problem is answered in words, never raised,
        except DependencyUnavailable when the session store itself is down."""
        message = clean(raw)
        if not message:
            return Answer(session_id, [Reply(text.EMPTY)])
        if len(message) > self._limits.max_chars:
            return Answer(session_id, [Reply(text.TOO_LONG.format(limit=self._limits.max_chars))])
        limits = self._limits
        if not await self._limiter.allow(
            f"s:{session_ref(session_id)}", limits.messages_per_window, limits.window_seconds
        ):
            return Answer(session_id, [Reply(text.TOO_FAST)])
        async with self._sessions_in_turn.hold(session_id):  # one turn at a time per session
            with TURN_SECONDS.labels(channel).time():
                return await self._say(session_id, message, channel)

    async def _say(self, session_id: str, message: str, channel: str) -> Answer:
        TURNS.labels(channel).inc()
        found = await self._sessions.load(session_id)
        if found is None and channel in OPENED_CHANNELS:
            # The page opened this session, so it existed: it expired while the page stayed
            # open, or Redis lost it. What was said answers a question of the lost conversation;
            # it is kept in the new transcript, but not taken as an answer to the new one.
            record = SessionRecord()
            record.say("resident", message, self._clock().isoformat(timespec="seconds"))
            turn = await self._begin(record, channel, lost=True)
            await self._sessions.save(session_id, record)
            return Answer(session_id=session_id, replies=list(turn.replies))
        record = found or SessionRecord()
        ctx = await self._context(record, channel)
        replies: list[Reply] = []
        state = self._state(record)
        if state is None:
            if record.dialog is not None:
                replies.append(Reply(text.RESTARTED))
            opening = begin(ctx)
            state = opening.state
            if record.dialog is None and not record.has_history:
                replies.extend(opening.replies)
        # Into the transcript first: a caseworker taking over must see what made them ask.
        record.say("resident", message, ctx.now.isoformat(timespec="seconds"))
        parse = self._nlu.parse(message, state.expecting)
        turn = respond(state, parse, ctx)
        turn = await self._act(session_id, record, turn, ctx, before=state)
        replies.extend(turn.replies)
        self._remember(record, Turn(turn.state, tuple(replies), ()), None, ctx.now)
        await self._sessions.save(session_id, record)
        return Answer(
            session_id=session_id,
            replies=replies,
            application_ids=[a["application_id"] for a in record.applications],
        )

    async def _act(
        self, session_id: str, record: SessionRecord, turn: Turn, ctx: DialogContext,
        *, before: DialogState,
    ) -> Turn:  # fmt: skip
        replies = list(turn.replies)
        state = turn.state
        for action in turn.actions:
            if isinstance(action, SubmitApplication):
                try:
                    reference = await self._publisher.submit_application(action.payload)
                except DependencyUnavailable:
                    log.warning("could not accept an application: the outbox is unavailable")
                    # Back to the confirmation: the resident says "是" again once we are back.
                    return Turn(before, (Reply(text.SUBMIT_FAILED),), ())
                record.applications.append(
                    {
                        "application_id": str(action.payload["application_id"]),
                        "reference": reference,
                    }
                )
                after = submitted(state, reference)
                state = after.state
                replies = [*replies, *after.replies]
            elif isinstance(action, RequestHandoff):
                await self._hand_off(session_id, record, action, ctx, state)
        return Turn(state, tuple(replies), ())

    async def _hand_off(
        self, session_id: str, record: SessionRecord, action: RequestHandoff,
        ctx: DialogContext, state: DialogState,
    ) -> None:  # fmt: skip
        HANDOFFS.labels(action.reason).inc()
        try:  # what was said before this turn, then this turn's words
            transcript = await self._sessions.transcript(session_id) + record.unsaved
        except DependencyUnavailable:
            transcript = record.unsaved
        ref = session_ref(session_id)
        requested_at = ctx.now.isoformat(timespec="seconds")
        data: dict[str, Any] = {
            "handoff_id": stable_id(ref, "handoff", requested_at),
            "session_ref": ref,
            "channel": ctx.channel,
            "reason": action.reason,
            "transcript": [t | {"text": t["text"][:2000]} for t in transcript[-200:]]
            or [{"from": "bot", "text": "（对话刚开始）", "at": requested_at}],
            "requested_at": requested_at,
        }
        district = state.district if hasattr(state, "district") else None
        if isinstance(district, str):
            data["district"] = district
            data["district_group"] = str(group_of(district))
        if record.applications:
            data["application_id"] = record.applications[-1]["application_id"]
        event = new_event(EventType.HANDOFF_REQUESTED, source=SOURCE, subject=ref,
                          data=data, event_id=data["handoff_id"])  # fmt: skip
        try:
            await self._publisher.publish(self._handoffs_topic, ref, event)
        except DependencyUnavailable:
            log.warning("could not queue a handoff request: the outbox is unavailable")

    async def notices(self, application_ids: list[str]) -> list[dict[str, Any]]:
        """The notices of these applications; empty when they cannot be read right now."""
        try:
            return await self._notices.notices(application_ids)
        except DependencyUnavailable:
            return []

    async def inbox(self, session_id: str) -> list[dict[str, Any]] | None:
        """The resident's notices (of the applications this session submitted), or None when
        no such session exists. Raises DependencyUnavailable when Redis is down."""
        record = await self._sessions.load(session_id)
        if record is None:
            return None
        return await self._notices.notices([a["application_id"] for a in record.applications])

    async def acknowledge(self, session_id: str, notice_id: str) -> bool:
        """Record that the resident has seen ``notice_id``; False unless it is one of theirs."""
        record = await self._sessions.load(session_id)
        if record is None:
            return False
        for application in record.applications:
            if await self._notices.acknowledge(application["application_id"], notice_id):
                return True
        return False

    def _state(self, record: SessionRecord) -> DialogState | None:
        if record.dialog is None:
            return None
        try:
            return DialogState.from_dict(record.dialog)
        except ValueError:
            return None  # saved by an older, incompatible version: start over, and say so

    async def _context(self, record: SessionRecord, channel: str) -> DialogContext:
        now = self._clock()
        notices: list[dict[str, Any]] = []
        if record.applications:
            ids = [a["application_id"] for a in record.applications]
            try:
                notices = await self._notices.notices(ids)
            except DependencyUnavailable:
                log.warning("notices unavailable; answering without them")
        return DialogContext(
            now=now,
            channel=channel,
            new_application_id=self._new_application_id,
            policy=self._policy(now.date()),
            notices=notices,
        )

    @staticmethod
    def _remember(record: SessionRecord, turn: Turn, said: str | None, now: datetime) -> None:
        at = now.isoformat(timespec="seconds")
        if said is not None:
            record.say("resident", said, at)
        for reply in turn.replies:
            record.say("bot", reply.text, at)
        record.dialog = turn.state.to_dict()
