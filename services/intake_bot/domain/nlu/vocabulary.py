"""What residents call things, mapped to the contract's canonical values.

Surface forms are written after normalisation (``text.TYPOS`` has already turned 底保 into
低保). Tables are matched leftmost-longest, so 低保边缘户 is ``marginal``, not ``dibao``.
"""

from __future__ import annotations

from collections.abc import Mapping


def _table(groups: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {word: value for value, words in groups.items() for word in words}


PROGRAMS = _table({
    "dibao": (
        "低保", "低保户", "低保金", "吃低保", "城市低保", "农村低保", "城乡低保",
        "最低生活保障", "最低生活保障金", "最低生活保障待遇",
    ),
    "marginal": (
        "低保边缘", "低保边缘户", "低保边缘家庭", "边缘户", "边缘家庭", "低边户",
    ),
    "tekun": (
        "特困", "特困户", "特困人员", "特困供养", "特困人员救助供养", "特困救助",
        "五保", "五保户", "五保老人", "分散供养", "集中供养",
    ),
    "temporary": (
        "临时救助", "急难救助", "急难型救助", "急难型", "急难", "支出型救助", "临时补助",
        "临时困难补助", "救急",
    ),
    "disability_living": ("生活补贴", "残疾人生活补贴", "困难残疾人生活补贴"),
    "disability_care": (
        "护理补贴", "残疾人护理补贴", "重度残疾人护理补贴", "护理费",
    ),
    "orphan": ("孤儿", "孤儿补贴", "孤儿基本生活费", "孤儿生活费"),
    "unsupported_child": (
        "事实无人抚养", "事实无人抚养儿童", "无人抚养儿童", "无人抚养", "事实孤儿",
    ),
})  # fmt: skip

# Asking for 救助 in an emergency is asking for 临时救助 (that is the program for it).
GENERIC_RELIEF = ("救助", "救济", "补助", "救急")

EMERGENCIES = _table({
    "fire": (
        "着火", "失火", "火灾", "起火", "烧了", "烧光", "烧完", "烧毁", "烧没了", "烧垮",
        "火烧",
    ),
    "flood": ("发大水", "洪水", "洪灾", "涨水", "水淹", "被淹", "淹了", "大水", "内涝", "水灾"),
    "disaster": (
        "房子垮了", "垮了", "垮塌", "倒塌", "塌了", "地震", "滑坡", "山体滑坡", "泥石流",
        "冰雹", "塌方", "风灾", "雪灾", "旱灾", "干旱", "自然灾害", "受灾", "龙卷风", "暴雨",
    ),
    "accident": (
        "车祸", "交通事故", "出事故", "事故", "摔伤", "摔断", "摔倒", "摔了", "工伤", "意外",
        "被车撞", "车撞", "被撞", "撞伤", "烫伤", "烧伤", "溺水", "骨折",
    ),
    "illness": (
        "白血病", "癌症", "癌", "肿瘤", "尿毒症", "中风", "脑梗", "脑溢血", "脑出血", "心脏病",
        "大病", "重病", "重大疾病", "肝硬化", "生病", "得了病", "病重", "绝症", "晚期",
        "透析", "化疗", "偏瘫",
    ),
    "expense": (
        "看病花了", "花了很多钱", "花了好多钱", "花了不少钱", "花了好多", "开销大", "开支大",
        "开销太大", "开支太大", "负担重", "负担太重", "欠债", "欠了", "借了钱", "医药费",
        "医疗费", "药费", "治疗费", "手术费", "住院费", "看病贵",
    ),
    "other": ("被骗", "被盗", "被偷", "失踪", "走失"),
})  # fmt: skip

# When a message names more than one kind, the cause wins over its consequences: a flood that
# brought the house down is a flood; an illness that cost a lot is an illness.
EMERGENCY_PRIORITY = ("fire", "flood", "disaster", "accident", "illness", "other", "expense")

RESIDENCE = _table({
    "urban": (
        "城镇户口", "城镇", "城市户口", "城市", "城里户口", "城里", "城头", "非农业户口",
        "非农户口", "非农", "市区", "城区",
    ),
    "rural": (
        "农村户口", "农村", "农业户口", "乡下", "乡里", "乡镇", "村里", "村上", "村子",
        "农民", "农户", "农业", "乡里头", "村头", "乡坝", "乡坝头", "农村头",
    ),
})  # fmt: skip

DISABILITY_KINDS = _table({
    "physical": ("肢体", "瘫痪", "截肢", "腿脚不便", "偏瘫"),
    "visual": ("视力", "眼睛看不见", "失明", "盲人", "眼瞎", "眼睛"),
    "hearing": ("听力", "耳聋", "聋", "听不见", "耳朵"),
    "speech": ("言语", "语言残疾", "哑巴", "不会说话", "说不出话"),
    "intellectual": ("智力", "智障"),
    "mental": ("精神",),
    "multiple": ("多重",),
})  # fmt: skip

RELATIONS = _table({
    "parent": (
        "我妈", "我爸", "母亲", "父亲", "老汉儿", "老汉", "老妈", "老爸", "爸爸", "妈妈",
        "老娘", "老父亲", "老母亲",
    ),
    "child": ("儿子", "女儿", "娃儿", "孩子", "小孩", "闺女", "幺儿"),
    "grandchild": ("孙子", "孙女", "外孙", "外孙女"),
    "spouse": ("老伴", "爱人", "老婆", "老公", "丈夫", "妻子", "媳妇"),
    "self": ("我自己", "自己", "本人", "我本人"),
    "sibling": ("哥哥", "弟弟", "姐姐", "妹妹"),
    "other": ("侄儿", "侄子", "侄女", "外甥", "邻居", "亲戚"),
})  # fmt: skip
