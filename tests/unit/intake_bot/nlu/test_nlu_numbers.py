"""Numbers as residents write them, and which slot a number fills."""

from __future__ import annotations

from typing import Any

import pytest

from services.intake_bot.domain.nlu import Understanding
from services.intake_bot.domain.nlu.numerals import find_numbers, parse_number


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("2500", 2500),
        ("3,000", 3000),
        ("两千五", 2500),
        ("一万二", 12000),
        ("三千二百", 3200),
        ("三千二", 3200),
        ("五百五", 550),
        ("八百", 800),
        ("七十五", 75),
        ("十五", 15),
        ("二十万", 200_000),
        ("十二万", 120_000),
        ("一百零八", 108),
        ("两千零五十", 2050),
        ("一万零五百", 10_500),
        ("1.2万", 12_000),
        ("0.8万", 8000),
        ("2千5", 2500),
        ("1万2", 12_000),
        ("3万5千", 35_000),
        ("一点五万", 15_000),
        ("二十多万", 200_000),
        ("十来万", 100_000),
        ("两三千", 2500),
        ("一两千", 1500),
        ("一九五五", 1955),
        ("壹仟贰佰", 1200),
        ("一亿三千万", 130_000_000),
    ],
)
def test_a_run_of_numerals_reads_as_residents_mean_it(run: str, value: float) -> None:
    assert parse_number(run) == value


def test_a_vague_figure_is_no_number() -> None:
    assert parse_number("十几万") is None
    assert find_numbers("医药费花了几十万") == []


@pytest.mark.parametrize("text", ["我想办五保", "万州区", "一起去", "千万别", "十分困难", "第一次"])
def test_words_that_contain_a_numeral_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_a_number_inside_a_reference_code_is_not_a_figure() -> None:
    assert find_numbers("YZ20240312-3F9A1C") == []


@pytest.mark.parametrize(
    ("text", "expecting", "slots"),
    [
        ("每个月收入两千五", None, {"monthly_income": 2500}),
        ("月收入一万二", None, {"monthly_income": 12000}),
        ("收入大概三千二百块", None, {"monthly_income": 3200}),
        ("一个月就八百来块", None, {"monthly_income": 800}),
        ("每月收入1.2万", None, {"monthly_income": 12000}),
        ("月收入0.8万", None, {"monthly_income": 8000}),
        ("差不多1500元", "monthly_income", {"monthly_income": 1500}),
        ("两千块钱左右", "monthly_income", {"monthly_income": 2000}),
        ("一个月挣千把块", None, {"monthly_income": 1000}),
        ("一年三万六", "monthly_income", {"monthly_income": 3000}),
        ("年收入四万八", None, {"monthly_income": 4000}),
        ("一年收入两万四", None, {"monthly_income": 2000}),
        ("没有收入", None, {"monthly_income": 0}),
        ("莫得收入", None, {"monthly_income": 0}),
        ("一分钱都没有", None, {"monthly_income": 0}),
        ("一分钱都没有", "savings", {"savings": 0}),
        ("没存款", None, {"savings": 0}),
        ("莫得存款", None, {"savings": 0}),
        ("存款三万", None, {"savings": 30000}),
        ("银行里有五千块", None, {"savings": 5000}),
        ("医疗费花了二十万", None, {"medical_expense": 200000}),
        ("老伴得了癌症，花了二十多万", None, {"medical_expense": 200000}),
        ("两千", "monthly_income", {"monthly_income": 2000}),
        ("两千", "savings", {"savings": 2000}),
        ("两千", "medical_expense", {"medical_expense": 2000}),
        ("四个", "household_size", {"household_size": 4}),
        ("72", "age", {"age": 72}),
        ("二级", "disability_grade", {"disability_grade": 2}),
        ("没有", "disability_grade", {"disability_grade": 0}),
        ("莫得", "monthly_income", {"monthly_income": 0}),
    ],
)
def test_a_number_fills_the_slot_its_words_or_the_question_give_it(
    nlu: Understanding, text: str, expecting: str | None, slots: dict[str, Any]
) -> None:
    got = nlu.parse(text, expecting).slots
    for slot, value in slots.items():
        assert got.get(slot) == pytest.approx(value), (slot, got)


def test_money_amounts_are_floats_and_counts_are_ints(nlu: Understanding) -> None:
    slots = nlu.parse("家里三口人，今年六十岁，每月收入两千五").slots
    assert slots["monthly_income"] == 2500.0
    assert isinstance(slots["monthly_income"], float)
    assert isinstance(slots["household_size"], int)
    assert isinstance(slots["age"], int)


def test_an_annual_figure_that_does_not_divide_evenly_keeps_two_decimals(
    nlu: Understanding,
) -> None:
    assert nlu.parse("一年收入两万").slots["monthly_income"] == 1666.67


def test_a_correction_later_in_the_message_wins(nlu: Understanding) -> None:
    assert nlu.parse("收入不是两千，是一千五").slots["monthly_income"] == 1500
    assert nlu.parse("家里是四个人不是三个", "confirm").slots["household_size"] == 4


def test_a_per_person_figure_is_not_the_household_income(nlu: Understanding) -> None:
    assert "monthly_income" not in nlu.parse("每人每月三百多").slots


def test_a_bare_number_without_a_question_fills_no_slot(nlu: Understanding) -> None:
    assert nlu.parse("两千").slots == {}


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("三口人", "household_size", 3),
        ("一家五口", "household_size", 5),
        ("三口之家", "household_size", 3),
        ("就我一个人", "household_size", 1),
        ("我和老伴两个人", "household_size", 2),
        ("我们两口子", "household_size", 2),
        ("家里一共五个人", "household_size", 5),
        ("今年72岁", "age", 72),
        ("七十五了", "age", 75),
        ("年纪五十八", "age", 58),
        ("二级肢体残疾", "disability_grade", 2),
        ("残疾证是一级的", "disability_grade", 1),
        ("没有残疾", "disability_grade", 0),
    ],
)
def test_counts_ages_and_grades_are_read_by_their_units(
    nlu: Understanding, text: str, slot: str, value: int
) -> None:
    assert nlu.parse(text).slots[slot] == value


def test_someone_who_earns_alone_is_not_a_household_of_one(nlu: Understanding) -> None:
    slots = nlu.parse("家里四个人，只有我一个人挣钱，一个月三千").slots
    assert slots["household_size"] == 4
    assert slots["monthly_income"] == 3000


def test_the_first_age_is_the_residents_and_a_later_one_someone_elses(
    nlu: Understanding,
) -> None:
    assert nlu.parse("我62岁，老伴也六十多了").slots["age"] == 62


def test_a_birth_year_is_kept_as_an_extra_slot_not_as_an_age(nlu: Understanding) -> None:
    slots = nlu.parse("1952年出生的").slots
    assert slots == {"birth_year": 1952}
