"""Hints that work: every value a hint offers, written in place of what the file had, validates."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from modelward import loading
from modelward.cli import main
from modelward.errors import InputError
from modelward.messages import Message, closest, status_meant
from tests.conftest import CATALOGUE, PILOT

WARD = """\
id: w
name: W
catalogue: {catalogue}
periods:
  2024:
    indicators:
      {indicator}: {figure}
    criteria:
      {criterion}: {status}
"""


def _ward(
    tmp_path: Path,
    figure: str = "3",
    status: str = "met",
    indicator: str = "incidents",
    criterion: str = "C01",
) -> Path:
    path = tmp_path / "w.yaml"
    path.write_text(
        WARD.format(
            catalogue=CATALOGUE,
            indicator=indicator,
            figure=figure,
            criterion=criterion,
            status=status,
        ),
        encoding="utf-8",
    )
    return path


def _arguments(message: Any) -> dict[str, Any]:
    """Every argument of a message and of its parts (hints)."""
    if not isinstance(message, Message):
        return {}
    found: dict[str, Any] = {}
    for part in (message, *message.then):
        for name, value in part.args:
            found.update(_arguments(value))
            found.setdefault(name, value)
    return found


def _only_problem(path: Path) -> Message:
    with pytest.raises(InputError) as caught:
        loading.load_ward(path)
    (problem,) = caught.value.problems
    assert isinstance(problem.message, Message)
    return problem.message


def _applied(path: Path, written: str, fix: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(f": {written}\n") == 1
    path.write_text(text.replace(f": {written}\n", f": {fix}\n"), encoding="utf-8")
    loading.load_ward(path)  # raises if the hint led to another problem


STATUSES = ["đạt", "Đạt", "Met", "MET", "not met", "Not-Met", "chưa đạt", "không áp dụng"]
STATUSES += ["yes", "true", "no", "false", "N/A", "khong dat"]


@pytest.mark.parametrize("written", STATUSES)
def test_a_status_in_other_words_gets_the_one_it_means(written: str, tmp_path: Path) -> None:
    path = _ward(tmp_path, status=written)
    message = _only_problem(path)
    assert message.id == "expected_status"
    fix = _arguments(message)["fix"]
    assert fix == status_meant(written)
    assert fix in ("met", "not_met", "not_applicable")
    _applied(path, written, fix)


@pytest.mark.parametrize("written", ["đạt", "yes", "chưa đạt"])
def test_a_status_on_a_computed_criterion_points_to_a_valid_override(
    written: str, tmp_path: Path
) -> None:
    path = _ward(tmp_path, status=written, criterion="C05")
    with pytest.raises(InputError) as caught:
        loading.load_ward(path)
    (fix,) = {
        _arguments(p.message)["fix"]
        for p in caught.value.problems
        if isinstance(p.message, Message) and p.message.id == "computed_needs_override"
    }
    # The hint's reason is a placeholder: left as it is, the override is refused ...
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f": {written}\n", f": {fix}\n"), encoding="utf-8")
    message = _only_problem(path)
    assert message.id == "reason_in_words"
    # ... and with the reason given in words in its place, the file is valid.
    path.write_text(text, encoding="utf-8")
    _applied(path, written, fix.replace('"..."', '"xử lý sau ngày chốt số liệu"'))


@pytest.mark.parametrize("reason", ['"..."', "'…'", '" . . "', '"-"', "'?'"])
def test_an_override_reason_must_be_words(reason: str, tmp_path: Path) -> None:
    path = _ward(
        tmp_path, criterion="C05", status=f"{{override: {{status: met, reason: {reason}}}}}"
    )
    message = _only_problem(path)
    assert message.id == "reason_in_words"
    assert str(message).startswith("give the reason in words, got ")


@pytest.mark.parametrize(
    ("written", "fix"),
    [("12.000", "12000"), ("1.500", "1500"), ("12.000.000", "12000000"), ("12,000", "12000")],
)
def test_a_count_with_its_thousands_grouped(written: str, fix: str, tmp_path: Path) -> None:
    path = _ward(tmp_path, figure=written)
    message = _only_problem(path)
    assert message.id == "count_thousands"
    assert _arguments(message)["fix"] == fix
    _applied(path, written, fix)


@pytest.mark.parametrize(("written", "fix"), [("12.0", "12"), ("3.00", "3")])
def test_a_whole_count_written_with_a_dot(written: str, fix: str, tmp_path: Path) -> None:
    path = _ward(tmp_path, figure=written)
    message = _only_problem(path)
    assert _arguments(message)["fix"] == fix
    _applied(path, written, fix)


@pytest.mark.parametrize("written", ["1.5", "1,5", "12.25"])
def test_a_count_with_decimals_is_not_guessed_at(written: str, tmp_path: Path) -> None:
    message = _only_problem(_ward(tmp_path, figure=written))
    assert message.id == "count_not_whole"
    assert "fix" not in _arguments(message)
    assert str(message) == f"incidents is a count: a count is a whole number, got {written}"


@pytest.mark.parametrize(("written", "fix"), [("92,5", "92,5%"), ("92.5", "92.5%"), ("95", "95%")])
def test_a_bare_percent_gets_both_spellings_that_work(
    written: str, fix: str, tmp_path: Path
) -> None:
    path = _ward(tmp_path, figure=written, indicator="resident_satisfaction")
    message = _only_problem(path)
    arguments = _arguments(message)
    assert arguments["fix"] == fix
    _applied(path, written, arguments["fix"])
    path = _ward(tmp_path, figure=written, indicator="resident_satisfaction")
    _applied(path, written, arguments["fraction"])


@pytest.mark.parametrize(
    ("indicator", "written", "value"),
    [
        ("resident_satisfaction", "92,5%", 0.925),
        ("resident_satisfaction", "0,925", 0.925),
        ("reception_room_area", "26,5", 26.5),
        ("reception_room_area", "26.5", 26.5),
    ],
)
def test_the_decimal_comma_is_read_wherever_a_decimal_point_is(
    indicator: str, written: str, value: float, tmp_path: Path
) -> None:
    ward = loading.load_ward(_ward(tmp_path, figure=written, indicator=indicator))
    (figures,) = ward.figures.values()
    assert figures[indicator] == pytest.approx(value)


@pytest.mark.parametrize(("written", "fix"), [('"12"', "12"), ("'3.5e1'", "35")])
def test_a_number_in_quotes(written: str, fix: str, tmp_path: Path) -> None:
    indicator = "reception_room_area"
    path = _ward(tmp_path, figure=written, indicator=indicator)
    message = _only_problem(path)
    _applied(path, written, _arguments(message)["fix"])


def test_the_template_of_new_validates_with_its_blanks_uncommented(
    tmp_path: Path, runner: CliRunner
) -> None:
    # "leave out what you do not have": a figure left blank is not reported (FORMAT §8).
    path = tmp_path / "n.yaml"
    made = runner.invoke(
        main, ["new", str(path), "--id", "n", "--name", "N", "--criteria", str(CATALOGUE)]
    )
    assert made.exit_code == 0, made.output
    lines = path.read_text(encoding="utf-8").splitlines()
    figures = [
        line.replace("# ", "", 1)
        if line.startswith("      # ") and line.rstrip().endswith(")") and ":  " in line
        else line
        for line in lines
    ]
    assert figures != lines
    path.write_text("\n".join(figures) + "\n", encoding="utf-8")
    loading.load_ward(path, CATALOGUE)


FLOW = """\
id: w
name: W
catalogue: {catalogue}
periods:
  2024:
    indicators: {{incidents: {a}, reception_room_area: {b}, resident_satisfaction: {c}}}
    inspection: {{indicators: {{resident_satisfaction: {d}}}}}
