"""Loading: one tokenizer of our own with the domain words, built once and warmed."""

from __future__ import annotations

import time

import jieba
import pytest

from services.common.districts import ALIASES
from services.intake_bot.domain.nlu import Understanding, load_understanding
from services.intake_bot.domain.nlu.lexicon import build_tokenizer, domain_words, lexicon_words
from services.intake_bot.domain.nlu.vocabulary import PROGRAMS


def test_load_understanding_builds_once_and_shares_it(nlu: Understanding) -> None:
    assert load_understanding() is nlu


def test_the_first_parse_after_loading_is_as_fast_as_any(nlu: Understanding) -> None:
    started = time.perf_counter()
    nlu.parse("你好，我想申请低保")
    assert time.perf_counter() - started < 0.05


def test_the_tokenizer_is_not_jiebas_global_one(tokenizer: jieba.Tokenizer) -> None:
    assert tokenizer is not jieba.dt


def test_the_lexicon_ships_as_package_data_with_the_required_words() -> None:
    words = {w for w, _ in lexicon_words()}
    required = (
        "五保", "五保户", "特困", "最低生活保障", "低保户", "边缘户", "临时救助", "急难",
        "护理补贴", "生活补贴", "孤儿", "事实无人抚养", "啥子", "晓得", "莫得", "没得", "咋个",
        "老汉儿", "屋头", "娃儿", "城头", "乡下", "肢体残疾",
    )  # fmt: skip
    assert not [w for w in required if w not in words]


def test_every_district_name_is_added_from_the_district_table() -> None:
    words = {w for w, _ in domain_words()}
    assert set(ALIASES) <= words


@pytest.fixture(scope="module")
def tokenizer() -> jieba.Tokenizer:
    return build_tokenizer()


@pytest.mark.parametrize("word", ["五保户", "低保边缘户", "老汉儿", "屋头", "酉阳县", "开县"])
def test_domain_words_are_kept_whole_by_the_tokenizer(
    tokenizer: jieba.Tokenizer, word: str
) -> None:
    assert word in tokenizer.lcut(f"我{word}的")


def test_every_program_word_is_in_the_lexicon_or_a_longer_program_word() -> None:
    words = {w for w, _ in lexicon_words()}
    missing = [w for w in PROGRAMS if w not in words and not any(w in x for x in words)]
    assert len(missing) <= len(PROGRAMS) // 3, missing
