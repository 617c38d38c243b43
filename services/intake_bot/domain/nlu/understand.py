"""``Understanding``: one resident message (and what the bot asked) in, an intent and slots out.

``load_understanding`` builds it once per process: the jieba dictionary with the domain words
takes most of a second to load, so it is loaded before the first resident arrives, and warmed
with one parse so the first message does not pay for jieba's lazy set-up either.
"""

from __future__ import annotations

import functools
from typing import Any

import jieba

from services.intake_bot.domain.understanding import CONTRACT_SLOTS, EXPECTABLE, Parse

from .circumstances import extra_slots
from .identity import read_identity, spoken_digits
from .intents import classify
from .lexicon import build_tokenizer
from .names import Surnames, find_name, load_surnames
from .needs import find_emergency, find_program
from .places import find_district, find_residence
from .quantities import number_slots
from .text import normalise

# Frequency in jieba's dictionary from which a word is taken as a word, not a name.
COMMON_WORD_FREQ = 300
# Used to warm the tokenizer and the regular expressions at start-up.
WARM_UP_MESSAGE = "你好，我叫王秀英，住开县农村，一家三口，每个月收入两千五，想申请低保"


class Understanding:
    """The intake NLU. Pure: no I/O after construction, safe to share within a process."""

    def __init__(self, tokenizer: jieba.Tokenizer, surnames: Surnames) -> None:
        self._tokenizer = tokenizer
        self._surnames = surnames

    def _is_common_word(self, word: str) -> bool:
        """Whether jieba's dictionary knows ``word`` as a frequent word (农村, 马上, 于是);
        the names of ordinary residents are not in it or are rare."""
        return int(self._tokenizer.FREQ.get(word) or 0) >= COMMON_WORD_FREQ

    def parse(self, text: str, expecting: str | None = None) -> Parse:
        """The intent and slots of one message. ``expecting`` is the slot the bot asked for,
        or ``confirm``; anything else is ignored. Never raises on any text."""
        if expecting not in EXPECTABLE:
            expecting = None
        normal = spoken_digits(normalise(text))
        slots, masked = read_identity(normal, expecting)
        name = find_name(masked, self._surnames, expecting, self._is_common_word)
        if name is not None:
            slots["name"] = name
        tokens = list(self._tokenizer.tokenize(masked))
        district = find_district(masked, tokens)
        if district is not None:
            slots["district"] = district
        residence = find_residence(masked)
        if residence is not None:
            slots["residence"] = residence
        slots.update(number_slots(masked, expecting))
        # A medical bill the resident brings up is an expense emergency; an amount given because
        # the bot asked for it says nothing new about what happened.
        spent = "medical_expense" in slots and expecting != "medical_expense"
        emergency = find_emergency(masked, spent)
        if emergency is not None:
            slots["emergency"] = emergency
        program = find_program(masked, emergency)
        if program is not None:
            slots["program"] = program
        slots.update({k: v for k, v in extra_slots(masked, expecting).items() if k not in slots})

        intent = classify(normal, slots, expecting)
        return Parse(intent=intent, slots=_ordered(slots))


def _ordered(slots: dict[str, Any]) -> dict[str, Any]:
    """Contract slots first, in the contract's order, then the extra ones."""
    first = {k: slots[k] for k in CONTRACT_SLOTS if k in slots}
    return {**first, **{k: v for k, v in slots.items() if k not in first}}


@functools.cache
def load_understanding() -> Understanding:
    """The process's ``Understanding``: built on first call (about a second), then shared."""
    understanding = Understanding(build_tokenizer(), load_surnames())
    understanding.parse(WARM_UP_MESSAGE)
    return understanding
