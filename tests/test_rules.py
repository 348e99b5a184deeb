"""The rule grammar: percent change, three-valued all/any, if_undefined, exact thresholds."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from modelward.models import Catalogue, Comparison, Criterion, Published, Rule
from modelward.periods import parse_period
from modelward.rules import Figures, Status, Value, bounded, compare, evaluate, relative_change

# No per-example deadline: the first examples build pydantic schemas, and CI machines are busy.
unhurried = settings(deadline=None)

# ---------------------------------------------------------------------------- a tiny catalogue

# Figures chosen so that every leaf below has a known status.
NOW: dict[str, float] = {"one": 1, "zero": 0, "den0": 0, "grow": 3, "flat": 0}
BEFORE: dict[str, float] = {"one": 1, "zero": 0, "den0": 0, "grow": 0, "flat": 0}

CATALOGUE = Catalogue.model_validate(
    {
        "id": "tiny",
        "version": "1",
        "title": "tiny",
        "indicators": [
            {"id": "one", "title": "one", "better": "higher"},
            {"id": "zero", "title": "zero", "better": "higher"},
            {"id": "gone", "title": "not reported", "better": "higher"},
            {"id": "den0", "title": "a zero denominator", "better": "higher"},
            {"id": "grow", "title": "0 a year ago, 3 now", "better": "lower"},
            {"id": "flat", "title": "0 a year ago, 0 now", "better": "lower"},
            {
                "id": "share0",
                "title": "one over zero",
                "ratio": ["one", "den0"],
                "better": "higher",
            },
            {
                "id": "gone_share",
                "title": "missing over one",
                "ratio": ["gone", "one"],
                "better": "higher",
            },
            {
                "id": "share_gone",
                "title": "one over missing",
                "ratio": ["one", "gone"],
                "better": "higher",
            },
            {"id": "sat", "title": "satisfaction", "better": "higher", "format": "percent"},
        ],
        "groups": [{"id": "G", "title": "g", "criteria": [{"id": "C", "title": "c"}]}],
        "verdicts": [{"id": "any", "title": "any"}],
    }
)
PERIOD = parse_period("2024")


def figures(before: dict[str, float] | None = BEFORE, **now: float) -> Figures:
    """This period's figures (the defaults plus any given) against ``before``."""
    return Figures(CATALOGUE, PERIOD, {**NOW, **now}, before)


def rule(data: dict[str, Any]) -> Rule:
    """A rule validated exactly as the catalogue loader validates one."""
    parsed = Criterion.model_validate({"id": "X", "title": "x", "rule": data}).rule
    assert parsed is not None
    return parsed


# ---------------------------------------------------------------------------- percent change

figure_values = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(Fraction),
    st.fractions(min_value=0, max_value=10**4, max_denominator=10**4),
)


@unhurried
@given(now=figure_values, before=figure_values)
def test_relative_change_is_exact_and_agrees_in_sign(now: Fraction, before: Fraction) -> None:
    change = relative_change(now, before)
    if before == 0:
        assert change == (0 if now == 0 else None)
        return
    assert change == (now - before) / before
    assert change is not None
    assert (change > 0) == (now > before)
    assert (change < 0) == (now < before)
    assert (change == 0) == (now == before)
    assert change >= -1  # figures are never negative: at most a fall to nothing


def test_relative_change_of_the_sample_incidents() -> None:
    assert relative_change(Fraction(10), Fraction(24)) == Fraction(-7, 12)
    assert relative_change(Fraction(0), Fraction(0)) == 0
    assert relative_change(Fraction(3), Fraction(0)) is None


# ---------------------------------------------------------------------------- all / any

