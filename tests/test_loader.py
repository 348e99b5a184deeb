"""The loader beyond the golden cases: figures, encodings, catalogue resolution, validate."""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelward import loading as loader
from modelward.checks import figure
from modelward.cli import main
from modelward.errors import InputError, Issue, ModelwardError
from modelward.loading.catalogues import shipped_folder
from modelward.models import Indicator
from modelward.periods import parse_period
from tests.conftest import CATALOGUE, DATA, SAMPLE

TEST_CATALOGUE = DATA / "errors" / "catalogue" / "criteria.yaml"
GOOD_WARD = DATA / "errors" / "catalogue" / "ward-ok.yaml"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def catalogue_text(cid: str) -> str:
    """A minimal valid catalogue whose id tells which one a ward was checked against."""
    return (
        f"id: {cid}\nversion: '1'\ntitle: t\n"
        "indicators: [{id: incidents, title: t, better: lower}]\n"
        "groups: [{id: G1, title: t, criteria: [{id: C01, title: t}]}]\n"
        "verdicts: [{id: not_yet, title: t}]\n"
    )


WARD = "id: w\nname: 'Phường Thử'\nperiods:\n  2024:\n    indicators: {incidents: 3}\n"


def problems(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


# ---------------------------------------------------------------------------- the sample


def test_sample_ward_figures() -> None:
    ward = loader.load_ward(SAMPLE)
    assert ward.model.id == "tao-xuyen"
    assert ward.catalogue.model.id == "cand-model-ward"
    assert ward.catalogue.path.resolve() == CATALOGUE
    assert [str(p) for p in ward.periods] == ["2023", "2024", "2025-01..2025-02"]
    y2023, y2024 = parse_period(2023), parse_period(2024)
    assert ward.figures[y2024]["incidents"] == 10
    assert ward.figures[y2023]["incidents"] == 24
    assert ward.figures[y2024]["resident_satisfaction"] == 0.95
    assert "incidents" not in ward.figures[parse_period("2025-01..2025-02")]  # not reported
    assert ward.period("2024-01..2024-12") == y2024  # any spelling finds the ward's period
    assert ward.period("2022") is None


def test_sample_catalogue_shape() -> None:
    cat = loader.load_catalogue(CATALOGUE).model
    assert len(cat.groups) == 7
    assert len(cat.criteria()) == 20
    assert [v.id for v in cat.verdicts][-1] == "not_yet"


def test_catalogue_is_read_once_per_run() -> None:
    cache = loader.CatalogueCache()
    first = loader.load_ward(SAMPLE, catalogues=cache)
    second = loader.load_ward(SAMPLE, catalogues=cache)
    assert first.catalogue is second.catalogue


# ---------------------------------------------------------------------------- figures


def test_percent_strings_are_fractions() -> None:
    ward = loader.load_ward(GOOD_WARD)
    assert ward.figures[parse_period(2024)]["satisfaction"] == 0.9796  # written "97.96%"
    assert ward.figures[parse_period(2023)]["satisfaction"] == 0.9  # written 0.9


@pytest.mark.parametrize(
    ("raw", "value"),
    [("97.96%", 0.9796), ("97,96%", 0.9796), (" 90 % ", 0.9), ("100%", 1.0), ("0%", 0.0)],
)
def test_percent_spellings(raw: str, value: float) -> None:
    ind = Indicator(id="s", title="s", better="higher", format="percent")
    assert figure(raw, ind, ()) == value


def test_a_count_is_read_as_a_whole_number() -> None:
    ind = Indicator(id="n", title="n", better="lower")
    assert figure(3, ind, ()) == 3
    assert figure(0, ind, ()) == 0
    # Not 3.0: YAML reads 3.000 (three thousand, with a Vietnamese thousands dot) as 3.0.
    assert isinstance(figure(3.0, ind, ()), Issue)


# ---------------------------------------------------------------------------- encodings


def test_bom_and_crlf(tmp_path: Path) -> None:
    shutil.copy(TEST_CATALOGUE, tmp_path / "criteria.yaml")
    text = GOOD_WARD.read_text(encoding="utf-8").replace("catalogue: criteria.yaml\n", "")
    ward = write(tmp_path / "w.yaml", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    loaded = loader.load_ward(ward)
    assert loaded.model.name == "Phường Thử"
    assert loaded.figures == loader.load_ward(GOOD_WARD).figures


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    shutil.copy(TEST_CATALOGUE, tmp_path / "criteria.yaml")
    text = "id: w\r\nname: x\r\nperiods:\r\n  2024:\r\n    indicators: {incidents: -1}\r\n"
    ward = write(tmp_path / "w.yaml", b"\xef\xbb\xbf" + text.encode())
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert problems(caught) == [
        f"{ward}:5:29: periods.2024.indicators.incidents: figures are never negative, got -1"
    ]


def test_decomposed_vietnamese_is_composed(tmp_path: Path) -> None:
    shutil.copy(TEST_CATALOGUE, tmp_path / "criteria.yaml")
    nfd = unicodedata.normalize("NFD", "Phường Tào Xuyên")
    assert nfd != "Phường Tào Xuyên"  # the test means something only if NFD differs
    ward = write(tmp_path / "w.yaml", f"id: w\nname: '{nfd}'\nunit: '{nfd}'\nperiods: {{}}\n")
    loaded = loader.load_ward(ward)
    assert loaded.model.name == "Phường Tào Xuyên"
    assert loaded.model.unit == "Phường Tào Xuyên"


def test_decomposed_key_is_found_and_placed(tmp_path: Path) -> None:
    # A key typed in NFD must meet its NFC spelling, and columns count composed characters.
    shutil.copy(TEST_CATALOGUE, tmp_path / "criteria.yaml")
    key = unicodedata.normalize("NFD", "năm 2024")
    ward = write(tmp_path / "w.yaml", f"id: w\nname: x\nperiods:\n  {key}: {{}}\n")
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert len(caught.value.problems) == 1
    assert caught.value.first.line == 4
    assert caught.value.first.column == 3
    assert "got 'năm 2024'" in str(caught.value.first.message)  # composed in the message


def test_not_utf8(tmp_path: Path) -> None:
    ward = write(tmp_path / "w.yaml", b"id: w\nname: Ph\xd0\xf4\xf2ng\n")  # Windows-1258
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 9)
    assert str(problem.message).startswith(
        "not UTF-8: byte 0xD0 here is not part of a UTF-8 character"
    )
    assert "Windows-1258" in str(problem.message)


def test_not_utf8_column_counts_characters(tmp_path: Path) -> None:
    # "Phường" is 6 characters but 9 bytes in UTF-8: the column is a character's.
    ward = write(tmp_path / "w.yaml", "id: w\nname: 'Phường ".encode() + b"\xd0'\n")
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert (caught.value.first.line, caught.value.first.column) == (2, 15)


def test_nul_byte(tmp_path: Path) -> None:
    ward = write(tmp_path / "w.yaml", b"id: w\nna\x00me: x\n")
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert (
        str(caught.value.first) == f"{ward}:2:3: contains a NUL character: this is not a text file"
    )


def test_a_number_beyond_any_float(tmp_path: Path) -> None:
    shutil.copy(TEST_CATALOGUE, tmp_path / "criteria.yaml")
    ward = write(tmp_path / "w.yaml", WARD.replace("incidents: 3", "incidents: " + "9" * 400))
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert caught.value.first.line == 5
    assert "got one of 400 digits" in str(caught.value)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    ward = write(tmp_path / "w.yaml", WARD)
    with pytest.raises(InputError, match="over the limit of 10"):
        loader.load_ward(ward, max_bytes=10)


def test_python_tag_is_refused_not_run(tmp_path: Path) -> None:
    sentinel = tmp_path / "owned"
    ward = write(
        tmp_path / "w.yaml",
        f"id: w\nname: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{sentinel}']]\n",
    )
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward, criteria=CATALOGUE)
    assert not sentinel.exists()
    assert [str(p.message) for p in caught.value.problems] == [
        "YAML tag !!python/object/apply:pathlib.Path.touch is not allowed here",
        "YAML tag !!python/object/apply:pathlib.Path is not allowed here",
    ]


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = write(tmp_path / "w.yaml", "\n".join(lines) + "\n")
    with pytest.raises(InputError, match="too many aliases"):
        loader.parse(bomb)


