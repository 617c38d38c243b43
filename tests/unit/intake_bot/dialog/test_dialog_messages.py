"""The message catalogue: plain Chinese, no English, no leftovers of templates."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from services.intake_bot.domain.dialog import messages

_PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


def _texts() -> Iterator[tuple[str, str]]:
    for name, value in vars(messages).items():
        if name.startswith("_") or name.isupper() is False:
            continue
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, tuple):
            yield from ((name, v) for v in value if isinstance(v, str))
        elif isinstance(value, Mapping):
            yield from ((name, v) for v in value.values() if isinstance(v, str))


def test_the_catalogue_shows_residents_no_english_words() -> None:
    texts = list(_texts())
    assert len(texts) > 100
    for name, text in texts:
        bare = _PLACEHOLDER.sub("", text)
        assert not re.search(r"[A-Za-z]", bare), (name, text)


def test_the_catalogue_uses_everyday_words_not_official_titles() -> None:
    for name, text in _texts():
        assert "最低生活保障" not in text, name
        assert "公民身份号码" not in text, name


def test_amounts_read_the_way_people_say_them() -> None:
    from services.intake_bot.domain.dialog.wording import yuan

    assert yuan(0.0) == "没有"
    assert yuan(600.0) == "600元"
    assert yuan(83.34) == "83.34元"
    assert yuan(12500.0) == "1.25万元"
    assert yuan(12345.0) == "12345元"
    assert yuan(20000.0) == "2万元"
    assert yuan(23000.0) == "2.3万元"
    assert yuan(1e30).endswith("万元")  # absurd, but never a crash
