"""A ward file that validates scores: whatever figure it holds, no command stops on it.

Figures at the edges (huge, tiny, -0.0, the largest float, just inside and just outside
``limits.MAX_FIGURE`` / ``MIN_FIGURE``) are either refused by ``validate`` at their
position, or every command that shows them shows them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelward.cli import main
from modelward.limits import MAX_FIGURE, MIN_FIGURE
from tests.conftest import CATALOGUE

WARD = """\
id: x
name: X
catalogue: {catalogue}
periods:
  2023:
    indicators: {{reception_room_area: {a}, incidents: {b}, resident_satisfaction: {c}, admin_procedures: {d}}}
  2024:
    indicators: {{reception_room_area: {e}, incidents: {f}, resident_satisfaction: {g}, admin_procedures_online: {h}, admin_procedures: {d}}}
"""

EDGES: list[int | float] = [
    0,
    0.0,
    -0.0,
    5e-324,
    1e-300,
    MIN_FIGURE / 10,
    MIN_FIGURE,
    0.5,
    1.0,
    2e3,
    2**53 + 1,
    MAX_FIGURE - 1,
    MAX_FIGURE,
    1e29,
    10**29,
    1.0e30,
    1.7976931348623157e308,
]
figures = st.one_of(
    st.sampled_from(EDGES),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
    st.integers(0, 10**40),
)


def yaml_number(value: int | float) -> str:
    """A number as YAML 1.1 reads it back as the same number (a float needs its dot)."""
    if isinstance(value, int):
        return str(value)
    written = repr(value)
    if "e" in written and "." not in written.split("e")[0]:
        written = written.replace("e", ".0e")
    return written


def _run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, list(args), catch_exceptions=True)


def _no_internal_error(result: Result) -> None:
    # MODELWARD_DEBUG=1: an internal error raises instead of being worded, so it shows here.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "internal error" not in result.output + result.stderr


@pytest.fixture
def debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELWARD_DEBUG", "1")


ORDINARY: dict[str, int | float] = {
    "a": 30.5,
    "b": 3,
    "c": 0.9,
    "d": 10,
    "e": 26.0,
    "f": 2,
    "g": 0.95,
    "h": 5,
}
"""The sample's kind of figures, some of which each example puts an extreme figure in place of."""

VALID_EXTREMES = [
    {"a": MIN_FIGURE, "e": MAX_FIGURE - 0.5},  # a change of +10³⁰: 35 digits to round to 4
    {"a": MAX_FIGURE - 1, "e": MIN_FIGURE, "b": MAX_FIGURE - 1, "f": 0},
    {"c": MIN_FIGURE, "g": 1.0, "d": MAX_FIGURE - 1, "h": MAX_FIGURE - 1},
    {"a": -0.0, "b": 0, "c": -0.0, "e": 0.0, "f": MAX_FIGURE - 1},
]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(swapped=st.dictionaries(st.sampled_from(sorted(ORDINARY)), figures, max_size=3))
def test_a_ward_that_validates_scores_in_every_command(
    swapped: dict[str, int | float], tmp_path: Path, debug: None
) -> None:
    _scores_everywhere({**ORDINARY, **swapped}, tmp_path)


@pytest.mark.parametrize("swapped", VALID_EXTREMES)
def test_figures_at_the_limits_validate_and_score(
    swapped: dict[str, int | float], tmp_path: Path, debug: None
) -> None:
    assert _scores_everywhere({**ORDINARY, **swapped}, tmp_path)


def _scores_everywhere(values: dict[str, int | float], tmp_path: Path) -> bool:
    """Validate a ward with these figures; where it is valid, every command shows it.
    True where it was valid."""
    runner = CliRunner()
    path = tmp_path / "x.yaml"
    filled = {slot: yaml_number(value) for slot, value in values.items()}
    path.write_text(WARD.format(catalogue=CATALOGUE, **filled), encoding="utf-8")
    checked = _run(runner, "validate", str(path), "--lang", "en")
    _no_internal_error(checked)
    if checked.exit_code != 0:
        assert checked.exit_code == 1
        for line in checked.stderr.splitlines()[:-1]:  # the last line counts the files
            assert re.match(rf"{re.escape(str(path))}:\d+:\d+: periods\.202[34]\.", line), line
        return False
    for lang in ("vi", "en"):
        for args in (
            ["assess", str(path)],
            ["assess", str(path), "--format", "json"],
            ["assess", str(path), "--format", "markdown", "--period", "2023"],
            ["compare", str(path), "2023", "2024"],
            ["compare", str(path), "2023", "2024", "--format", "json"],
            ["history", str(path)],
            ["summary", str(path), "--format", "json"],
            ["report", str(path), "-o", str(tmp_path / f"r-{lang}.md")],
            ["report", str(path), "-o", str(tmp_path / f"r-{lang}.docx")],
        ):
            result = _run(runner, *args, "--lang", lang)
            _no_internal_error(result)
            assert result.exit_code == 0, (args, result.output, result.stderr)
            assert "Infinity" not in result.output
            assert "NaN" not in result.output
    return True


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("100000000000000000000000000000", "got one of 30 digits"),
        ("1000000000000000", "got one of 16 digits"),
        ("1.0e+30", "got one of 31 digits"),
        ("1.0e-300", "got 1e-300: not 0, yet below 0.000000000000001"),
        ("'0.00000000000000001%'", "got 0.00000000000000001%: not 0, yet below"),
    ],
)
def test_a_figure_no_ward_reports_is_refused_where_it_is_written(
    written: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "x.yaml"
    indicator = "resident_satisfaction" if written.endswith("%'") else "reception_room_area"
    path.write_text(
        f"id: x\nname: X\ncatalogue: {CATALOGUE}\nperiods:\n  2024:\n"
        f"    indicators:\n      {indicator}: {written}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:7:{9 + len(indicator)}: periods.2024.indicators.{indicator}: ")
    assert message in first
    vi = runner.invoke(main, ["validate", str(path)])
    assert "cần một con số mà phường có thể báo cáo được" in vi.stderr


def test_the_largest_figure_allowed_shows_in_full(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        f"id: x\nname: X\ncatalogue: {CATALOGUE}\nperiods:\n  2023:\n"
        f"    indicators: {{admin_procedures: 1}}\n  2024:\n"
        f"    indicators: {{admin_procedures: {MAX_FIGURE - 1}}}\n",
        encoding="utf-8",
    )
    vi = runner.invoke(main, ["compare", str(path), "2023", "2024", "--format", "markdown"])
    assert vi.exit_code == 0, vi.stderr
    assert "999.999.999.999.999" in vi.output
    assert "+99.999.999.999.999.800,0%" in vi.output
    en = runner.invoke(
        main, ["compare", str(path), "2023", "2024", "--format", "markdown", "--lang", "en"]
    )
    assert "999,999,999,999,999" in en.output
    assert "+99,999,999,999,999,800.0%" in en.output
