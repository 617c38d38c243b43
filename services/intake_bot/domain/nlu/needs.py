"""What the resident asks for (``program``) and what happened to them (``emergency``)."""

from __future__ import annotations

from .terms import Terms
from .vocabulary import EMERGENCIES, EMERGENCY_PRIORITY, GENERIC_RELIEF, PROGRAMS

_PROGRAMS = Terms(PROGRAMS)
_EMERGENCIES = Terms(EMERGENCIES)
# 不是低保，是特困 / 没有大病: a negated program or emergency is not one.
_NEGATIONS = ("不是", "没有", "没得", "莫得", "没", "无", "不要", "不办")
_COMPARING = ("区别", "不同", "还是", "哪个", "哪一个", "一起")


def find_program(text: str, emergency: str | None) -> str | None:
    """The program named last (the one a correction settles on), or 临时救助 for 救助 in an
    emergency (房子垮了，想申请救助)."""
    named = _PROGRAMS.affirmed(text, _NEGATIONS)
    if len({h.value for h in named}) > 1 and any(w in text for w in _COMPARING):
        return None  # 生活补贴和护理补贴有啥区别: neither one is asked for
    program = named[-1].value if named else None
    if program is None and emergency is not None and any(w in text for w in GENERIC_RELIEF):
        return "temporary"
    return program


def find_emergency(text: str, has_medical_expense: bool) -> str | None:
    """The kind of emergency, the cause preferred over its consequences; a medical bill alone
    is ``expense``."""
    kinds = {hit.value for hit in _EMERGENCIES.affirmed(text, _NEGATIONS)}
    for kind in EMERGENCY_PRIORITY:
        if kind in kinds:
            return kind
    return "expense" if has_medical_expense else None
