"""The intake conversation as a pure state machine.

The service layer keeps a ``DialogState`` per session (``to_dict`` / ``from_dict``), runs the
NLU on each message with ``state.expecting``, and calls::

    begin(ctx) -> Turn                               # greeting and the first question
    respond(state, parse, ctx) -> Turn               # one understood message
    submitted(state, reference) -> Turn              # after publishing a SubmitApplication
    policy_facts_from(book, on) -> PolicyFacts       # for DialogContext.policy

A ``Turn`` holds the new state, the replies to show (``Reply.options`` are quick-reply buttons)
and the actions to perform (``SubmitApplication``, ``RequestHandoff``).
"""

from .engine import begin, respond, submitted
from .model import (
    Action,
    DialogContext,
    PolicyFacts,
    Reply,
    RequestHandoff,
    SubmitApplication,
    Turn,
)
from .payload import PayloadBug
from .policy_facts import policy_facts_from
from .state import DialogState, UnreadableState

__all__ = [
    "Action",
    "DialogContext",
    "DialogState",
    "PayloadBug",
    "PolicyFacts",
    "Reply",
    "RequestHandoff",
    "SubmitApplication",
    "Turn",
    "UnreadableState",
    "begin",
    "policy_facts_from",
    "respond",
    "submitted",
]
