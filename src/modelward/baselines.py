"""Baselines of a ward formed by merging others (FORMAT.md section 10), pure and exact.

A ward formed on 1 July 2025 has no 2024 of its own: the figures its 2025 is measured
against are those of the wards it was formed from, combined. Counts add up; a ratio is
worked out from its added-up parts (never by averaging the predecessors' ratios); a
``number`` or ``percent`` figure adds up only where the catalogue says ``combine: sum``.
A predecessor that lacks the period or the figure, or gives it only as a bound ("more
than 90"), leaves the combined figure undefined, naming the predecessor. Criteria are never combined: a status is a judgement of one unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from modelward.models import Catalogue, Indicator, bound_of
from modelward.periods import Period
from modelward.rules import Undefined, Value, exact, figure_of


@dataclass(frozen=True, slots=True)
class Predecessor:
    """A ward the merged ward was formed from: its id and its figures, period by period.

    Every period of the predecessor's file is a key of ``figures``, even one that gives no
    figure: lacking the period and lacking a figure are told apart in the reason.
    """

    id: str
    figures: Mapping[Period, Mapping[str, float]]


_MERGER_GAPS = ("predecessor_missing", "not_combined", "bounded")


@dataclass(frozen=True, slots=True)
class Baseline:
    """One period's figures combined from the predecessors, and why some are undefined."""

    period: Period
    combined_from: tuple[str, ...]
    """The predecessors' ids, in the order the ward file names them."""
    values: Mapping[str, Value]
    """Every indicator that is not a ratio: its added-up figure, or why it has none."""

    def value(self, indicator: Indicator, catalogue: Catalogue) -> Value:
        """The indicator's combined figure; a ratio from the added-up parts, exactly."""
        return figure_of(indicator, {}, catalogue, self.values)

    def gaps(self, catalogue: Catalogue) -> list[tuple[Indicator, Value]]:
        """Every indicator, ratios too, whose combined figure the merger leaves undefined
        (a predecessor lacks it, it does not add up, or it is known only by a bound)."""
        out = []
        for indicator in catalogue.indicators:
            value = self.value(indicator, catalogue)
            if value.value is None and value.why in _MERGER_GAPS:
                out.append((indicator, value))
        return out

    @property
    def complete(self) -> bool:
        """Whether every figure that adds up was found in every predecessor."""
        return all(v.why != "predecessor_missing" for v in self.values.values())


def add_up(
    indicator: Indicator, parts: Sequence[tuple[str, float | None]], lacking: Undefined
) -> Value:
    """An indicator's figure made of several figures added up, exactly: one per named part
    (a merged ward, or an old indicator of a crosswalk), None where the part lacks it.

    Undefined, naming the parts at fault, where one lacks it (``lacking`` says why) or gives
    it only as a bound ("more than 90" plus 10 is no exact figure). Whether the indicator
    adds up at all is the caller's to ask first (``Indicator.adds_up``).
    """
    missing = tuple(name for name, figure in parts if figure is None)
    if missing:
        return Value(None, lacking, indicator.id, missing)
    bounded = tuple(name for name, figure in parts if bound_of(figure) is not None)
    if bounded:
        return Value(None, "bounded", indicator.id, bounded)
    return Value(sum((exact(f) for _, f in parts if f is not None), Fraction(0)))


def combine(
    catalogue: Catalogue,
    period: Period,
    predecessors: tuple[Predecessor, ...],
    after: Period | None = None,
) -> Baseline:
    """The predecessors' figures for one period, combined as FORMAT.md section 10 says.

    Where ``period`` is the year before ``after``, each predecessor's own spelling of it is
    found as a ward's own comparison period is (``Period.year_before_in``): a span ending 28
    February the year after a leap year finds one ending 29 February. The baseline's period
    is the first predecessor's spelling of it.
    """
    year_before = after is not None and after.year_before() == period
    found = [
        (after.year_before_in(p.figures) if after is not None and year_before else None) or period
        for p in predecessors
    ]
    values: dict[str, Value] = {}
    for indicator in catalogue.indicators:
        if indicator.ratio is not None:
            continue  # worked out from its parts by ``Baseline.value``
        if not indicator.adds_up:
            values[indicator.id] = Value(None, "not_combined", indicator.id)
            continue
        values[indicator.id] = add_up(
            indicator,
            [
                (p.id, p.figures.get(at, {}).get(indicator.id))
                for p, at in zip(predecessors, found, strict=True)
            ],
            "predecessor_missing",
        )
    shown = next((at for p, at in zip(predecessors, found, strict=True) if at in p.figures), period)
    return Baseline(shown, tuple(p.id for p in predecessors), values)


@dataclass(frozen=True, slots=True)
class Lineage:
    """A formed ward's predecessors: what its comparisons fall back on before it existed."""

    on: dt.date
    predecessors: tuple[Predecessor, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The predecessors' ids, in the order the ward file names them."""
        return tuple(p.id for p in self.predecessors)

    def baseline(
        self, period: Period, catalogue: Catalogue, after: Period | None = None
    ) -> Baseline:
        """The predecessors' figures for ``period``, combined; ``after``: the period it is
        the year before of, found as ``combine`` says."""
        return combine(catalogue, period, self.predecessors, after)

    def periods(self) -> list[Period]:
        """Every period any predecessor has, earliest first (the combined years of ``history``)."""
        return sorted({p for pred in self.predecessors for p in pred.figures})

    def before_formed(self, period: Period) -> bool:
        """Whether the period ends before the ward was formed."""
        return period.last_day < self.on
