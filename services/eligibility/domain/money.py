"""Exact money arithmetic: decimal products, half-up rounding to the fen, display figures.

Decisions compare exact products (``I < S × n``), never a rounded per-person figure, so every
product here is computed in a context wide enough to be exact for any number JSON can carry.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

FEN = Decimal("0.01")
ZERO = Decimal(0)

# Wide enough that sums and products of JSON numbers (ints are capped at 4300 digits by the
# json module, floats at ~1e308) are exact; the global context might be changed by anyone.
_EXACT = Context(prec=10_000, rounding=ROUND_HALF_UP)


def product(*factors: Decimal | int) -> Decimal:
    result = Decimal(1)
    for factor in factors:
        result = _EXACT.multiply(result, Decimal(factor))
    return result


def difference(minuend: Decimal, subtrahend: Decimal) -> Decimal:
    return _EXACT.subtract(minuend, subtrahend)


def total(amounts: tuple[Decimal, ...] | list[Decimal]) -> Decimal:
    result = ZERO
    for amount in amounts:
        result = _EXACT.add(result, amount)
    return result


def round_amount(amount: Decimal) -> Decimal:
    """Yuan rounded half-up to the fen (SPEC §4, §5); -0 becomes 0 so output is canonical."""
    rounded = amount.quantize(FEN, rounding=ROUND_HALF_UP, context=_EXACT)
    return abs(rounded) if rounded.is_zero() else rounded


def per_capita_for_display(amount: Decimal, members: int, threshold: Decimal) -> Decimal:
    """``amount / members`` to the fen, for a message that compares it with ``threshold``.

    Rounded half-up, except that a figure which is really below (above) the threshold is
    never shown as equal to it: "人均635.997元" must not read "636元，低于636元".
    """
    exact = Fraction(amount) / members
    rounded = _half_up_to_fen(exact)
    if rounded == threshold and exact != Fraction(threshold):
        direction = ROUND_FLOOR if exact < Fraction(threshold) else ROUND_CEILING
        rounded = _to_fen(exact, direction)
    return rounded


def _half_up_to_fen(value: Fraction) -> Decimal:
    return _to_fen(value, ROUND_HALF_UP)


def _to_fen(value: Fraction, rounding: str) -> Decimal:
    fen = value / Fraction(FEN)
    whole, remainder = divmod(fen.numerator, fen.denominator)
    round_up = {
        ROUND_FLOOR: False,
        ROUND_CEILING: remainder > 0,
        ROUND_HALF_UP: remainder * 2 >= fen.denominator,
    }[rounding]
    if round_up:
        whole += 1
    return round_amount(_EXACT.multiply(Decimal(whole), FEN))


def yuan_text(amount: Decimal) -> str:
    """How a figure is written for a resident: "636", "83.34", "408.50"."""
    rounded = round_amount(amount)
    if rounded == rounded.to_integral_value():
        return f"{rounded:.0f}"
    return f"{rounded:.2f}"


def plain_number_text(value: Decimal) -> str:
    """A non-money figure (a multiple, a count of months) as written: "1.5", "24"."""
    return format(value.normalize(context=_EXACT), "f")


def json_number(value: Decimal) -> int | float:
    """A decimal as a JSON number: an int when whole, else the nearest float."""
    if value.is_zero():
        return 0
    if value == value.to_integral_value():
        return int(value)
    return float(value)