"""


def test_a_comma_inside_braces_is_refused_with_what_to_write(tmp_path: Path) -> None:
    # YAML reads {incidents: 1,234} as incidents: 1 and a blank key 234: never a silent 1.
    path = tmp_path / "w.yaml"
    split = {"a": "1,234", "b": "24,5", "c": "0,95", "d": "92,5%"}
    path.write_text(FLOW.format(catalogue=CATALOGUE, **split), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loading.load_ward(path)
    problems = caught.value.problems
    line = path.read_text(encoding="utf-8").splitlines()
    where = {(p.line, p.column): p.message for p in problems}
    assert len(problems) == 4
    fixes = {}
    for name, written in split.items():
        row = next(i for i, t in enumerate(line) if f": {written}," in t or f": {written}}}" in t)
        column = line[row].index(f": {written}") + 3
        message = where[(row + 1, column)]
        assert isinstance(message, Message)
        assert "comma_in_braces" in {m.id for m in message.then}
        fixes[name] = _arguments(message)["fix"]
    # The same hint as one per line (count_thousands for a count), or the decimal point.
    assert fixes == {"a": "1234", "b": "24.5", "c": "0.95", "d": "92.5%"}
    path.write_text(FLOW.format(catalogue=CATALOGUE, **fixes), encoding="utf-8")
    ward = loading.load_ward(path)
    (figures,) = ward.figures.values()
    assert figures["incidents"] == 1234
    assert figures["reception_room_area"] == pytest.approx(24.5)
    assert figures["resident_satisfaction"] == pytest.approx(0.95)
    (inspected,) = ward.inspected.values()
    assert inspected["resident_satisfaction"] == pytest.approx(0.925)


def test_a_comma_with_a_space_inside_braces_is_two_entries(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(
        FLOW.format(catalogue=CATALOGUE, a="1, tips_received: 2", b="3", c="0.5", d="1"),
        encoding="utf-8",
    )
    (figures,) = loading.load_ward(path).figures.values()
    assert figures["incidents"] == 1
    assert figures["tips_received"] == 2


@pytest.mark.parametrize(
    "indicators", ["\n      incidnets:", " {incidnets: }", " {incidnets: {value: }}"]
)
@pytest.mark.parametrize("inspection", [False, True])
def test_an_unknown_figure_left_blank_is_an_error(
    indicators: str, inspection: bool, tmp_path: Path
) -> None:
    path = tmp_path / "w.yaml"
    period = f"    indicators:{indicators}\n"
    if inspection:
        period = "    inspection:\n  " + period.replace("\n      ", "\n        ")
    path.write_text(
        f"id: w\nname: W\ncatalogue: {CATALOGUE}\nperiods:\n  2024:\n{period}",
        encoding="utf-8",
    )
    message = _only_problem(path)
    assert message.id == "no_indicator_in"
    assert _arguments(message)["suggestion"] == "incidents"


def test_a_blank_criterion_is_not_assessed_yet(tmp_path: Path, runner: CliRunner) -> None:
    # As a blank figure is not reported (FORMAT §8): C01 blank is unknown, never an error.
    import json

    path = _ward(tmp_path, status="")
    text = path.read_text(encoding="utf-8").replace("C01: \n", "C01:\n      C05:\n")
    path.write_text(text, encoding="utf-8")
    ward = loading.load_ward(path)
    (period,) = ward.periods.values()
    assert "C01" not in period.criteria
    result = runner.invoke(main, ["assess", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)["groups"]
    statuses = {c["id"]: c["status"] for g in groups for c in g["criteria"]}
    assert statuses["C01"] == "unknown"


def test_an_unknown_criterion_left_blank_is_one_error(tmp_path: Path) -> None:
    path = _ward(tmp_path, status="", criterion="C99")
    message = _only_problem(path)
    assert message.id == "no_criterion_in"


DATED = """\
id: w
name: W
catalogue: {catalogue}
periods:
  2024:
    assessed_on: {date}
    inspection: {{by: "Công an tỉnh", on: {date}}}
    decision: {{number: "1/QĐ", on: {date}, recognised: false}}
