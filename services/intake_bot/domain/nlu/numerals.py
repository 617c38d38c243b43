"""Numbers as residents write them: 2500, 两千五, 一万二, 1.2万, 2千5, 三千二百, 八百来块, 千把块.

``cn2an`` reads the common forms (it does turn 两千五 into 2500) but not 1万2, 2千5, 一点五万,
千把块 or ranges such as 两三千, and it rewrites words that merely contain a numeral (一直 →
1直). So numbers are read here, by one small evaluator over digit and unit tokens, and a run of
numerals only counts as a number where a resident would mean one (not in 五保, 万州, 一起).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8,
    "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_HAN_NUMERALS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PIECE = rf"(?:{_ARABIC}|[{_HAN_NUMERALS}])"
# 多/来/余/几 may sit inside a run (二十多万, 十来万, 十几万); they are read below.
_RUN_RE = re.compile(rf"{_PIECE}(?:[多来余几]?{_PIECE})*")
_TOKEN_RE = re.compile(rf"{_ARABIC}|.", re.DOTALL)

# After a single numeral character these make it a count or an amount (一个, 两口, 三级, 五岁);
# otherwise a lone 一/五/万 is part of a word (一起, 五保, 万州).
_COUNTERS = "个口人级岁块元年月周天次万千百"
# After a leading unit these mean "about one unit" (千把块, 百来块); 万州 and 千万 are words.
_ABOUT_ONE = "把来"
# Nothing a resident tells us comes near this; longer digit strings are codes or noise.
_TOO_BIG = 1e12


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in the text: its value and where it is (``end`` is exclusive)."""

    value: float
    start: int
    end: int


def find_numbers(text: str) -> list[Mention]:
    """Every number a resident means in ``text``, left to right."""
    found: list[Mention] = []
    for match in _RUN_RE.finditer(text):
        start, end = match.span()
        run = match.group(0).rstrip("点")
        end = start + len(run)
        if not run or not _is_number_here(text, start, end):
            continue
        value = parse_number(run)
        if value is not None and math.isfinite(value) and value < _TOO_BIG:
            found.append(Mention(value, start, end))
    return found


def _is_number_here(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    run = text[start:end]
    if before == "第" or "几" in (before, after):  # 第一 is an order; 几十万 is not a figure
        return False
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return False  # part of a code such as YZ20240312-3F9A1C
    if run[0] in "百佰千仟万亿":
        return after in _ABOUT_ONE
    if len(run) == 1 and not run.isdigit():
        return after in _COUNTERS or (start == 0 and end == len(text))
    return True


def parse_number(run: str) -> float | None:
    """The value of one run of numerals, or None when it is not a definite number."""
    if "几" in run:
        return None
    tokens = _TOKEN_RE.findall(run.replace("多", "").replace("来", "").replace("余", ""))
    total = 0.0  # completed 万 / 亿 sections
    section = 0.0  # the part below the current 万
    number: float | None = None
    last_unit = 0
    placeholder_zero = False  # 一百零八: a zero after a unit turns off 两千五-style elision
    prev_digit: int | None = None  # the previous token, when it was a single numeral digit
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok == "点":
            fraction = ""
            while i < len(tokens) and tokens[i] in _DIGITS:
                fraction += str(_DIGITS[tokens[i]])
                i += 1
            if number is None or not fraction:
                return None
            number += float("0." + fraction)
            prev_digit = None
        elif tok in _DIGITS:
            digit = _DIGITS[tok]
            if digit == 0 and prev_digit is None:
                placeholder_zero = True
                number = None
                continue
            if prev_digit is not None and number is not None:
                number = _join_digits(number, prev_digit, digit)
            else:
                number = float(digit)
            prev_digit = digit
        elif tok in _SMALL_UNITS:
            unit = _SMALL_UNITS[tok]
            section += (1.0 if number is None else number) * unit
            number, last_unit, placeholder_zero, prev_digit = None, unit, False, None
        elif tok in _BIG_UNITS:
            unit = _BIG_UNITS[tok]
            part = section + (number or 0.0)
            total = (
                (total + (part or 1.0)) * unit if unit > 10_000 else total + (part or 1.0) * unit
            )
            section, number, last_unit, placeholder_zero, prev_digit = 0.0, None, unit, False, None
        else:  # Arabic digits
            number = float(tok.replace(",", ""))
            prev_digit = None
    if number is not None:
        elided = last_unit >= 100 and not placeholder_zero and number < 10
        section += number * last_unit / 10 if elided else number  # 两千五, 一万二, 2千5
    return total + section


def _join_digits(number: float, prev: int, digit: int) -> float:
    """两三 / 七八 (a range: its middle) or 一九五五 (digits read one by one)."""
    if number == prev and (digit == prev + 1 or (prev, digit) == (1, 2)):
        return (prev + digit) / 2
    return number * 10 + digit
