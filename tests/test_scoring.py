"""Statuses, weighted shares and verdicts: properties of the core, then scenarios end to end."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward import loading as loader
from modelward.checks import ward_issues
from modelward.cli import main
from modelward.models import Catalogue, Criterion, Ward
from modelward.rules import Status
from modelward.scoring import CriterionResult, assess, choose_verdict, totals
from tests.conftest import CATALOGUE, DATA, PILOT, SAMPLE

# No per-example deadline: the first examples build pydantic schemas, and CI machines are busy.
unhurried = settings(deadline=None)

WARDS = DATA / "wards"

# ---------------------------------------------------------------------------- shares

# A weight as (numerator, denominator): written as the decimal k/d, read back exactly.
weights = st.tuples(st.integers(1, 400), st.sampled_from([1, 2, 4, 10, 100]))
statuses = st.sampled_from(["met", "not_met", "not_applicable", "unknown"])
results = st.lists(st.tuples(weights, statuses), max_size=30)


def criterion_results(items: Sequence[tuple[tuple[int, int], Status]]) -> list[CriterionResult]:
    out = []
    for i, ((k, d), status) in enumerate(items):
        criterion = Criterion.model_validate({"id": f"C{i}", "title": "c", "weight": k / d})
        out.append(CriterionResult(criterion, status, "judged"))
    return out


def reference_share(items: list[tuple[tuple[int, int], Status]]) -> Fraction:
    """FORMAT.md section 3 computed apart: Σ weight met / Σ weight applicable."""
    applicable = [Fraction(k, d) for (k, d), s in items if s != "not_applicable"]
    met = [Fraction(k, d) for (k, d), s in items if s == "met"]
    return sum(met, Fraction(0)) / sum(applicable) if applicable else Fraction(0)


@unhurried
@given(results)
def test_share_is_the_weighted_share_of_applicable_criteria_met(
    items: list[tuple[tuple[int, int], Status]],
) -> None:
    t = totals(criterion_results(items))
    assert 0 <= t.share <= 1
    assert t.share == reference_share(items)
    assert t.criteria == len(items)
    assert t.met + t.not_met + t.not_applicable + t.unknown == t.criteria
    assert t.applicable == t.criteria - t.not_applicable
    # The score: the share out of 100 to two decimals, halves up (the share is never negative).
    hundredths = t.share * 10000
    whole = int(hundredths)
    up = hundredths - whole >= Fraction(1, 2)
    assert t.score == float(Fraction(whole + up, 100))


@unhurried
@given(results, st.lists(weights, min_size=1, max_size=10))
def test_not_applicable_criteria_do_not_change_the_share(
    items: list[tuple[tuple[int, int], Status]], extra: list[tuple[int, int]]
) -> None:
    with_na = items + [(w, "not_applicable") for w in extra]
    assert totals(criterion_results(with_na)).share == totals(criterion_results(items)).share


@unhurried
@given(results)
def test_unknown_counts_as_not_met(items: list[tuple[tuple[int, int], Status]]) -> None:
    as_not_met = [(w, "not_met" if s == "unknown" else s) for w, s in items]
    a, b = totals(criterion_results(items)), totals(criterion_results(as_not_met))
    assert a.share == b.share
    assert a.applicable == b.applicable


@unhurried
@given(st.lists(weights, min_size=1, max_size=30), st.lists(weights, max_size=5))
def test_all_met_gives_one(met: list[tuple[int, int]], na: list[tuple[int, int]]) -> None:
    items: list[tuple[tuple[int, int], Status]] = [(w, "met") for w in met]
    items += [(w, "not_applicable") for w in na]
    t = totals(criterion_results(items))
    assert t.share == 1
    assert t.score == 100.0


def test_weights_3_1_1_with_one_not_met() -> None:
    items: list[tuple[tuple[int, int], Status]] = [
        ((3, 1), "met"),
        ((1, 1), "met"),
        ((1, 1), "not_met"),
    ]
    assert totals(criterion_results(items)).share == Fraction(4, 5)
    heavy_missed: list[tuple[tuple[int, int], Status]] = [
        ((3, 1), "not_met"),
        ((1, 1), "met"),
        ((1, 1), "met"),
    ]
    assert totals(criterion_results(heavy_missed)).share == Fraction(2, 5)


def test_a_score_on_a_half_rounds_up() -> None:
    # 29 of 32 weight met is 90.625: 90.63 as people round (a float round() gives 90.62).
    met: Status = "met"
    not_met: Status = "not_met"
    items = [((2, 1), met)] * 12 + [((1, 1), met)] * 5 + [((1, 1), not_met)] * 3
    t = totals(criterion_results(items))
    assert t.share == Fraction(29, 32)
    assert t.score == 90.63


def test_nothing_applicable_has_share_zero() -> None:
    t = totals(criterion_results([((1, 1), "not_applicable")]))
    assert (t.share, t.applicable, t.score) == (Fraction(0), 0, 0.0)


# ---------------------------------------------------------------------------- verdicts

IDS = [f"C{i}" for i in range(6)]


@st.composite
def verdict_lists(draw: st.DrawFn) -> tuple[Catalogue, list[tuple[Fraction | None, set[str]]]]:
    """A catalogue whose verdicts (best first) have random conditions; the last has none."""
    conditioned = draw(
        st.lists(
            st.tuples(
                st.one_of(st.none(), st.integers(0, 100)),
                st.sets(st.sampled_from(IDS), max_size=3),
            ).filter(lambda v: v[0] is not None or v[1]),
            max_size=5,
        )
    )
    verdicts: list[dict[str, Any]] = []
    conditions: list[tuple[Fraction | None, set[str]]] = []
    for i, (pct, requires) in enumerate(conditioned):
        v: dict[str, Any] = {"id": f"v{i}", "title": f"v{i}", "requires": sorted(requires)}
        if pct is not None:
            v["min_share"] = pct / 100
        verdicts.append(v)
        conditions.append((Fraction(pct, 100) if pct is not None else None, requires))
    verdicts.append({"id": "last", "title": "last"})
    conditions.append((None, set()))
    catalogue = Catalogue.model_validate(
        {
            "id": "verdicts",
            "version": "1",
            "title": "t",
            "groups": [{"id": "G", "title": "g", "criteria": [{"id": c, "title": c} for c in IDS]}],
            "verdicts": verdicts,
        }
    )
    return catalogue, conditions


def reference_verdict(
    conditions: list[tuple[Fraction | None, set[str]]], share: Fraction, met: set[str]
) -> int:
    for i, (min_share, requires) in enumerate(conditions):
        if (min_share is None or min_share <= share) and requires <= met:
            return i
    return len(conditions) - 1


shares = st.fractions(min_value=0, max_value=1, max_denominator=200)
met_sets = st.sets(st.sampled_from(IDS))


@unhurried
@given(verdict_lists(), shares, met_sets)
def test_the_first_verdict_that_holds_is_chosen(
    case: tuple[Catalogue, list[tuple[Fraction | None, set[str]]]], share: Fraction, met: set[str]
) -> None:
    catalogue, conditions = case
    assert choose_verdict(catalogue, share, met) == reference_verdict(conditions, share, met)


@unhurried
@given(verdict_lists(), shares, shares, met_sets, met_sets)
def test_verdicts_are_monotone(
    case: tuple[Catalogue, list[tuple[Fraction | None, set[str]]]],
    a: Fraction,
    b: Fraction,
    met: set[str],
    more: set[str],
) -> None:
    catalogue, _ = case
    low, high = sorted((a, b))
    # A higher share never gives a worse verdict (a larger index) ...
    assert choose_verdict(catalogue, high, met) <= choose_verdict(catalogue, low, met)
    # ... and neither do more criteria met.
    assert choose_verdict(catalogue, a, met | more) <= choose_verdict(catalogue, a, met)


@unhurried
@given(verdict_lists())
def test_the_last_verdict_is_reached_when_nothing_else_holds(
    case: tuple[Catalogue, list[tuple[Fraction | None, set[str]]]],
) -> None:
    catalogue, conditions = case
    last = len(catalogue.verdicts) - 1
    if all((m is not None and m > 0) or r for m, r in conditions[:-1]):
        assert choose_verdict(catalogue, Fraction(0), set()) == last


def test_min_share_is_compared_exactly() -> None:
    # 4 of 5 is exactly 0.8: "nearly" holds, with no float rounding in the way.
    catalogue = loader.load_catalogue(CATALOGUE).model
    assert catalogue.verdicts[choose_verdict(catalogue, Fraction(4, 5), set())].id == "nearly"
    below = Fraction(4, 5) - Fraction(1, 10**9)
    assert catalogue.verdicts[choose_verdict(catalogue, below, set())].id == "not_yet"


# ---------------------------------------------------------------------------- the sample ward


def test_sample_2024_is_twenty_of_twenty_and_model() -> None:
    ward = loader.load_ward(SAMPLE)
    period = ward.period("2024")
    assert period is not None
    a = assess(ward.catalogue.model, ward.periods, ward.figures, period)
    assert (a.totals.met, a.totals.applicable, a.totals.share) == (20, 20, Fraction(1))
    assert (a.verdict.id, a.verdict_index) == ("model", 0)
    assert str(a.compared_to) == "2023"
    incidents = next(r for r in a.indicators if r.indicator.id == "incidents")
    assert (incidents.value.value, incidents.previous.value, incidents.change) == (
        Fraction(10),
        Fraction(24),
        Fraction(-7, 12),
    )
    assert incidents.improved is True


def test_sample_2025_span_compares_with_the_same_span_a_year_earlier() -> None:
    ward = loader.load_ward(SAMPLE)
    period = ward.period("2025-01..2025-02")
    assert period is not None
    a = assess(ward.catalogue.model, ward.periods, ward.figures, period)
    # The file has no 2024-01..2024-02: nothing to compare with, and judged criteria unassessed.
    assert a.compared_to is None
    assert a.verdict_index > 0
    assert a.totals.unknown > 0


# ---------------------------------------------------------------------------- scenarios, end to end


def sample_copy(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The sample ward, changed, written to tmp_path (its catalogue is given with --criteria)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "ward.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assess_json(runner: CliRunner, ward: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(main, ["assess", str(ward), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def criteria_of(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for g in doc["groups"] for c in g["criteria"]}


@pytest.mark.parametrize(
    ("period", "indicator", "needed_by"),
    [
        (2024, "incidents", ["C11"]),  # a change and a value in one rule
        (2023, "incidents", []),  # 2024's C11 needs 2023's figure: checked below
        (2024, "serious_crimes", ["C12"]),
        (2024, "tips_received", ["C14"]),  # the denominator of a ratio with if_undefined: met
        (2024, "cases_cleared", ["C15"]),  # the numerator of a ratio with if_undefined: met
        (2024, "resident_satisfaction", ["C17"]),
    ],
)
def test_a_missing_figure_leaves_its_criteria_unknown(
    runner: CliRunner, tmp_path: Path, period: int, indicator: str, needed_by: list[str]
) -> None:
    def drop(data: dict[str, Any]) -> None:
        del data["periods"][period]["indicators"][indicator]

    ward = sample_copy(tmp_path, drop)
    doc = assess_json(runner, ward, "--period", "2024", "--criteria", str(CATALOGUE))
    criteria = criteria_of(doc)
    if period == 2023:
        needed_by = ["C11"]
    for cid in needed_by:
        assert criteria[cid]["status"] == "unknown", criteria[cid]
        assert criteria[cid]["source"] == "computed"
        assert criteria[cid]["reason"]
    others = [c for cid, c in criteria.items() if cid not in needed_by]
    assert all(c["status"] == "met" for c in others)
    assert doc["totals"]["unknown"] == len(needed_by)
    assert doc["totals"]["met"] == 20 - len(needed_by)
    assert doc["totals"]["applicable"] == 20
    assert doc["verdict"]["id"] != "model"


def test_a_missing_figure_is_said_in_the_table(runner: CliRunner, tmp_path: Path) -> None:
    def drop(data: dict[str, Any]) -> None:
        del data["periods"][2024]["indicators"]["serious_crimes"]

    ward = sample_copy(tmp_path, drop)
    args = ["assess", str(ward), "--period", "2024", "--criteria", str(CATALOGUE), "--lang", "en"]
    result = runner.invoke(main, args, env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "? Not assessed" in result.stdout
    assert "Serious crimes: not reported" in result.stdout
    assert "19/20 criteria met" in result.stdout


def test_the_weighted_score_of_format_section_3(runner: CliRunner) -> None:
    ward = WARDS / "weighted.yaml"
    loaded = loader.load_ward(ward)
    period = loaded.period("2024")
    assert period is not None
    a = assess(loaded.catalogue.model, loaded.periods, loaded.figures, period)
    # Weights 3, 1, 1 applicable; the weight-1 W3 not met; W4 (weight 2) not applicable.
    assert a.totals.share == Fraction(4, 5)
    assert a.totals.score == 80.0
    assert a.verdict.id == "good"
    doc = assess_json(runner, ward, "--period", "2024")
    assert doc["totals"] == {
        "criteria": 4,
        "applicable": 3,
        "met": 2,
        "not_met": 1,
        "not_applicable": 1,
        "unknown": 0,
        "score": 80.0,
    }
    assert doc["verdict"]["id"] == "good"
    # The heavy criterion not met instead: (1 + 1) / 5.
    doc = assess_json(runner, ward, "--period", "2023")
    assert doc["totals"]["score"] == 40.0
    assert doc["totals"]["met"] == 2
    assert doc["verdict"]["id"] == "poor"


def test_an_override_wins_and_is_shown(runner: CliRunner, tmp_path: Path) -> None:
    def override(data: dict[str, Any]) -> None:
        data["periods"][2024]["criteria"]["C12"] = {
            "override": {
                "status": "not_met",
                "reason": "vụ trọng án xảy ra ngày 30/12, chưa thống kê",
            }
        }

    ward = sample_copy(tmp_path, override)
    doc = assess_json(runner, ward, "--period", "2024", "--criteria", str(CATALOGUE))
    c12 = criteria_of(doc)["C12"]
    assert c12["status"] == "not_met"  # the rule alone says met (0 serious crimes)
    assert c12["overridden"] is True
    assert c12["source"] == "computed"
    assert "vụ trọng án xảy ra ngày 30/12" in c12["reason"]
    assert "theo số liệu: đạt" in c12["reason"]
    assert doc["totals"]["met"] == 19
    assert doc["verdict"]["id"] == "nearly"
    table = runner.invoke(
        main,
        ["assess", str(ward), "--period", "2024", "--criteria", str(CATALOGUE), "--lang", "en"],
        env={"COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert table.exit_code == 0, table.output
    row = next(line for line in table.stdout.splitlines() if line.startswith("C12"))
    assert "✘ Not met ✎" in row
    assert "overridden: " in row


def test_an_override_can_meet_what_the_figures_do_not(runner: CliRunner) -> None:
    doc = assess_json(runner, WARDS / "weighted.yaml", "--period", "2024")
    w1 = criteria_of(doc)["W1"]
    assert (w1["status"], w1["overridden"]) == ("met", True)
    assert "by the figures" not in w1["reason"]  # Vietnamese by default
    assert "theo số liệu: chưa đạt" in w1["reason"]


# ---------------------------------------------------------------------------- usage errors


def test_require_of_an_unknown_verdict_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["assess", str(SAMPLE), "--require", "perfect"])
    assert result.exit_code == 2
    assert "perfect" in result.stderr
    assert "model, nearly, not_yet" in result.stderr
    assert result.stdout == ""


def test_a_period_the_file_lacks_exits_2_and_lists_those_it_has(runner: CliRunner) -> None:
    result = runner.invoke(main, ["assess", str(SAMPLE), "--period", "2022"])
    assert result.exit_code == 2
    assert "2022" in result.stderr
    assert "2023, 2024, tháng 1–2/2025 (2025-01..2025-02)" in result.stderr  # and its key
    assert result.stdout == ""


@pytest.mark.parametrize("spelling", ["24", "2024-Q5", "2024-13", "2025-03..2025-01", "last year"])
def test_an_invalid_period_spelling_exits_2(runner: CliRunner, spelling: str) -> None:
    result = runner.invoke(main, ["assess", str(SAMPLE), "--period", spelling])
    assert result.exit_code == 2
    assert "--period" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_another_spelling_of_a_period_finds_it(runner: CliRunner) -> None:
    doc = assess_json(runner, SAMPLE, "--period", "2024-01..2024-12")
    assert doc["totals"]["met"] == 20


@pytest.mark.parametrize(
    ("cleared", "cases", "status"),
    [(3, 4, "not_met"), (6, 8, "not_met"), (4, 5, "met"), (301, 400, "met"), (0, 0, "met")],
)
def test_c15_needs_a_clearance_rate_above_75_percent(cleared: int, cases: int, status: str) -> None:
    """The National Assembly's target is "trên 75%": exactly 75% is not enough."""
    doc = loader.parse(SAMPLE)
    data = doc.data
    data["periods"]["2024"]["indicators"].update({"cases_cleared": cleared, "cases": cases})
    catalogue = loader.load_catalogue(CATALOGUE).model
    ward = Ward.model_validate(data)
    # The sample's 2023 is on the pilot (its own `catalogue`).
    pilot = loader.load_catalogue(PILOT).model
    checked = ward_issues(data["periods"], catalogue, {"2023": pilot})
    assert checked.issues == []
    periods = {p: ward.periods[k] for p, k in checked.keys.items()}
    chosen = next(p for p in periods if str(p) == "2024")
    a = assess(catalogue, periods, checked.figures, chosen)
    (c15,) = [r for r in a.criteria if r.criterion.id == "C15"]
    assert c15.status == status
