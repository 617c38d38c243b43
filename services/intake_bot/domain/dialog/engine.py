"""The conversation: one resident message (already understood) in, one ``Turn`` out.

Pure: the state passed in is never changed, time and ids come from the context. The rules a
counter clerk would follow:

* take every fact a message carries, then ask the next thing still missing;
* a correction simply overwrites (and is acknowledged);
* an answer that cannot be used gets one bubble saying what is wrong and asking again; the
  third in a row on the same question offers a person;
* questions about the rules, status and small talk are answered, then the pending question is
  asked again so the resident knows where they were;
* nothing is submitted before the resident has seen the summary and said yes.
"""

from __future__ import annotations

from collections.abc import Callable

from services.common.programs import PROGRAM_NAMES
from services.intake_bot.domain.understanding import Intent, Parse

from . import messages as m
from .absorb import Absorbed, Trouble, absorb
from .ask import ask
from .model import DialogContext, Reply, RequestHandoff, SubmitApplication, Turn
from .payload import build_payload
from .people import today
from .plan import next_question
from .policy_answer import policy_answer
from .questions import YES_NO, Question
from .state import DialogState, Draft, SubmittedApplication
from .status import status_text

MAX_FAILURES = 3

# Slots that carry facts for the application (anything else, such as ``age``, does not).
FACT_SLOTS = frozenset(
    {
        "name",
        "id_number",
        "id_number_invalid",
        "phone",
        "district",
        "residence",
        "household_size",
        "monthly_income",
        "savings",
        "relation",
        "disability_grade",
        "disability_kind",
        "serious_illness",
        "able_supporter",
        "parents",
        "in_institution",
        "program",
        "emergency",
        "medical_expense",
    }
)

# The draft fields that answer each question (a value in any of them is an answer).
ANSWERED_BY: dict[Question, frozenset[str]] = {
    **{q: frozenset({str(q)}) for q in Question},
    Question.HAS_DISABILITY: frozenset({"has_disability", "disability_grade", "disability_kind"}),
    Question.CONFIRM: frozenset(),
    Question.FIX: frozenset(),
}


def begin(ctx: DialogContext) -> Turn:
    """A new conversation: greeting and the first question."""
    return _start(DialogState(), None, ctx, m.GREETING)


