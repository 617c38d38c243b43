"""Resident ID numbers (居民身份证号码, GB 11643) and mobile phone numbers.

An ID is 17 digits and a check character, typed with spaces or dashes between groups and with
a lower-case x. It is accepted when the check character is right. The region code is not
checked: ``stdnum``'s ``validate`` rejects the older codes (510212 …) that residents born
before 1997 still carry, so only its checksum helper is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from stdnum.cn import ric

# One separator (space or dash) may sit between any two characters; the text is normalised,
# so runs of spaces are already single.
_ID_RE = re.compile(r"(?<![0-9a-z])(\d(?:[ -]?\d){16}[ -]?[\dx])(?![0-9a-z])")
_PHONE_RE = re.compile(r"(?<![0-9a-z])(?:\+?86[ -]?)?(1[ -]?[3-9](?:[ -]?\d){9})(?![0-9a-z])")
# A long digit string that is neither: a mistyped ID number (17 or 19 digits) when the
# resident says it is one.
_DIGITS_RE = re.compile(r"(?<![0-9a-z])\d(?:[ -]?\d){13,19}[x]?(?![0-9a-z])")


@dataclass(frozen=True, slots=True)
class Found:
    value: str
    start: int
    end: int


_SPOKEN_DIGITS = str.maketrans("零〇幺一二三四五六七八九", "001123456789")
# Voice input writes numbers read out digit by digit in characters (一三九零八三八…).
_SPOKEN_RE = re.compile(r"[零〇幺一二三四五六七八九]{11,}")


def spoken_digits(text: str) -> str:
    """``text`` with long runs of digit characters written as digits (same length)."""
    return _SPOKEN_RE.sub(lambda m: m.group(0).translate(_SPOKEN_DIGITS), text)


def find_id_numbers(text: str) -> list[Found]:
    """18-character ID numbers in ``text`` (separators removed, X upper-case), valid or not."""
    return [
        Found(re.sub(r"[ -]", "", m.group(1)).upper(), m.start(1), m.end(1))
        for m in _ID_RE.finditer(text)
    ]


def checksum_ok(number: str) -> bool:
    """Whether the 18th character is the GB 11643 check character of the first 17."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    # calc_check_digit ignores the last character of what it is given: pass all 18.
    return bool(ric.calc_check_digit(number) == number[17])


def find_phones(text: str) -> list[Found]:
    """Mainland mobile numbers (11 digits, 1[3-9]…), with an optional +86."""
    return [
        Found(re.sub(r"[ -]", "", m.group(1)), m.start(), m.end()) for m in _PHONE_RE.finditer(text)
    ]


def find_malformed_ids(text: str) -> list[Found]:
    """Digit strings of ID-like length that are not 18 characters (``text`` already masked)."""
    return [Found(m.group(0), m.start(), m.end()) for m in _DIGITS_RE.finditer(text)]


def read_identity(text: str, expecting: str | None) -> tuple[dict[str, Any], str]:
    """The ``id_number`` / ``id_number_invalid`` and ``phone`` slots of ``text`` (normalised),
    and ``text`` with those numbers blanked out so no later reader takes them for amounts."""
    slots: dict[str, Any] = {}
    ids = find_id_numbers(text)
    valid = [found.value for found in ids if checksum_ok(found.value)]
    if valid:
        slots["id_number"] = valid[-1]
    elif ids:
        slots["id_number_invalid"] = True  # the dialog asks the resident to check it
    text = mask(text, ids)
    phones = find_phones(text)
    if phones:
        slots["phone"] = phones[-1].value
    text = mask(text, phones)
    malformed = find_malformed_ids(text)
    if malformed and not ids and (expecting == "id_number" or "身份证" in text):
        slots["id_number_invalid"] = True
    return slots, mask(text, malformed)


def mask(text: str, spans: list[Found]) -> str:
    """``text`` with the found numbers blanked out, so nothing reads their digits again."""
    chars = list(text)
    for found in spans:
        chars[found.start : found.end] = "_" * (found.end - found.start)
    return "".join(chars)
