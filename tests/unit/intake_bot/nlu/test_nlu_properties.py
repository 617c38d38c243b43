"""Properties over any text: parse never raises, always gives a known intent, and never
returns an ID number whose checksum fails."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from services.intake_bot.domain.nlu import Understanding, load_understanding
from services.intake_bot.domain.understanding import CONTRACT_SLOTS, EXPECTABLE, Intent

_EXPECTING = st.one_of(st.none(), st.sampled_from(sorted(EXPECTABLE)), st.text(max_size=20))
# Characters the NLU reacts to, mixed with anything else Unicode has (controls included).
_DOMAIN = st.sampled_from([
    *"0123456789 -xX一二两三四五六七八九十百千万点零口人个岁级块元年月",
    "收入", "存款", "低保", "五保", "开县", "渝中", "我叫", "身份证", "没有", "莫得", "不是",
    "\x00", "\u200b", "\ufeff", "\n", "\t", "，", "。", "？",
])  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=3000),
    st.lists(st.one_of(_DOMAIN, st.characters()), max_size=400).map("".join),
)


# What each contract type may hold: an int is a fine float (the JSON reader sees a number).
_PYTHON_TYPES: dict[type, type | tuple[type, ...]] = {int: int, float: (int, float), str: str}


def _nlu() -> Understanding:
    return load_understanding()  # cached: hypothesis does not mix with function fixtures


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, expecting=_EXPECTING)
def test_parse_never_raises_and_always_gives_a_known_intent(
    text: str, expecting: str | None
) -> None:
    parse = _nlu().parse(text, expecting)
    assert parse.intent in set(Intent)
    for slot, value in parse.slots.items():
        if slot in CONTRACT_SLOTS:
            assert isinstance(value, _PYTHON_TYPES[CONTRACT_SLOTS[slot]]), (slot, value)


@st.composite
def _id_numbers(draw: st.DrawFn) -> str:
    body = draw(st.text(alphabet="0123456789", min_size=17, max_size=17))
    last = draw(st.sampled_from("0123456789Xx"))
    separator = draw(st.sampled_from(["", " ", "-"]))
    return f"{body[:6]}{separator}{body[6:14]}{separator}{body[14:]}{last}"


@settings(max_examples=300, deadline=None)
@given(number=_id_numbers(), before=st.text(max_size=20), after=st.text(max_size=20))
def test_an_id_number_in_the_slots_always_passes_the_checksum(
    number: str, before: str, after: str
) -> None:
    slots = _nlu().parse(f"{before}身份证{number}{after}").slots
    if "id_number" in slots:
        found = slots["id_number"]
        assert len(found) == 18
        assert ric.calc_check_digit(found) == found[-1]


@settings(max_examples=200, deadline=None)
@given(body=st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_a_well_formed_id_number_is_found_exactly_when_its_checksum_holds(body: str) -> None:
    good = body + ric.calc_check_digit(body + "0")
    bad = body + ("1" if good[-1] == "0" else "0")
    assert _nlu().parse(f"身份证{good}").slots.get("id_number") == good
    slots = _nlu().parse(f"身份证{bad}").slots
    assert "id_number" not in slots
    assert slots["id_number_invalid"] is True
