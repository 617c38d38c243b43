"""A resident's name: after 我叫 / 姓名 / 名字叫, or the whole answer when the bot asked for it.

A name is 2–4 Chinese characters starting with a surname (compound ones such as 司马 and 欧阳
included). The surname list is what tells 我叫王秀英 from 我叫你们帮我 or 我叫不出它的名字.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from services.common.districts import ALIASES

from .terms import any_of
from .text import is_han

SURNAMES_FILE = "surnames.txt"

# Words after which a name follows.
_TRIGGERS_RE = re.compile(
    r"(?:我的名字|我名字|名字|姓名|申请人)(?:叫做|叫|是|为)?|我叫|名叫|叫做|本人(?:叫|是)?"
)
# Weaker: 我是 is followed by many things besides a name (我是农村的, 我是渝北的); unless the
# bot asked for the name, what follows it must also not be a common word (see ``find_name``).
# A bare answer is only read as a name when the bot asked for one.
_WEAK_TRIGGERS_RE = re.compile(r"我是")
_ASKED_TRIGGERS_RE = re.compile(r"(?:^|(?<=[\s,.;:!?。、]))(?:我叫|我是|叫|是)")
# 叫 at the start of a clause (身份证…，叫吴秀珍，住丰都县) introduces a name too.
_CLAUSE_CALL_RE = re.compile(r"(?:^|(?<=[\s,.;:!?。、]))叫")
# After 名字/姓名 a correction puts the name after 是 or 叫 (名字错了，是王秀兰).
_LATER_IS_RE = re.compile(r"(?:应该是|是|叫)")
_SKIP = " :：-"

# Words that end a name: what residents say next (今年, 住在, 身份证 …).
_STOPS = any_of((
    "今年", "年龄", "身份证", "电话", "手机", "号码", "联系", "住", "家住", "家里", "家在",
    "户口", "农村", "城镇", "城里", "乡下", "现在", "目前", "申请", "想", "要", "在", "是",
    "的", "了", "啊", "呀", "哦", "嘛", "哈", "噻", "呢", "吧", "嗯", "和", "跟", "与", "我",
    "你", "他", "她", "岁", "男", "女", "性别", "出生", "老伴", "一家", "今", "属", "先生",
    "女士", "师傅", "同志",
))  # fmt: skip
# District names end a name too (王秀英渝北的), but only when the name is too long without
# cutting there: 李长寿 and 王江津 are names.
_PLACE_STOPS = any_of(ALIASES)
# Characters that do not occur in given names but do in phrases that follow 我叫.
_NON_NAME_CHARS = set(
    "的了吗呢吧啊呀哦嗯么你我他她它们这那哪谁啥没不是在有个说要想会能可就也还都和跟给把被让"
    "从到去来得过着叫姓名字号码岁块区县镇村街路省市错对帮查办请问"
)
_NOT_NAMES = frozenset({"孙子", "孙女", "老汉", "老伴", "司机", "老师", "同志"})
_PLACES = tuple(a for a in ALIASES if len(a) >= 2)


@dataclass(frozen=True, slots=True)
class Surnames:
    single: frozenset[str]
    compound: frozenset[str]


def load_surnames() -> Surnames:
    text = resources.files(__package__).joinpath(SURNAMES_FILE).read_text(encoding="utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return Surnames(
        single=frozenset(w for w in words if len(w) == 1),
        compound=frozenset(w for w in words if len(w) == 2),
    )


def find_name(
    text: str, surnames: Surnames, expecting: str | None, is_common_word: Callable[[str], bool]
) -> str | None:
    """The first name introduced in ``text`` (normalised, IDs and phones masked), or None.
    ``is_common_word`` tells words (农村, 马上) from names where nothing says a name follows."""
    for start, weak in _candidate_starts(text, expecting):
        name = read_name(text, start, surnames)
        if name is not None and not (weak and is_common_word(name)):
            return name
    return None


def _candidate_starts(text: str, expecting: str | None) -> list[tuple[int, bool]]:
    """Where a name may begin, each with whether the context is weak."""
    starts: list[tuple[int, bool]] = []
    for m in _TRIGGERS_RE.finditer(text):
        starts.append((m.end(), False))
        if m.group(0).startswith(("名字", "姓名", "我的名字", "我名字")):
            starts.extend((n.end(), False) for n in _LATER_IS_RE.finditer(text, m.end()))
    starts.extend((m.end(), False) for m in _CLAUSE_CALL_RE.finditer(text))
    if expecting == "name":
        # Asked for a name, residents answer with theirs, even when it is also a word (诸葛亮).
        starts.append((0, False))
        starts.extend((m.end(), False) for m in _ASKED_TRIGGERS_RE.finditer(text))
    else:
        starts.extend((m.end(), True) for m in _WEAK_TRIGGERS_RE.finditer(text))
    return starts


def read_name(text: str, start: int, surnames: Surnames) -> str | None:
    """The name beginning at ``start`` (separators skipped), if what is there is a name."""
    while start < len(text) and text[start] in _SKIP:
        start += 1
    end = start
    while end < len(text) and end - start < 6 and is_han(text[end]):
        end += 1
    run = text[start:end]
    for stops in (_STOPS, _PLACE_STOPS):
        stop = stops.search(run, 1)
        if stop is not None:
            run = run[: stop.start()]
        if _looks_like_name(run, surnames):
            return run
    return None


def _looks_like_name(run: str, surnames: Surnames) -> bool:
    if run in _NOT_NAMES or any(ch in _NON_NAME_CHARS for ch in run):
        return False
    if any(run.startswith(place) for place in _PLACES):
        return False  # 万州人, 江津的
    if run[:2] in surnames.compound:
        return 3 <= len(run) <= 4
    if run[:1] in surnames.single:
        # Four characters with a single surname only for two surnames (陈李秀英).
        return 2 <= len(run) <= 3 or (len(run) == 4 and run[1] in surnames.single)
    return False
