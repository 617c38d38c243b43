"""Names after 我叫 / 姓名 / 名字叫, or as the answer to the bot's question."""

from __future__ import annotations

import pytest

from services.intake_bot.domain.nlu import Understanding


@pytest.mark.parametrize(
    ("text", "expecting", "name"),
    [
        ("我叫赵永福", None, "赵永福"),
        ("姓名：刘德胜", None, "刘德胜"),
        ("姓名是司马相如", None, "司马相如"),
        ("我的名字叫欧阳建华", None, "欧阳建华"),
        ("名字叫何家伟", None, "何家伟"),
        ("我叫陈小红，今年45岁", None, "陈小红"),
        ("我叫张建国今年七十二岁", None, "张建国"),
        ("我叫张三住在渝北区", None, "张三"),
        ("本人刘建华，身份证500113199001080476", None, "刘建华"),
        ("身份证500230196302195849，叫吴秀珍，住丰都县", None, "吴秀珍"),
        ("你好，我是李大明", None, "李大明"),
        ("我叫李长寿", None, "李长寿"),
        ("孙玉梅", "name", "孙玉梅"),
        ("谭晓梅。", "name", "谭晓梅"),
        ("叫罗玉凤", "name", "罗玉凤"),
        ("我是黄大明", "name", "黄大明"),
        ("诸葛亮", "name", "诸葛亮"),
        ("向红", "name", "向红"),
        ("名字错了，是王秀兰", "confirm", "王秀兰"),
    ],
)
def test_a_name_is_read_where_the_resident_gives_it(
    nlu: Understanding, text: str, expecting: str | None, name: str
) -> None:
    assert nlu.parse(text, expecting).slots["name"] == name


@pytest.mark.parametrize(
    ("text", "expecting"),
    [
        ("我叫你们帮我查下进度", None),
        ("我叫不出这个病的名字", None),
        ("你叫什么名字", None),
        ("我是农村的", None),
        ("我是梁平的", None),
        ("我是万州人", None),
        ("孙玉梅", None),
        ("不知道", "name"),
        ("家里人", "name"),
    ],
)
def test_words_after_a_name_trigger_that_are_no_name_are_not_taken(
    nlu: Understanding, text: str, expecting: str | None
) -> None:
    assert "name" not in nlu.parse(text, expecting).slots
