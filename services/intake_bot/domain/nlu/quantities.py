"""Slots that are numbers: household size, age, disability grade, income, savings, medical cost.

Each number found in the message is read by its surroundings in the same clause: the unit after
it (岁, 口人, 级, 块), the cue words around it (收入, 存款, 医药费) and the period (一年 → divided
by 12). A number with nothing around it is read as what the bot asked for (``expecting``).
Zero amounts are phrases, not numbers (没有收入, 莫得存款, 一分钱都没有). When a slot is said
twice the last one wins: residents correct themselves (收入不是两千，是一千五) — except age,
where a second age is someone else's (我62岁，老伴也六十多了).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .numerals import Mention, find_numbers
from .terms import any_of
from .text import CLAUSE_BREAKS, clause_end, clause_start
from .vocabulary import EMERGENCIES

MONEY_SLOTS = ("monthly_income", "savings", "medical_expense")
NUMBER_SLOTS = ("household_size", "age", "disability_grade", *MONEY_SLOTS)

_INCOME_CUES = ("收入", "工资", "挣", "赚", "退休金", "养老金", "月入", "年入", "进账", "薪水")
_SAVINGS_CUES = (
    "存款", "存了", "存折", "积蓄", "存钱", "存的", "银行里", "银行卡", "余额", "理财", "定期",
    "家底",
)  # fmt: skip
_MEDICAL_CUES = (
    "医疗费", "医药费", "药费", "治疗费", "手术费", "住院费", "看病", "治病", "住院", "手术",
    "医院", "治疗",
)  # fmt: skip
_MONEY_CUES: dict[str, str] = {
    **dict.fromkeys(_INCOME_CUES, "monthly_income"),
    **dict.fromkeys(_SAVINGS_CUES, "savings"),
    **dict.fromkeys(_MEDICAL_CUES, "medical_expense"),
}
_CUE_RE = any_of(_MONEY_CUES)
# 花了二十万 is a medical bill when the message is about an illness or an injury.
_SPENT_RE = re.compile(r"(?:花了|花费了?|花掉了?|用了|用掉了?)(?:大概|差不多|将近)?$")
_MEDICAL_CONTEXT_RE = any_of((
    *(w for w, kind in EMERGENCIES.items() if kind in ("illness", "accident")), "病", "医", "药",
))  # fmt: skip
_ANNUAL_RE = re.compile(r"年收入|年入|年均|一年|每年|全年|去年")
_MONTHLY_RE = re.compile(r"月")
_MONEY_UNIT_RE = re.compile(r"(?:多|来|左右|出头)?(?:块|元|万|千|百)")

# What follows a number that makes it a duration, date, ordinal or address, not a fact we want.
_NOT_A_QUANTITY = (
    "年", "月", "个月", "天", "周", "个星期", "星期", "次", "号", "日", "点", "分", "个小时",
    "小时", "倍", "%", "成", "楼", "栋", "单元", "组", "社", "层", "个娃", "个孩子", "个小孩",
    "个儿子", "个女儿", "个孙", "辆", "套", "间", "亩", "头", "只",
)  # fmt: skip
# …but 存款两万年收入三万 runs the next cue straight on.
_NEXT_CUES = ("年收入", "年入", "年纪", "年龄", "年均", "月收入", "月入")
_AGE_AFTER_RE = re.compile(r"(?:多|来)?(?:周岁|岁)")
_AGE_BEFORE_RE = re.compile(r"(?:今年|年龄|年纪|岁数)(?:是|有|已经|都|快|才|满)?$")
_AGE_ALONE_RE = re.compile(r"多了|了(?:$|[" + re.escape(CLAUSE_BREAKS) + r" 吧啊哦噻嘛还都])")
# 只有我一个人挣钱 counts earners, not the household.
_EARNING = "挣|赚|上班|打工|干活|工作|养|带|在外|出去|出门"
_HOUSEHOLD_AFTER_RE = re.compile(
    rf"(?:口人|口之家|口子|个人(?!{_EARNING})|口(?!气|饭|水|价|音)|人(?!民|{_EARNING}))"
)
_HOUSEHOLD_COUNT_RE = re.compile(rf"个(?!月|星期|小时|娃|孩|小孩|儿子|女儿|孙|人(?:{_EARNING}))")
_HOUSEHOLD_CONTEXT_RE = re.compile(r"家|户|屋头|一共|总共|我们|就我|只有|我和|老两|两口")
_HOUSEHOLD_BEFORE_RE = re.compile(r"(?:人口|家庭成员|家庭人数|人数)(?:是|有|一共|共|总共)?$")
_HOUSEHOLD_TOPIC_RE = re.compile(r"人数|人口|几个人|几口人")  # 那个人数错了，五个
_GRADE_AFTER_RE = re.compile(r"级")
_NEGATED_BEFORE = ("不是", "不对", "而不是")
# 每人每月三百: a per-person figure, not the household's.
_PER_PERSON_RE = re.compile(r"每人|人均|每个人|一人一个月")
# 1952年出生: the dialog works the age out; the parse keeps the year (an extra slot).
_BIRTH_AFTER_RE = re.compile(r"年(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:出生|生的|生人|生)")

_ZERO_INCOME_RE = re.compile(
    r"(?:没有|没得|莫得|没|无|零)(?:任何|啥子|什么|一点)?(?:经济)?(?:收入|工资|进账)"
    r"|收入(?:为|是|都|也)?(?:零|0|没有|没得|莫得|无)"
    r"|一分钱?(?:收入)?都(?:没有|没得|莫得|没)|零收入"
)
_ZERO_SAVINGS_RE = re.compile(
    r"(?:没有|没得|莫得|没|无)(?:任何|啥子|什么|一点)?(?:存款|积蓄|存折|钱存|存钱)"
    r"|(?:存款|积蓄)(?:为|是|都|也)?(?:零|0|没有|没得|莫得|无)"
    r"|一分钱?(?:存款|积蓄)都(?:没有|没得|莫得|没)"
)
_ZERO_DISABILITY_RE = re.compile(
    r"(?:没有|没得|莫得|没|无)(?:任何)?残疾|不是残疾|不残疾|身体(?:还)?(?:好|健康)"
)
# A whole answer meaning "none", for when the bot asked for an amount or a grade.
_NONE_ANSWER_RE = re.compile(
    r"(?:没有|没得|莫得|没|无|零|0|一分都?没有|一分钱?都?(?:没有|没得|莫得)|没钱|没得钱|莫得钱"
    r"|啥都没有|啥子都没得|不是|没有残疾)(?:的|了|哦|啊|噻)?"
)
_PUNCT_RE = re.compile(r"[\s" + re.escape(CLAUSE_BREAKS) + r"]+")


@dataclass(frozen=True, slots=True)
class _Reading:
    slot: str
    value: float


def number_slots(text: str, expecting: str | None) -> dict[str, Any]:
    """The numeric slots of ``text`` (normalised, IDs and phones masked)."""
    slots: dict[str, Any] = {}
    _zeros(text, expecting, slots)
    for mention in find_numbers(text):
        reading = _read(text, mention, expecting)
        if reading is None or not _plausible(reading):
            continue
        if reading.slot == "age" and "age" in slots:
            continue
        slots[reading.slot] = _typed(reading)
    return slots


def _zeros(text: str, expecting: str | None, slots: dict[str, Any]) -> None:
    if _ZERO_SAVINGS_RE.search(text):
        slots["savings"] = 0.0
    if _ZERO_INCOME_RE.search(text) and not (
        expecting == "savings" and not re.search("收入|工资", text)
    ):
        slots["monthly_income"] = 0.0
    if expecting == "savings" and "monthly_income" in slots and "savings" not in slots:
        slots["savings"] = slots.pop("monthly_income")  # 一分钱都没有, asked about savings
    if _ZERO_DISABILITY_RE.search(text):
        slots["disability_grade"] = 0
    bare = _PUNCT_RE.sub("", text)
    if expecting in (*MONEY_SLOTS, "disability_grade") and _NONE_ANSWER_RE.fullmatch(bare):
        slots[expecting] = 0 if expecting == "disability_grade" else 0.0


def _read(text: str, m: Mention, expecting: str | None) -> _Reading | None:
    start = clause_start(text, m.start)
    end = clause_end(text, m.end)
    before = text[start : m.start]
    after = text[m.end : end]
    if 1900 <= m.value <= 2030 and _BIRTH_AFTER_RE.match(after):
        return _Reading("birth_year", m.value)
    if (
        before.endswith(_NEGATED_BEFORE)
        or _PER_PERSON_RE.search(before)
        or (after.startswith(_NOT_A_QUANTITY) and not after.startswith(_NEXT_CUES))
    ):
        return None
    clause = text[start:end]
    if _AGE_AFTER_RE.match(after) or _AGE_BEFORE_RE.search(before):
        return _Reading("age", m.value)
    if _HOUSEHOLD_AFTER_RE.match(after) or _HOUSEHOLD_BEFORE_RE.search(before):
        return _Reading("household_size", m.value)
    if _HOUSEHOLD_COUNT_RE.match(after) and (
        expecting == "household_size"
        or _HOUSEHOLD_CONTEXT_RE.search(before)
        or _HOUSEHOLD_TOPIC_RE.search(text)
    ):
        return _Reading("household_size", m.value)
    if _GRADE_AFTER_RE.match(after):
        return _Reading("disability_grade", m.value)
    cue = _money_cue(text, m, start, end)
    if cue is None and _SPENT_RE.search(before) and _MEDICAL_CONTEXT_RE.search(text):
        cue = "medical_expense"
    if cue is None and _AGE_ALONE_RE.match(after) and expecting not in MONEY_SLOTS:
        return _Reading("age", m.value)  # 七十五了
    money_like = bool(_MONEY_UNIT_RE.match(after)) or m.value >= 100
    if cue is None and money_like and _MONTHLY_RE.search(clause):
        cue = "monthly_income"  # 一个月就八百来块
    if cue is None and money_like and expecting not in NUMBER_SLOTS and _ANNUAL_RE.search(clause):
        cue = "monthly_income"
    if cue is None and expecting in NUMBER_SLOTS:
        cue = expecting
    if cue is None:
        return None
    if cue == "monthly_income" and _ANNUAL_RE.search(clause):
        return _Reading(cue, m.value / 12)
    return _Reading(cue, m.value)


def _money_cue(text: str, m: Mention, start: int, end: int) -> str | None:
    """The money slot named nearest to the number: before it in its clause, else after it in
    its clause, else (for an amount) before it in an earlier clause (收入不是两千，是一千五)."""
    cues = [(c.start(), _MONEY_CUES[c.group(0)]) for c in _CUE_RE.finditer(text)]
    before = [slot for pos, slot in cues if start <= pos < m.start]
    if before:
        return before[-1]
    after = [slot for pos, slot in cues if m.end <= pos < end]
    if after:
        return after[0]
    earlier = [slot for pos, slot in cues if pos < start]
    if earlier and (m.value >= 100 or _MONEY_UNIT_RE.match(text, m.end)):
        return earlier[-1]
    return None


def _plausible(r: _Reading) -> bool:
    if r.slot == "household_size":
        return r.value.is_integer() and 1 <= r.value <= 20
    if r.slot == "birth_year":
        return r.value.is_integer()
    if r.slot == "age":
        return r.value.is_integer() and 1 <= r.value <= 120
    if r.slot == "disability_grade":
        return r.value.is_integer() and 1 <= r.value <= 4
    return r.value >= 0


def _typed(r: _Reading) -> int | float:
    if r.slot in ("household_size", "age", "disability_grade", "birth_year"):
        return int(r.value)
    return round(r.value, 2)
