"""The quick way through a ward's figures gives what the careful way gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward.checks import _quick, figure
from modelward.errors import Issue
from modelward.models import Indicator

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
    ],
)
def test_anything_the_full_check_may_refuse_takes_the_full_way(raw: object, kind: str) -> None:
    assert _quick(raw, kind) is None


@pytest.mark.parametrize(
    ("raw", "kind"), [(7, "count"), (0.5, "percent"), (1, "percent"), (3.25, "number")]
)
def test_the_usual_figures_take_the_quick_way(raw: object, kind: str) -> None:
    assert _quick(raw, kind) == raw