# ---------------------------------------------------------------------------- catalogue resolution


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/criteria.yaml (upward), root/declared.yaml, root/option.yaml, root/wards/w.yaml."""
    write(tmp_path / "criteria.yaml", catalogue_text("upward"))
    write(tmp_path / "declared.yaml", catalogue_text("declared"))
    write(tmp_path / "option.yaml", catalogue_text("option"))
    write(tmp_path / "wards" / "w.yaml", WARD)
    write(tmp_path / "wards" / "declares.yaml", WARD + "catalogue: ../declared.yaml\n")
    return tmp_path


def test_nearest_criteria_upward(tree: Path) -> None:
    assert loader.load_ward(tree / "wards" / "w.yaml").catalogue.model.id == "upward"


def test_criteria_in_the_ward_folder_is_nearer(tree: Path) -> None:
    write(tree / "wards" / "criteria.yaml", catalogue_text("beside"))
    assert loader.load_ward(tree / "wards" / "w.yaml").catalogue.model.id == "beside"


def test_catalogue_key_beats_the_nearest(tree: Path) -> None:
    assert loader.load_ward(tree / "wards" / "declares.yaml").catalogue.model.id == "declared"


def test_criteria_option_beats_the_catalogue_key(tree: Path) -> None:
    ward = tree / "wards" / "declares.yaml"
    assert loader.load_ward(ward, criteria=tree / "option.yaml").catalogue.model.id == "option"


def test_criteria_option_on_the_command_line(tree: Path, runner: CliRunner) -> None:
    ward = tree / "wards" / "declares.yaml"
    result = runner.invoke(
        main, ["validate", str(ward), "--criteria", str(tree / "option.yaml"), "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"ok: {ward} (ward w: 1 period, catalogue option 1)\n"


def test_no_catalogue_anywhere_falls_back_to_the_shipped_default(tmp_path: Path) -> None:
    if loader.find_catalogue(tmp_path / "w.yaml") is not None:
        pytest.skip("a criteria.yaml above the temporary folder")
    ward = write(tmp_path / "w.yaml", WARD)
    loaded = loader.load_ward(ward)
    assert loaded.catalogue.model.reference == "cand-model-ward@2024"
    assert loaded.catalogue.path == shipped_folder() / "cand-model-ward-2024.yaml"


def test_missing_criteria_option_names_the_path(tree: Path) -> None:
    with pytest.raises(InputError) as caught:
        loader.load_ward(tree / "wards" / "w.yaml", criteria=tree / "nowhere.yaml")
    assert str(caught.value.first) == f"{tree / 'nowhere.yaml'}: no such file"


def test_a_broken_catalogue_is_reported_once(tree: Path) -> None:
    write(tree / "criteria.yaml", "id: upward\nversion: '1'\ntitle: t\ngroups: []\nverdicts: []\n")
    write(tree / "wards" / "v.yaml", WARD)
    cache = loader.CatalogueCache()
    with pytest.raises(InputError) as first:
        loader.load_ward(tree / "wards" / "v.yaml", catalogues=cache)
    # the catalogue's two problems, then the ward's line pointing at them
    assert [p.path for p in first.value.problems] == [
        *[str((tree / "criteria.yaml").resolve())] * 2,
        str(tree / "wards" / "v.yaml"),
    ]
    with pytest.raises(InputError) as second:
        loader.load_ward(tree / "wards" / "w.yaml", catalogues=cache)
    assert problems(second) == [
        f"{tree / 'wards' / 'w.yaml'}: its catalogue {(tree / 'criteria.yaml').resolve()} "
        "has errors (listed above)"
    ]


def test_a_broken_catalogue_does_not_hide_the_wards_own_errors(tree: Path) -> None:
    write(tree / "criteria.yaml", "id: upward\nversion: '1'\ntitle: t\ngroups: []\nverdicts: []\n")
    ward = write(tree / "wards" / "v.yaml", WARD.replace("name:", "nmae:"))
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    assert [p.path for p in caught.value.problems][-2:] == [str(ward)] * 2
    assert "unknown key 'nmae'" in str(caught.value)


# ---------------------------------------------------------------------------- validate


def test_validate_a_folder_with_a_good_and_a_bad_file(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "criteria.yaml", catalogue_text("cat"))
    write(tmp_path / "wards" / "a-good.yaml", WARD)
    write(tmp_path / "wards" / "b-bad.yml", WARD.replace("incidents: 3", "incidents: -3, fires: 1"))
    write(tmp_path / "wards" / "notes.txt", "not YAML, not read")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "wards", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout == "ok: wards/a-good.yaml (ward w: 1 period, catalogue cat 1)\n"
    assert result.stderr == (
        "wards/b-bad.yml:5:29: periods.2024.indicators.incidents: figures are never negative, got -3\n"
        "wards/b-bad.yml:5:33: periods.2024.indicators.fires: no indicator 'fires' in catalogue cat\n"
        "1 of 2 files have errors\n"
    )


def test_validate_the_catalogue_and_its_wards_together(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA / "errors" / "catalogue")
    result = runner.invoke(main, ["validate", ".", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ok: criteria.yaml (catalogue test-catalogue 1: 2 groups, 5 criteria)",
        "ok: ward-ok.yaml (ward test-ward: 2 periods, catalogue test-catalogue 1)",
    ]


def test_validate_an_empty_folder(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path}: no YAML files found in {tmp_path}\n"


def test_problems_come_in_file_order(tmp_path: Path) -> None:
    write(tmp_path / "criteria.yaml", catalogue_text("cat"))
    ward = write(
        tmp_path / "w.yaml",
        "id: w\nname: x\nperiods:\n  2024:\n    indicators: {incidents: -1}\n"
        "    criteria: {C02: met}\n  2024-13: {}\n  2023:\n    indicators: {incidents: .nan}\n"
        "colour: red\nname: y\n",
    )
    with pytest.raises(InputError) as caught:
        loader.load_ward(ward)
    lines = [(p.line, p.column) for p in caught.value.problems]
    assert lines == sorted(lines)
    assert [p.line for p in caught.value.problems] == [5, 6, 7, 9, 10, 11]


# ---------------------------------------------------------------------------- fuzz


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """A folder shared by the examples of a fuzz test (hypothesis runs many per test)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        shutil.copy(TEST_CATALOGUE, path / "criteria.yaml")
        yield path


