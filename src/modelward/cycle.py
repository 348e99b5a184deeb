"""The assessment cycle (FORMAT.md section 9): self-assessment, inspection, decision (pure).

A period as the ward wrote it is the ``self`` stage. Its optional ``inspection`` names the
figures and findings the inspection found otherwise; the ``inspection`` stage is the period
with those put in place of the ward's own. A ``decision`` recognises a period (or not); only
a decision makes a ward recognised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, TypeVar

from modelward.errors import Issue, Loc, Problem
from modelward.messages import Each, Message, Texts
from modelward.models import Catalogue, PeriodData, Stage
from modelward.periods import Period
from modelward.rules import figure_of
from modelward.scoring import Assessment, CriterionResult, assess

# The differences between two stages are scoring's results; named here too, with the cycle.
from modelward.scoring import CriterionDifference as CriterionDifference
from modelward.scoring import Differences as Differences
from modelward.scoring import FigureDifference as FigureDifference

if TYPE_CHECKING:
    from modelward.baselines import Lineage
    from modelward.loading import LoadedWard

STAGES: tuple[Stage, ...] = ("self", "inspection")
"""Earliest first."""

F = TypeVar("F")


def stages(data: PeriodData) -> tuple[Stage, ...]:
    """The stages a period has, earliest first."""
    return STAGES if data.inspection is not None else ("self",)


def latest_stage(data: PeriodData) -> Stage:
    """The latest stage a period has: the one shown when no stage is asked for."""
    return stages(data)[-1]


def stage_for(data: PeriodData, wanted: Stage | None) -> Stage | None:
    """The stage to show of a period: ``wanted``, or the latest; None if it lacks ``wanted``."""
    if wanted is None:
        return latest_stage(data)
    return wanted if wanted in stages(data) else None


def shown_stage(data: PeriodData, wanted: Stage | None) -> Stage:
    """The stage shown of a period among many (a history, a summary): ``wanted`` where the
    period has it, else the latest it has (a period with no inspection shows its own)."""
    return stage_for(data, wanted) or latest_stage(data)


def at_stage(data: PeriodData, stage: Stage) -> PeriodData:
    """The period as it stands at a stage: the inspection's entries put in place of the ward's."""
    inspection = data.inspection
    if stage == "self" or inspection is None:
        return data
    return data.model_copy(
        update={
            "indicators": {**data.indicators, **inspection.indicators},
            "criteria": {**data.criteria, **inspection.criteria},
        }
    )


def figures_at(own: dict[str, F], inspected: dict[str, F] | None, stage: Stage) -> dict[str, F]:
    """A period's figures at a stage: the inspection's put in place of the ward's own."""
    if stage == "self" or not inspected:
        return own
    return {**own, **inspected}


def view(
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, F]],
    inspected: dict[Period, dict[str, F]],
    stage: Stage,
) -> tuple[dict[Period, PeriodData], dict[Period, dict[str, F]]]:
    """Every period of a ward at a stage, each that has it; the others as the ward wrote them.

    The same period a year earlier is read at the same stage where it has one, so that
    inspected figures are compared with inspected figures.
    """
    if stage == "self" or not any(d.inspection is not None for d in periods.values()):
        return periods, figures
    return (
        {p: at_stage(d, stage) for p, d in periods.items()},
        {p: figures_at(f, inspected.get(p), stage) for p, f in figures.items()},
    )


class MissingStage(LookupError):
    """A stage asked for that a period does not have (an inspection it never had)."""

    def __init__(self, period: Period, stage: Stage) -> None:
        super().__init__(f"period {period} has no {stage} stage")
        self.period = period
        self.stage = stage


