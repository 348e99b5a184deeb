"""The assessment cycle (FORMAT.md section 9): stages, differences, provisional verdicts,
evidence and decisions — the pure core, on the sample ward with an inspection put in."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward import loading as loader
from modelward.checks import ward_issues
from modelward.cycle import (
    MissingStage,
    assess_at,
    at_stage,
    differences,
    latest_stage,
    recognised,
    stage_for,
    unevidenced,
    view,
    warnings,
)
from modelward.errors import ModelwardError
from modelward.models import Catalogue, PeriodData, Ward
from modelward.periods import Period, parse_period
from modelward.scoring import Assessment, assess
from tests.conftest import CATALOGUE, PILOT, ROOT, SAMPLE

unhurried = settings(deadline=None, max_examples=40)

CAT: Catalogue = loader.load_catalogue(CATALOGUE).model
RAW: dict[str, Any] = loader.parse(SAMPLE).data  # keys as written: "2024", "on"
Y2024 = parse_period("2024")

INSPECTION = {
    "by": "Công an tỉnh Thanh Hóa",
    "on": "2025-03-10",
    "indicators": {"incidents": 25},  # more than 2023's 24: no longer down on a year earlier
    "criteria": {"C06": {"status": "not_met", "note": "Trụ sở chưa đạt yêu cầu"}},
}
DECISION = {"number": "2878/QĐ-BCA", "on": "2025-04-22", "by": "Bộ trưởng", "recognised": True}


PILOT_CAT: Catalogue = loader.load_catalogue(PILOT).model
OWN = {PILOT_CAT.reference: PILOT_CAT}
"""The catalogues a period of the sample names for itself: its 2023 is on the pilot."""


class Loaded:
    """A ward dict validated and checked the way the loader does, ready to score: each
    period on the catalogue it names, else on the 2024 set."""

    def __init__(self, raw: dict[str, Any]) -> None:
        ward = Ward.model_validate(raw)
        own = {k: OWN[v["catalogue"]] for k, v in raw["periods"].items() if "catalogue" in v}
        checked = ward_issues(raw["periods"], CAT, own)
        assert checked.issues == []
        self.periods: dict[Period, PeriodData] = {
            p: ward.periods[k] for p, k in checked.keys.items()
        }
        self.figures = checked.figures
        self.inspected = checked.inspected
        self.versions = {p: own.get(k, CAT) for p, k in checked.keys.items()} if own else None

    def catalogue_of(self, period: Period) -> Catalogue:
        return self.versions[period] if self.versions is not None else CAT

    def assess(self, period: Period = Y2024, stage: Any = None, **kw: Any) -> Assessment:
        return assess_at(
            self.catalogue_of(period),
            self.periods,
            self.figures,
            self.inspected,
            period,
            stage,
            versions=self.versions,
            **kw,
        )


def sample(**period_2024: Any) -> Loaded:
    raw = copy.deepcopy(RAW)
    raw["periods"]["2024"].update(period_2024)
    return Loaded(raw)


def test_a_period_without_inspection_has_only_the_self_stage_and_scores_as_before() -> None:
    ward = sample()
    for period, data in ward.periods.items():
        assert latest_stage(data) == "self"
        assert stage_for(data, "inspection") is None
        a = ward.assess(period)
        b = assess(
            ward.catalogue_of(period), ward.periods, ward.figures, period, versions=ward.versions
        )
        assert a.stage == "self"
        assert (a.totals, a.verdict_index, a.criteria) == (b.totals, b.verdict_index, b.criteria)
        with pytest.raises(MissingStage):
            ward.assess(period, "inspection")


def test_the_inspection_is_the_default_stage_and_self_scores_as_written() -> None:
    ward = sample(inspection=INSPECTION)
    inspected = ward.assess()
    own = ward.assess(stage="self")
    assert inspected.stage == "inspection"
    assert own.stage == "self"
    assert (own.totals.met, own.verdict.id) == (20, "model")
    status = {r.criterion.id: r.status for r in inspected.criteria}
    assert status["C06"] == "not_met"  # the inspection's finding
    assert status["C11"] == "not_met"  # 25 incidents against 24 a year earlier
    assert inspected.totals.met == 18
    assert inspected.verdict.id == "nearly"
    incidents = next(i for i in inspected.indicators if i.indicator.id == "incidents")
    assert (incidents.value.value, incidents.previous.value) == (25, 24)


def test_the_differences_list_each_criterion_and_figure_found_otherwise() -> None:
    ward = sample(inspection=INSPECTION)
    own, inspected = ward.assess(stage="self"), ward.assess(stage="inspection")
    diff = differences(
        own, inspected, ward.figures[Y2024], {**ward.figures[Y2024], **ward.inspected[Y2024]}
    )
    assert [(d.criterion.id, d.own, d.inspected) for d in diff.criteria] == [
        ("C06", "met", "not_met"),
        ("C11", "met", "not_met"),
    ]
    assert [(d.indicator.id, d.own.value, d.inspected.value) for d in diff.indicators] == [
        ("incidents", 10, 25)
    ]
    assert diff


def test_a_part_found_otherwise_changes_its_share_too() -> None:
    ward = sample(inspection={"indicators": {"tips_handled": 8}})
    own, inspected = ward.assess(stage="self"), ward.assess()
    diff = differences(
        own, inspected, ward.figures[Y2024], {**ward.figures[Y2024], **ward.inspected[Y2024]}
    )
    assert [d.indicator.id for d in diff.indicators] == ["tips_handled", "tips_handled_share"]
    assert [d.criterion.id for d in diff.criteria] == ["C14"]


def test_an_empty_inspection_differs_in_nothing() -> None:
    ward = sample(inspection={"by": "Công an thành phố"})
    own, inspected = ward.assess(stage="self"), ward.assess()
    assert inspected.stage == "inspection"
    assert not differences(own, inspected, ward.figures[Y2024], ward.figures[Y2024])
    assert own.totals == inspected.totals


JUDGED = [c.id for c in CAT.criteria() if not c.computed]


@unhurried
@given(
    st.dictionaries(st.sampled_from(JUDGED), st.sampled_from(["met", "not_met", "not_applicable"]))
)
def test_the_inspection_stands_where_it_speaks_and_the_ward_elsewhere(
    findings: dict[str, str],
) -> None:
    ward = sample(inspection={"criteria": findings})
    own, inspected = ward.assess(stage="self"), ward.assess()
    for a, b in zip(own.criteria, inspected.criteria, strict=True):
        expected = findings.get(a.criterion.id, a.status)
        assert b.status == expected
    diff = differences(own, inspected, ward.figures[Y2024], ward.figures[Y2024])
    changed = {d.criterion.id for d in diff.criteria}
    assert changed == {k for k, v in findings.items() if v != "met"}  # 2024 is all met
    assert not diff.indicators


def test_the_inspected_figures_of_a_year_earlier_are_the_inspected_baseline() -> None:
    raw = copy.deepcopy(RAW)
    raw["periods"]["2023"]["inspection"] = {"indicators": {"incidents": 9}}
    raw["periods"]["2024"]["inspection"] = {"by": "Công an tỉnh"}
    ward = Loaded(raw)

    def previous(a: Assessment) -> object:
        return next(i.previous.value for i in a.indicators if i.indicator.id == "incidents")

    assert previous(ward.assess()) == 9  # inspected against inspected
    assert previous(ward.assess(stage="self")) == 24  # the ward's own against its own
    _, figures = view(ward.periods, ward.figures, ward.inspected, "inspection")
    assert figures[parse_period("2023")]["incidents"] == 9
    y2025 = parse_period("2025-01..2025-02")
    assert at_stage(ward.periods[y2025], "inspection") is ward.periods[y2025]


def test_a_verdict_is_provisional_while_a_criterion_is_unknown() -> None:
    ward = sample()
    partial = ward.assess(parse_period("2025-01..2025-02"))
    assert partial.provisional
    assert partial.totals.unknown == 16
    assert not ward.assess().provisional


@unhurried
@given(st.lists(st.sampled_from(JUDGED), unique=True))
def test_provisional_exactly_when_an_applicable_criterion_is_unknown(left_out: list[str]) -> None:
    raw = copy.deepcopy(RAW)
    for criterion in left_out:
        del raw["periods"]["2024"]["criteria"][criterion]
    a = Loaded(raw).assess()
    assert a.provisional == bool(left_out)
    assert a.totals.unknown == len(left_out)


def test_met_without_evidence_or_note_is_found_and_placed() -> None:
    ward = sample()
    y2023 = parse_period("2023")
    bare = unevidenced(ward.assess(y2023))
    # 2023's short-form `met`s (on the pilot) carry neither evidence nor note; its not_met
    # one has a note.
    assert [r.criterion.id for r in bare] == [
        "P01", "P02", "P03", "P04", "P06", "P07", "P08", "P09", "P11", "P12", "P18", "P20", "P21"
    ]  # fmt: skip
    assert unevidenced(ward.assess()) == []  # 2024: every judged criterion has evidence
    found = warnings(ward.assess(y2023), ward.periods[y2023], "2023")
    assert found[0].kind == "no_evidence"
    assert found[0].loc == ("periods", "2023", "criteria", "P01")
    assert warnings(ward.assess(y2023), ward.periods[y2023], "2023", evidence=False) == []


def test_an_inspections_bare_met_is_placed_at_the_inspection() -> None:
    ward = sample(inspection={"by": "Công an tỉnh", "on": "2025-03-10", "criteria": {"C06": "met"}})
    (found,) = warnings(ward.assess(), ward.periods[Y2024], "2024")
    assert found.loc == ("periods", "2024", "inspection", "criteria", "C06")


@pytest.mark.parametrize(
    ("given", "missing"),
    [({}, ("by", "on")), ({"by": "Công an tỉnh"}, ("on",)), ({"on": "2025-03-10"}, ("by",))],
)
def test_an_inspection_without_by_or_on_is_a_warning_at_its_key(
    given: dict[str, str], missing: tuple[str, ...]
) -> None:
    ward = sample(inspection={**given, "indicators": {"incidents": 25}})
    for stage in ("inspection", "self"):  # said whichever stage is shown
        (found,) = warnings(ward.assess(stage=stage), ward.periods[Y2024], "2024")
        assert found.kind == "inspection_unrecorded"
        assert (found.loc, found.at_key, found.missing) == (
            ("periods", "2024", "inspection"),
            True,
            missing,
        )
    full = sample(inspection={"by": "Công an tỉnh", "on": "2025-03-10"})
    assert warnings(full.assess(), full.periods[Y2024], "2024") == []


def test_a_decision_recognising_a_result_below_the_top_is_a_warning() -> None:
    ward = sample(inspection=INSPECTION, decision=DECISION)
    data = ward.periods[Y2024]
    assert recognised(data) is True
    found = warnings(ward.assess(), data, "2024", evidence=False)
    assert [(w.kind, w.loc, w.verdict) for w in found] == [
        ("recognised_below_top", ("periods", "2024", "decision", "recognised"), "nearly")
    ]
    # The ward's own claim is not what the decision is checked against.
    assert warnings(ward.assess(stage="self"), data, "2024", evidence=False) == []


def test_a_decision_on_a_top_result_or_one_not_recognising_is_no_warning() -> None:
    fine = sample(decision=DECISION)
    assert warnings(fine.assess(), fine.periods[Y2024], "2024") == []
    refused = sample(inspection=INSPECTION, decision={**DECISION, "recognised": False})
    assert recognised(refused.periods[Y2024]) is False
    assert warnings(refused.assess(), refused.periods[Y2024], "2024", evidence=False) == []
    assert recognised(sample().periods[Y2024]) is None


def _ward_files() -> list[Path]:
    """Every valid ward file the repository holds (the sample wards and the test data)."""
    from modelward.batch.discovery import ward_files

    found = []
    for name in ward_files((ROOT / "wards", ROOT / "tests" / "data")):
        path = Path(name)
        if b"inspection:" in path.read_bytes():
            continue  # files of the cycle itself
        try:
            ward = loader.load_ward(path)
        except ModelwardError:
            continue  # the broken inputs of the error tests
        if ward.periods:
            found.append(path)
    return found


def test_every_file_valid_before_scores_the_same_at_its_default_stage() -> None:
    files = _ward_files()
    assert len(files) > 10
    for path in files:
        ward = loader.load_ward(path)
        for period in ward.periods:
            now = assess_at(
                ward.catalogue.model, ward.periods, ward.figures, ward.inspected, period
            )
            before = assess(ward.catalogue.model, ward.periods, ward.figures, period)
            assert now.stage == "self"
            assert (now.totals, now.verdict_index, now.criteria, now.indicators) == (
                before.totals,
                before.verdict_index,
                before.criteria,
                before.indicators,
            ), (path, period)
            assert now.differences is None
