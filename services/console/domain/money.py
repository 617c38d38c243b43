"""Yuan amounts in decisions: exact decimals, rounded half-up to the fen (SPEC §4, §5).

Caseworkers type amounts; JSON carries them as numbers. A float is read through its shortest
repr (``Decimal(str(0.1))`` is 0.1, not 0.1000000000000000055…), so 83.345 typed in a form
rounds to 83.35 as a person would expect.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0.00")

Amount = Decimal | int | float | str


def to_decimal(value: Amount) -> Decimal:
    """``value`` as a Decimal; ValueError for booleans, non-numbers, NaN and infinities."""
    if isinstance(value, bool):
        raise ValueError("an amount cannot be a boolean")
    try:
        number = Decimal(str(value)) if isinstance(value, float | str) else Decimal(value)
    except (InvalidOperation, TypeError) as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite():
        raise ValueError("not a finite number")
    return number


def round_amount(value: Amount) -> Decimal:
    """Yuan rounded half-up to the fen; -0 becomes 0 so output is canonical."""
    try:
        rounded = to_decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than the decimal context holds
        raise ValueError("amount too large") from exc
    return ZERO if rounded.is_zero() else rounded


def sum_amounts(amounts: list[Decimal]) -> Decimal:
    """The sum of already rounded amounts (exact: they all have two decimals)."""
    return round_amount(sum(amounts, ZERO))


def json_money(value: Decimal) -> float:
    """A rounded amount as the JSON number the events carry (261.0, 83.34)."""
    return float(value)


def yuan_text(value: Decimal) -> str:
    """How an amount is written for people: "932", "83.34", "408.50"."""
    rounded = round_amount(value)
    if rounded == rounded.to_integral_value():
        return f"{rounded:.0f}"
    return f"{rounded:.2f}"