def assess_at(
    catalogue: Catalogue,
    periods: dict[Period, PeriodData],
    figures: dict[Period, dict[str, float]],
    inspected: dict[Period, dict[str, float]],
    period: Period,
    stage: Stage | None = None,
    *,
    with_indicators: bool = True,
    with_differences: bool = True,
    lineage: Lineage | None = None,
    versions: Mapping[Period, Catalogue] | None = None,
) -> Assessment:
    """Score one period at a stage (by default its latest); MissingStage if it lacks it.

    ``versions``: every period's own catalogue, where the ward's are on more than one.
    The result carries the period's decision and, where the period has an inspection and
    ``with_differences``, the differences between its two stages (the other stage is
    scored too).
    """
    data = periods.get(period) or PeriodData()
    chosen = stage_for(data, stage)
    if chosen is None:
        assert stage is not None
        raise MissingStage(period, stage)

    def scored(at: Stage, indicators: bool) -> Assessment:
        staged, staged_figures = view(periods, figures, inspected, at)
        return assess(
            catalogue,
            staged,
            staged_figures,
            period,
            with_indicators=indicators,
            lineage=lineage,
            stage=at,
            versions=versions,
        )

    result = scored(chosen, with_indicators)
    found = None
    if with_differences and data.inspection is not None:
        other = scored("self" if chosen == "inspection" else "inspection", False)
        own, insp = (result, other) if chosen == "self" else (other, result)
        own_figures = figures.get(period, {})
        found = differences(
            own, insp, own_figures, figures_at(own_figures, inspected.get(period), "inspection")
        )
    if found is None and data.decision is None:
        return result
    return replace(result, decision=data.decision, differences=found)


def differences(
    own: Assessment,
    inspected: Assessment,
    own_figures: dict[str, float],
    inspected_figures: dict[str, float],
) -> Differences:
    """Each criterion whose status differs between two stages, and each figure that differs."""
    catalogue = own.catalogue
    criteria = tuple(
        CriterionDifference(a.criterion, a.status, b.status)
        for a, b in zip(own.criteria, inspected.criteria, strict=True)
        if a.status != b.status
    )
    indicators = []
    for indicator in catalogue.indicators:
        a = figure_of(indicator, own_figures, catalogue)
        b = figure_of(indicator, inspected_figures, catalogue)
        if a.value != b.value:
            indicators.append(FigureDifference(indicator, a, b))
    return Differences(criteria, tuple(indicators))


def unevidenced(assessment: Assessment) -> list[CriterionResult]:
    """Judged criteria marked met with neither evidence nor a note, in catalogue order."""
    return [
        r
        for r in assessment.criteria
        if r.source == "judged" and r.status == "met" and not r.evidence and not r.note
    ]


def recognised(data: PeriodData) -> bool | None:
    """Whether a decision recognised the period; None where there is no decision."""
    return None if data.decision is None else data.decision.recognised


@dataclass(frozen=True, slots=True)
class CycleWarning:
    """Something to tell the user that does not make the file invalid.

    ``loc`` is a data path in the ward file (``periods``, the period's key, …), for a
    ``PATH:LINE:COL`` like the loader's problems.
    """

    kind: Literal["no_evidence", "recognised_below_top", "inspection_unrecorded"]
    period: Period
    loc: Loc
    criterion: str = ""
    """For ``no_evidence``: the criterion met without evidence."""
    verdict: str = ""
    """For ``recognised_below_top``: the verdict the period's latest stage reaches."""
    top: str = ""
    """For ``recognised_below_top``: the top verdict's id."""
    decision: str = ""
    """For ``recognised_below_top``: the decision's number."""
    titles: tuple[Texts, Texts] | None = None
    """For ``recognised_below_top``: the titles of ``verdict`` and ``top``, as the
    catalogue words them."""
    stage: Stage = "self"
    missing: tuple[str, ...] = ()
    """For ``inspection_unrecorded``: the keys the inspection lacks, ``by`` and or ``on``."""
    at_key: bool = False
    """Placed at the key ``loc`` ends with (``inspection:``), not at its value."""

    def message(self, *, error: bool = False) -> Message:
        """What the warning says; ``error``: said as an error, not as a warning."""
        if self.kind == "no_evidence" and ", " in self.criterion:
            ids = self.criterion.split(", ")
            said = Message("no_evidence_many", n=len(ids), criteria=ids)
        elif self.kind == "no_evidence":
            said = Message("no_evidence", criterion=self.criterion)
        elif self.kind == "inspection_unrecorded":
            said = Message(
                "inspection_unrecorded",
                missing=Each(Message(f"_inspection_{key}") for key in self.missing),
                n=len(self.missing),
            )
        else:
            said = Message(
                "recognised_below_top",
                number=self.decision,
                stage=Message(f"_stage_{self.stage}"),
                verdict=self.titles[0] if self.titles else self.verdict,
                top=self.titles[1] if self.titles else self.top,
            )
        return said if error else Message("warning", text=said)


