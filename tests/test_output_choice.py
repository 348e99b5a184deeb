"""What a command writes: the format an -o file asks for, and tables that fit their width."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import copy_wards

NAMES = ("Phường alpha", "Phường bravo", "Phường charlie-long-name")


@pytest.fixture
def wards(tmp_path: Path) -> Path:
    return copy_wards(tmp_path, [n.split()[1] for n in NAMES], {n.split()[1]: n for n in NAMES})


def _run(runner: CliRunner, *args: str, columns: int = 100) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_an_output_file_s_extension_picks_the_format(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    out = tmp_path / "a.json"
    assert _run(runner, "assess", str(wards / "alpha.yaml"), "-o", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "modelward.assessment/1"
    out = tmp_path / "s.json"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(out))[0] == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["wards"]) == 3
    out = tmp_path / "s.md"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# Tổng hợp 3 phường")
    out = tmp_path / "s.csv"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(out))[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert sorted(r["name"] for r in rows) == sorted(NAMES)
    out = tmp_path / "c.md"
    assert _run(runner, "compare", str(wards / "alpha.yaml"), "2024", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_format_given_wins_over_the_extension(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.json"
    args = ["summary", str(wards), "--period", "2024", "-o", str(out), "--format", "table"]
    assert _run(runner, *args)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("Tổng hợp 3 phường")


def test_summary_writes_a_page_and_a_workbook_as_export_does(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    page = tmp_path / "s.html"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(page))[0] == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert all(name in text for name in NAMES)
    assert "SHA-256" in text  # the provenance, as export writes it
    book = tmp_path / "s.xlsx"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(book))[0] == 0
    from openpyxl import load_workbook

    sheets = load_workbook(book).sheetnames
    assert sheets == ["Tổng quan", "Tổng hợp", "Tiêu chí", "Theo tiêu chí", "Nguồn"]


@pytest.mark.parametrize("command", ["assess", "compare", "history"])
def test_a_ward_s_result_is_written_as_a_page_markdown_and_json(
    runner: CliRunner, wards: Path, tmp_path: Path, command: str
) -> None:
    ward = str(wards / "alpha.yaml")
    args = [command, ward, *(["2024"] if command == "compare" else [])]
    table = _run(runner, *args, "--format", "markdown")[1]
    for name in ("r.html", "r.md", "r.json"):
        out = tmp_path / name
        code, stdout, err = _run(runner, *args, "-o", str(out))
        assert (code, stdout) == (0, ""), err
        text = out.read_text(encoding="utf-8")
        if name.endswith(".html"):
            assert text.startswith("<!DOCTYPE html>")
            assert "<title>Phường alpha — " in text
            assert "<table>" in text or "<table class=stack>" in text
        elif name.endswith(".md"):
            assert text == table
        else:
            assert json.loads(text)["schema"].startswith("modelward.")


@pytest.mark.parametrize("name", ["a.xlsx", "a.csv"])
def test_a_ward_s_result_is_no_single_table_for_a_spreadsheet(
    runner: CliRunner, wards: Path, tmp_path: Path, name: str
) -> None:
    code, _, err = _run(runner, "assess", str(wards / "alpha.yaml"), "-o", str(tmp_path / name))
    assert code == 2
    assert "modelward export" in err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("columns", range(60, 171, 5))
def test_every_ward_is_one_whole_line_at_any_width(
    runner: CliRunner, wards: Path, columns: int
) -> None:
    code, out, _ = _run(runner, "summary", str(wards), "--period", "2024", columns=columns)
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    if columns < 70:  # too narrow for a 24-letter name beside the rest: it may wrap
        return
    for name in NAMES:
        (row,) = [line for line in lines if name in line]  # the name whole, on one line
        if columns >= 90:  # wide enough for rank, name, period, totals and verdict
            assert "Đủ điều kiện đề nghị công nhận" in row  # then the verdict whole beside it


def test_a_table_written_to_a_file_keeps_every_column(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.txt"
    assert _run(runner, "summary", str(wards), "--period", "2024", "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if "G1" in line)
    assert all(f"G{i}" in header for i in range(1, 8))
    assert "lược bớt" not in text


@pytest.mark.parametrize(("lang", "note"), [("vi", "không cùng một kỳ"), ("en", "like with like")])
def test_wards_ranked_on_different_latest_periods_are_told_so(
    runner: CliRunner, wards: Path, lang: str, note: str
) -> None:
    alpha = wards / "alpha.yaml"
    assert _run(runner, "summary", str(wards), "--lang", lang)[1].count(note) == 0
    text = alpha.read_text(encoding="utf-8")
    alpha.write_text(text[: text.index("\n  2025-01..2025-02:")] + "\n", encoding="utf-8")
    code, out, _ = _run(runner, "summary", str(wards), "--lang", lang, columns=200)
    assert code == 0
    assert note in out
    assert "2024, " in out  # the periods it mixes, named
    _, out, _ = _run(runner, "summary", str(wards), "--lang", lang, "--period", "2024")
    assert note not in out


@pytest.mark.parametrize(
    ("given", "share"), [("0.3", 0.3), ("30%", 0.3), ("0,5", 0.5), ("100%", 1.0)]
)
def test_a_target_is_a_share_or_a_percent_with_its_sign(
    runner: CliRunner, wards: Path, given: str, share: float
) -> None:
    code, out, _ = _run(runner, "summary", str(wards), "--target", given, "--format", "json")
    assert code == 0
    assert json.loads(out)["target"]["share"] == share


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("30", "for 30% write 0.3"),
        ("150%", "from 0 to 1 (0% to 100%)"),
        ("abc", "such as 0.3 or 30%"),
    ],
)
def test_a_target_that_is_no_share_is_refused_with_what_to_write(
    runner: CliRunner, wards: Path, given: str, said: str
) -> None:
    code, _, err = _run(runner, "summary", str(wards), "--target", given, "--lang", "en")
    assert code == 2
    assert said in err


@pytest.mark.parametrize(
    ("lang", "said"), [("vi", "Không có phường nào"), ("en", "No ward's area")]
)
def test_an_area_no_ward_is_in_is_said(
    runner: CliRunner, wards: Path, lang: str, said: str
) -> None:
    code, _, err = _run(runner, "summary", str(wards), "--area", "Hải Phòng", "--lang", lang)
    assert code == 0
    assert said in err
    code, _, err = _run(runner, "summary", str(wards), "--area", "thanh hoa", "--lang", lang)
    assert said not in err


@pytest.mark.parametrize(
    ("env", "option", "heading"),
    [
        ("EN", None, "Summary of 3 wards"),
        ("en_US.UTF-8", None, "Summary of 3 wards"),
        ("vi_VN", None, "Tổng hợp 3 phường"),
        ("vi", "EN", "Summary of 3 wards"),
        ("en", "vi-VN", "Tổng hợp 3 phường"),
    ],
)
def test_a_language_may_be_spelt_as_a_locale(
    runner: CliRunner, wards: Path, env: str, option: str | None, heading: str
) -> None:
    args = ["summary", str(wards), "--period", "2024", *(["--lang", option] if option else [])]
    result = runner.invoke(main, args, env={"MODELWARD_LANG": env, "COLUMNS": "150"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(heading)


def test_a_language_the_tool_does_not_speak_is_refused(runner: CliRunner, wards: Path) -> None:
    result = runner.invoke(
        main, ["summary", str(wards), "--lang", "fr"], env={"MODELWARD_LANG": "en"}
    )
    assert result.exit_code == 2
    assert "expected vi or en, got 'fr'" in result.stderr
