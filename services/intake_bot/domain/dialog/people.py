"""Who the help is for, and what their ID number says about them (birth date, age, sex).

Ages use the eligibility service's own rules (local Chongqing date, the birthday counts), so a
question asked "because she is 60" is asked exactly when the rules will treat her as 60.
"""

from __future__ import annotations

from datetime import date, datetime

from services.eligibility.domain.dates import age_on, local_date
from services.eligibility.domain.identity import IdProblem, birth_date_of

from .state import Draft


def today(now: datetime) -> date:
    return local_date(now)


def id_problem(id_number: str, on: date) -> bool:
    """True when ``id_number`` is not a valid ID number (format, checksum, birth date) on ``on``."""
    try:
        birth_date_of(id_number, on)
    except IdProblem:
        return True
    return False


def for_self(draft: Draft) -> bool | None:
    """Whether the applicant applies for themself; None while not known."""
    return None if draft.relation is None else draft.relation == "self"


def beneficiary_id(draft: Draft) -> str | None:
    mine = for_self(draft)
    if mine is None:
        return None
    return draft.applicant_id if mine else draft.beneficiary_id


def beneficiary_age(draft: Draft, on: date) -> int | None:
    number = beneficiary_id(draft)
    if number is None:
        return None
    try:
        return age_on(birth_date_of(number, on), on)
    except IdProblem:  # a stored number is valid on the day it was given; not before it
        return None


def is_male(id_number: str | None) -> bool | None:
    """GB 11643: the 17th character is odd for men, even for women."""
    if id_number is None or len(id_number) != 18 or not id_number[16].isdigit():
        return None
    return int(id_number[16]) % 2 == 1