def entry_loc(key: str, data: PeriodData, stage: Stage, criterion_id: str) -> Loc:
    """Where a criterion's entry of a period stands at a stage: the inspection's, or the ward's."""
    inspection = data.inspection
    if stage == "inspection" and inspection is not None and criterion_id in inspection.criteria:
        return ("periods", key, "inspection", "criteria", criterion_id)
    if criterion_id in data.criteria:
        return ("periods", key, "criteria", criterion_id)
    return ("periods", key, "criteria")


def warnings(
    assessment: Assessment, data: PeriodData, key: str, *, evidence: bool = True
) -> list[CycleWarning]:
    """What to warn about in an assessed period: criteria met without evidence, and a
    decision that recognises a period whose result is not the top verdict.

    ``assessment`` is the period at the stage shown; the decision is checked against it
    when it is the latest stage (the inspected result where there is an inspection).
    """
    out: list[CycleWarning] = []
    if evidence:
        out += [
            CycleWarning(
                "no_evidence",
                assessment.period,
                entry_loc(key, data, assessment.stage, r.criterion.id),
                criterion=r.criterion.id,
                stage=assessment.stage,
            )
            for r in unevidenced(assessment)
        ]
    inspection = data.inspection
    if inspection is not None and (inspection.by is None or inspection.on is None):
        # FORMAT.md section 9 does not require them, so the file stays valid; but an
        # inspection nobody signed and dated is one a reader cannot place.
        out.append(
            CycleWarning(
                "inspection_unrecorded",
                assessment.period,
                ("periods", key, "inspection"),
                stage=assessment.stage,
                missing=tuple(k for k in ("by", "on") if getattr(inspection, k) is None),
                at_key=True,
            )
        )
    decision = data.decision
    if (
        decision is not None
        and decision.recognised
        and assessment.stage == latest_stage(data)
        and assessment.verdict_index != 0
    ):
        out.append(
            CycleWarning(
                "recognised_below_top",
                assessment.period,
                ("periods", key, "decision", "recognised"),
                verdict=assessment.verdict.id,
                top=assessment.catalogue.verdicts[0].id,
                titles=(
                    Texts.of(assessment.verdict.title),
                    Texts.of(assessment.catalogue.verdicts[0].title),
                ),
                decision=decision.number,
                stage=assessment.stage,
            )
        )
    return out


def grouped(found: list[CycleWarning]) -> list[CycleWarning]:
    """The evidence warnings of a period as one, at its first criterion: a period assessed
    without evidence would otherwise fill a screen."""
    out: list[CycleWarning] = []
    bare: dict[Period, list[CycleWarning]] = {}
    for warning in found:
        if warning.kind == "no_evidence":
            bare.setdefault(warning.period, []).append(warning)
    for warning in found:
        if warning.kind != "no_evidence":
            out.append(warning)
            continue
        same = bare[warning.period]
        if warning is same[0]:
            ids = ", ".join(w.criterion for w in same)
            out.append(replace(warning, criterion=ids))
    return out


@dataclass(frozen=True, slots=True)
class PlacedWarnings:
    """The cycle's warnings on a ward's assessments, each at its line and column."""

    said: list[Problem]
    """Warnings to say; the run goes on."""
    errors: list[Problem]
    """With ``require_evidence``: a judged criterion met without evidence, as an error."""


def placed_warnings(
    ward: LoadedWard, assessments: list[Assessment], require_evidence: bool
) -> PlacedWarnings:
    """Every warning of the assessment cycle (a criterion met without evidence, a decision
    recognising a result below the top verdict), placed in the ward file.

    Evidence warnings of one period are said as one, unless they are errors.
    """
    said: list[Problem] = []
    errors: list[Problem] = []
    for assessment in assessments:
        key = ward.keys.get(assessment.period, str(assessment.period))
        found = warnings(assessment, ward.periods[assessment.period], key)
        for warning in found if require_evidence else grouped(found):
            as_error = require_evidence and warning.kind == "no_evidence"
            message = warning.message(error=as_error)
            problem = (
                ward.doc.problem(Issue(warning.loc, message, warning.at_key))
                if ward.doc is not None
                else Problem(str(ward.path), message)
            )
            (errors if as_error else said).append(problem)
    return PlacedWarnings(said, errors)
