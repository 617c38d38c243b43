"""Text as the rest of the NLU reads it: one form for every way a phone keyboard can type it.

Residents type on full-width keyboards, paste from other apps (control and zero-width
characters come along) and write words by sound (底保 for 低保). Everything downstream matches
against this normal form, so it only has to know one spelling.
"""

from __future__ import annotations

import re
import unicodedata

# A chat message is never this long; capping it bounds the work a pasted essay can cause.
MAX_CHARS = 2000

# Homophones and slips seen in residents' messages, rewritten to the word they mean. Only
# forms that cannot be read as something else belong here.
TYPOS: dict[str, str] = {
    "底保": "低保",
    "低宝": "低保",
    "低报": "低保",
    "抵保": "低保",
    "滴保": "低保",
    "五包": "五保",
    "护里补贴": "护理补贴",
    "护里费": "护理费",
    "临时求助": "临时救助",
    "急难求助": "急难救助",
    "事实无人扶养": "事实无人抚养",
    "无人扶养": "无人抚养",
    "残废": "残疾",
    "身份正": "身份证",
    "身分证": "身份证",
}
_TYPO_RE = re.compile("|".join(sorted(map(re.escape, TYPOS), key=len, reverse=True)))

# Sentence and clause punctuation after NFKC (full-width ，？！；： become ASCII).
CLAUSE_BREAKS = ",.;:!?。、…~\n"
_SPACE_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, no control or format characters, single spaces, lower-case Latin, typos fixed."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    kept = [" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text]
    text = _SPACE_RE.sub(" ", "".join(kept)).strip().lower()
    return _TYPO_RE.sub(lambda m: TYPOS[m.group(0)], text)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins (just after the previous break, or 0)."""
    for i in range(pos - 1, -1, -1):
        if text[i] in CLAUSE_BREAKS:
            return i + 1
    return 0


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (the next break, or the end of the text)."""
    for i in range(pos, len(text)):
        if text[i] in CLAUSE_BREAKS:
            return i
    return len(text)
