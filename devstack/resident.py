"""A scripted resident: a 72-year-old in 巫溪 who answers whatever the bot asks, the way she
would. Used by ``make demo`` and by the page's end-to-end test."""

from __future__ import annotations

import re
from datetime import date

from devstack.generate import id_number

OPENING = "我想申请低保，我叫刘德贵，住巫溪县农村，家里两口人，每个月收入六百块"
REFERENCE = re.compile(r"YZ\d{8}-[0-9A-F]{6}")

# What she answers, by what the bot's last message asks about (first match wins).
ANSWERS: tuple[tuple[str, str], ...] = (
    (r"核对|确认|对不对|是否正确|提交", "对的"),
    (r"给您自己申请|是给您自己", "是的"),
    (r"给谁|为谁|帮谁|谁申请|本人", "给我自己"),
    (r"残疾", "没有残疾"),
    (r"重病|大病", "没有"),
    (r"子女|赡养|照顾", "有儿子"),
    (r"存款|存折|金融资产", "存款三千"),
    (r"收入", "每个月六百块"),
    (r"几口人|几个人|人口", "两口人"),
    (r"城镇|农村|城里", "农村"),
    (r"区县|哪个区|哪个县|住在哪", "巫溪"),
    (r"电话|手机", "13908381234"),
    (r"身份证", id_number(date(1954, 3, 2))),
    (r"名字|姓名|怎么称呼", "刘德贵"),
)


def answer(asked: str, *, differently: tuple[tuple[str, str], ...] = ()) -> str | None:
    """What she says to ``asked``, or None when she would not know; ``differently`` holds
    answers of another resident's, checked first after the confirmation (e.g. nobody to look
    after her, her own ID number)."""
    # The summary to confirm quotes every answer ("身份证：…"): it is recognised before hers.
    confirm, *rest = ANSWERS
    return next(
        (a for pattern, a in (confirm, *differently, *rest) if re.search(pattern, asked)), None
    )
