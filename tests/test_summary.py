"""`modelward summary`: ranking with ties, periods, areas, targets, broken files."""

from __future__ import annotations

import json
import os
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from modelward.batch.discovery import ward_files
from modelward.batch.pool import first_of_each_ward
from modelward.batch.ranking import rank
from modelward.batch.rows import Excluded, Failed, Missing, Row
from modelward.batch.summariser import fold
from modelward.cli import main
from tests.conftest import CATALOGUE, SAMPLE


def _row(ident: str, share: Fraction, path: str = "") -> Row:
    return Row(
        path=path or f"{ident}.yaml",
        sha256="0" * 64,
        id=ident,
        name=ident,
        area=(),
        period="2024",
        met=0,
        applicable=0,
        share=share,
        score=float(share * 100),
        verdict="x",
        verdict_index=0,
        statuses="",
        catalogue=("c", "1"),
        catalogue_file="criteria.yaml",
    )


@given(st.lists(st.fractions(min_value=0, max_value=1), max_size=40))
def test_rank_is_competition_ranking(shares: list[Fraction]) -> None:
    ranked = rank(_row(f"w{i:03d}", s) for i, s in enumerate(shares))
    assert sorted(r.row.share for r in ranked) == sorted(shares)
    for r in ranked:
        assert r.rank == 1 + sum(1 for s in shares if s > r.row.share)
    assert [r.row.share for r in ranked] == sorted(shares, reverse=True)


def test_ward_files_finds_what_rglob_finds(tmp_path: Path) -> None:
    for name in [
        "a.yaml",
        "b.yml",
        "c.txt",
        ".hidden.yaml",
        ".yaml",
        "z/deep/d.yaml",
        "z/e.YAML",
        "m/n/o/p.yml",
        "x.yaml/inside.yaml",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "z", target_is_directory=True)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    expected = sorted(
        str(p) for p in tmp_path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
    )
    # rglob passes over a link that points nowhere; ward_files finds it, to report it.
    assert list(ward_files([tmp_path])) == sorted([*expected, str(tmp_path / "dangling.yaml")])
    assert str(tmp_path / "link.yaml") in expected
    assert not any("linked" in p or "dangling" in p for p in expected)
    assert list(ward_files([tmp_path / "c.txt"])) == [str(tmp_path / "c.txt")]


def test_rank_ties_share_a_rank_then_skip() -> None:
    ranked = rank(
        _row(i, s)
        for i, s in [
            ("a", Fraction(1)),
            ("b", Fraction(9, 10)),
            ("c", Fraction(9, 10)),
            ("d", Fraction(1, 2)),
        ]
    )
    assert [(r.row.id, r.rank) for r in ranked] == [("a", 1), ("b", 2), ("c", 2), ("d", 4)]


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Thanh Hóa") == fold("thanh hoa") == "thanh hoa"
    assert fold("Đà Nẵng") == "da nang"


