"""Programs, emergencies, the extra slots, and messages that carry several facts at once."""

from __future__ import annotations

from typing import Any

import pytest

from services.intake_bot.domain.nlu import Understanding


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("我想办低保", "dibao"),
        ("我要办底保", "dibao"),
        ("帮我申请最低生活保障", "dibao"),
        ("我想办五保", "tekun"),
        ("五保户", "tekun"),
        ("我想办特困", "tekun"),
        ("想申请边缘户", "marginal"),
        ("低保边缘户能享受什么政策", "marginal"),
        ("想申请急难救助", "temporary"),
        ("我要申请临时救助", "temporary"),
        ("护理补贴每个月多少钱", "disability_care"),
        ("护里补贴多少钱", "disability_care"),
        ("想申请生活补贴", "disability_living"),
        ("申请孤儿补贴", "orphan"),
        ("事实无人抚养儿童怎么认定", "unsupported_child"),
        ("我已经在吃低保了，还想申请临时救助", "temporary"),
    ],
)
def test_a_program_is_known_by_its_old_and_colloquial_names(
    nlu: Understanding, text: str, program: str
) -> None:
    assert nlu.parse(text).slots["program"] == program


def test_asking_for_relief_in_an_emergency_is_asking_for_temporary_assistance(
    nlu: Understanding,
) -> None:
    assert nlu.parse("房子垮了，想申请救助").slots["program"] == "temporary"
    assert "program" not in nlu.parse("我想申请救助").slots


def test_comparing_two_programs_asks_for_neither(nlu: Understanding) -> None:
    assert "program" not in nlu.parse("生活补贴和护理补贴有啥区别").slots


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("家里着火了", "fire"),
        ("昨晚失火，房子烧了一半", "fire"),
        ("发大水把田淹了", "flood"),
        ("洪水把房子冲垮了", "flood"),
        ("房子垮了", "disaster"),
        ("地震把房子震垮了", "disaster"),
        ("山体滑坡把房子埋了", "disaster"),
        ("屋顶被冰雹砸烂了", "disaster"),
        ("老汉儿出了车祸", "accident"),
        ("老婆摔伤了住院", "accident"),
        ("娃儿得了白血病", "illness"),
        ("老伴查出癌症晚期", "illness"),
        ("我爸中风瘫痪了", "illness"),
        ("我得了大病", "illness"),
        ("看病花了很多钱", "expense"),
        ("家里开销大", "expense"),
        ("住院花了八万多", "expense"),
    ],
)
def test_an_emergency_is_classified_by_its_cause(
    nlu: Understanding, text: str, emergency: str
) -> None:
    assert nlu.parse(text).slots["emergency"] == emergency


def test_a_medical_bill_given_because_it_was_asked_for_is_no_new_emergency(
    nlu: Understanding,
) -> None:
    assert nlu.parse("二十万", "medical_expense").slots == {"medical_expense": 200000}


def test_a_negated_illness_is_no_emergency(nlu: Understanding) -> None:
    slots = nlu.parse("没有大病，身体还好").slots
    assert "emergency" not in slots
    assert slots["serious_illness"] is False


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("给我妈申请低保", "relation", "parent"),
        ("我老汉儿七十多了", "relation", "parent"),
        ("想给儿子办残疾人生活补贴", "relation", "child"),
        ("我孙子是孤儿", "relation", "grandchild"),
        ("老伴中风了", "relation", "spouse"),
        ("我自己申请", "relation", "self"),
        ("二级肢体残疾", "disability_kind", "physical"),
        ("视力残疾一级", "disability_kind", "visual"),
        ("四级听力残疾", "disability_kind", "hearing"),
        ("智力残疾二级", "disability_kind", "intellectual"),
        ("三级精神残疾", "disability_kind", "mental"),
        ("娃儿父母都不在了", "parents", "both_deceased_or_missing"),
        ("孩子爸妈都在坐牢", "parents", "both_incapable"),
        ("娃儿白血病", "serious_illness", True),
        ("儿女都在外地不管", "able_supporter", False),
        ("无儿无女", "able_supporter", False),
        ("现在在福利院", "in_institution", True),
        ("不在福利院，跟着奶奶", "in_institution", False),
    ],
)
def test_the_extra_slots_the_dialog_uses(
    nlu: Understanding, text: str, slot: str, value: Any
) -> None:
    assert nlu.parse(text).slots[slot] == value


def test_parents_asked_about_are_understood_without_being_named(nlu: Understanding) -> None:
    assert nlu.parse("都不在了", "parents").slots["parents"] == "both_deceased_or_missing"


def test_a_message_with_name_id_phone_and_district_gives_all_four(nlu: Understanding) -> None:
    parse = nlu.parse("我叫周明，身份证500117197811115673，电话13698765432，住合川区")
    assert parse.intent == "inform"
    assert parse.slots == {
        "name": "周明",
        "id_number": "500117197811115673",
        "phone": "13698765432",
        "district": "合川区",
    }


def test_an_application_with_the_household_facts_keeps_them_all(nlu: Understanding) -> None:
    parse = nlu.parse("我住巫山县农村，家里两口人，每月收入六百，想申请低保")
    assert parse.intent == "apply"
    assert parse.slots == {
        "district": "巫山县",
        "residence": "rural",
        "household_size": 2,
        "monthly_income": 600,
        "program": "dibao",
    }


def test_a_message_typed_by_voice_without_punctuation_is_read_whole(nlu: Understanding) -> None:
    slots = nlu.parse("我叫张三住在渝北区家里三口人每个月收入两千存款一万").slots
    assert slots == {
        "name": "张三",
        "district": "渝北区",
        "household_size": 3,
        "monthly_income": 2000,
        "savings": 10000,
    }


def test_slots_come_out_in_the_contracts_order_then_the_extra_ones(nlu: Understanding) -> None:
    slots = nlu.parse("给我妈申请低保，她八十五了，住石柱乡下").slots
    assert list(slots) == ["district", "residence", "age", "program", "relation"]
