"""Two periods of one ward side by side, and a ward's whole history (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from modelward.crosswalk import Carried, Crosswalk, link, same_version
from modelward.cycle import assess_at, figures_at, shown_stage
from modelward.errors import InputError, Problem
from modelward.messages import Message
from modelward.models import Catalogue, Indicator, PeriodData, Stage
from modelward.periods import Period
from modelward.rules import Status, Value, difference, figure_of, relative_change
from modelward.scoring import Assessment

if TYPE_CHECKING:
    from modelward.baselines import Baseline, Lineage

Change = Literal["gained", "lost", "same", "new", "dropped"]


def classify(before: Status, after: Status) -> Change:
    """``gained`` when a criterion becomes met, ``lost`` when it stops being met, else ``same``.

    A move between not met, unknown and not applicable is ``same`` for this purpose (the
    criterion was not met and still is not), though the two statuses are both reported.
    """
    if before != "met" and after == "met":
        return "gained"
    if before == "met" and after != "met":
        return "lost"
    return "same"


class NotLinked(InputError):
    """Two periods on two catalogue versions that no ``replaces`` links: not comparable.
    Says which periods, so that the caller can point at where their catalogues are named."""

    def __init__(self, problem: Problem, before: Period, after: Period) -> None:
        super().__init__([problem])
        self.message = problem.message
        self.before = before
        self.after = after


@dataclass(frozen=True, slots=True)
class CriterionChange:
    """One criterion's status in each period.

    Across two versions linked by ``replaces``, a row is a criterion of the newer version
    (``before`` is None where it has no predecessor) or an old criterion that was dropped
    (``after`` is None); ``from_ids`` names the old criteria a new one follows.
    """

    id: str
    before: Status | None
    after: Status | None
    from_ids: tuple[str, ...] | None = None
    """None where both periods are on one catalogue."""

    @property
    def change(self) -> Change:
        """Gained, lost or the same, as FORMAT.md's comparison JSON says; across versions
        also ``new`` (no predecessor) or ``dropped`` (no successor)."""
        if self.after is None:
            return "dropped"
        if self.before is None:
            return "new"
        return classify(self.before, self.after)


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    """One indicator in each period: the difference, the relative change, and its direction."""

    indicator: Indicator
    before: Value
    after: Value

    @property
    def delta(self) -> Fraction | None:
        """after − before, where both exist and neither is only a bound."""
        return difference(self.before, self.after)

    @property
    def change(self) -> Fraction | None:
        """(after − before) / before; 0 where both are 0; None where undefined."""
        if self.delta is None:
            return None
        assert self.before.value is not None
        assert self.after.value is not None
        return relative_change(self.after.value, self.before.value)

    @property
    def improved(self) -> bool | None:
        """Whether the move is for the better, given the indicator's ``better``."""
        delta = self.delta
        if delta is None:
            return None
        if delta == 0:
            return False
        return (delta < 0) == (self.indicator.better == "lower")


@dataclass(frozen=True, slots=True)
class PeriodComparison:
    """Two assessments of one ward and what changed between them."""

    before: Assessment
    after: Assessment
    criteria: list[CriterionChange]
    indicators: list[IndicatorChange]
    baseline: Baseline | None = None
    """Where the earlier period is not the ward's own but its predecessors', combined."""
    crosswalk: Crosswalk | None = None
    """Where the two periods are on two versions of a catalogue, linked by ``replaces``."""
    carried: Carried | None = None
    """Where several old indicators became one new: how the earlier figures were carried."""

    @property
    def spans_differ(self) -> bool:
        """Whether the periods cover different lengths of time (a year against two months).

        The same span in another year is not different, though a leap year has a day more.
        """
        return not self.before.period.same_shape(self.after.period)

    @property
    def verdict_change(self) -> int:
        """Positive when the verdict got better, negative when worse, 0 when the same."""
        return self.before.verdict_index - self.after.verdict_index

    @property
    def regressed(self) -> bool:
        """A criterion was lost or the verdict is worse."""
        return self.verdict_change < 0 or any(c.change == "lost" for c in self.criteria)


def compare(
    catalogue: Catalogue,
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, float]],
    before: Period,
    after: Period,
    path: str = "",
    lineage: Lineage | None = None,
    inspected: dict[Period, dict[str, float]] | None = None,
    stage: Stage | None = None,
    versions: Mapping[Period, Catalogue] | None = None,
) -> PeriodComparison:
    """Assess both periods and line them up criterion by criterion and figure by figure.

    Periods declared against different catalogue versions are refused: their criteria need
    not mean the same thing, and there is no crosswalk between versions yet. With a
    ``lineage`` (the ward was formed by merging others), a ``before`` period the ward's
    file lacks is its predecessors' figures combined; its criteria are all unknown, since
    criteria are never combined. Each period is scored at ``stage`` where it has it, else
    at the latest stage it has (``cycle.shown_stage``); ``inspected`` holds the figures
    inspections found otherwise. ``versions``: every period's own catalogue, where the
    ward's periods are on more than one; two periods on two versions are compared through
    the crosswalk when the later one's catalogue ``replaces`` the earlier one's.
    """
    inspected = inspected or {}
    own = {p: versions.get(p, catalogue) if versions else catalogue for p in (before, after)}
    if not same_version(own[before], own[after]):
        return _across(
            own[before],
            own[after],
            periods,
            figures,
            before,
            after,
            path,
            versions,
            inspected,
            stage,
        )
    catalogue = own[after]
    baseline = None
    if lineage is not None and before not in periods:
        baseline = lineage.baseline(before, catalogue, after)
    from modelward.i18n import period_said

    declared = {p: periods[p].catalogue_version for p in (before, after) if p in periods}
    if len(declared) == 2 and None not in declared.values() and declared[before] != declared[after]:
        raise InputError(
            [
                Problem(
                    path,
                    Message(
                        "versions_differ",
                        before=period_said(before),
                        after=period_said(after),
                        first=declared[before],
                        second=declared[after],
                    ),
                )
            ]
        )
    a, b = (
        assess_at(
            catalogue,
            periods,
            figures,
            inspected,
            p,
            shown_stage(periods.get(p) or PeriodData(), stage),
            lineage=lineage,
        )
        for p in (before, after)
    )
    criteria = [
        CriterionChange(x.criterion.id, x.status, y.status)
        for x, y in zip(a.criteria, b.criteria, strict=True)
    ]
    indicators = [
        IndicatorChange(
            ind,
            baseline.value(ind, catalogue)
            if baseline is not None
            else figure_of(
                ind, figures_at(figures.get(before, {}), inspected.get(before), a.stage), catalogue
            ),
            figure_of(
                ind, figures_at(figures.get(after, {}), inspected.get(after), b.stage), catalogue
            ),
        )
        for ind in catalogue.indicators
    ]
    return PeriodComparison(a, b, criteria, indicators, baseline)


