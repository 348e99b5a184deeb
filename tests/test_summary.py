"""`modelward summary`: ranking with ties, periods, areas, targets, broken files."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from modelward.cli import main
from modelward.summary import Row, fold, rank, ward_files
from tests.conftest import CATALOGUE, SAMPLE


def _row(ident: str, share: Fraction) -> Row:
    return Row(
        path=f"{ident}.yaml",
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
    assert list(ward_files([tmp_path])) == expected
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
    _ward(folder, "charlie", tweak="tips_handled: 9=>tips_handled: 8")
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
    assert "By verdict: Model ward police unit 2 · Nearly there 1 · Not yet 0" in result.stdout
    assert "Wards at “Model ward police unit”: 66.7% (2 of 3), target 50%: reached" in result.stdout
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
    rows = [line for line in lines if line.lstrip().startswith(("1 ", "3 "))]
    assert len(rows) == 3
    for name in ("Phường alpha", "Phường bravo", "Phường charlie"):  # whole, on its row
        assert sum(name in row for row in rows) == 1, name
    header = next(line for line in lines if line.startswith(("Rank", "Hạng")))
    assert ("G1" in header and "G7" in header) is groups_shown
    assert (note in result.stdout.replace("\n", " ")) if note else "left out" not in result.stdout


def test_markdown_keeps_every_column_however_narrow(runner: CliRunner, wards: Path) -> None:
    result = runner.invoke(
        main,
        ["summary", str(wards), "--period", "2024", "--format", "markdown"],
        env={"COLUMNS": "40"},
    )
    assert result.exit_code == 0
    assert all(f"| G{i} " in result.stdout for i in range(1, 8))
