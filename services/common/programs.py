"""The eight assistance programs: ids as in the events (policy SPEC §3), and the words residents
and staff use for them."""

from __future__ import annotations

PROGRAM_NAMES: dict[str, str] = {
    "tekun": "特困供养",
    "dibao": "低保",
    "marginal": "低保边缘家庭",
    "temporary": "临时救助",
    "disability_living": "残疾人生活补贴",
    "disability_care": "重度残疾人护理补贴",
    "orphan": "孤儿基本生活费",
    "unsupported_child": "事实无人抚养儿童生活补助",
}
