"""ID numbers (GB 11643 checksum, not the region code) and mobile phone numbers."""

from __future__ import annotations

import pytest
from stdnum.cn import ric

from services.intake_bot.domain.nlu import Understanding
from services.intake_bot.domain.nlu.identity import checksum_ok


@pytest.mark.parametrize(
    ("text", "id_number"),
    [
        ("身份证：50010519550720321X", "50010519550720321X"),
        ("身份证号 500236 19480315 7890", "500236194803157890"),
        ("身份证号500242-19660822-5444", "500242196608225444"),
        ("身份证号5001 0519 5507 2032 1X", "50010519550720321X"),
        ("身份证是50023020030206459x", "50023020030206459X"),
        ("我的身份证是500382194511037823号", "500382194511037823"),
    ],
)
def test_an_id_number_is_found_with_spaces_dashes_and_a_lower_case_x(
    nlu: Understanding, text: str, id_number: str
) -> None:
    assert nlu.parse(text).slots["id_number"] == id_number


def test_a_bare_id_number_is_read_when_the_bot_asked_for_it(nlu: Understanding) -> None:
    parse = nlu.parse("50038119830316431x", "id_number")
    assert parse.slots == {"id_number": "50038119830316431X"}
    assert parse.intent == "inform"


def test_an_old_region_code_is_accepted_when_the_checksum_holds(nlu: Understanding) -> None:
    # 510212 is a pre-1997 code (Sichuan's Chongqing): stdnum's validate rejects it.
    assert not ric.is_valid("510212200507067750")
    assert nlu.parse("身份证：510212200507067750").slots["id_number"] == "510212200507067750"


def test_a_wrong_checksum_is_flagged_not_returned(nlu: Understanding) -> None:
    parse = nlu.parse("身份证号500103198103136665")
    assert "id_number" not in parse.slots
    assert parse.slots["id_number_invalid"] is True
    assert parse.intent == "inform"


def test_a_seventeen_digit_id_number_is_flagged_as_invalid(nlu: Understanding) -> None:
    assert nlu.parse("身份证号码：50022720011111222").slots == {"id_number_invalid": True}


def test_a_valid_id_after_a_wrong_one_is_kept_and_the_flag_dropped(nlu: Understanding) -> None:
    slots = nlu.parse("身份证500103198103136665，不对，是500103198103136664").slots
    assert slots["id_number"] == "500103198103136664"
    assert "id_number_invalid" not in slots


def test_the_checksum_helper_checks_the_eighteenth_character() -> None:
    assert checksum_ok("50010519550720321X")
    assert not checksum_ok("500105195507203210")
    assert not checksum_ok("5001051955072032")
    assert not checksum_ok("50010519550720321Y")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("手机13512345678", "13512345678"),
        ("188 2345 6789", "18823456789"),
        ("手机号：177-2345-6789", "17723456789"),
        ("139 0838 1234", "13908381234"),
        ("+86 13512340000", "13512340000"),
        ("电话 13 983 451 234", "13983451234"),
        ("电话号码是一三九零八三八一二三四", "13908381234"),
    ],
)
def test_a_mobile_number_is_found_however_it_is_grouped(
    nlu: Understanding, text: str, phone: str
) -> None:
    assert nlu.parse(text).slots["phone"] == phone


@pytest.mark.parametrize("text", ["电话12345678901", "座机023-68881234", "电话1381234567"])
def test_what_is_not_a_mobile_number_is_not_a_phone(nlu: Understanding, text: str) -> None:
    assert "phone" not in nlu.parse(text).slots


def test_an_id_number_and_a_phone_in_one_message_are_both_found(nlu: Understanding) -> None:
    slots = nlu.parse("身份证500106200404020883，电话15923456789").slots
    assert slots["id_number"] == "500106200404020883"
    assert slots["phone"] == "15923456789"


def test_the_digits_of_an_id_number_are_not_read_as_amounts(nlu: Understanding) -> None:
    slots = nlu.parse("身份证500113199001014567", "monthly_income").slots
    assert slots == {"id_number": "500113199001014567"}
