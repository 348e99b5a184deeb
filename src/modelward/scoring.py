"""Statuses, totals, weighted shares, verdicts and year-over-year figures of one period (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from modelward.crosswalk import Carried, link, same_version
from modelward.models import (
    Catalogue,
    Criterion,
    Group,
    Indicator,
    PeriodData,
    Stage,
    Verdict,
)
from modelward.periods import Period
from modelward.rules import (
    Check,
    Figures,
    Status,
    Value,
    evaluate,
    exact,
    figure_of,
    relative_change,
)

if TYPE_CHECKING:
    from modelward.baselines import Baseline, Lineage
    from modelward.models import Decision

STATUSES: tuple[Status, ...] = ("met", "not_met", "not_applicable", "unknown")


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """One criterion's status in a period, where it came from, and why."""

    criterion: Criterion
    status: Status
    source: Literal["judged", "computed"]
    overridden: bool = False
    override_reason: str = ""
    note: str = ""
    evidence: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    rule_status: Status | None = None
    """For an overridden computed criterion, what its rule alone concluded."""


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts by status, and the weighted share of applicable criteria met."""

    criteria: int
    met: int
    not_met: int
    not_applicable: int
    unknown: int
    share: Fraction
    """Σ weight of met / Σ weight of applicable; 0 when nothing is applicable."""

    @property
    def applicable(self) -> int:
        """Criteria that are not ``not_applicable``."""
        return self.criteria - self.not_applicable

    @property
    def score(self) -> float:
        """The share as a score out of 100, to two decimals, halves rounded up as people do.

        Exactly, from the fraction: ``round(90.625, 2)`` on a float would give 90.62.
        """
        return float(Fraction(int(self.share * 10000 + Fraction(1, 2)), 100))


def totals(results: list[CriterionResult]) -> Totals:
    """Counts and the weighted share (FORMAT.md section 3), exactly.

    One pass: whole weights (the usual case) are added as integers, and one fraction is
    made at the end.
    """
    counts = dict.fromkeys(STATUSES, 0)
    weight: Fraction | int = 0
    met: Fraction | int = 0
    for r in results:
        status = r.status
        counts[status] += 1
        if status != "not_applicable":
            w = r.criterion.weight
            exact_w: Fraction | int = int(w) if w.is_integer() else exact(w)
            weight += exact_w
            if status == "met":
                met += exact_w
    return Totals(
        criteria=len(results),
        met=counts["met"],
        not_met=counts["not_met"],
        not_applicable=counts["not_applicable"],
        unknown=counts["unknown"],
        share=Fraction(met, weight) if weight else Fraction(0),
    )


@dataclass(frozen=True, slots=True)
class GroupResult:
    """A group's criteria and their totals."""

    group: Group
    criteria: list[CriterionResult]
    totals: Totals


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """An indicator this period and the same period a year earlier, and how it moved."""

    indicator: Indicator
    value: Value
    previous: Value
    change: Fraction | None

    @property
    def improved(self) -> bool | None:
        """Whether the figure moved the better way; None where the change is undefined."""
        if self.change is None:
            return None
        if self.change == 0:
            return False
        return (self.change < 0) == (self.indicator.better == "lower")

    @property
    def reported(self) -> bool:
        """Whether there is a figure in either period."""
        return self.value.value is not None or self.previous.value is not None


@dataclass(frozen=True, slots=True)
class CriterionDifference:
    """A criterion whose status the inspection found otherwise."""

    criterion: Criterion
    own: Status
    """As the ward assessed it."""
    inspected: Status


@dataclass(frozen=True, slots=True)
class FigureDifference:
    """A figure the inspection found otherwise (a ratio differs where one of its parts does)."""

    indicator: Indicator
    own: Value
    inspected: Value


@dataclass(frozen=True, slots=True)
class Differences:
    """Where a period's inspection differs from its self-assessment; empty without one."""

    criteria: tuple[CriterionDifference, ...] = ()
    indicators: tuple[FigureDifference, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.criteria or self.indicators)


@dataclass(frozen=True, slots=True)
class NotCompared:
    """The ward's period a year earlier, on a catalogue version that no ``replaces`` links
    to the period's own: figures and criteria cannot be lined up, so it is not compared."""

    period: Period
    catalogue: str
    """Its catalogue's ``ID@VERSION``."""


@dataclass(frozen=True, slots=True)
class Assessment:
    """One ward's result for one period."""

    catalogue: Catalogue
    period: Period
    compared_to: Period | None
    """The same period a year earlier, when the ward has it (or its predecessors have it)."""
    groups: list[GroupResult]
    totals: Totals
    verdict: Verdict
    verdict_index: int
    """0 for the best verdict; a larger index is a worse verdict."""
    indicators: list[IndicatorResult] = field(default_factory=list)
    baseline: Baseline | None = None
    """Where the figures a year earlier are combined from merged wards, which and how."""
    stage: Stage = "self"
    """The stage of the assessment cycle scored (``cycle.py``)."""
    decision: Decision | None = None
    """The decision on the period, where there is one (``cycle.assess_at`` fills it)."""
    differences: Differences | None = None
    """Where the period has an inspection: how it differs from the self-assessment."""
    carried: Carried | None = None
    """Where the figures a year earlier are on an older version and several of its
    indicators became one of this catalogue's: how they were carried over (``crosswalk``)."""
    not_compared: NotCompared | None = None
    """Where the ward has the period a year earlier but on an unlinked catalogue version
    (``compared_to`` is then None)."""

    @property
    def criteria(self) -> list[CriterionResult]:
        """Every criterion's result, in catalogue order."""
        return [c for g in self.groups for c in g.criteria]

    @property
    def provisional(self) -> bool:
        """Whether the verdict may still change: an applicable criterion is not yet assessed."""
        return self.totals.unknown > 0

    @property
    def overridden(self) -> int:
        """How many computed criteria were decided by hand."""
        return sum(1 for c in self.criteria if c.overridden)