def _across(
    older: Catalogue,
    newer: Catalogue,
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, float]],
    before: Period,
    after: Period,
    path: str,
    versions: Mapping[Period, Catalogue] | None,
    inspected: dict[Period, dict[str, float]],
    stage: Stage | None,
) -> PeriodComparison:
    """Two periods on two versions, lined up through the crosswalk (FORMAT.md section 11)."""
    from modelward.i18n import period_said

    crosswalk = link(older, newer)
    if crosswalk is None:
        message = Message(
            "compare_older_first" if link(newer, older) is not None else "no_crosswalk",
            before=period_said(before),
            after=period_said(after),
            older=older.reference,
            newer=newer.reference,
        )
        raise NotLinked(Problem(path, message), before, after)
    a, b = (
        assess_at(
            cat,
            periods,
            figures,
            inspected,
            p,
            shown_stage(periods.get(p) or PeriodData(), stage),
            versions=versions,
        )
        for cat, p in ((older, before), (newer, after))
    )
    earlier = {r.criterion.id: r.status for r in a.criteria}
    criteria = [
        CriterionChange(
            r.criterion.id,
            crosswalk.earlier_status(r.criterion.id, earlier),
            r.status,
            crosswalk.from_ids(r.criterion.id),
        )
        for r in b.criteria
    ]
    criteria += [CriterionChange(old, earlier[old], None, ()) for old in crosswalk.dropped()]
    mapped = crosswalk.figures(figures_at(figures.get(before, {}), inspected.get(before), a.stage))
    indicators = [
        IndicatorChange(
            ind,
            figure_of(ind, mapped.figures, newer, mapped.values),
            figure_of(
                ind, figures_at(figures.get(after, {}), inspected.get(after), b.stage), newer
            ),
        )
        for ind in newer.indicators
    ]
    return PeriodComparison(
        a, b, criteria, indicators, crosswalk=crosswalk, carried=mapped if mapped.values else None
    )


# ---------------------------------------------------------------------------- history


@dataclass(frozen=True, slots=True)
class History:
    """Every period of a ward, assessed, in order; and the whole years among them."""

    assessments: list[Assessment]
    combined: list[Baseline] = field(default_factory=list)
    """For a ward formed by merging others: its predecessors' periods before it was formed,
    their figures combined (never their criteria), earliest first."""

    @property
    def years(self) -> list[Assessment]:
        """The assessments of whole calendar years, in order."""
        return [a for a in self.assessments if a.period.is_year]

    @property
    def combined_years(self) -> list[Baseline]:
        """The combined whole calendar years before the ward was formed, in order."""
        return [b for b in self.combined if b.period.is_year]


def history(
    catalogue: Catalogue,
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, float]],
    lineage: Lineage | None = None,
    inspected: dict[Period, dict[str, float]] | None = None,
    stage: Stage | None = None,
    versions: Mapping[Period, Catalogue] | None = None,
) -> History:
    """Assess every period of a ward, earliest first; with a ``lineage``, also the combined
    periods of its predecessors that end before it was formed, that every one of them has
    (a period one lacks would show no combined figure at all) and that it does not have.

    Each period at ``stage`` where it has it, else at the latest stage it has; each on its
    own catalogue where ``versions`` names one."""
    own = [
        assess_at(
            versions.get(p, catalogue) if versions else catalogue,
            periods,
            figures,
            inspected or {},
            p,
            shown_stage(periods[p], stage),
            lineage=lineage,
            versions=versions,
        )
        for p in sorted(periods)
    ]
    if lineage is None:
        return History(own)
    combined = [
        lineage.baseline(p, catalogue)
        for p in lineage.periods()
        if lineage.before_formed(p)
        and p not in periods
        and all(p in pred.figures for pred in lineage.predecessors)
    ]
    return History(own, combined)


def key_indicators(catalogue: Catalogue) -> list[Indicator]:
    """The indicators the rules read, in catalogue order: the figures that decide criteria."""
    from modelward.checks import comparisons

    used: set[str] = set()
    for criterion in catalogue.criteria():
        if criterion.rule is not None:
            used.update(c.operand[1] for c, _ in comparisons(criterion.rule, ()))
    return [ind for ind in catalogue.indicators if ind.id in used]