def load_anything(path: Path) -> None:
    """Load a file as validate would: a clean ModelwardError is the only failure allowed."""
    cache = loader.CatalogueCache()
    try:
        doc = loader.parse(path)
        if loader.kind_of(doc) == "catalogue":
            cache.remember(path, doc)
        else:
            loader.ward_from(doc, path, None, cache)
    except ModelwardError as exc:
        caught = exc
    else:
        return
    assert caught.problems
    lines = len(path.read_bytes().splitlines()) + 1
    for problem in caught.problems:
        assert str(problem.message)
        assert problem.path
        assert "\n" not in str(problem)  # one problem, one line
        if problem.line is None:
            # Only a problem with the whole file goes without a place in it.
            assert str(problem.message).startswith(WHOLE_FILE), str(problem)
        else:
            assert problem.column is not None
            assert 1 <= problem.line <= lines, str(problem)
            assert problem.column >= 1, str(problem)


WHOLE_FILE = (
    "the file is empty",
    "no such file",
    "is a folder",
    "cannot read the file",
    "file is ",
    "its catalogue ",
)
"""The problems that may go without a line: they are about the file, not a place in it."""


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzz_bytes(scratch: Path, data: bytes) -> None:
    load_anything(write(scratch / "w.yaml", data))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["met", "not_met", "97.96%", "2024", "2025-Q1", "C01", "incidents", "yes"]),
)
keys = st.sampled_from(
    [
        *("id", "name", "periods", "indicators", "criteria", "status", "override", "reason"),
        *("groups", "verdicts", "rule", "value", "at_least", "all", "any", "2024", "C01", "C03"),
        "incidents",
    ]
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_fuzz_yaml(scratch: Path, data: object) -> None:
    load_anything(write(scratch / "w.yaml", yaml.safe_dump(data, allow_unicode=True)))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_edits_of_good_files(scratch: Path, data: st.DataObject) -> None:
    """Small slips of the hand in a valid ward or catalogue: typed, deleted, mis-indented."""
    source = data.draw(st.sampled_from([GOOD_WARD, TEST_CATALOGUE]))
    text = source.read_text(encoding="utf-8").replace("catalogue: criteria.yaml\n", "")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 6)))
    insert = data.draw(st.sampled_from(["", " ", "\t", ":", "-", "{", "]", "\n", "  ", "'", "#"]))
    load_anything(write(scratch / "w.yaml", text[:start] + insert + text[end:]))