def respond(state: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    s = state.copy()
    if s.draft is None:
        s.asking = None
    elif s.asking is None:
        s.asking = next_question(s.draft, ctx.policy, today(ctx.now))
    if s.offer is not None:
        reason, s.offer = s.offer, None
        # Tapping "转人工" (human) or saying 好 (affirm) accepts the person offered.
        if parse.intent is Intent.HUMAN or (
            parse.intent is Intent.AFFIRM and not _has_facts(parse)
        ):
            return _handoff(s, reason)
        s.failures = 0
        if parse.intent in _NON_ANSWERS and not _has_facts(parse):
            return _again(s, ctx, m.RETRY)
    return _HANDLERS[parse.intent](s, parse, ctx)


def submitted(state: DialogState, reference: str) -> Turn:
    """The service layer published (or queued) the application the last turn submitted."""
    s = state.copy()
    waiting = [a for a in s.applications if a.reference is None]
    if not waiting:
        raise ValueError("no submitted application is waiting for its reference")
    waiting[-1].reference = reference
    replies = (Reply(m.SUBMITTED.format(reference=reference)), Reply(m.NEXT_STEPS))
    return Turn(s, replies)


# --- starting and continuing ---


def _start(s: DialogState, parse: Parse | None, ctx: DialogContext, intro: str) -> Turn:
    """A fresh application, taking whatever facts the opening message already carries."""
    on = today(ctx.now)
    s.draft, s.asking, s.failures, s.offer = Draft(), None, 0, None
    prefix = ""
    if parse is not None and parse.slots:
        absorbed = absorb(s.draft, parse.slots, asking=None, on=on)
        prefix = _trouble(absorbed)
    s.asking = next_question(s.draft, ctx.policy, on)
    return Turn(s, (Reply(intro), ask(s.asking, s.draft, ctx.policy, on, prefix)))


def _again(s: DialogState, ctx: DialogContext, prefix: str = "") -> Turn:
    """Say ``prefix`` and put the pending question again (or, with nothing pending, offer to
    start)."""
    return Turn(s, (_pending(s, ctx, prefix),))


def _pending(s: DialogState, ctx: DialogContext, prefix: str = "") -> Reply:
    if s.draft is None or s.asking is None:
        return Reply(prefix + m.HOW_TO_APPLY, (m.APPLY_BUTTON,))
    return ask(s.asking, s.draft, ctx.policy, today(ctx.now), prefix)


def _has_facts(parse: Parse) -> bool:
    return not FACT_SLOTS.isdisjoint(parse.slots)


# --- intents ---


def _on_apply(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    if s.draft is None:
        program = parse.slots.get("program")
        name = PROGRAM_NAMES.get(program, "") if isinstance(program, str) else ""
        return _start(s, parse, ctx, m.START.format(program=name))
    return _take(s, parse, ctx, count_failure=False)


def _on_answer(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    """inform, affirm, deny — and greetings or thanks that carry facts."""
    if s.draft is None or s.asking is None:
        if not _has_facts(parse):
            return Turn(s, (Reply(m.WHAT_CAN_I_DO, (m.APPLY_BUTTON, m.STATUS_BUTTON)),))
        if s.applications:
            return Turn(s, (Reply(m.ALREADY_SUBMITTED, (m.HUMAN_BUTTON, m.APPLY_BUTTON)),))
        return _start(s, parse, ctx, m.START.format(program=""))
    if _has_facts(parse):
        return _take(s, parse, ctx, count_failure=True)
    asking, yes = s.asking, parse.intent is Intent.AFFIRM
    if asking is Question.CONFIRM and parse.intent in {Intent.AFFIRM, Intent.DENY}:
        return _submit(s, ctx) if yes else _move_to(s, ctx, Question.FIX)
    if asking is Question.FIX and yes:
        return _move_to(s, ctx, Question.CONFIRM)
    if asking in YES_NO and parse.intent in {Intent.AFFIRM, Intent.DENY}:
        _yes_or_no(s.draft, asking, yes)
        return _move_to(s, ctx, next_question(s.draft, ctx.policy, today(ctx.now)))
    wrong = m.TELL_ME_WHAT_IS_RIGHT if parse.intent is Intent.DENY else m.TROUBLE[Trouble.UNCLEAR]
    return _failed(s, ctx, wrong)


def _on_greet(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    if s.draft is not None and _has_facts(parse):
        return _on_answer(s, parse, ctx)
    if s.draft is not None:
        return _again(s, ctx, m.HELLO_AGAIN)
    if s.applications:
        return Turn(s, (Reply(m.HELLO_AFTER_SUBMISSION, (m.STATUS_BUTTON, m.APPLY_BUTTON)),))
    return _start(s, parse, ctx, m.GREETING)


def _on_thanks(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    if s.draft is not None and _has_facts(parse):
        return _on_answer(s, parse, ctx)
    if s.draft is None:
        return Turn(s, (Reply(m.THANKS_IDLE),))
    return _again(s, ctx, m.THANKS)


def _on_out_of_scope(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    return _failed(s, ctx, m.OUT_OF_SCOPE, reason="out_of_scope")


def _on_ask_policy(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    answer = Reply(policy_answer(parse.slots, ctx.policy))
    return Turn(s, (answer, _pending(s, ctx)))


def _on_check_status(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    text = status_text(s, ctx.notices)
    if text is None:
        if s.draft is None:
            return Turn(s, (Reply(m.NOT_SUBMITTED, (m.APPLY_BUTTON,)),))
        return Turn(s, (Reply(m.NOT_SUBMITTED), _pending(s, ctx)))
    if s.draft is None:
        return Turn(s, (Reply(text),))
    return Turn(s, (Reply(text), _pending(s, ctx)))


def _on_cancel(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    if s.draft is not None:
        # Everything the resident typed for this application is dropped, not kept "just in case".
        s.draft, s.asking, s.failures = None, None, 0
        return Turn(s, (Reply(m.CANCELLED, (m.APPLY_BUTTON,)),))
    if s.applications:
        return Turn(s, (Reply(m.CANNOT_WITHDRAW, (m.HUMAN_BUTTON,)),))
    return Turn(s, (Reply(m.NOTHING_TO_CANCEL, (m.APPLY_BUTTON,)),))


def _on_human(s: DialogState, parse: Parse, ctx: DialogContext) -> Turn:
    return _handoff(s, "asked")


def _handoff(s: DialogState, reason: str) -> Turn:
    s.failures, s.offer = 0, None
    return Turn(s, (Reply(m.HANDED_OFF),), (RequestHandoff(reason),))


# --- answers ---


def _take(s: DialogState, parse: Parse, ctx: DialogContext, *, count_failure: bool) -> Turn:
    """Write the parse's facts into the draft and go on with the next missing thing."""
    assert s.draft is not None
    assert s.asking is not None
    on = today(ctx.now)
    asking = s.asking
    correcting = parse.intent is Intent.DENY
    absorbed = absorb(s.draft, parse.slots, asking=asking, on=on, correcting=correcting)
    answered = ANSWERED_BY[asking]
    missed = any(p.field in answered for p in absorbed.problems) or not absorbed.filled
    if missed and count_failure:
        return _failed(s, ctx, _trouble(absorbed) or m.TROUBLE[Trouble.UNCLEAR])
    following = next_question(s.draft, ctx.policy, on)
    if asking is Question.FIX and not absorbed.filled:
        following = Question.FIX  # nothing changed yet: still waiting for the correction
    prefix = _trouble(absorbed)
    if not prefix and absorbed.corrected:
        prefix = m.CORRECTED
    elif not prefix and following is asking:
        prefix = m.NOTED  # facts for later questions: say they were heard, then ask again
    return _move_to(s, ctx, following, prefix)


def _move_to(s: DialogState, ctx: DialogContext, question: Question, prefix: str = "") -> Turn:
    if question is not s.asking:
        s.failures = 0
    s.asking = question
    assert s.draft is not None
    return Turn(s, (ask(question, s.draft, ctx.policy, today(ctx.now), prefix),))


def _failed(
    s: DialogState, ctx: DialogContext, prefix: str, reason: str = "repeated_failures"
) -> Turn:
    """One bubble: what was wrong, then the question again — or, the third time, a person."""
    s.failures += 1
    if s.failures >= MAX_FAILURES:
        s.offer = reason
        return Turn(s, (Reply(prefix + m.OFFER_PERSON, m.OFFER_OPTIONS),))
    return _again(s, ctx, prefix)


def _submit(s: DialogState, ctx: DialogContext) -> Turn:
    assert s.draft is not None
    payload = build_payload(s.draft, ctx, today(ctx.now))
    s.applications.append(SubmittedApplication(application_id=payload["application_id"]))
    s.draft, s.asking, s.failures = None, None, 0
    return Turn(s, (Reply(m.SUBMITTING),), (SubmitApplication(payload),))


def _yes_or_no(draft: Draft, question: Question, yes: bool) -> None:
    if question is Question.RELATION:
        # Who exactly does not matter to the rules; "for someone else" does.
        draft.relation = "self" if yes else "other"
        if yes:
            draft.beneficiary_name = draft.beneficiary_id = None
    elif question is Question.HAS_DISABILITY:
        draft.has_disability = yes
        if not yes:
            draft.disability_grade, draft.disability_kind = 0, None
    elif question is Question.IN_INSTITUTION:
        draft.in_institution = yes
    elif question is Question.ABLE_SUPPORTER:
        draft.able_supporter = yes
    elif question is Question.SERIOUS_ILLNESS:
        draft.serious_illness = yes


def _trouble(absorbed: Absorbed) -> str:
    return m.TROUBLE[absorbed.problems[0].trouble] if absorbed.problems else ""


_NON_ANSWERS = frozenset({Intent.DENY, Intent.INFORM, Intent.OUT_OF_SCOPE, Intent.GREET})

_Handler = Callable[[DialogState, Parse, DialogContext], Turn]
_HANDLERS: dict[Intent, _Handler] = {
    Intent.GREET: _on_greet,
    Intent.APPLY: _on_apply,
    Intent.ASK_POLICY: _on_ask_policy,
    Intent.CHECK_STATUS: _on_check_status,
    Intent.INFORM: _on_answer,
    Intent.AFFIRM: _on_answer,
    Intent.DENY: _on_answer,
    Intent.CANCEL: _on_cancel,
    Intent.THANKS: _on_thanks,
    Intent.OUT_OF_SCOPE: _on_out_of_scope,
    Intent.HUMAN: _on_human,
}