def _ward(folder: Path, ident: str, *, drop_2024: bool = False, tweak: str = "") -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace("id: tao-xuyen", f"id: {ident}", 1)
    text = text.replace('name: "Phường Tào Xuyên"', f'name: "Phường {ident}"', 1)
    text = text.replace("catalogue: ../criteria.yaml\n", "")
    if drop_2024:
        start = text.index("\n  2024:")
        end = text.index("\n  2025-01..2025-02:")
        text = text[:start] + text[end:]
    if tweak:
        text = text.replace(*tweak.split("=>"))
    path = folder / f"{ident}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def wards(tmp_path: Path) -> Path:
    folder = tmp_path / "wards"
    folder.mkdir()
    (tmp_path / "criteria.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    _ward(folder, "alpha")
    _ward(folder, "bravo")
    # charlie handled 8 of 9 tips in 2024: C14 not met, 19/20
    _ward(folder, "charlie", tweak="tips_handled: {value: 9=>tips_handled: {value: 8")
    _ward(folder, "delta", drop_2024=True)
    return folder


def _summary(runner: CliRunner, *args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(main, ["summary", *args, "--format", "json"])
    doc = json.loads(result.stdout) if result.stdout else {}
    return result.exit_code, doc, result.stderr


def test_ranks_a_folder_per_period_with_ties(runner: CliRunner, wards: Path) -> None:
    code, doc, _ = _summary(runner, str(wards), "--period", "2024")
    assert code == 0
    assert doc["schema"] == "modelward.summary/1"
    assert doc["period"] == "2024"
    got = [(w["id"], w["rank"], w["met"], w["score"], w["verdict"]) for w in doc["wards"]]  # type: ignore[index]
    assert got == [
        ("alpha", 1, 20, 100.0, "model"),
        ("bravo", 1, 20, 100.0, "model"),
        ("charlie", 3, 19, 95.0, "nearly"),
    ]
    assert doc["totals"] == {"wards": 3, "by_verdict": {"model": 2, "nearly": 1, "not_yet": 0}}
    assert [m["id"] for m in doc["missing"]] == ["delta"]  # type: ignore[index]


def test_latest_period_of_each_ward(runner: CliRunner, wards: Path) -> None:
    code, doc, _ = _summary(runner, str(wards))
    assert code == 0
    periods = {w["id"]: w["period"] for w in doc["wards"]}  # type: ignore[index]
    assert periods == {
        "alpha": "2025-01..2025-02",
        "bravo": "2025-01..2025-02",
        "charlie": "2025-01..2025-02",
        "delta": "2025-01..2025-02",
    }
    assert doc["period"] is None


def test_a_broken_ward_is_reported_and_left_out(runner: CliRunner, wards: Path) -> None:
    (wards / "echo.yaml").write_text(
        "id: echo\nname: Echo\nperiods:\n  2024-13: {}\n", encoding="utf-8"
    )
    code, doc, err = _summary(runner, str(wards), "--period", "2024")
    assert code == 1
    assert f"{wards / 'echo.yaml'}:4:3: periods.2024-13: tháng 13" in err
    assert [w["id"] for w in doc["wards"]] == ["alpha", "bravo", "charlie"]  # type: ignore[index]
    assert doc["failed"] == [str(wards / "echo.yaml")]


def _broken_catalogue(folder: Path) -> tuple[Path, list[str]]:
    """The wards' nearest catalogue with an unknown key and a rule on an unknown indicator;
    and the start of each problem's line, ``PATH:LINE:COL: dotted.path: ``."""
    criteria = folder.parent / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    text = text.replace("{value: serious_crimes,", "{value: serious_crimez,", 1)
    text = text.replace('version: "2024"\n', 'version: "2024"\nbogus_key: 1\n', 1)
    criteria.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    key = lines.index("bogus_key: 1") + 1
    rule = next(n for n, line in enumerate(lines, 1) if "serious_crimez" in line)
    column = lines[rule - 1].index("serious_crimez") + 1
    return criteria, [
        f"{criteria}:{key}:1: bogus_key: ",
        f"{criteria}:{rule}:{column}: groups.4.criteria.1.rule.value: ",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "command", [["summary"], ["summary", "--jobs", "2"], ["export", "-o", "out.xlsx"]]
)
def test_a_broken_catalogue_is_said_once_and_each_ward_points_at_it(
    runner: CliRunner, wards: Path, command: list[str], lang: str
) -> None:
    """Its problems once, however many wards (and worker processes) read it; then one line
    for each ward, its own; nothing written."""
    criteria, wanted = _broken_catalogue(wards)
    ward_files = sorted(str(p) for p in wards.glob("*.yaml"))
    out = wards.parent / "out.xlsx"
    args = [command[0], str(wards), *command[1:], "--no-cache", "--lang", lang]
    if command[0] == "export":
        args[args.index("out.xlsx")] = str(out)
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert not out.exists()
    lines = result.stderr.splitlines()
    for start in wanted:
        assert sum(1 for line in lines if line.startswith(start)) == 1, result.stderr
    said = {"vi": "của tệp này có lỗi (xem ở trên)", "en": "has errors (listed above)"}[lang]
    pointers = [line.split(":")[0] for line in lines if line.endswith(said)]
    assert sorted(pointers) == ward_files
    assert str(criteria) in lines[-2]
    assert len(lines) == len(wanted) + len(ward_files) + 1  # and why nothing is ranked
    assert lines[-1].startswith(f"modelward: {len(ward_files)} ")


def test_area_filter_and_target(runner: CliRunner, wards: Path) -> None:
    code, doc, _ = _summary(
        runner, str(wards), "--period", "2024", "--area", "thanh hoa", "--target", "0.7"
    )
    assert code == 0
    assert len(doc["wards"]) == 3  # type: ignore[arg-type]
    assert doc["target"] == {"verdict": "model", "share": 0.7, "reached": 0.6667, "met": False}
    code, doc, _ = _summary(runner, str(wards), "--area", "Hải Phòng")
    assert doc["wards"] == []


def test_table_counts_verdicts_and_target(runner: CliRunner, wards: Path) -> None:
    result = runner.invoke(
        main,
        ["summary", str(wards), "--period", "2024", "--target", "0.5", "--lang", "en"],
        env={"COLUMNS": "150"},
    )
    assert result.exit_code == 0
    assert (
        "By verdict: Meets the criteria (eligible for recognition) 2 · Nearly there 1 · Not yet 0"
        in result.stdout
    )
    assert (
        "Wards at “Meets the criteria (eligible for recognition)”: 66.7% (2 of 3), target 50%: reached"
        in result.stdout
    )
    assert "No period 2024" in result.stdout


@pytest.mark.parametrize(
    ("columns", "lang", "groups_shown", "note"),
    [
        ("150", "en", True, ""),
        ("80", "en", False, "Columns G1–G7 are left out on a screen this narrow"),
        ("80", "vi", False, "Các cột G1–G7 được lược bớt vì màn hình hẹp"),
        ("60", "vi", False, "Các cột G1–G7 được lược bớt"),
    ],
)
def test_a_narrow_screen_keeps_the_ward_names_and_leaves_out_the_group_columns(
    runner: CliRunner, wards: Path, columns: str, lang: str, groups_shown: bool, note: str
) -> None:
    result = runner.invoke(
        main,
        ["summary", str(wards), "--period", "2024", "--lang", lang],
        env={"COLUMNS": columns, "NO_COLOR": "1"},
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    rows = [line for line in lines if line.lstrip().startswith(("1 ", "3 ")) and "2024" in line]
    assert len(rows) == 3
    for name in ("Phường alpha", "Phường bravo", "Phường charlie"):  # whole, on its row
        assert sum(name in row for row in rows) == 1, name
    header = next(line for line in lines if line.startswith(("Rank", "Hạng")))
    assert ("G1" in header and "G7" in header) is groups_shown
    shown = result.stdout.replace("\n", " ")
    assert (note in shown) if note else "Columns G1–G7 are left out" not in shown


def test_markdown_keeps_every_column_however_narrow(runner: CliRunner, wards: Path) -> None:
    result = runner.invoke(
        main,
        ["summary", str(wards), "--period", "2024", "--format", "markdown"],
        env={"COLUMNS": "40"},
    )
    assert result.exit_code == 0
    assert all(f"| G{i} " in result.stdout for i in range(1, 8))


def test_distinct_ward_files_name_each_file_once_where_first_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ["a.yaml", "z/b.yaml", "z/deep/c.yml", "elsewhere/d.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")  # the same file by another name
    (tmp_path / "z" / "d.yaml").symlink_to(tmp_path / "elsewhere" / "d.yaml")
    (tmp_path / "linked").symlink_to(tmp_path / "z", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    named = [
        Path("z/b.yaml"),
        Path("a.yaml"),
        Path("./a.yaml"),
        tmp_path / "a.yaml",
        Path("z/../a.yaml"),
        Path("link.yaml"),
        Path("."),
        Path("linked"),  # the folder z again, through a link
        Path("z"),
        Path("elsewhere/d.yaml"),
        Path("missing.yaml"),
        Path("./missing.yaml"),
    ]
    every = list(ward_files(named))
    seen: set[str] = set()
    expected = []
    for path in every:  # the first naming of each resolved path, in order
        if os.path.realpath(path) not in seen:
            seen.add(os.path.realpath(path))
            expected.append(path)
    got = list(ward_files(named, distinct=True))
    assert got == expected
    assert got == ["z/b.yaml", "a.yaml", "./elsewhere/d.yaml", "./z/deep/c.yml", "missing.yaml"]
    assert len(every) > len(got)


def test_first_of_each_ward_keeps_the_first_file_of_each_id() -> None:
    outcomes = [
        _row("a", Fraction(1), "one/a.yaml"),
        Missing("one/b.yaml", "0" * 64, "b", "b", "2024", "criteria.yaml"),
        None,
        Failed("broken.yaml", ()),
        _row("a", Fraction(1), "two/a.yaml"),
        _row("b", Fraction(1), "two/b.yaml"),
        Excluded("three/a.yaml", "criteria.yaml", "a"),
        _row("c", Fraction(1), "two/c.yaml"),
    ]
    got = list(first_of_each_ward(outcomes))
    assert got[:4] == outcomes[:4]
    assert got[7] == outcomes[7]
    for index, earlier in [(4, "one/a.yaml"), (5, "one/b.yaml"), (6, "one/a.yaml")]:
        later = got[index]
        assert isinstance(later, Failed)
        assert later.path == outcomes[index].path  # type: ignore[union-attr]
        assert [p.path for p in later.problems] == [later.path]
        assert f"is already in {earlier}: a ward is ranked once" in str(later.problems[0].message)


def test_the_same_file_named_many_ways_is_ranked_once(
    runner: CliRunner, wards: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (wards / "link.yaml").symlink_to(wards / "alpha.yaml")
    monkeypatch.chdir(wards)
    names = ["alpha.yaml", "alpha.yaml", "./alpha.yaml", str(wards / "alpha.yaml"), "."]
    code, doc, err = _summary(runner, *names, "--period", "2024", "--target", "0.5")
    assert code == 0, err
    assert [(w["id"], w["rank"]) for w in doc["wards"]] == [  # type: ignore[index]
        ("alpha", 1),
        ("bravo", 1),
        ("charlie", 3),
    ]
    assert doc["wards"][0]["path"] == "alpha.yaml"  # type: ignore[index]
    assert doc["totals"]["wards"] == 3  # type: ignore[index]
    assert doc["target"]["reached"] == 0.6667  # type: ignore[index]
    assert doc["failed"] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_copy_of_a_ward_is_left_out_and_reported(
    runner: CliRunner, wards: Path, tmp_path: Path, jobs: str
) -> None:
    shutil.copy(wards / "alpha.yaml", wards / "zz-alpha-backup.yaml")
    shutil.copy(wards / "delta.yaml", wards / "delta-old.yaml")  # no 2024: listed apart once
    code, doc, err = _summary(
        runner, str(wards), "--period", "2024", "--target", "0.5", "--lang", "en", "-j", jobs
    )
    assert code == 1
    assert (
        f"{wards / 'zz-alpha-backup.yaml'}: ward id 'alpha' is already in "
        f"{wards / 'alpha.yaml'}: a ward is ranked once; remove the copy or give it its own id"
    ) in err
    assert (
        f"{wards / 'delta.yaml'}: ward id 'delta' is already in {wards / 'delta-old.yaml'}" in err
    )
    assert "2 files have errors" in err
    assert [(w["id"], w["rank"]) for w in doc["wards"]] == [  # type: ignore[index]
        ("alpha", 1),
        ("bravo", 1),
        ("charlie", 3),
    ]
    assert doc["totals"]["wards"] == 3  # type: ignore[index]
    assert doc["target"]["reached"] == 0.6667  # type: ignore[index]
    assert [m["id"] for m in doc["missing"]] == ["delta"]  # type: ignore[index]
    assert sorted(doc["failed"]) == [  # type: ignore[arg-type]
        str(wards / "delta.yaml"),
        str(wards / "zz-alpha-backup.yaml"),
    ]

    # Named first, the copy is the one ranked and the folder's file the one left out.
    outside = tmp_path / "copy.yaml"
    shutil.copy(wards / "bravo.yaml", outside)
    code, doc, err = _summary(runner, str(outside), str(wards), "--period", "2024", "-j", jobs)
    assert code == 1
    assert f"{wards / 'bravo.yaml'}: mã phường 'bravo' đã có trong {outside}" in err  # vi
    assert [w["path"] for w in doc["wards"] if w["id"] == "bravo"] == [str(outside)]  # type: ignore[index]


def _two_catalogues(tmp_path: Path) -> tuple[Path, Path]:
    for place in ("north", "south"):
        (tmp_path / place).mkdir()
        shutil.copy(CATALOGUE, tmp_path / place / "criteria.yaml")
        _ward(tmp_path / place, place)
    return tmp_path / "north", tmp_path / "south"


def test_identical_copies_of_a_catalogue_rank_together(runner: CliRunner, tmp_path: Path) -> None:
    north, south = _two_catalogues(tmp_path)
    code, doc, err = _summary(runner, str(north), str(south), "--period", "2024")
    assert code == 0, err
    assert [w["id"] for w in doc["wards"]] == ["north", "south"]  # type: ignore[index]


@pytest.mark.parametrize("cached", [False, True])
def test_catalogues_that_differ_under_one_id_and_version_are_refused(
    runner: CliRunner, tmp_path: Path, cached: bool
) -> None:
    north, south = _two_catalogues(tmp_path)
    if cached:  # the rows then come from the cache, not from reading the wards again
        assert _summary(runner, str(north), str(south), "--period", "2024")[0] == 0
    edited = (south / "criteria.yaml").read_text(encoding="utf-8")
    edited = edited.replace("min_share: 0.8", "min_share: 0.5", 1)
    (south / "criteria.yaml").write_text(edited, encoding="utf-8")
    code, doc, err = _summary(runner, str(north), str(south), "--period", "2024", "--lang", "en")
    assert code == 1
    assert doc == {}
    assert (
        "the wards use catalogue files that differ but share an id and version "
        f"(cand-model-ward 2024: {north / 'criteria.yaml'}, {south / 'criteria.yaml'}): "
        "summarise each catalogue's wards separately, give the edited one its own version, or "
        "score them all on one of these files by giving its path to --criteria (an ID@VERSION "
        "cannot tell the copies apart)"
    ) in err.replace("\n", " ")
    # What it suggests works: either file it names, given to --criteria, ranks them all.
    for named in (north, south):
        code, doc, err = _summary(
            runner,
            str(north),
            str(south),
            "--period",
            "2024",
            "--criteria",
            str(named / "criteria.yaml"),
        )
        assert code == 0, err
        assert len(doc["wards"]) == 2  # type: ignore[arg-type]
    # ID@VERSION names both copies: refused (a usage error naming a file that claims it).
    code, doc, err = _summary(
        runner,
        str(north),
        str(south),
        "--period",
        "2024",
        "--criteria",
        "cand-model-ward@2024",
        "--lang",
        "en",
    )
    assert code == 2
    assert "two different files claim catalogue cand-model-ward@2024" in err.replace("\n", " ")
    assert str(south / "criteria.yaml") in err.replace("\n", "")
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["summary", "export"])
def test_require_exits_3_naming_each_ward_below_it(command: str, tmp_path: Path) -> None:
    """FORMAT section 4: --require is shared; summary and export exit 3 below it."""
    from click.testing import CliRunner

    from modelward.cli import main

    out = ["-o", str(tmp_path / "s.csv")] if command == "export" else []
    runner = CliRunner()
    below = runner.invoke(
        main, [command, "tests/data/wards", "--require", "excellent", "--lang", "en", *out]
    )
    assert below.exit_code == 3, below.output
    assert "verdict “Good” is below the required “Excellent”" in below.output
    reached = runner.invoke(
        main, [command, "tests/data/wards", "--require", "good", "--lang", "en", *out]
    )
    assert reached.exit_code == 0, reached.output


def test_the_period_asked_for_is_titled_as_reports_write_it(runner: CliRunner) -> None:
    vi = runner.invoke(main, ["summary", str(SAMPLE), "--period", "2025-01..2025-02"])
    assert vi.exit_code == 0, vi.output
    assert vi.stdout.splitlines()[0] == "Tổng hợp 1 phường — tháng 1–2/2025"
    en = runner.invoke(main, ["summary", str(SAMPLE), "--period", "2022", "--lang", "en"])
    assert "2022" in en.stdout
    assert "2025-01..2025-02" not in vi.stdout