TRICKY = [
    "2024-02-30",
    "2024-01-15 25:00:00",
    "1.0e+400",
    "9" * 400,
    "-" + "9" * 400,
    "!!int abc",
    "!!bool maybe",
    "!!timestamp soon",
    "!!float x",
    "!!null x",
    "!!str 5",
    "!!binary aGk=",
    "!!set {a: null}",
    "!!omap [a: 1]",
    "!custom 1",
    "0x1F",
    "0o17",
    "1_000",
    "1:20",
    "+.inf",
    "-.nan",
    ".NaN",
    "~",
    "Yes",
    "ON",
    "n",
    "'2024'",
    "&a 3",
    "<<",
    "[]",
    "{}",
    "''",
    "|\n  x",
]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(
        [
            "id: @@\nname: x\nperiods: {}\n",
            "id: w\nname: x\nperiods:\n  @@: {}\n",
            "id: w\nname: x\nperiods:\n  2024:\n    assessed_on: @@\n",
            "id: w\nname: x\nperiods:\n  2024:\n    indicators: {incidents: @@}\n",
            "id: w\nname: x\nperiods:\n  2024:\n    indicators: {satisfaction: @@}\n",
            "id: w\nname: x\nperiods:\n  2024:\n    criteria: {C01: @@}\n",
            "id: w\nname: x\nperiods:\n  2024:\n    criteria: {C03: {override: {status: @@}}}\n",
            catalogue_text("c").replace("better: lower", "better: @@"),
            catalogue_text("c").replace("title: t}]}]", "title: t, weight: @@}]}]"),
            catalogue_text("c").replace(
                "title: t}]}]", "title: t, rule: {value: @@, below: 1}}]}]"
            ),
            catalogue_text("c").replace(
                "verdicts: [", "verdicts: [{id: a, title: a, min_share: @@}, "
            ),
        ]
    ),
    st.sampled_from(TRICKY),
)
def test_fuzz_tricky_scalars(scratch: Path, template: str, scalar: str) -> None:
    """Scalars YAML 1.1 reads in surprising ways, in every place a ward or catalogue has one."""
    load_anything(write(scratch / "w.yaml", template.replace("@@", scalar)))


