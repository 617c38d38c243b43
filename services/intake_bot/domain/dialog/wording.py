"""Small pieces of text built from facts: how to refer to the beneficiary, money, masking."""

from __future__ import annotations

from decimal import Decimal

from . import messages as m
from .people import for_self, is_male
from .state import Draft

_TEN_THOUSAND = Decimal(10000)


def who(draft: Draft) -> str:
    """ "您" for the applicant, else the beneficiary's name (or a pronoun before it is known)."""
    if for_self(draft) is not False:
        return m.YOU
    return draft.beneficiary_name or pronoun(draft)


def whose(draft: Draft) -> str:
    return m.YOUR if for_self(draft) is not False else m.POSSESSIVE.format(who=who(draft))


def pronoun(draft: Draft) -> str:
    male = is_male(draft.beneficiary_id)
    return m.THIS_PERSON if male is None else (m.HIM if male else m.HER)


def themself(draft: Draft) -> str:
    """ "您自己" / "她自己": who counts in the household besides the others."""
    if for_self(draft) is not False:
        return m.YOURSELF
    return m.SELF_OF.format(pronoun=pronoun(draft))


def number(value: Decimal | float | int) -> str:
    """A plain decimal: 717, 83.34, 1.5 (never 7E+2 or 717.0)."""
    amount = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(amount.normalize(), "f")


def yuan(value: float) -> str:
    """Money as people say it: 600元, 2万元, 1.25万元, 12345元; nothing is "没有"."""
    amount = Decimal(repr(value))
    if amount == 0:
        return m.NONE
    # Shifting the decimal point never rounds or overflows, unlike ``%`` and ``/``.
    hundreds = amount.scaleb(-2)
    if amount >= _TEN_THOUSAND and hundreds == hundreds.to_integral_value():
        return m.WAN_YUAN.format(amount=number(amount.scaleb(-4)))
    return m.YUAN.format(amount=number(amount))


def masked_id(id_number: str) -> str:
    """5002**********123X: enough to recognise one's own number, not to copy it."""
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def masked_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:]
