"""The rule grammar of FORMAT.md, evaluated over one period's figures (pure, exact arithmetic).

Figures are read as the decimals the user wrote (``Fraction(repr(x))``), ratios and changes
are exact fractions, so "at least 70%" never fails on 0.7 being 0.69999….
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from modelward.models import (
    SOURCES,
    AllOf,
    AnyOf,
    Bound,
    Catalogue,
    Comparison,
    Indicator,
    Rule,
    Source,
    bound_of,
    source_of,
)
from modelward.periods import Period

Status = Literal["met", "not_met", "not_applicable", "unknown"]
Undefined = Literal[
    "missing",
    "zero_denominator",
    "no_previous_period",
    "previous_zero",
    "predecessor_missing",
    "not_combined",
    "bounded",
    "old_missing",
    "old_not_combined",
    "other_catalogue",
]
"""Why a figure has no value. ``predecessor_missing`` and ``not_combined`` are for a
baseline combined from merged wards: a predecessor lacks the period or the figure, or the
figure does not add up. ``bounded``: a figure known only by a bound, where an exact one is
needed (a share's part, a change). ``old_missing`` and ``old_not_combined`` are the same two
for figures carried through a crosswalk where several old indicators became one: one of
them was not reported, or they do not add up."""


@lru_cache(maxsize=8192)
def exact(x: float) -> Fraction:
    """The decimal a figure was written as, exactly: 0.7 is 7/10, not the nearest binary.

    Cached: the same figures, weights and thresholds recur across thousands of wards, and
    reading a decimal into a Fraction is the costliest step of scoring one.
    """
    if isinstance(x, int) or x.is_integer():
        return Fraction(int(x))
    return Fraction(repr(float(x)))


@dataclass(frozen=True, slots=True)
class Value:
    """An indicator's figure in a period, or why it has none."""

    value: Fraction | None
    why: Undefined | None = None
    culprit: str = ""
    """The indicator that is missing, or the denominator that is zero."""
    wards: tuple[str, ...] = ()
    """For ``predecessor_missing``: the merged wards that lack the period or the figure; for
    ``old_missing`` and ``old_not_combined``, the old indicators (``bounded``: either); for
    ``other_catalogue``, the ``ID@VERSION`` the period a year earlier is on."""
    bound: Bound | None = None
    """Where the true figure lies beyond ``value`` (a figure published as "above 90%")."""
    source: Source = "report"
    """Where the figure comes from (FORMAT.md section 8)."""


def figure_of(
    indicator: Indicator,
    figures: dict[str, float],
    catalogue: Catalogue,
    values: Mapping[str, Value] | None = None,
) -> Value:
    """The figure of an indicator in one period's figures; ratios are derived, exactly.

    ``values``: figures already worked out (a baseline combined from merged wards), each
    with why where it has none; read where ``figures`` lacks the indicator.
    """
    raw = figures.get(indicator.id)
    if raw is not None:  # reported, or a share published without its parts
        return Value(exact(raw), bound=bound_of(raw), source=source_of(raw))
    if indicator.ratio is None:
        known = values.get(indicator.id) if values else None
        return known if known is not None else Value(None, "missing", indicator.id)
    num_id, den_id = indicator.ratio
    parts = []
    for part_id in (num_id, den_id):
        part = catalogue.indicator(part_id)
        assert part is not None, "checked when the catalogue was loaded"
        parts.append(figure_of(part, figures, catalogue, values))
    num, den = parts
    for value in (num, den):
        if value.value is None:
            return value
    assert num.value is not None
    assert den.value is not None
    for part_id, value in ((num_id, num), (den_id, den)):
        if value.bound is not None:  # a part known only by a bound: no exact share
            return Value(None, "bounded", part_id)
    if den.value == 0:
        return Value(None, "zero_denominator", den_id)
    # A share is as sure as the less sure of its parts (SOURCES runs from most to least).
    source = max(num.source, den.source, key=SOURCES.index)
    return Value(num.value / den.value, source=source)


def difference(before: Value, now: Value) -> Fraction | None:
    """now − before, where both figures exist and neither is only a bound (FORMAT.md
    section 8: a change from or to a bounded figure is undefined)."""
    if before.value is None or now.value is None:
        return None
    if before.bound is not None or now.bound is not None:
        return None
    return now.value - before.value


def relative_change(now: Fraction, before: Fraction) -> Fraction | None:
    """(now − before) / before: 0 where both are 0, None (undefined) where only before is 0."""
    if before == 0:
        return Fraction(0) if now == 0 else None
    return (now - before) / before


@dataclass(frozen=True, slots=True)
class Figures:
    """What a rule reads: a period's figures and those of the same period a year earlier."""

    catalogue: Catalogue
    period: Period
    now: dict[str, float]
    before: dict[str, float] | None
    """None when the ward has no period a year earlier."""
    before_values: Mapping[str, Value] | None = None
    """The figures a year earlier already worked out, each with why where it has none: a
    baseline combined from merged wards (``before`` is then empty)."""
    unlinked: str | None = None
    """Where the ward has the period a year earlier on a catalogue version that no
    ``replaces`` links to this one: its ``ID@VERSION`` (``before`` is then None)."""

    def previous_missing(self, indicator_id: str) -> Value:
        """Why there is no figure a year earlier, where ``before`` is None."""
        if self.unlinked is not None:
            return Value(None, "other_catalogue", indicator_id, (self.unlinked,))
        return Value(None, "no_previous_period", indicator_id)

    def value(self, indicator_id: str) -> Value:
        """The indicator's figure this period."""
        indicator = self.catalogue.indicator(indicator_id)
        assert indicator is not None, "checked when the catalogue was loaded"
        return figure_of(indicator, self.now, self.catalogue)

    def previous(self, indicator_id: str) -> Value:
        """The indicator's figure in the same period a year earlier."""
        if self.before is None:
            return self.previous_missing(indicator_id)
        indicator = self.catalogue.indicator(indicator_id)
        assert indicator is not None, "checked when the catalogue was loaded"
        return figure_of(indicator, self.before, self.catalogue, self.before_values)

    def change(self, indicator_id: str) -> tuple[Value, Value, Value]:
        """The relative change against a year earlier, with the two figures it comes from."""
        now, before = self.value(indicator_id), self.previous(indicator_id)
        if now.value is None:
            return now, now, before
        if before.value is None:
            return before, now, before
        if now.bound is not None or before.bound is not None:
            return Value(None, "bounded", indicator_id), now, before
        change = relative_change(now.value, before.value)
        if change is None:
            return Value(None, "previous_zero", indicator_id), now, before
        return Value(change), now, before


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison evaluated: what it read, what it needed, and what it concluded."""

    comparison: Comparison
    status: Status
    actual: Value
    now: Value
    before: Value

    @property
    def defaulted(self) -> bool:
        """Whether the status came from ``if_undefined`` rather than a figure."""
        return self.actual.value is None and self.status != "unknown"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule's status and the comparisons that decided it, for the reason shown to people."""

    status: Status
    checks: tuple[Check, ...]


_OPS = {
    "at_least": lambda a, t: a >= t,
    "at_most": lambda a, t: a <= t,
    "above": lambda a, t: a > t,
    "below": lambda a, t: a < t,
}


_NOT_REPORTED = ("missing", "predecessor_missing")


def compare(comparison: Comparison, figures: Figures) -> Check:
    """Evaluate one comparison.

    A figure the ward did not report is always ``unknown``; ``if_undefined`` decides only
    where the figure exists but the operand has no value (a ratio over zero, a change from
    zero, no period a year earlier).
    """
    operand, indicator_id = comparison.operand
    if operand == "value":
        actual = figures.value(indicator_id)
        now, before = actual, Value(None)
    else:
        actual, now, before = figures.change(indicator_id)
    if actual.value is None:
        if actual.why in _NOT_REPORTED or comparison.if_undefined is None:
            return Check(comparison, "unknown", actual, now, before)
        return Check(comparison, comparison.if_undefined, actual, now, before)
    name, threshold = comparison.operator
    if actual.bound is not None:
        return Check(comparison, bounded(actual, name, exact(threshold)), actual, now, before)
    held = _OPS[name](actual.value, exact(threshold))
    return Check(comparison, "met" if held else "not_met", actual, now, before)


def bounded(actual: Value, operator: str, threshold: Fraction) -> Status:
    """A comparison over a figure known only by a bound: met where every figure beyond the
    bound meets it, not met where none does, else unknown.

    ``above 0.9`` meets ``at_least 0.75``; against ``at_least 0.95`` it is unknown. Figures
    are never negative, which the lower end of ``below``/``at_most`` uses.
    """
    assert actual.value is not None
    v, bound = actual.value, actual.bound
    # The figures the bound allows: from lo to hi; open ends exclude the end itself.
    if bound in ("above", "at_least"):
        lo, lo_open, hi, hi_open = v, bound == "above", None, True
    else:
        lo, lo_open, hi, hi_open = Fraction(0), False, v, bound == "below"
    if operator == "at_least":
        every = lo >= threshold
        none = hi is not None and (hi < threshold or (hi == threshold and hi_open))
    elif operator == "above":
        every = lo > threshold or (lo == threshold and lo_open)
        none = hi is not None and hi <= threshold
    elif operator == "at_most":
        every = hi is not None and hi <= threshold
        none = lo > threshold or (lo == threshold and lo_open)
    else:  # below
        every = hi is not None and (hi < threshold or (hi == threshold and hi_open))
        none = lo >= threshold
    if every:
        return "met"
    return "not_met" if none else "unknown"


def evaluate(rule: Rule, figures: Figures) -> Outcome:
    """A rule's three-valued outcome (plus not_applicable from ``if_undefined``).

    ``all``: not met as soon as one part is not met, else unknown if one is unknown, else met
    (parts that are not applicable are left out; all of them not applicable is not applicable).
    ``any``: met as soon as one part is met, else unknown if one is unknown, else not met
    (likewise for not applicable parts). The checks kept are those that decided.
    """
    if isinstance(rule, Comparison):
        check = compare(rule, figures)
        return Outcome(check.status, (check,))
    parts = [
        evaluate(part, figures) for part in (rule.all if isinstance(rule, AllOf) else rule.any)
    ]
    deciding: Status = "not_met" if isinstance(rule, AllOf) else "met"
    other: Status = "met" if isinstance(rule, AllOf) else "not_met"
    assert isinstance(rule, AllOf | AnyOf)
    wanted: Status
    for wanted in (deciding, "unknown"):
        hits = [p for p in parts if p.status == wanted]
        if hits:
            return Outcome(wanted, tuple(c for p in hits for c in p.checks))
    if all(p.status == "not_applicable" for p in parts):
        return Outcome("not_applicable", tuple(c for p in parts for c in p.checks))
    return Outcome(other, tuple(c for p in parts if p.status == other for c in p.checks))
