"""``validate_application``: parsing, defaults and refusals that a case file cannot express."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from eligibility_support import make_id, payload

from services.eligibility.domain import (
    EvaluationError,
    InvalidApplication,
    NoPolicyError,
    PolicyBook,
    evaluate,
    validate_application,
)
from services.eligibility.domain.application import Channel, Residence


def test_missing_beneficiary_means_the_applicant_with_spec_defaults() -> None:
    app = validate_application(payload())
    person = app.beneficiary
    assert person.is_applicant
    assert person.id_number == app.applicant.id_number
    assert person.name == app.applicant.name
    assert person.disability_grade == 0
    assert person.disability_kind is None
    assert person.serious_illness is False
    assert person.able_supporter is True
    assert person.parents is None
    assert person.in_institution is False


def test_beneficiary_with_own_id_is_not_the_applicant() -> None:
    app = validate_application(payload(beneficiary={"id_number": make_id("19500601")}))
    assert not app.beneficiary.is_applicant
    assert app.beneficiary.birth_date == date(1950, 6, 1)


def test_local_date_is_taken_in_chongqing() -> None:
    app = validate_application(payload(submitted_at="2022-08-31T16:00:00Z"))
    assert app.local_date == date(2022, 9, 1)


def test_money_is_read_as_the_decimal_that_was_written() -> None:
    app = validate_application(payload(household={"monthly_income": 0.1, "financial_assets": 7}))
    assert app.household.monthly_income == Decimal("0.1")
    assert app.household.financial_assets == Decimal(7)


def test_money_may_arrive_as_decimal_from_a_decimal_json_parser() -> None:
    app = validate_application(payload(household={"monthly_income": Decimal("1907.99")}))
    assert app.household.monthly_income == Decimal("1907.99")


def test_enum_values_become_enum_members() -> None:
    app = validate_application(payload(channel="fingertip", household={"residence": "rural"}))
    assert app.channel is Channel.FINGERTIP
    assert app.household.residence is Residence.RURAL


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity")])
def test_non_finite_money_is_the_wrong_type(bad: object) -> None:
    with pytest.raises(InvalidApplication) as caught:
        validate_application(payload(household={"monthly_income": bad}))
    assert caught.value.code == "invalid_type"


def test_checksum_error_message_is_plain_chinese_for_the_resident() -> None:
    number = make_id("19700315")
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    with pytest.raises(InvalidApplication) as caught:
        validate_application(payload(applicant={"id_number": wrong}))
    assert caught.value.message == "身份证号码有误，请核对后重新输入。"
    assert caught.value.to_dict() == {
        "code": "invalid_id_checksum",
        "message": "身份证号码有误，请核对后重新输入。",
        "field": "applicant.id_number",
    }


def test_beneficiary_id_errors_say_whose_number_it_is() -> None:
    with pytest.raises(InvalidApplication) as caught:
        validate_application(payload(beneficiary={"id_number": "123"}))
    assert caught.value.message.startswith("受助人的身份证号码")


def test_no_policy_is_an_error_not_a_rejection(book: PolicyBook) -> None:
    with pytest.raises(NoPolicyError) as caught:
        evaluate(payload(submitted_at="2021-08-31T15:59:59Z"), book)
    assert isinstance(caught.value, EvaluationError)
    assert caught.value.code == "no_policy"
    assert "2021年9月1日" in caught.value.message


def test_validation_does_not_need_a_policy_book() -> None:
    # Applications from before any policy still parse; only evaluation needs a version.
    app = validate_application(payload(submitted_at="2020-01-01T00:00:00+08:00"))
    assert app.local_date == date(2020, 1, 1)


def test_unknown_extra_fields_are_ignored() -> None:
    app = validate_application(payload(source_ip="10.0.0.1", household={"floor": 3}))
    assert app.household.members == 3


def test_payload_is_not_modified() -> None:
    original = payload()
    snapshot = repr(original)
    validate_application(original)
    assert repr(original) == snapshot
