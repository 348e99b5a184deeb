"""Numbers as people read them: rounded half away from zero, in a language's style.

Kept apart from ``i18n`` (which re-exports them) so that messages can state a number
without importing what ``i18n`` needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

MINUS = "\u2212"  # the typographic minus sign: "−58,3%"


def decimal_of(value: float | Fraction | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(repr(float(value)))


def rounded(value: float | Fraction | Decimal, decimals: int) -> Decimal:
    """Rounded half away from zero, as people round: 6.25 to one decimal is 6.3.

    Exact however many digits the result has (a change of +10¹⁸% has 21 before the
    decimals): the context's precision is set from the number, not left at 28 digits, past
    which ``quantize`` refuses to round.
    """
    d = decimal_of(value)
    if not d.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    with localcontext() as context:
        context.prec = max(context.prec, d.adjusted() + decimals + 2)
        return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(
    value: float | Fraction | Decimal, lang: str, decimals: int = 0, *, trim: bool = False
) -> str:
    """A number in the language's style: ``12.000`` and ``58,3`` in vi, ``12,000`` and ``58.3`` in en.

    ``trim`` drops trailing zeros after the decimal mark (``75,50`` is ``75,5``). Negative
    numbers take the typographic minus sign; a number that rounds to zero takes none.
    """
    d = rounded(value, decimals)
    if trim and decimals:
        d = d.normalize() if d != d.to_integral() else d.quantize(Decimal(1))
        places = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    else:
        places = decimals
    formatted = f"{abs(d):,.{places}f}"
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return (MINUS if d < 0 else "") + formatted


NOT_COUNTS = frozenset({"year", "line", "first", "fixed", "low", "high", "value", "asked"})
"""Whole-number arguments of labels and messages that are names, not amounts: a year, a line
number, a number as the user wrote it or YAML read it. Every other whole number is a count,
shown as ``number`` shows it (``3.321`` in vi, ``3,321`` in en)."""


def counted(values: Mapping[str, object], lang: str) -> dict[str, object]:
    """Arguments of a text with their counts in the language's style (``3.321 phường``)."""
    return {
        name: number(value, lang)
        if type(value) is int and name not in NOT_COUNTS  # type: a bool is no count
        else value
        for name, value in values.items()
    }