# Leaves spelt several ways, each with a status fixed by the figures above.
LEAVES: dict[Status, list[dict[str, Any]]] = {
    "met": [
        {"value": "one", "at_least": 1},
        {"value": "one", "above": 0},
        {"value": "zero", "at_most": 0},
        {"value": "zero", "below": 0.5},
        {"change": "one", "at_most": 0},
        {"change": "flat", "at_least": 0},
        {"value": "share0", "at_least": 1, "if_undefined": "met"},
    ],
    "not_met": [
        {"value": "zero", "at_least": 1},
        {"value": "one", "below": 1},
        {"value": "one", "at_most": 0.99},
        {"change": "one", "below": 0},
        {"change": "grow", "below": 0, "if_undefined": "not_met"},
    ],
    "unknown": [
        {"value": "gone", "at_least": 0},
        {"value": "gone", "at_least": 0, "if_undefined": "met"},
        {"change": "gone", "below": 0, "if_undefined": "met"},
        {"value": "gone_share", "at_least": 0},
        {"value": "share_gone", "at_most": 1, "if_undefined": "met"},
        {"value": "share0", "at_least": 1},
        {"change": "grow", "below": 0},
    ],
    "not_applicable": [
        {"value": "share0", "at_least": 1, "if_undefined": "not_applicable"},
        {"change": "grow", "below": 0, "if_undefined": "not_applicable"},
    ],
}

Tree = Any  # a (status, spelling) leaf or a ("all" | "any", [Tree, ...]) node


def trees(statuses: tuple[Status, ...]) -> st.SearchStrategy[Tree]:
    leaf = st.sampled_from(statuses).flatmap(
        lambda s: st.tuples(st.just(s), st.integers(0, len(LEAVES[s]) - 1))
    )
    return st.recursive(
        leaf,
        lambda kids: st.tuples(
            st.sampled_from(["all", "any"]), st.lists(kids, min_size=1, max_size=4)
        ),
        max_leaves=16,
    )


def as_rule(tree: Tree) -> dict[str, Any]:
    head, rest = tree
    if head in ("all", "any"):
        return {head: [as_rule(t) for t in rest]}
    leaf: dict[str, Any] = LEAVES[head][rest]
    return leaf


def reference(tree: Tree) -> Status:
    """FORMAT.md section 1, written out plainly; not-applicable parts are left out."""
    head, rest = tree
    if head not in ("all", "any"):
        status: Status = head
        return status
    parts = [reference(t) for t in rest]
    counted = [p for p in parts if p != "not_applicable"]
    if not counted:
        return "not_applicable"
    if head == "all":
        if "not_met" in counted:
            return "not_met"
        if "unknown" in counted:
            return "unknown"
        return "met"
    if "met" in counted:
        return "met"
    if "unknown" in counted:
        return "unknown"
    return "not_met"


@pytest.mark.parametrize(
    ("status", "index"), [(s, i) for s in LEAVES for i in range(len(LEAVES[s]))]
)
def test_each_leaf_has_the_status_it_is_filed_under(status: Status, index: int) -> None:
    assert evaluate(rule(LEAVES[status][index]), figures()).status == status


@unhurried
@given(trees(("met", "not_met", "unknown")))
def test_all_and_any_are_three_valued(tree: Tree) -> None:
    outcome = evaluate(rule(as_rule(tree)), figures())
    assert outcome.status == reference(tree)


@unhurried
@given(trees(("met", "not_met", "unknown", "not_applicable")))
def test_not_applicable_parts_are_left_out(tree: Tree) -> None:
    outcome = evaluate(rule(as_rule(tree)), figures())
    assert outcome.status == reference(tree)
    # The checks kept for the reason are the ones that decided: they agree with the outcome.
    assert outcome.checks
    assert all(check.status == outcome.status for check in outcome.checks)


def test_all_stops_at_not_met_before_unknown() -> None:
    both = rule({"all": [{"value": "gone", "at_least": 0}, {"value": "zero", "at_least": 1}]})
    outcome = evaluate(both, figures())
    assert outcome.status == "not_met"
    assert [c.comparison.value for c in outcome.checks] == ["zero"]


def test_any_stops_at_met_before_unknown() -> None:
    either = rule({"any": [{"value": "gone", "at_least": 0}, {"value": "one", "at_least": 1}]})
    outcome = evaluate(either, figures())
    assert outcome.status == "met"
    assert [c.comparison.value for c in outcome.checks] == ["one"]


# ---------------------------------------------------------------------------- if_undefined

IF_UNDEFINED = st.sampled_from([None, "met", "not_met", "not_applicable"])
OPERATOR = st.sampled_from(["at_least", "at_most", "above", "below"])
THRESHOLD = st.one_of(
    st.integers(-5, 5), st.floats(-2, 2, allow_nan=False).map(lambda x: round(x, 3))
)


def comparison(operand: str, ind: str, op: str, threshold: float, if_undef: str | None) -> Rule:
    data: dict[str, Any] = {operand: ind, op: threshold}
    if if_undef is not None:
        data["if_undefined"] = if_undef
    return rule(data)


