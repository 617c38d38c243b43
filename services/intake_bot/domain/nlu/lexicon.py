"""The jieba tokenizer with the intake domain's words: the lexicon shipped beside this module
and every name of the 38 区县 (canonical, former, short) from ``services.common.districts``."""

from __future__ import annotations

import logging
from importlib import resources

import jieba

from services.common.districts import ALIASES

LEXICON_FILE = "lexicon.txt"


def lexicon_words() -> list[tuple[str, str | None]]:
    """The shipped lexicon as (word, tag) pairs, comments and blank lines skipped."""
    text = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    words: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            words.append((fields[0], fields[1] if len(fields) > 1 else None))
    return words


def domain_words() -> list[tuple[str, str | None]]:
    """The lexicon plus the district names (tag ``ns``, a place name)."""
    return [*lexicon_words(), *((alias, "ns") for alias in ALIASES)]


def build_tokenizer() -> jieba.Tokenizer:
    """A tokenizer of its own (not jieba's global one), dictionary loaded, domain words added."""
    # jieba logs its dictionary loading at DEBUG on its own stderr handler; the batch CLI's
    # stderr is for errors.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, tag in domain_words():
        tokenizer.add_word(word, tag=tag)
    return tokenizer
