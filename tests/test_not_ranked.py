"""Every output of a summary lists the wards it read and did not rank, and why: merged into
a ward summarised here (FORMAT.md section 10), or without the ``--period`` asked for.

The worked example in wards/: without a period, Tào Xuyên, Đông Cương and Đông Thọ are
merged into Hàm Rồng; for 2024 the three are ranked and Hàm Rồng (formed in 2025) has no 2024.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import ROOT

WARDS = ROOT / "wards"
MERGED = ("Phường Tào Xuyên", "Phường Đông Cương", "Phường Đông Thọ")


def _export(runner: CliRunner, out: Path, *args: str) -> None:
    result = runner.invoke(main, ["export", str(WARDS), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


@pytest.mark.parametrize(
    ("lang", "title", "item"),
    [
        (
            "vi",
            "Đã sắp xếp vào phường khác trong tổng hợp này (không xếp hạng)",
            "Phường Tào Xuyên (tao-xuyen) → ham-rong, từ 01/07/2025",
        ),
        (
            "en",
            "Merged into a ward summarised here (not ranked)",
            "Phường Tào Xuyên (tao-xuyen) → ham-rong, from 1 Jul 2025",
        ),
    ],
)
def test_the_province_docx_lists_the_wards_merged(
    runner: CliRunner, tmp_path: Path, lang: str, title: str, item: str
) -> None:
    out = tmp_path / "p.docx"
    _export(runner, out, "--lang", lang)
    said = _docx_text(out)
    assert title in said
    assert item in said
    for name in MERGED[1:]:
        assert name in said


@pytest.mark.parametrize(("lang", "why"), [("vi", "Không có kỳ 2024"), ("en", "No period 2024")])
def test_the_docx_and_the_site_index_list_a_ward_without_the_period(
    runner: CliRunner, tmp_path: Path, lang: str, why: str
) -> None:
    out = tmp_path / "p.docx"
    _export(runner, out, "--period", "2024", "--lang", lang)
    said = _docx_text(out)
    assert why in said
    assert "Phường Hàm Rồng" in said
    result = runner.invoke(
        main,
        ["export", str(WARDS), "-o", f"{tmp_path / 'site'}/", "--period", "2024", "--lang", lang],
    )
    assert result.exit_code == 0, result.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", index)
    assert why in plain
    assert re.search(r"Phường Hàm Rồng \(\S*ham-rong\.yaml\)", plain)


@pytest.mark.parametrize(
    ("lang", "sheet", "header", "line", "why"),
    [
        (
            "vi",
            "Không xếp hạng",
            ["ID", "Phường", "Lý do", "Sắp xếp vào", "Từ ngày", "Tệp"],
            "Không xếp hạng: 1 phường (lý do ở trang “Không xếp hạng”)",
            "Không có kỳ 2024",
        ),
        (
            "en",
            "Not ranked",
            ["ID", "Ward", "Why", "Merged into", "From", "File"],
            "Not ranked: 1 ward (why: the sheet “Not ranked”)",
            "No period 2024",
        ),
    ],
)
def test_the_xlsx_has_a_sheet_of_the_wards_not_ranked_named_on_the_overview(
    runner: CliRunner,
    tmp_path: Path,
    lang: str,
    sheet: str,
    header: list[str],
    line: str,
    why: str,
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "p.xlsx"
    _export(runner, out, "--period", "2024", "--lang", lang)
    book = load_workbook(out)
    overview = [c.value for row in book.worksheets[0].iter_rows(max_col=1) for c in row]
    assert line in overview[:6]  # under the title, where a reader looks first
    assert book.sheetnames[-2] == sheet  # before the sources, as the merged wards were
    rows = [[c.value for c in row] for row in book[sheet].iter_rows()]
    assert rows[0] == header
    assert len(rows) == 2
    assert rows[1][:5] == ["ham-rong", "Phường Hàm Rồng", why, None, None]
    assert str(rows[1][5]).endswith("ham-rong.yaml")
    # and without a period: the three merged into Hàm Rồng, each with its successor
    _export(runner, out, "--lang", lang)
    rows = [[c.value for c in row] for row in load_workbook(out)[sheet].iter_rows()]
    into = "Đã sắp xếp vào ham-rong" if lang == "vi" else "Merged into ham-rong"
    assert sorted(r[1] for r in rows[1:]) == sorted(MERGED)
    assert {tuple(r[2:5]) for r in rows[1:]} == {(into, "ham-rong", "2025-07-01")}


def test_a_summary_that_ranks_every_ward_has_no_such_sheet(
    runner: CliRunner, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "p.xlsx"
    result = runner.invoke(
        main, ["export", str(WARDS / "tao-xuyen.yaml"), "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    book = load_workbook(out)
    assert "Not ranked" not in book.sheetnames
    overview = [c.value for row in book.worksheets[0].iter_rows(max_col=1) for c in row]
    assert not any(str(v).startswith("Not ranked") for v in overview)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--period", "2024"), {"ham-rong": ("2024", "", "", "no_period")}),
        (  # the period the summary ranks their successor on
            (),
            dict.fromkeys(
                ("tao-xuyen", "dong-cuong", "dong-tho"),
                ("2025", "ham-rong", "2025-07-01", "merged"),
            ),
        ),
        (  # the period asked for, whether merged or without it
            ("--period", "2026"),
            {
                **dict.fromkeys(
                    ("tao-xuyen", "dong-cuong", "dong-tho"),
                    ("2026", "ham-rong", "2025-07-01", "merged"),
                ),
                "ham-rong": ("2026", "", "", "no_period"),
            },
        ),
    ],
)
def test_the_csv_has_a_row_for_each_ward_not_ranked_and_says_why(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...], expected: dict[str, tuple[str, ...]]
) -> None:
    import csv

    out = tmp_path / "s.csv"
    _export(runner, out, *args)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert header[-1] == "not_ranked"
    assert {len(r) for r in rows} == {len(header)}
    named = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    left = {
        r["id"]: (r["period"], r["merged_into"], r["merged_on"], r["not_ranked"])
        for r in named
        if r["not_ranked"]
    }
    assert left == expected
    assert all(r["rank"] == "" for r in named if r["not_ranked"])
    assert all(r["rank"] != "" for r in named if not r["not_ranked"])