@unhurried
@given(if_undef=IF_UNDEFINED, op=OPERATOR, threshold=THRESHOLD)
def test_undefined_operands_take_if_undefined(
    if_undef: str | None, op: str, threshold: float
) -> None:
    expected = if_undef or "unknown"
    cases = [
        # a ratio over zero
        (comparison("value", "share0", op, threshold, if_undef), figures(), "zero_denominator"),
        # a change from zero
        (comparison("change", "grow", op, threshold, if_undef), figures(), "previous_zero"),
        # a change of a ratio that was over zero a year earlier
        (
            comparison("change", "share0", op, threshold, if_undef),
            figures(den0=2),
            "zero_denominator",
        ),
        # no period a year earlier
        (comparison("change", "one", op, threshold, if_undef), figures(None), "no_previous_period"),
    ]
    for r, f, why in cases:
        outcome = evaluate(r, f)
        assert outcome.status == expected
        (check,) = outcome.checks
        assert check.actual.value is None
        assert check.actual.why == why
        assert check.defaulted == (if_undef is not None)


@unhurried
@given(if_undef=IF_UNDEFINED, op=OPERATOR, threshold=THRESHOLD)
def test_a_figure_not_reported_is_unknown_whatever_if_undefined_says(
    if_undef: str | None, op: str, threshold: float
) -> None:
    no_one = {k: v for k, v in BEFORE.items() if k != "one"}
    cases = [
        (comparison("value", "gone", op, threshold, if_undef), figures()),
        (comparison("change", "gone", op, threshold, if_undef), figures()),
        (comparison("change", "gone", op, threshold, if_undef), figures(None)),
        # reported this period but not in the period a year earlier
        (comparison("change", "one", op, threshold, if_undef), figures(no_one)),
        # a ratio with a part not reported, even when the other part is zero
        (comparison("value", "gone_share", op, threshold, if_undef), figures()),
        (comparison("value", "share_gone", op, threshold, if_undef), figures()),
        (comparison("change", "share_gone", op, threshold, if_undef), figures(None)),
    ]
    for r, f in cases:
        outcome = evaluate(r, f)
        assert outcome.status == "unknown"
        (check,) = outcome.checks
        assert check.actual.why == "missing"
        assert not check.defaulted


def test_a_missing_figure_inside_a_ratio_over_zero_is_still_unknown() -> None:
    # gone / den0: the missing numerator decides, not the zero denominator.
    cat = Catalogue.model_validate(
        {
            **CATALOGUE.model_dump(exclude_none=True),
            "indicators": [
                *CATALOGUE.model_dump(exclude_none=True)["indicators"],
                {
                    "id": "gone_over_zero",
                    "title": "x",
                    "ratio": ["gone", "den0"],
                    "better": "higher",
                },
            ],
        }
    )
    r = rule({"value": "gone_over_zero", "at_least": 0, "if_undefined": "met"})
    assert evaluate(r, Figures(cat, PERIOD, NOW, BEFORE)).status == "unknown"


# ---------------------------------------------------------------------------- exact thresholds


def test_thresholds_compare_the_decimals_as_written() -> None:
    # In floats (0.7 - 1.0) / 1.0 is -0.30000000000000004, which is below -0.3.
    r = rule({"change": "sat", "at_least": -0.3})
    assert evaluate(r, figures({"sat": 1.0}, sat=0.7)).status == "met"
    # 0.1 + 0.2 style: 0.3 reported is at least 0.3.
    assert evaluate(rule({"value": "sat", "at_least": 0.3}), figures(sat=0.3)).status == "met"


def test_a_ratio_at_its_threshold_is_met() -> None:
    # 7 of 10 residential areas safe is exactly 70%.
    cat = Catalogue.model_validate(
        {
            **CATALOGUE.model_dump(exclude_none=True),
            "indicators": [
                {"id": "areas", "title": "a", "better": "higher"},
                {"id": "safe", "title": "s", "better": "higher"},
                {
                    "id": "safe_share",
                    "title": "share",
                    "ratio": ["safe", "areas"],
                    "better": "higher",
                },
            ],
        }
    )
    r = rule({"value": "safe_share", "at_least": 0.7})
    assert evaluate(r, Figures(cat, PERIOD, {"areas": 10, "safe": 7}, None)).status == "met"
    assert evaluate(r, Figures(cat, PERIOD, {"areas": 25, "safe": 16}, None)).status == "not_met"
    assert evaluate(r, Figures(cat, PERIOD, {"areas": 25, "safe": 18}, None)).status == "met"