@pytest.mark.parametrize(
    ("before", "after", "where", "english", "vietnamese_"),
    [
        (
            "  enterprises: 92\n",
            "  enterprises:92\n",
            "14",
            "no space after the colon in 'enterprises:92': write 'enterprises: 92'",
            "thiếu dấu cách sau dấu hai chấm trong 'enterprises:92'",
        ),
        (
            "      P01: met\n",  # the sample's 2023, on the pilot
            "      P01:met\n",
            "10",
            "no space after the colon in 'P01:met': write 'P01: met'",
            "thiếu dấu cách sau dấu hai chấm trong 'P01:met'",
        ),
        (
            "    assessed_by: ",
            "    note: Ghi chú: đã kiểm tra\n    assessed_by: ",
            "",
            "a second ': ' on this line, inside the value of note: if the colon is part of the "
            'text, put the text in quotes: note: "Ghi chú: đã kiểm tra"',
            "dòng này có dấu ': ' thứ hai",
        ),
    ],
)
def test_a_colon_slip_is_named_on_its_own_line(
    runner: CliRunner,
    tmp_path: Path,
    before: str,
    after: str,
    where: str,
    english: str,
    vietnamese_: str,
) -> None:
    (tmp_path / "criteria.yaml").write_bytes(CATALOGUE.read_bytes())
    text = SAMPLE.read_text(encoding="utf-8").replace("catalogue: ../criteria.yaml\n", "")
    assert before in text
    ward = tmp_path / "w.yaml"
    ward.write_text(text.replace(before, after, 1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(ward), "--lang", "en"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.endswith(f": YAML syntax: {english}")
    row, column = (int(n) for n in first[len(str(ward)) + 1 :].split(":")[:2])
    if where:  # the colon itself
        assert column == int(where)
    assert after.split("\n")[0].strip() in ward.read_text(encoding="utf-8").splitlines()[row - 1]
    said = runner.invoke(main, ["validate", str(ward)]).stderr
    assert vietnamese_ in said


def test_other_syntax_errors_keep_their_own_words(runner: CliRunner, tmp_path: Path) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text('id: x\nname: "unclosed\nunit: a:b\n', encoding="utf-8")
    result = runner.invoke(main, ["validate", str(ward), "--lang", "en"])
    assert result.exit_code == 1
    assert "no space after the colon" not in result.stderr
    assert "YAML syntax" in result.stderr
