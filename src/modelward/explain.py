"""Results in words: figures in their indicator's format, and why a criterion has its status."""

from __future__ import annotations

from fractions import Fraction

from modelward.i18n import Lang, label, number, percent, rounded, text
from modelward.models import AllOf, AnyOf, Catalogue, Comparison, Indicator, Rule
from modelward.rules import Check, Value, difference, exact
from modelward.scoring import CriterionResult

# When the comparison held, its own symbol; when it failed, the opposite one.
_SYMBOLS = {
    "at_least": ("≥", "<"),
    "at_most": ("≤", ">"),
    "above": (">", "≤"),
    "below": ("<", "≥"),
}


def _decimals(indicator: Indicator) -> int:
    return 0 if indicator.kind == "count" else 2


def figure(
    value: Fraction | float, indicator: Indicator, lang: Lang, decimals: int | None = None
) -> str:
    """A figure in its indicator's format: ``12.000``, ``6,5`` or ``97,96%``."""
    places = _decimals(indicator) if decimals is None else decimals
    if indicator.kind == "percent":
        return percent(value, lang, places, trim=True)
    if indicator.kind == "number" or places:
        return number(value, lang, places, trim=True)
    return number(value, lang, 0)


def bounded(shown: str, bound: str | None, lang: Lang) -> str:
    """A figure with its bound in words: ``trên 90%``, ``above 90%``; as it is when exact."""
    return shown if bound is None else label(f"bound_{bound}", lang, figure=shown)


def change(value: Fraction | None, lang: Lang, decimals: int = 1) -> str:
    """A relative change as a signed percent with one decimal, or a dash where undefined."""
    return "—" if value is None else percent(value, lang, decimals, signed=True)


def points(delta: Fraction, lang: Lang) -> str:
    """A share's change in percentage points, signed, one decimal: ``+8,3 điểm %``, ``−8.3 pp``
    (11/12 → 9/9 is 1/12, 8.33… points)."""
    hundred = delta * 100
    sign = "+" if rounded(hundred, 1) > 0 else ""
    return f"{sign}{number(hundred, lang, 1)} {label('points', lang)}"


def moved_by(
    indicator: Indicator, before: Value, now: Value, relative: Fraction | None
) -> Fraction | None:
    """What a figure's move from a year earlier is read by: for a share (``percent``) the
    difference (a fraction: 1/12 is 8.3 points), for any other figure its ``relative`` change;
    None where undefined. The JSON ``change`` stays relative for every figure (FORMAT.md
    section 5); this is how people read it."""
    return difference(before, now) if indicator.kind == "percent" else relative


def moved(
    indicator: Indicator, before: Value, now: Value, relative: Fraction | None, lang: Lang
) -> str:
    """A figure's move in words: ``+8,3 điểm %`` for a share, ``−58,3%`` for any other figure,
    a dash where undefined. Every human-readable output says a change this way."""
    by = moved_by(indicator, before, now, relative)
    if by is None:
        return "—"
    return points(by, lang) if indicator.kind == "percent" else change(by, lang)


def improved(indicator: Indicator, by: Fraction) -> bool:
    """Whether a move (``moved_by``, not 0) is for the better, given the indicator's ``better``."""
    return (by < 0) == (indicator.better == "lower")


def _places(value: Fraction, near: Fraction, decimals: int) -> int:
    """Enough decimals (up to 8) that ``value`` does not round to ``near``: never "100% < 100%"."""
    while value != near and decimals < 8 and rounded(value, decimals) == near:
        decimals += 1
    return decimals


def _threshold(comparison: Comparison, indicator: Indicator, lang: Lang) -> str:
    _, threshold = comparison.operator
    operand, _ = comparison.operand
    if operand == "change" or indicator.kind == "percent":
        return percent(threshold, lang, 2, trim=True)
    return number(threshold, lang, 2, trim=True)


def _undefined(check: Check, catalogue: Catalogue, lang: Lang, prev: str) -> str:
    return undefined(check.actual, catalogue, lang, prev, check.now.value is not None)


def undefined(
    value: Value, catalogue: Catalogue, lang: Lang, prev: str, before_missing: bool = False
) -> str:
    """Why a figure has no value, in words; ``before_missing``: the earlier one is missing."""
    why, culprit = value.why, value.culprit
    culprit_ind = catalogue.indicator(culprit)
    what = text(culprit_ind.title, lang) if culprit_ind else culprit
    if why == "missing":
        return label(
            "why_not_reported_before" if before_missing else "why_not_reported",
            lang,
            what=what,
            prev=prev,
        )
    if why == "predecessor_missing":
        return label(
            "why_predecessor_missing", lang, what=what, prev=prev, wards=", ".join(value.wards)
        )
    if why == "not_combined":
        return label("why_not_combined", lang, what=what)
    if why == "old_missing":
        return label("why_old_missing", lang, what=what, prev=prev, ids=", ".join(value.wards))
    if why == "old_not_combined":
        return label("why_old_not_combined", lang, what=what, ids=", ".join(value.wards))
    if why == "zero_denominator":
        return label("why_zero_denominator", lang, what=what)
    if why == "other_catalogue":
        return label("why_other_catalogue", lang, prev=prev, catalogue=", ".join(value.wards))
    if why == "no_previous_period":
        return label("why_no_previous_period", lang, prev=prev)
    if why == "bounded":
        said = label("why_bounded", lang, what=what)
        # In a baseline combined from merged wards: the wards that gave only a bound.
        return f"{said} ({', '.join(value.wards)})" if value.wards else said
    return label("why_previous_zero", lang, what=what, prev=prev)


