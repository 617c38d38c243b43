"""Finding a table's words in a message: leftmost-longest, with a look back for negation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Words that, right before a term, say the resident means the opposite (不是城市是农村).
NEGATIONS: tuple[str, ...] = ("不是", "不在", "没有", "没得", "莫得", "没", "无", "不")


@dataclass(frozen=True, slots=True)
class Hit:
    value: str
    start: int
    end: int


class Terms:
    """Words (surface forms) that each mean a canonical value."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        # Longest first, so 低保边缘户 wins over 低保 where both start.
        alternatives = sorted(self.table, key=len, reverse=True)
        self._re = re.compile("|".join(map(re.escape, alternatives)))

    def hits(self, text: str) -> list[Hit]:
        return [Hit(self.table[m.group(0)], m.start(), m.end()) for m in self._re.finditer(text)]

    def affirmed(self, text: str, negations: Iterable[str] = NEGATIONS) -> list[Hit]:
        """The hits not directly negated."""
        return [h for h in self.hits(text) if not negated(text, h.start, negations)]

    def last(self, text: str, negations: Iterable[str] = NEGATIONS) -> str | None:
        """The value of the last hit not negated: a resident's correction comes last."""
        found = self.affirmed(text, negations)
        return found[-1].value if found else None


def negated(text: str, start: int, negations: Iterable[str] = NEGATIONS) -> bool:
    before = text[max(0, start - 3) : start]
    return any(before.endswith(word) for word in negations)


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words`` (longest first)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
