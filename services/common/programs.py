"""Shared words: the eight assistance programs (ids as in the events, policy SPEC §3) and the
kinds of disability, as residents and staff call them."""

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

DISABILITY_KIND_NAMES: dict[str, str] = {
    "physical": "肢体",
    "visual": "视力",
    "hearing": "听力",
    "speech": "言语",
    "intellectual": "智力",
    "mental": "精神",
    "multiple": "多重",
}
