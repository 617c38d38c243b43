"""Resident ID numbers (GB 11643): format, checksum and birth date.

python-stdnum's ``cn.ric.validate`` also insists that the region code existed in the birth
year, which rejects real Chongqing residents born before 1997 (SPEC §5); so only its checksum
and birth-date helpers are used, and the region code is not checked at all.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from .errors import ErrorCode

# ASCII digits only: str.isdigit() would also accept full-width and other scripts' digits.
# The check character is an upper-case X; a lower-case one is a typo to correct, not coerce.
_FORMAT = re.compile(r"[0-9]{17}[0-9X]")


class IdProblem(Exception):
    """Why an ID number was refused; the caller turns it into an ``InvalidApplication``."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code)
        self.code = code


def birth_date_of(id_number: str, on: date) -> date:
    """The birth date in a valid ID number, checked in the order format, checksum, date.

    ``on`` is the local submission date: nobody applies before being born.
    """
    if not _FORMAT.fullmatch(id_number):
        raise IdProblem(ErrorCode.INVALID_ID_FORMAT)
    if ric.calc_check_digit(id_number) != id_number[-1]:
        raise IdProblem(ErrorCode.INVALID_ID_CHECKSUM)
    try:
        born = ric.get_birth_date(id_number)
    except ValidationError:
        raise IdProblem(ErrorCode.INVALID_ID_BIRTHDATE) from None
    if born > on:
        raise IdProblem(ErrorCode.INVALID_ID_BIRTHDATE)
    return born
