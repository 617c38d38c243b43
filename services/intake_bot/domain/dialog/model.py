"""The values the dialog exchanges with the service layer: what it needs (``DialogContext``),
what it says (``Reply``) and what it asks the service to do (``Action``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .state import DialogState

# Channels of the application event (schema ``application.submitted.v1``).
CHANNELS = frozenset({"palm", "fingertip", "counter"})

# Why a conversation is handed to a person.
HANDOFF_REASONS = frozenset({"asked", "repeated_failures", "out_of_scope"})


@dataclass(frozen=True, slots=True)
class Reply:
    """One chat bubble; ``options`` are the quick-reply buttons shown under it."""

    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SubmitApplication:
    """Publish this application (policy SPEC §2 payload, already validated)."""

    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RequestHandoff:
    """Put a person on this conversation: ``asked``, ``repeated_failures`` or ``out_of_scope``."""

    reason: str

    def __post_init__(self) -> None:
        if self.reason not in HANDOFF_REASONS:
            raise ValueError(f"unknown handoff reason {self.reason!r}")


Action = SubmitApplication | RequestHandoff


@dataclass(frozen=True, slots=True)
class PolicyFacts:
    """The policy version in force today: parameter name → value (``dibao.standard.urban`` …).

    The dialog reads standards for answers and thresholds (ages, the marginal band) to decide
    which questions apply; a value that is missing is never guessed: the answer leaves it out
    and the question is asked.
    """

    version: str
    effective_from: date
    values: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))


@dataclass(frozen=True, slots=True)
class DialogContext:
    """Everything from outside a turn needs: time and ids come in here, never from a clock."""

    now: datetime
    channel: str
    new_application_id: Callable[[], str]
    policy: PolicyFacts
    notices: Sequence[Mapping[str, Any]] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        # The local date decides ages and the payload needs an offset: a naive time is a bug.
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("DialogContext.now must be timezone-aware")
        if self.channel not in CHANNELS:
            raise ValueError(f"unknown channel {self.channel!r}")


@dataclass(frozen=True, slots=True)
class Turn:
    """The bot's answer to one message: the new state, what to show, what to do."""

    state: DialogState
    replies: tuple[Reply, ...]
    actions: tuple[Action, ...] = ()