# ---------------------------------------------------------------------------- bounded figures


_OPERATORS = ("at_least", "at_most", "above", "below")
_BOUNDS = ("above", "at_least", "below", "at_most")
_HOLDS = {
    "at_least": lambda a, t: a >= t,
    "at_most": lambda a, t: a <= t,
    "above": lambda a, t: a > t,
    "below": lambda a, t: a < t,
}


def _bounded(value: float, bound: str, op: str, threshold: float) -> Status:
    figures = Figures(
        CATALOGUE, parse_period(2024), {"sat": Published(value, "article", bound)}, None
    )  # type: ignore[arg-type]
    return compare(Comparison.model_validate({"value": "sat", op: threshold}), figures).status


def test_bounded_examples() -> None:
    assert _bounded(0.9, "above", "at_least", 0.75) == "met"  # "hơn 90%" meets at least 75%
    assert _bounded(0.9, "above", "at_least", 0.95) == "unknown"
    assert _bounded(0.9, "above", "at_least", 0.9) == "met"
    assert _bounded(0.9, "at_least", "above", 0.9) == "unknown"  # exactly 90% is possible
    assert _bounded(0.9, "above", "above", 0.9) == "met"
    assert _bounded(0.5, "below", "at_least", 0.5) == "not_met"
    assert _bounded(0.5, "at_most", "at_least", 0.5) == "unknown"
    assert _bounded(0.5, "at_most", "above", 0.5) == "not_met"
    assert _bounded(0.5, "below", "at_least", 0) == "met"  # figures are never negative


# Thresholds and values in hundredths, so the sample points below are exact.
hundredths = st.integers(0, 200).map(lambda n: Fraction(n, 100))


@given(hundredths, st.sampled_from(_BOUNDS), st.sampled_from(_OPERATORS), hundredths)
def test_bounded_agrees_with_every_figure_the_bound_allows(
    v: Fraction, bound: str, op: str, t: Fraction
) -> None:
    """Met: every figure beyond the bound meets it; not met: none does; else unknown.

    Checked against figures sampled on a fine grid (a thousandth apart) beyond the bound.
    """
    assume(not (bound == "below" and v == 0))  # refused by validate: no figure lies below 0
    status = bounded(Value(v, bound=bound), op, t)  # type: ignore[arg-type]
    step = Fraction(1, 1000)
    if bound in ("above", "at_least"):
        start = v + step if bound == "above" else v
        allowed = [start + i * step for i in range(3000)]
    else:
        end = v - step if bound == "below" else v
        allowed = [end - i * step for i in range(3000) if end - i * step >= 0]
    results = {_HOLDS[op](x, t) for x in allowed}
    if status == "met":
        assert results == {True}
    elif status == "not_met":
        assert results <= {False}
    else:
        assert results == {True, False}


def test_a_change_from_or_to_a_bounded_figure_is_undefined() -> None:
    bounded_now = Figures(
        CATALOGUE, parse_period(2024), {"one": Published(2, "article", "above")}, {"one": 1}
    )
    exact_now = Figures(
        CATALOGUE, parse_period(2024), {"one": 2}, {"one": Published(1, "estimate", "at_most")}
    )
    for figures in (bounded_now, exact_now):
        actual, _, _ = figures.change("one")
        assert actual.value is None
        assert actual.why == "bounded"
    comparison = Comparison.model_validate({"change": "one", "below": 0, "if_undefined": "met"})
    assert compare(comparison, bounded_now).status == "met"  # if_undefined decides


def test_a_share_given_directly_is_read_as_it_is() -> None:
    figures = Figures(CATALOGUE, parse_period(2024), {"share_gone": 0.8}, None)
    value = figures.value("share_gone")
    assert value.value == Fraction(4, 5)
    # A ratio with a bounded part has no exact share.
    figures = Figures(
        CATALOGUE, parse_period(2024), {"one": Published(1, "article", "above"), "den0": 2}, None
    )
    assert figures.value("share0").why == "bounded"
