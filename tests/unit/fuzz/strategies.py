"""Hypothesis strategies shared by the fuzz tests."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# Any Unicode except lone surrogates (they cannot be encoded as UTF-8): controls, every script,
# emoji, combining marks, private use.
any_char = st.characters(exclude_categories=("Cs",))
texts = st.one_of(
    st.text(any_char, max_size=200),
    st.just(""),
    st.text(st.sampled_from(" \t\n\r\x0b\x0c\u3000\u00a0\u200b\ufeff"), min_size=1, max_size=50),
    st.text(st.sampled_from("低保我想办你好テスト한국어ابجد🙂👨‍👩‍👧\x00\x1b\u202e"), max_size=300),
    st.integers(1000, 5000).flatmap(
        lambda n: (
            st.text(any_char, min_size=n, max_size=n)
            | st.sampled_from(["低", "🙂", "a", "\x00"]).map(lambda c: c * n)
        )
    ),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(any_char, max_size=30),
)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(any_char, max_size=10),
                                                                inner, max_size=5),
    max_leaves=20,
)  # fmt: skip
