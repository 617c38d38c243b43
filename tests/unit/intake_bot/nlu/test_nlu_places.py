"""Districts by canonical, short and former names; urban or rural residence."""

from __future__ import annotations

import pytest

from services.common.districts import ALIASES
from services.intake_bot.domain.nlu import Understanding


@pytest.mark.parametrize(
    ("text", "expecting", "district"),
    [
        ("我是渝北区的", None, "渝北区"),
        ("渝中", "district", "渝中区"),
        ("开县的", None, "开州区"),
        ("开县", "district", "开州区"),
        ("我是梁平县的", None, "梁平区"),
        ("铜梁县的", "district", "铜梁区"),
        ("石柱", "district", "石柱土家族自治县"),
        ("石柱县农村", None, "石柱土家族自治县"),
        ("酉阳县", "district", "酉阳土家族苗族自治县"),
        ("秀山", "district", "秀山土家族苗族自治县"),
        ("彭水的", None, "彭水苗族土家族自治县"),
        ("忠县", "district", "忠县"),
        ("住在北碚区天生街道", None, "北碚区"),
        ("重庆市渝中区", None, "渝中区"),
        ("住在秀山县城", None, "秀山土家族苗族自治县"),
        ("我是万州人", None, "万州区"),
    ],
)
def test_a_district_is_found_by_any_name_residents_use(
    nlu: Understanding, text: str, expecting: str | None, district: str
) -> None:
    assert nlu.parse(text, expecting).slots["district"] == district


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_every_name_in_the_district_table_is_understood(nlu: Understanding, alias: str) -> None:
    assert nlu.parse(alias, "district").slots["district"] == ALIASES[alias].name


def test_leaving_town_is_not_the_former_kai_county(nlu: Understanding) -> None:
    assert "district" not in nlu.parse("我离开县城去打工了").slots


def test_the_district_a_correction_settles_on_wins(nlu: Understanding) -> None:
    assert nlu.parse("不是江北是渝北").slots["district"] == "渝北区"


@pytest.mark.parametrize(
    ("text", "residence"),
    [
        ("城镇户口", "urban"),
        ("城里户口", "urban"),
        ("我是城头的", "urban"),
        ("非农户口", "urban"),
        ("城市低保标准是多少", "urban"),
        ("农村的", "rural"),
        ("农业户口", "rural"),
        ("住在乡下", "rural"),
        ("村里的", "rural"),
        ("不是城市是农村", "rural"),
        ("农村户口能办城市低保不", "rural"),
    ],
)
def test_residence_is_urban_or_rural_by_the_words_used(
    nlu: Understanding, text: str, residence: str
) -> None:
    assert nlu.parse(text).slots["residence"] == residence


def test_a_comparison_of_urban_and_rural_names_no_residence(nlu: Understanding) -> None:
    assert "residence" not in nlu.parse("低保标准城市和农村一样不").slots


def test_a_street_name_says_nothing_about_residence(nlu: Understanding) -> None:
    assert "residence" not in nlu.parse("住在北碚区天生街道").slots