def describe(check: Check, catalogue: Catalogue, lang: Lang, prev: str) -> str:
    """One comparison in words: ``Tỷ lệ … 91,67% < 100%`` or why it has no value."""
    comparison = check.comparison
    operand, indicator_id = comparison.operand
    indicator = catalogue.indicator(indicator_id)
    assert indicator is not None, "checked when the catalogue was loaded"
    if check.actual.value is None:
        said = _undefined(check, catalogue, lang, prev)
        if check.defaulted:
            said += f" → {label('why_taken_as', lang, status=label(check.status, lang).lower())}"
        return said
    name, limit = comparison.operator
    held, failed = _SYMBOLS[name]
    symbol = held if check.status == "met" else failed
    threshold = _threshold(comparison, indicator, lang)
    title = text(indicator.title, lang)
    actual = check.actual.value
    if operand == "value":
        scale = 100 if indicator.kind == "percent" else 1
        places = _places(actual * scale, exact(limit) * scale, _decimals(indicator))
        shown = bounded(figure(actual, indicator, lang, places), check.actual.bound, lang)
        if check.status == "unknown":  # a bound that falls on both sides of the threshold
            unsure = label("why_bound_unknown", lang, symbol=held, threshold=threshold)
            return f"{title} {shown}: {unsure}"
        return f"{title} {shown} {symbol} {threshold}"
    assert check.now.value is not None
    assert check.before.value is not None
    moved = f"{figure(check.before.value, indicator, lang)} → {figure(check.now.value, indicator, lang)}"
    places = _places(actual * 100, exact(limit) * 100, 1)
    return (
        f"{title} {change(actual, lang, places)} {label('why_against', lang, prev=prev)} "
        f"({moved}) {symbol} {threshold}"
    )


def reason(result: CriterionResult, catalogue: Catalogue, lang: Lang, prev: str) -> str:
    """Why a criterion has its status, in one line."""
    if result.source == "judged":
        return result.note
    said: list[str] = []
    for check in result.checks:
        line = describe(check, catalogue, lang, prev)
        if line not in said:
            said.append(line)
    because = "; ".join(said)
    if result.overridden:
        assert result.rule_status is not None
        by_rule = label("why_rule_said", lang, status=label(result.rule_status, lang).lower())
        return (
            f"{label('why_override', lang, reason=result.override_reason)} ({by_rule} — {because})"
        )
    return because


def gap(check: Check, catalogue: Catalogue, lang: Lang) -> str | None:
    """How far a failed comparison's figure is from its threshold, in the figure's units."""
    if check.status != "not_met" or check.actual.value is None:
        return None
    comparison = check.comparison
    operand, indicator_id = comparison.operand
    indicator = catalogue.indicator(indicator_id)
    assert indicator is not None
    _, threshold = comparison.operator
    distance = abs(exact(threshold) - check.actual.value)
    if distance == 0:
        return None  # a strict comparison at its threshold: "0 from the threshold" says nothing
    if operand == "change" or indicator.kind == "percent":
        points = distance * 100
        return label(
            "why_gap_points", lang, gap=number(points, lang, _places(points, Fraction(0), 1))
        )
    places = _places(distance, Fraction(0), _decimals(indicator))
    return label("why_gap_units", lang, gap=figure(distance, indicator, lang, places))


def rule_words(rule: Rule, catalogue: Catalogue, lang: Lang, nested: bool = False) -> str:
    """A rule written out for people: ``Tỷ lệ tin báo, tố giác được xử lý ≥ 100%``."""
    if isinstance(rule, AllOf | AnyOf):
        parts = rule.all if isinstance(rule, AllOf) else rule.any
        joiner = label("rule_and" if isinstance(rule, AllOf) else "rule_or", lang)
        said = joiner.join(rule_words(p, catalogue, lang, nested=True) for p in parts)
        return f"({said})" if nested and len(parts) > 1 else said
    operand, indicator_id = rule.operand
    indicator = catalogue.indicator(indicator_id)
    what = text(indicator.title, lang) if indicator is not None else indicator_id
    if operand == "change":
        what = label("rule_change", lang, what=what)
    name, _ = rule.operator
    threshold = (
        _threshold(rule, indicator, lang) if indicator is not None else str(rule.operator[1])
    )
    unit = text(indicator.unit, lang) if indicator is not None and operand == "value" else ""
    if unit and indicator is not None and indicator.kind != "percent":
        threshold += f" {unit}"
    said = f"{what} {_SYMBOLS[name][0]} {threshold}"
    if rule.if_undefined is not None:
        status = label(rule.if_undefined, lang).lower()
        said += f" ({label('rule_if_undefined', lang, status=status)})"
    return said
