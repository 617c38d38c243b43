"""The slots the dialog uses beyond the contract's table (not scored by the benchmark): who the
help is for, the kind of disability, the parents of a child, serious illness, someone able to
support the beneficiary, and whether a child lives in a welfare institution."""

from __future__ import annotations

import re
from typing import Any

from .terms import NEGATIONS, Terms
from .vocabulary import DISABILITY_KINDS, EMERGENCIES, RELATIONS

_RELATIONS = Terms(RELATIONS)
_DISABILITY_KINDS = Terms(DISABILITY_KINDS)
_ILLNESS = Terms({w: "illness" for w, kind in EMERGENCIES.items() if kind == "illness"})

# Who the help is for: the relative after 给/帮/替/为 (给我妈申请), else the one the message is
# about (我爸中风了 — at the start of a clause, after 我/我家/屋头).
_FOR_RE = re.compile(r"(?:给|帮|替|为)(?:我|我家|我们家)?$")
_SUBJECT_RE = re.compile(r"(?:^|[\s,.;:!?。、])(?:我|我家|我的|我们家|家里|屋头|俺)?$")

_FATHER = r"(?:爸爸|父亲|老汉儿?|爸|爹)"
_MOTHER = r"(?:妈妈|母亲|妈|娘)"
_BOTH = r"(?:父母|爸妈|爸爸妈妈|爹妈|双亲)"
_GONE = r"(?:去世|过世|死|不在|没了|走了|亡|失踪|跑了|失联|下落不明|离家出走)"
_UNABLE = r"(?:坐牢|服刑|残疾|重病|瘫痪|没能力|没有能力|强制隔离|戒毒)"
_PARENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"{_BOTH}(?:都|双|已经|早就|早)*{_GONE}|{_BOTH}双亡"), "both_deceased_or_missing"),
    (re.compile(rf"{_BOTH}(?:都|已经|是|在)*{_UNABLE}"), "both_incapable"),
    (
        re.compile(
            rf"{_FATHER}[^,.;。]{{0,4}}{_GONE}.{{0,8}}{_MOTHER}[^,.;。]{{0,4}}{_UNABLE}"
            rf"|{_MOTHER}[^,.;。]{{0,4}}{_GONE}.{{0,8}}{_FATHER}[^,.;。]{{0,4}}{_UNABLE}"
            rf"|{_FATHER}[^,.;。]{{0,4}}{_UNABLE}.{{0,8}}{_MOTHER}[^,.;。]{{0,4}}{_GONE}"
            rf"|{_MOTHER}[^,.;。]{{0,4}}{_UNABLE}.{{0,8}}{_FATHER}[^,.;。]{{0,4}}{_GONE}"
        ),
        "one_deceased_other_incapable",
    ),
    (
        re.compile(rf"{_FATHER}[^,.;。]{{0,4}}{_GONE}.{{0,8}}{_MOTHER}[^,.;。]{{0,4}}{_GONE}"),
        "both_deceased_or_missing",
    ),
    (re.compile(rf"{_BOTH}(?:都)?(?:健在|还在|好好的|在(?!{_UNABLE}))"), "normal"),
)

_NOT_ILL_RE = re.compile(
    r"(?:没有|没得|莫得|没|无)(?:啥子|什么)?(?:大病|重病|病)|身体(?:还)?(?:好|健康|可以)"
)
_KIN = r"(?:儿女|子女|儿子|女儿|娃儿|孩子|后人)"
_NO_SUPPORTER_RE = re.compile(
    rf"(?:没有|没得|莫得|没|无){_KIN}|无儿无女|没儿没女|孤寡|"
    rf"{_KIN}[^。;]{{0,10}}(?:不管|不养|不赡养|不来往|联系不上|不认|没管|不给钱)|"
    r"(?:没人|莫得人|没得人|无人)(?:管|养|赡养|照顾)"
)
_SUPPORTER_RE = re.compile(rf"{_KIN}[^。;]{{0,6}}(?:养我|管我|给钱|赡养|照顾我|负担)")
_OUT_OF_INSTITUTION_RE = re.compile(
    r"(?:不在|没在|没有在|不住)(?:儿童)?(?:福利院|福利机构|孤儿院)"
    r"|跟着?(?:爷爷|奶奶|外公|外婆|婆婆|亲戚|舅舅|姑姑|叔叔)|(?:爷爷|奶奶|外公|外婆|亲戚)(?:在)?带"
)
_IN_INSTITUTION_RE = re.compile(r"福利院|福利机构|孤儿院|集中养育")


# Asked about the parents, residents leave them out: 都不在了.
_PARENTS_ANSWERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^(?:都|两个都|早就|早都)*(?:已经)?{_GONE}"), "both_deceased_or_missing"),
    (re.compile(rf"^(?:都|两个都)+(?:是)?{_UNABLE}"), "both_incapable"),
    (re.compile(r"^(?:都|两个都)+(?:在|健在|还在|好好的|好)"), "normal"),
)


def extra_slots(text: str, expecting: str | None = None) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    if expecting == "parents":
        for pattern, parents in _PARENTS_ANSWERS:
            if pattern.search(text):
                slots["parents"] = parents
                break
    relation = _relation(text)
    if relation is not None:
        slots["relation"] = relation
    kind = _DISABILITY_KINDS.last(text, NEGATIONS)
    if kind is not None:
        slots["disability_kind"] = kind
    for pattern, parents in _PARENTS:
        if "parents" not in slots and pattern.search(text):
            slots["parents"] = parents
            break
    if _NOT_ILL_RE.search(text):
        slots["serious_illness"] = False
    elif _ILLNESS.affirmed(text, NEGATIONS):
        slots["serious_illness"] = True
    if _NO_SUPPORTER_RE.search(text):
        slots["able_supporter"] = False
    elif _SUPPORTER_RE.search(text):
        slots["able_supporter"] = True
    if _OUT_OF_INSTITUTION_RE.search(text):
        slots["in_institution"] = False
    elif _IN_INSTITUTION_RE.search(text):
        slots["in_institution"] = True
    return slots


def _relation(text: str) -> str | None:
    for hit in _RELATIONS.hits(text):
        before = text[: hit.start]
        if _FOR_RE.search(before) or _SUBJECT_RE.search(before):
            return hit.value
    return None
