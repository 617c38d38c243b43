"""Where the household lives: one of the 38 区县 and whether its 户口 is urban or rural.

Districts are looked up on jieba's tokens (the tokenizer knows every district name), not on
raw substrings: 开县 is a former county but 离开县城 is "leaving town".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.common import districts

from .terms import NEGATIONS, Terms, negated
from .vocabulary import RESIDENCE

Token = tuple[str, int, int]  # jieba's (word, start, end)

_RESIDENCE = Terms(RESIDENCE)
# 不是江北是渝北: the last district not negated is the one meant.
_PLACE_NEGATIONS = ("不是", "不在", "不住")
# District names that are also words: 祝你健康长寿 is a wish, not 长寿区.
_NOT_A_PLACE: dict[str, re.Pattern[str]] = {
    "长寿": re.compile(r"(?:祝|健康|福寿|万寿)[^,.;。]{0,3}$"),
}
# jieba may split a name it has never seen in this context (酉阳/县); two or three tokens
# joined are tried too, longest first.
_MAX_JOIN = 3


def find_district(text: str, tokens: Sequence[Token]) -> str | None:
    """The canonical name of the district meant in ``text``, or None."""
    found: str | None = None
    i = 0
    while i < len(tokens):
        for span in range(min(_MAX_JOIN, len(tokens) - i), 0, -1):
            word = "".join(t[0] for t in tokens[i : i + span])
            district = districts.lookup(word) if word.strip() == word else None
            if district is not None:
                start = tokens[i][1]
                wish = _NOT_A_PLACE.get(word)
                if wish is not None and wish.search(text, 0, start):
                    district = None
                elif not negated(text, start, _PLACE_NEGATIONS):
                    found = district.name
                i += span - 1
                break
        i += 1
    return found


def find_residence(text: str) -> str | None:
    """``urban`` or ``rural`` by the words used for the 户口 or where the household lives.

    A 户口 named outright wins over a place word (农村户口能办城市低保不: rural); otherwise the
    one word not negated (不是城市是农村); both named (城市和农村一样不) is neither."""
    hits = _RESIDENCE.affirmed(text, NEGATIONS)
    registered = [
        h for h in hits if text.endswith("户口", h.start, h.end) or text.startswith("户口", h.end)
    ]
    if registered:
        return registered[-1].value
    if len({h.value for h in hits}) > 1:
        return None  # 城市和农村一样不: both named, neither is theirs
    return hits[-1].value if hits else None
