"""The quick way through a ward's figures gives what the careful way gives; what both refuse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward import loading as loader
from modelward.checks import _quick, figure, ward_issues
from modelward.errors import InputError, Issue
from modelward.models import Catalogue, Indicator, Written
from tests.conftest import CATALOGUE, SAMPLE
from tests.test_hardening import catalogues

KINDS = ("count", "number", "percent")

raw_figures = st.one_of(
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 2**53, 2**53 + 1, 0.0, -0.0, 1.0, 1.5, 0.9796, 1e308, True, False]),
    st.text(max_size=8),
)


def _indicator(kind: str) -> Indicator:
    return Indicator.model_validate({"id": "x", "title": "x", "better": "lower", "format": kind})


@settings(deadline=None, max_examples=400)
@given(raw=raw_figures, kind=st.sampled_from(KINDS))
def test_a_quick_figure_is_what_the_full_check_gives(raw: object, kind: str) -> None:
    quick = _quick(raw, kind)
    if quick is None:
        return
    assert not isinstance(raw, bool | str)
    careful = figure(raw, _indicator(kind), ())  # type: ignore[arg-type]
    assert not isinstance(careful, Issue)
    assert type(quick) is float
    assert quick == careful


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (-1, "count"),
        (2, "percent"),
        (1.5, "count"),
        (1.01, "percent"),
        (float("nan"), "number"),
        (float("inf"), "number"),
        (True, "count"),
        ("97%", "percent"),
        (2**60, "count"),
        (10**15, "count"),  # limits.MAX_FIGURE: no ward reports a quadrillion of anything
        (1e20, "number"),
        (1e-300, "number"),  # below limits.MIN_FIGURE
        (5e-324, "percent"),
        (12.0, "count"),  # 12.000, twelve thousand with a Vietnamese thousands dot
        (0.0, "count"),
    ],
)
def test_anything_the_full_check_may_refuse_takes_the_full_way(raw: object, kind: str) -> None:
    assert _quick(raw, kind) is None


@pytest.mark.parametrize(
    ("raw", "kind"), [(7, "count"), (0.5, "percent"), (1, "percent"), (3.25, "number")]
)
def test_the_usual_figures_take_the_quick_way(raw: object, kind: str) -> None:
    assert _quick(raw, kind) == raw


# ---------------------------------------------------------------------------- a count with a dot


@settings(deadline=None, max_examples=200)
@given(raw=st.floats())
def test_a_count_written_with_a_dot_is_always_refused(raw: float) -> None:
    # YAML reads 12.000 as 12.0: a whole float is no proof that a whole number was meant.
    assert _quick(raw, "count") is None
    assert isinstance(figure(raw, _indicator("count"), ()), Issue)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            Written(12.0, "12.000"),
            "x is a count: '12.000' is 12000 if the separator groups thousands; write 12000",
        ),
        (
            Written(1.5, "1.500"),
            "x is a count: '1.500' is 1500 if the separator groups thousands; write 1500",
        ),
        (Written(12.0, "12.0"), "x is a count: write a whole number without a dot — 12, got 12.0"),
        (12.0, "x is a count: write a whole number without a dot — 12, got 12.0"),
        (0.0, "x is a count: write a whole number without a dot — 0, got 0.0"),
        (2500.0, "x is a count: write a whole number without a dot — 2500, got 2500.0"),
        (1.5, "x is a count: a count is a whole number, got 1.5"),
        (12.345, "x is a count: a count is a whole number, got 12.345"),
        (0.5, "x is a count: a count is a whole number, got 0.5"),
        (
            "12,000",
            "x is a count: '12,000' is 12000 if the separator groups thousands; write 12000",
        ),
        ("1,5", "x is a count: a count is a whole number, got 1,5"),
        (1e20, "expected a number a ward can report, got one of 21 digits"),
        (10**20, "expected a number a ward can report, got one of 21 digits"),
    ],
)
def test_a_count_with_a_dot_says_what_to_write(raw: float | str, message: str) -> None:
    # Only the spelling can tell 12.000 (twelve thousand, as Vietnamese writes it) from 12.0:
    # the loader keeps it (Written) for a number whose spelling says more than its value.
    issue = figure(raw, _indicator("count"), ("here",))
    assert isinstance(issue, Issue)
    assert issue.loc == ("here",)
    assert str(issue.message) == message


@pytest.mark.parametrize("raw", [0, 12, 12000, 10**15 - 1])
def test_a_count_written_as_a_whole_number_is_taken(raw: int) -> None:
    assert figure(raw, _indicator("count"), ()) == raw
    assert _quick(raw, "count") == raw


@pytest.mark.parametrize("raw", [12.0, 12.5])
def test_a_number_or_percent_may_have_a_dot(raw: float) -> None:
    assert figure(raw, _indicator("number"), ()) == raw
    assert figure(raw / 100, _indicator("percent"), ()) == raw / 100


def test_the_sample_ward_with_a_thousands_dot_is_refused(tmp_path: Path) -> None:
    # The QA case: 1600 procedures in 2023; 12.000 in 2024 was read as 12, and validated.
    text = SAMPLE.read_text(encoding="utf-8")
    assert "admin_procedures: {value: 1850," in text
    ward = tmp_path / "tao-xuyen.yaml"
    ward.write_text(
        text.replace("admin_procedures: {value: 1850,", "admin_procedures: {value: 12.000,"),
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward, criteria=CATALOGUE)
    [problem] = caught.value.problems
    assert str(problem.message) == (
        "admin_procedures is a count: '12.000' is 12000 if the separator groups thousands; "
        "write 12000"
    )
    assert problem.loc == "periods.2024.indicators.admin_procedures.value"


# ---------------------------------------------------------------------------- a share from its parts


def _catalogue(indicators: list[dict[str, object]]) -> Catalogue:
    return Catalogue.model_validate(
        {
            "id": "t",
            "version": "1",
            "title": "t",
            "indicators": indicators,
            "groups": [{"id": "G", "title": "g", "criteria": [{"id": "C", "title": "c"}]}],
            "verdicts": [{"id": "v", "title": "v"}],
        }
    )


def _raw(ind_id: str) -> dict[str, object]:
    return {"id": ind_id, "title": ind_id, "better": "higher"}


# Ids unlike the sample's, so that nothing can hold to tips_handled by name.
SHARES = _catalogue(
    [
        _raw("cleared"),
        _raw("opened"),
        {"id": "clearance", "title": "c", "better": "higher", "ratio": ["cleared", "opened"]},
        _raw("staff"),
        _raw("cases"),
        {
            "id": "cases_per_staff",
            "title": "c",
            "better": "lower",
            "ratio": ["cases", "staff"],
            "format": "number",
        },
    ]
)


def _over(
    periods: dict[str, object], cat: Catalogue = SHARES
) -> list[tuple[tuple[object, ...], str]]:
    return [(i.loc, str(i.message)) for i in ward_issues(periods, cat).issues]


def test_a_numerator_over_its_denominator_is_refused_at_the_numerator() -> None:
    assert _over({"2024": {"indicators": {"opened": 9, "cleared": 19}}}) == [
        (
            ("periods", "2024", "indicators", "cleared"),
            "cleared (19) is more than opened (9): clearance would be over 100%",
        )
    ]


def test_a_numerator_over_a_zero_denominator_is_refused() -> None:
    assert _over({"2023": {"indicators": {"opened": 0, "cleared": 3}}}) == [
        (
            ("periods", "2023", "indicators", "cleared"),
            "cleared (3) is more than opened (0): clearance would be over 100%",
        )
    ]


def test_each_period_is_checked_on_its_own() -> None:
    found = _over(
        {
            "2023": {"indicators": {"opened": 4, "cleared": 5}},
            "2024": {"indicators": {"opened": 5, "cleared": 4}},
            "2025-Q1": {"indicators": {"opened": 2.5, "cleared": 3}},  # refused as a count
        }
    )
    assert [loc for loc, _ in found] == [
        ("periods", "2023", "indicators", "cleared"),
        ("periods", "2025-Q1", "indicators", "opened"),
    ]


@pytest.mark.parametrize(
    "figures",
    [
        {"opened": 9, "cleared": 9},  # 100%
        {"opened": 9, "cleared": 0},
        {"opened": 0, "cleared": 0},  # undefined, for if_undefined to decide
        {"cleared": 19},  # a part missing: the rule is unknown, not wrong
        {"opened": 9},
        {"cases": 300, "staff": 12},  # a ratio that is a number, not a share
    ],
)
def test_a_share_within_its_whole_is_fine(figures: dict[str, object]) -> None:
    assert _over({"2024": {"indicators": figures}}) == []


def test_a_ratio_that_says_percent_is_a_share_too() -> None:
    cat = _catalogue(
        [
            {**_raw("online"), "format": "number"},
            {**_raw("all"), "format": "number"},
            {
                "id": "online_share",
                "title": "s",
                "better": "higher",
                "ratio": ["online", "all"],
                "format": "percent",
            },
        ]
    )
    assert _over({"2024": {"indicators": {"online": 2.5, "all": 1.5}}}, cat) == [
        (
            ("periods", "2024", "indicators", "online"),
            "online (2.5) is more than all (1.5): online_share would be over 100%",
        )
    ]


def test_the_sample_ward_with_more_tips_handled_than_received_is_refused(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert "tips_handled: {value: 9," in text
    ward = tmp_path / "tao-xuyen.yaml"
    ward.write_text(text.replace("tips_handled: {value: 9,", "tips_handled: {value: 19,"), "utf-8")
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward, criteria=CATALOGUE)
    [problem] = caught.value.problems
    assert str(problem.message) == (
        "tips_handled (19) is more than tips_received (9): tips_handled_share would be over 100%"
    )
    assert (
        problem.line
        == text.splitlines().index(
            next(line for line in text.splitlines() if "tips_handled: {value: 9," in line)
        )
        + 1
    )


def test_figures_as_published() -> None:
    """The long form keeps its source and bound; a blank is not reported; a share without
    its parts is read as a percent."""
    from modelward.models import Published, bound_of, source_of

    cat = loader.load_catalogue(CATALOGUE).model
    periods = {
        2024: {
            "indicators": {
                "incidents": {"value": 10, "source": "article", "note": "bài báo"},
                "crimes_social_evils": {"value": 3},  # the long form of a plain report
                "clearance_rate": {"value": "90%", "bound": "above"},
                "fires": None,
                "serious_crimes": {"source": "article", "note": "không công bố"},
                "tips_handled_share": "100%",
            }
        }
    }
    checked = ward_issues(periods, cat)
    assert checked.issues == []
    (figures,) = checked.figures.values()
    assert set(figures) == {
        "incidents",
        "crimes_social_evils",
        "clearance_rate",
        "tips_handled_share",
    }
    assert isinstance(figures["incidents"], Published)
    assert (figures["incidents"], source_of(figures["incidents"])) == (10, "article")
    assert figures["incidents"].note == "bài báo"
    assert type(figures["crimes_social_evils"]) is float  # exact, reported: a plain float
    assert (figures["clearance_rate"], bound_of(figures["clearance_rate"])) == (0.9, "above")
    assert source_of(figures["clearance_rate"]) == "report"
    assert figures["tips_handled_share"] == 1.0


def test_a_share_given_with_a_part_names_both() -> None:
    cat = loader.load_catalogue(CATALOGUE).model
    periods = {2024: {"indicators": {"clearance_rate": "90%", "cases": 4}}}
    (issue,) = ward_issues(periods, cat).issues
    assert issue.loc == ("periods", 2024, "indicators", "clearance_rate")
    assert "clearance_rate" in str(issue.message)
    assert "cases" in str(issue.message)
    assert issue.at_key


def test_a_published_figure_survives_a_trip_to_another_process() -> None:
    import pickle

    from modelward.models import Published

    figure_ = Published(0.9, "article", "above", "hơn 90%")
    back = pickle.loads(pickle.dumps(figure_))
    assert (back, back.source, back.bound, back.note) == (0.9, "article", "above", "hơn 90%")


# ---------------------------------------------------------------------------- one round


def _well_shaped_catalogue_cases() -> list[Path]:
    """The golden catalogue cases whose problems are all across keys."""
    import yaml
    from pydantic import ValidationError

    from tests.conftest import DATA

    out = []
    for path in sorted((DATA / "errors").glob("catalogue-*.yaml")):
        try:
            Catalogue.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except ValidationError:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", _well_shaped_catalogue_cases(), ids=lambda p: p.stem)
def test_salvaged_parts_of_a_well_shaped_catalogue_find_what_the_model_does(path: Path) -> None:
    """The checks across keys find the same on salvaged parts as on the validated model,
    so a catalogue with shape problems loses none of its other problems."""
    import yaml

    from modelward.checks import Parts, catalogue_issues

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    model = Catalogue.model_validate(data)
    assert catalogue_issues(model), "a case with no problem across keys tests nothing"
    assert catalogue_issues(Parts.salvaged(data)) == catalogue_issues(model)


def test_a_part_that_fails_its_shape_skips_only_the_checks_that_need_it() -> None:
    from modelward.checks import Parts, catalogue_issues

    data: dict[str, object] = {
        "id": "t",
        "version": "1",
        "title": "T",
        "indicators": [
            {"id": "incidents", "title": "I", "better": "lower"},
            {"id": "fires", "title": "F", "better": "fewer"},  # fails, its id still read
        ],
        "groups": [
            {
                "id": "G1",
                "title": "G",
                "criteria": [
                    {"id": "C01", "title": "a", "rule": {"value": "fires", "at_most": 0}},
                    {"id": "C02", "title": "b", "rule": {"value": "arrests", "at_most": 0}},
                ],
            }
        ],
        "verdicts": [
            {"id": "model", "title": "M", "min_share": 1.0, "requires": ["C03"]},
            {"id": "not_yet", "title": "N"},
        ],
    }
    found = [(i.loc, str(i.message)) for i in catalogue_issues(Parts.salvaged(data))]
    assert found == [
        (("groups", 0, "criteria", 1, "rule", "value"), "no indicator 'arrests' in this catalogue"),
        (
            ("verdicts", 0, "requires", 0),
            "no criterion 'C03' in this catalogue (did you mean 'C02'?)",
        ),
    ]
    # An indicator whose id cannot be read may be 'arrests': no longer surely unknown.
    data["indicators"] = [{"id": "incidents", "title": "I", "better": "lower"}, {"title": "x"}]
    found = [(i.loc, str(i.message)) for i in catalogue_issues(Parts.salvaged(data))]
    assert found == [
        (
            ("verdicts", 0, "requires", 0),
            "no criterion 'C03' in this catalogue (did you mean 'C02'?)",
        ),
    ]
    # A group whose criteria cannot be read may hold C03; verdicts not all read: no order.
    data["groups"].append({"id": "G2", "title": "H", "criterias": []})  # type: ignore[attr-defined]
    data["verdicts"] = [{"id": "model", "min_share": 0.5}, {"id": "x", "title": "X"}]
    assert catalogue_issues(Parts.salvaged(data)) == []


_BREAKS = ("title", "no id", "unknown key", "not a mapping")


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_breaking_one_part_of_a_valid_catalogue_adds_no_problem_across_keys(
    data: st.DataObject,
) -> None:
    """No follow-on error: whatever one item's shape problem, the checks across keys find
    nothing in a catalogue that had nothing wrong across keys."""
    import copy

    from modelward.checks import Parts, catalogue_issues

    doc = data.draw(catalogues(), label="catalogue")
    assert catalogue_issues(Catalogue.model_validate(doc)) == []
    broken = copy.deepcopy(doc)
    items = [
        *((broken["indicators"], i) for i in range(len(broken.get("indicators", [])))),
        *((g["criteria"], c) for g in broken["groups"] for c in range(len(g["criteria"]))),
        *((broken["verdicts"], v) for v in range(len(broken["verdicts"]))),
        *((broken["groups"], g) for g in range(len(broken["groups"]))),
    ]
    where, index = data.draw(st.sampled_from(items), label="item")
    how = data.draw(st.sampled_from(_BREAKS), label="break")
    if how == "title":
        where[index]["title"] = 5
    elif how == "no id":
        del where[index]["id"]
    elif how == "unknown key":
        where[index]["colour"] = "red"
    else:
        where[index] = "x"
    assert catalogue_issues(Parts.salvaged(broken)) == []

    # And none lost (QA2 #12): an item that names an indicator unknown to the catalogue (a
    # ratio's part, a rule's operand) and fails its own shape in a way that leaves its names
    # readable (`ratio: [incidents, nosuch]` with no `better`) has the name checked in the
    # same round: the salvaged parts find what the whole catalogue, shape mended, finds.
    wrong = copy.deepcopy(doc)
    naming = [
        *(("ratio", ind) for ind in wrong["indicators"] if "ratio" in ind),
        *(("rule", crit) for g in wrong["groups"] for crit in g["criteria"] if "rule" in crit),
    ]
    if not naming:
        return
    kind, item = data.draw(st.sampled_from(naming), label="naming item")
    if kind == "ratio":
        item["ratio"][data.draw(st.integers(0, 1), label="part")] = _UNKNOWN
    else:
        comparison = _a_comparison(item["rule"])
        comparison["value" if "value" in comparison else "change"] = _UNKNOWN
    expected = catalogue_issues(Catalogue.model_validate(wrong))
    assert any(_UNKNOWN in str(i.message) for i in expected)
    breaks = ["title", "unknown key", "no better" if kind == "ratio" else "no title"]
    how = data.draw(st.sampled_from(breaks), label="shape break")
    if how == "title":
        item["title"] = 5
    elif how == "unknown key":
        item["colour"] = "red"
    else:
        del item["better" if kind == "ratio" else "title"]
    assert catalogue_issues(Parts.salvaged(wrong)) == expected


_UNKNOWN = "no-such-indicator"
"""A name no drawn catalogue has (drawn ids are at most 6 characters)."""


def _a_comparison(rule: dict[str, Any]) -> dict[str, Any]:
    """The first comparison inside a rule written as data."""
    for key in ("all", "any"):
        if key in rule:
            return _a_comparison(rule[key][0])
    return rule