"""


@pytest.mark.parametrize(
    ("written", "fix"),
    [("15/01/2025", "2025-01-15"), ("1/7/2025", "2025-07-01"), ("10.03.2025", "2025-03-10")],
)
def test_a_date_written_day_first_gets_the_date_to_write(
    written: str, fix: str, tmp_path: Path
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(DATED.format(catalogue=CATALOGUE, date=written), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loading.load_ward(path)
    problems = caught.value.problems
    assert [p.loc.split(".")[-1] for p in problems] == ["assessed_on", "on", "on"]
    for problem in problems:
        assert _arguments(problem.message)["fix"] == fix
        assert str(problem.message).endswith(f"; write {fix}")
    path.write_text(DATED.format(catalogue=CATALOGUE, date=fix), encoding="utf-8")
    loading.load_ward(path)


@pytest.mark.parametrize("written", ["31/02/2025", "01/15/2025"])
def test_a_date_that_is_none_day_first_is_not_guessed_at(written: str, tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(DATED.format(catalogue=CATALOGUE, date=written), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loading.load_ward(path)
    assert all("fix" not in _arguments(p.message) for p in caught.value.problems)


def test_a_missing_catalogue_is_named_as_written_and_as_resolved(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "wards").mkdir()
    (tmp_path / "wards" / "w.yaml").write_text(
        "id: w\nname: W\ncatalogue: ../criteria.yaml\nperiods: {2024: {}}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "wards/w.yaml", "--lang", "en"])
    assert result.exit_code == 1
    assert (
        "catalogue not found: '../criteria.yaml', from this file's folder, is criteria.yaml"
        in result.stderr
    )


# -- did you mean: the id one would have typed

_LOOK_ALIKES = {
    "0": "Oo",
    "O": "0o",
    "o": "0O",
    "1": "lI",
    "l": "1I",
    "I": "1l",
    "-": "_",
    "_": "-",
}
_ID = st.text(alphabet="ABCPabc0123O1lI-_", min_size=1, max_size=6)


@given(
    known=st.lists(_ID, min_size=1, max_size=12, unique=True),
    pick=st.integers(min_value=0),
    where=st.integers(min_value=0),
    swap=st.integers(min_value=0, max_value=1),
)
def test_an_id_with_a_look_alike_character_suggests_the_id_it_was(
    known: list[str], pick: int, where: int, swap: int
) -> None:
    original = known[pick % len(known)]
    places = [i for i, c in enumerate(original) if c in _LOOK_ALIKES]
    assume(places)
    at = places[where % len(places)]
    others = _LOOK_ALIKES[original[at]]
    typed = original[:at] + others[swap % len(others)] + original[at + 1 :]
    # Not a typo where another known id is as close: it differs from the typed id in the same
    # look-alike way (P0O typed for P00 or for P0o; a2l for a21 or A2l), or is the typed id.
    rivals = [k for k in known if k != original and closest(typed, [k]) is not None]
    assume(all(_skeleton_differs(typed, k) for k in rivals))
    assert closest(typed, known) == original


def _skeleton_differs(typed: str, other: str) -> bool:
    """Whether ``other`` is more than one look-alike character (or case) from ``typed``."""
    if len(other) != len(typed):
        return True
    apart = [(a, b) for a, b in zip(typed, other, strict=True) if a != b]
    alike = all(b in _LOOK_ALIKES.get(a, "") or a.casefold() == b.casefold() for a, b in apart)
    return not (len(apart) <= 1 and alike)


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("P0l", [f"P{n:02}" for n in range(1, 23)], "P01"),  # not P20: a tie by similarity
        ("C1O", ["C1", "C10"], "C10"),  # not the shorter id, though more similar by difflib
        ("CO", ["C0", "C1"], "C0"),  # two characters: too short for difflib's 0.6
        ("incidnets", ["incidents", "indicators"], "incidents"),
        ("xyz", ["C01", "C02"], None),
        ("C01", [], None),
    ],
)
def test_did_you_mean_prefers_the_look_alike(
    typed: str, known: list[str], meant: str | None
) -> None:
    assert closest(typed, known) == meant


def test_a_crosswalk_key_with_a_look_alike_suggests_its_id(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    text = CATALOGUE.read_text(encoding="utf-8").replace("{P01: C01,", "{P0l: C01,", 1)
    (root / "criteria.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(PILOT.parent, root / "catalogues")
    for lang, said in (("vi", "có phải là 'P01'?"), ("en", "did you mean 'P01'?")):
        result = CliRunner().invoke(main, ["validate", str(root / "criteria.yaml"), "--lang", lang])
        assert result.exit_code == 1
        assert "replaces.criteria.P0l: 'P0l' " in result.stderr
        assert f"({said})" in result.stderr, result.stderr


# ---------------------------------------------------------------------------- every hint works

FIGURE_INDICATORS = ["incidents", "reception_room_area", "resident_satisfaction"]
WRITTEN = [
    *("1e-300", "2e3", "1e+30", "1.0e+30", "1e-3", "1e1", "1.5e1", "3.5e1", "2.5e+2"),
    *("'0012'", '"12.0"', '"150"', "'1e20'", "'1e-20'", "9.5e+1", "150", "100.5", "92,5"),
    *("0.00000000000000001", "100000000000000000000000000000", "12.000", "12,5", "1,5e3"),
]


def _hints(message: Message) -> list[str]:
    """Every value a message offers to write instead (``fix``, and ``fraction`` for a share)."""
    arguments = _arguments(message)
    return [str(arguments[name]) for name in ("fix", "fraction") if name in arguments]


def _each_hint_validates(tmp_path: Path, indicator: str, written: str) -> list[str]:
    path = _ward(tmp_path, figure=written, indicator=indicator)
    try:
        loading.load_ward(path)
    except InputError as caught:
        (problem,) = caught.problems
        assert isinstance(problem.message, Message)
        hints = _hints(problem.message)
    else:
        return []
    for fix in hints:
        path = _ward(tmp_path, figure=written, indicator=indicator)
        _applied(path, written, fix)
    return hints


@pytest.mark.parametrize("indicator", FIGURE_INDICATORS)
@pytest.mark.parametrize("written", WRITTEN)
def test_a_hint_on_a_figure_applied_makes_the_file_valid(
    indicator: str, written: str, tmp_path: Path
) -> None:
    _each_hint_validates(tmp_path, indicator, written)


@pytest.mark.parametrize(
    ("indicator", "written", "said"),
    [
        ("resident_satisfaction", "1e-300", "got 1e-300: not 0, yet below 0.000000000000001"),
        ("resident_satisfaction", "2e3", "a share cannot be over 100%, got 2000"),
        ("resident_satisfaction", "150", "a share cannot be over 100%, got 150"),
        (
            "reception_room_area",
            "1e+30",
            "expected a number a ward can report, got one of 31 digits",
        ),
        (
            "reception_room_area",
            "1e-3",
            "expected a number, got '1e-3' (write the number out: 0.001)",
        ),
        ("incidents", "'0012'", "(a number in quotes is text: write 12 without quotes)"),
    ],
)
def test_a_number_yaml_reads_as_text_says_what_is_wrong_with_it(
    indicator: str, written: str, said: str, tmp_path: Path
) -> None:
    message = _only_problem(_ward(tmp_path, figure=written, indicator=indicator))
    assert said in str(message)


numbers_as_text = st.one_of(
    st.builds(
        "{}e{}{}".format,
        st.one_of(st.integers(0, 999), st.decimals(0, 999, places=2).map(str)),
        st.sampled_from(["", "+", "-"]),
        st.integers(0, 40),
    ),
    st.decimals(0, 10**6, places=3).map(lambda d: f"'{d}'"),
    st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f!r}"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(indicator=st.sampled_from(FIGURE_INDICATORS), written=numbers_as_text)
def test_any_hint_on_a_number_validates(indicator: str, written: str, tmp_path: Path) -> None:
    _each_hint_validates(tmp_path, indicator, written)