def criterion_result(criterion: Criterion, data: PeriodData, figures: Figures) -> CriterionResult:
    """A criterion's status: the assessor's for a judged one, the rule's or an override's."""
    entry = data.criteria.get(criterion.id)
    note = entry.note or "" if entry else ""
    evidence = tuple(entry.evidence) if entry else ()
    if criterion.rule is None:
        status: Status = entry.status if entry and entry.status else "unknown"
        return CriterionResult(criterion, status, "judged", note=note, evidence=evidence)
    outcome = evaluate(criterion.rule, figures)
    if entry is not None and entry.override is not None:
        return CriterionResult(
            criterion,
            entry.override.status,
            "computed",
            overridden=True,
            override_reason=entry.override.reason,
            note=note,
            evidence=evidence,
            checks=outcome.checks,
            rule_status=outcome.status,
        )
    return CriterionResult(
        criterion, outcome.status, "computed", note=note, evidence=evidence, checks=outcome.checks
    )


def choose_verdict(catalogue: Catalogue, share: Fraction, met: set[str]) -> int:
    """The index of the first verdict that holds: share at least min_share, requires all met."""
    for index, verdict in enumerate(catalogue.verdicts):
        if verdict.min_share is not None and share < exact(verdict.min_share):
            continue
        if any(req not in met for req in verdict.requires):
            continue
        return index
    return len(catalogue.verdicts) - 1  # the last verdict has no condition


def indicator_results(figures: Figures) -> list[IndicatorResult]:
    """Every indicator's figure, previous figure and change, in catalogue order."""
    out = []
    for indicator in figures.catalogue.indicators:
        value = figure_of(indicator, figures.now, figures.catalogue)
        previous = (
            figure_of(indicator, figures.before, figures.catalogue, figures.before_values)
            if figures.before is not None
            else figures.previous_missing(indicator.id)
        )
        change = (
            relative_change(value.value, previous.value)
            if value.value is not None
            and previous.value is not None
            and value.bound is None
            and previous.bound is None
            else None
        )
        out.append(IndicatorResult(indicator, value, previous, change))
    return out


def _figures_on(
    catalogue: Catalogue,
    versions: Mapping[Period, Catalogue] | None,
    period: Period,
    figures: dict[str, float],
) -> Carried | None:
    """A period's figures under ``catalogue``'s ids: through the crosswalk where the period
    is on the older of two linked versions; None (no comparison) where they are not linked."""
    own = versions.get(period) if versions else None
    if own is None or same_version(own, catalogue):
        return Carried(figures, {})
    crosswalk = link(own, catalogue)
    return crosswalk.figures(figures) if crosswalk is not None else None


def assess(
    catalogue: Catalogue,
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, float]],
    period: Period,
    *,
    with_indicators: bool = True,
    lineage: Lineage | None = None,
    stage: Stage = "self",
    versions: Mapping[Period, Catalogue] | None = None,
) -> Assessment:
    """Score one period of a ward against the catalogue.

    ``with_indicators=False`` leaves out the year-over-year figures, which a ranking of
    many wards does not show. ``lineage``: the wards this one was formed from; where the
    ward's file lacks the period a year earlier, their figures combined are the baseline.
    ``stage`` names the stage that ``periods`` and ``figures`` stand at (``cycle.view``
    puts an inspection in place); it is only recorded. ``versions``: every period's own
    catalogue, where a ward's periods are on more than one (``catalogue`` is then this
    period's); the figures a year earlier on an older version are read through the
    crosswalk, and have no value where the versions are not linked.
    """
    earlier = period.year_before()
    compared_to = period.year_before_in(periods)
    data = periods.get(period) or PeriodData()
    baseline = None
    if compared_to is None and lineage is not None:
        baseline = lineage.baseline(earlier, catalogue, period)
        compared_to = baseline.period
    carried = (
        _figures_on(catalogue, versions, compared_to, figures.get(compared_to, {}))
        if baseline is None and compared_to is not None
        else None
    )
    not_compared = None
    if compared_to is not None and baseline is None and carried is None and versions:
        # The period a year earlier is on a version no `replaces` links to this one: it is
        # not this period's comparison period, and outputs say why there is none.
        not_compared = NotCompared(compared_to, versions[compared_to].reference)
        compared_to = None
    context = Figures(
        catalogue,
        period,
        figures.get(period, {}),
        {} if baseline is not None else carried.figures if carried is not None else None,
        baseline.values if baseline is not None else carried.values if carried else None,
        not_compared.catalogue if not_compared is not None else None,
    )
    groups = []
    for group in catalogue.groups:
        results = [criterion_result(c, data, context) for c in group.criteria]
        groups.append(GroupResult(group, results, totals(results)))
    every = [c for g in groups for c in g.criteria]
    total = totals(every)
    index = choose_verdict(
        catalogue, total.share, {r.criterion.id for r in every if r.status == "met"}
    )
    return Assessment(
        catalogue=catalogue,
        period=period,
        compared_to=compared_to,
        groups=groups,
        totals=total,
        verdict=catalogue.verdicts[index],
        verdict_index=index,
        indicators=indicator_results(context) if with_indicators else [],
        baseline=baseline,
        stage=stage,
        carried=carried if carried is not None and carried.values else None,
        not_compared=not_compared,
    )
