"""Two versions of a catalogue linked by ``replaces``: the crosswalk, and periods compared
and scored across it (FORMAT.md sections 6 and 11), on catalogues written for the tests."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------------- several into one

MERGED = DATA / "versions-merged"
OLD_M = _catalogue(MERGED / "catalogues" / "old.yaml")
NEW_M = _catalogue(MERGED / "criteria.yaml")
CROSS_M = Crosswalk(OLD_M, NEW_M)


def test_several_old_indicators_into_one_combine_as_merged_wards_do() -> None:
    from modelward.models import Published

    carried = CROSS_M.figures(
        {
            "thefts": 7.0,
            "robberies": 3.0,
            "calls_received": 30.0,
            "calls_day": 20.0,
            "calls_night": 7.0,
            "patrol_day": 100.5,
            "patrol_night": 40.0,
            "budget_ops": 0.1,
            "budget_training": 0.2,
            "staff_police": 12.0,
        }
    )
    assert carried.figures == {"calls_received": 30.0}  # one into one: as written
    values = {k: (v.value, v.why, v.wards) for k, v in carried.values.items()}
    assert values == {
        "property_crimes": (Fraction(10), None, ()),  # counts add up
        "calls_answered": (Fraction(27), None, ()),
        "patrol_hours": (None, "old_not_combined", ("patrol_day", "patrol_night")),
        "budget": (Fraction(3, 10), None, ()),  # combine: sum, exactly (not 0.30000000000000004)
        "staff": (None, "old_missing", ("staff_civil",)),
    }
    # A ratio is worked out from its carried parts, exactly.
    share = NEW_M.indicator("calls_share")
    assert share is not None
    from modelward.rules import figure_of

    assert figure_of(share, carried.figures, NEW_M, carried.values).value == Fraction(9, 10)
    assert [(i.id, v.why) for i, v in carried.gaps(NEW_M)] == [
        ("patrol_hours", "old_not_combined"),
        ("staff", "old_missing"),
    ]
    # A part known only by a bound makes no exact sum; none reported is simply not reported.
    bounded = CROSS_M.figures({"thefts": Published(7.0, bound="above"), "robberies": 3.0})
    assert (bounded.values["property_crimes"].why, bounded.values["property_crimes"].wards) == (
        "bounded",
        ("thefts",),
    )
    assert "staff" not in CROSS_M.figures({"thefts": 1.0}).values


@given(
    st.one_of(st.none(), st.integers(0, 10**9)),
    st.one_of(st.none(), st.integers(0, 10**9)),
)
def test_counts_into_one_add_up_or_name_the_one_missing(
    thefts: int | None, robberies: int | None
) -> None:
    old = {k: float(v) for k, v in (("thefts", thefts), ("robberies", robberies)) if v is not None}
    value = CROSS_M.figures(old).values.get("property_crimes")
    if thefts is None and robberies is None:
        assert value is None
    elif thefts is None or robberies is None:
        assert value is not None
        assert (value.value, value.why) == (None, "old_missing")
        assert value.wards == (("thefts",) if thefts is None else ("robberies",))
    else:
        assert value is not None
        assert value.value == thefts + robberies


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_assess_and_compare_carry_several_old_figures_into_one(lang: str) -> None:
    import json

    from click.testing import CliRunner

    from modelward.cli import main

    runner = CliRunner()
    ward = str(MERGED / "wards" / "w.yaml")
    result = runner.invoke(main, ["assess", ward, "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    previous = {i["id"]: (i["previous"], i["change"]) for i in doc["indicators"]}
    assert previous == {
        "property_crimes": (10, -0.2),
        "calls_received": (30, 0.3333),
        "calls_answered": (27, 0.4074),
        "calls_share": (0.9, 0.0556),
        "patrol_hours": (None, None),
        "budget": (0.3, 0.5),
        "staff": (None, None),
    }
    statuses = {c["id"]: c["status"] for g in doc["groups"] for c in g["criteria"]}
    assert statuses == {"N01": "met", "N02": "met", "N03": "met", "N04": "unknown"}
    undefined = doc["carried"]["undefined"]
    assert [(u["id"], u["why"], u["from_ids"]) for u in undefined] == [
        ("patrol_hours", "old_not_combined", ["patrol_day", "patrol_night"]),
        ("staff", "old_missing", ["staff_civil"]),
    ]
    reasons = {
        "en": [
            "Giờ tuần tra: the older catalogue's patrol_day, patrol_night do not add up into it "
            "(it does not say combine: sum)",
            "Quân số for 2023: staff_civil not reported (the older catalogue's indicators that "
            "became this one)",
        ],
        "vi": [
            "Giờ tuần tra: số liệu patrol_day, patrol_night của bộ tiêu chí cũ không cộng gộp "
            "được (chỉ số này không ghi combine: sum)",
            "Quân số kỳ 2023: thiếu số liệu staff_civil (các chỉ số của bộ tiêu chí cũ gộp "
            "thành chỉ số này)",
        ],
    }[lang]
    assert [u["reason"] for u in undefined] == reasons
    table = runner.invoke(main, ["assess", ward, "--lang", lang]).stdout
    flat = " ".join(table.split())
    title = {
        "en": "Figures of 2023 that cannot be carried over to the newer catalogue",
        "vi": "Số liệu kỳ 2023 không chuyển được sang bộ tiêu chí mới",
    }[lang]
    assert title in flat
    assert all(" ".join(r.split()) in flat for r in reasons)
    result = runner.invoke(main, ["compare", ward, "2023", "2024", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [u["id"] for u in doc["crosswalk"]["undefined"]] == ["patrol_hours", "staff"]
    assert {i["id"]: i["from"] for i in doc["indicators"]}["budget"] == 0.3
    markdown = runner.invoke(
        main, ["compare", ward, "2023", "2024", "--format", "markdown", "--lang", lang]
    ).stdout
    assert title in markdown
