"""Two versions of a catalogue linked by ``replaces``: the crosswalk, and periods compared
and scored across it (FORMAT.md sections 6 and 11), on catalogues written for the tests."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from modelward.comparison import compare
from modelward.crosswalk import Crosswalk, link
from modelward.errors import InputError
from modelward.models import Catalogue, PeriodData
from modelward.periods import Period, parse_period
from modelward.scoring import assess
from tests.conftest import DATA

VERSIONS = DATA / "versions"


def _catalogue(path: Path) -> Catalogue:
    return Catalogue.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


PILOT = _catalogue(VERSIONS / "catalogues" / "test-pilot.yaml")
NEW = _catalogue(VERSIONS / "criteria.yaml")
Y2023, Y2024 = parse_period(2023), parse_period(2024)


def _ward() -> tuple[dict[Period, PeriodData], dict[Period, dict[str, float]]]:
    raw: dict[str, Any] = yaml.safe_load(
        (VERSIONS / "wards" / "two-versions.yaml").read_text(encoding="utf-8")
    )
    periods = {parse_period(k): PeriodData.model_validate(v) for k, v in raw["periods"].items()}
    figures = {p: {k: float(v) for k, v in data.indicators.items()} for p, data in periods.items()}
    return periods, figures


VERSIONS_OF = {Y2023: PILOT, Y2024: NEW}


def test_the_crosswalk_maps_listed_and_unlisted_ids() -> None:
    walk = link(PILOT, NEW)
    assert walk is not None
    assert walk.criteria == {"P01": "C01", "P02": "C02", "P03": "C02", "P04": None, "P05": "C03"}
    # Unlisted indicators map to the same id where the newer catalogue has it.
    assert walk.indicators == {
        "incidents": "incidents",
        "arrests": None,
        "tips_received": "tips_received",
        "tips_handled": "tips_handled",
        "tips_share": "tips_share",
    }
    assert walk.from_ids("C02") == ("P02", "P03")
    assert walk.from_ids("C04") == ()
    assert walk.dropped() == ["P04"]
    assert link(NEW, PILOT) is None  # the link has a direction
    assert link(PILOT, PILOT) is None


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (("met", "met"), "met"),
        (("met", "not_met"), "not_met"),
        (("unknown", "not_met"), "not_met"),
        (("met", "unknown"), "unknown"),
        (("not_applicable", "met"), "unknown"),
    ],
)
def test_several_old_criteria_into_one(statuses: tuple[str, str], expected: str) -> None:
    walk = Crosswalk(PILOT, NEW)
    old = {"P02": statuses[0], "P03": statuses[1]}
    assert walk.earlier_status("C02", old) == expected  # type: ignore[arg-type]
    assert walk.earlier_status("C04", old) is None


def test_each_period_is_scored_on_its_own_version() -> None:
    periods, figures = _ward()
    a = assess(PILOT, periods, figures, Y2023, versions=VERSIONS_OF)
    b = assess(NEW, periods, figures, Y2024, versions=VERSIONS_OF)
    assert [r.criterion.id for r in a.criteria] == ["P01", "P02", "P03", "P04", "P05"]
    assert (a.totals.met, a.totals.applicable) == (3, 5)  # P05: 6 incidents > 5
    assert [r.criterion.id for r in b.criteria] == ["C01", "C02", "C03", "C04"]
    assert (b.totals.met, b.totals.applicable) == (4, 4)
    # The year-over-year figures read 2023 through the crosswalk.
    incidents = next(r for r in b.indicators if r.indicator.id == "incidents")
    assert incidents.previous.value == 6
    assert incidents.change == Fraction(-1, 3)
    share = next(r for r in b.indicators if r.indicator.id == "tips_share")
    assert (share.previous.value, share.value.value) == (Fraction(3, 4), 1)


def test_compare_across_linked_versions() -> None:
    periods, figures = _ward()
    c = compare(NEW, periods, figures, Y2023, Y2024, "w.yaml", versions=VERSIONS_OF)
    assert c.crosswalk is not None
    rows = {r.id: (r.before, r.after, r.change, r.from_ids) for r in c.criteria}
    assert rows == {
        "C01": ("met", "met", "same", ("P01",)),
        "C02": ("not_met", "met", "gained", ("P02", "P03")),  # P03 was not met
        "C03": ("not_met", "met", "gained", ("P05",)),
        "C04": (None, "met", "new", ()),
        "P04": ("met", None, "dropped", ()),
    }
    incidents = next(i for i in c.indicators if i.indicator.id == "incidents")
    assert (incidents.before.value, incidents.after.value) == (6, 4)
    assert incidents.improved is True
    assert all(i.indicator.id != "arrests" for i in c.indicators)  # dropped


def test_a_criterion_lost_across_versions() -> None:
    periods, figures = _ward()
    figures[Y2024] = {**figures[Y2024], "incidents": 9.0}  # C03 not met now
    c = compare(NEW, periods, figures, Y2023, Y2024, "w.yaml", versions=VERSIONS_OF)
    periods[Y2023] = periods[Y2023].model_copy(update={"criteria": {**periods[Y2023].criteria}})
    rows = {r.id: r.change for r in c.criteria}
    assert rows["C03"] == "same"  # not met before (6 > 5), not met now
    figures[Y2023] = {**figures[Y2023], "incidents": 2.0}
    c = compare(NEW, periods, figures, Y2023, Y2024, "w.yaml", versions=VERSIONS_OF)
    assert {r.id: r.change for r in c.criteria}["C03"] == "lost"
    assert c.regressed


def test_unlinked_versions_cannot_be_compared() -> None:
    periods, figures = _ward()
    other = NEW.model_copy(update={"replaces": None})
    with pytest.raises(InputError, match="neither replaces the other"):
        compare(
            other, periods, figures, Y2023, Y2024, "w.yaml", versions={Y2023: PILOT, Y2024: other}
        )
    # Scoring alone still works; the figures of a year earlier on an unlinked version are
    # not compared.
    b = assess(other, periods, figures, Y2024, versions={Y2023: PILOT, Y2024: other})
    incidents = next(r for r in b.indicators if r.indicator.id == "incidents")
    assert incidents.previous.value is None
    assert incidents.change is None


def test_the_earlier_version_first() -> None:
    periods, figures = _ward()
    with pytest.raises(InputError, match="compare the earlier version first"):
        compare(NEW, periods, figures, Y2024, Y2023, "w.yaml", versions=VERSIONS_OF)


def test_a_crosswalk_names_only_criteria_the_newer_catalogue_has() -> None:
    from modelward.checks import catalogue_issues

    data = yaml.safe_load((VERSIONS / "criteria.yaml").read_text(encoding="utf-8"))
    data["replaces"]["criteria"]["P01"] = "C99"
    data["replaces"]["indicators"]["arrests"] = "arrest_count"
    issues = catalogue_issues(Catalogue.model_validate(data))
    assert [(i.loc, str(i.message)) for i in issues] == [
        (("replaces", "criteria", "P01"), "no criterion 'C99' in this catalogue"),
        (("replaces", "indicators", "arrests"), "no indicator 'arrest_count' in this catalogue"),
    ]
    data["replaces"] = {"catalogue": "test-set@2024"}
    (issue,) = catalogue_issues(Catalogue.model_validate(data))
    assert str(issue.message) == "a catalogue cannot replace itself"
