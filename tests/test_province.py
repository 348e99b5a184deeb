"""What a province reads: areas against the target and criteria counts, in every output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA

PROVINCE = DATA / "province"


def _json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(main, ["summary", str(PROVINCE), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


def test_json_by_city_against_the_target(runner: CliRunner) -> None:
    doc = _json(runner, "--by", "city", "--target", "30%")
    assert doc["by"] == "city"
    assert doc["by_area"] == [
        {"area": "TP Sầm Sơn", "wards": 3, "top": 0, "share": 0.0, "needed": 1},
        {"area": "TP Thanh Hóa", "wards": 4, "top": 2, "share": 0.5, "needed": 0},
    ]


def test_json_by_province_without_a_target_needs_nothing(runner: CliRunner) -> None:
    doc = _json(runner, "--by", "province")
    assert doc["by_area"] == [
        {"area": "Thanh Hóa", "wards": 7, "top": 2, "share": 0.2857, "needed": 0}
    ]


def test_json_criteria_counts_over_the_ranked_wards(runner: CliRunner) -> None:
    doc = _json(runner, "--area", "sam son")
    assert doc["area"] == "sam son"
    assert "by_area" not in doc
    counts = {c["id"]: c for c in doc["criteria"]}  # type: ignore[union-attr]
    assert len(counts) == 20
    # three wards in Sầm Sơn: C20 missed by all, C09 by two, C14 by Bắc Sơn (7 of 9 tips)
    assert counts["C20"] == {"id": "C20", "met": 0, "not_met": 3, "not_applicable": 0, "unknown": 0}
    assert counts["C09"]["not_met"] == 2
    assert counts["C14"]["not_met"] == 1
    for c in counts.values():
        assert c["met"] + c["not_met"] + c["not_applicable"] + c["unknown"] == 3


def test_unknown_counted_apart(runner: CliRunner) -> None:
    doc = _json(runner, "--area", "tp thanh hoa", "--by", "city")
    assert [a["area"] for a in doc["by_area"]] == ["TP Thanh Hóa"]  # type: ignore[union-attr]
    counts = {c["id"]: c for c in doc["criteria"]}  # type: ignore[union-attr]
    assert counts["C16"]["unknown"] == 1


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, [*args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


ARGS = ("--area", "thanh hoa", "--by", "city", "--target", "30%")


def test_table_shows_filter_areas_and_most_missed(runner: CliRunner) -> None:
    out = _run(runner, "summary", str(PROVINCE), *ARGS, "--lang", "en")
    title = out.splitlines()[0]
    assert "area “thanh hoa”" in title
    assert "by city" in title
    assert "By city, against the target" in out
    lines = {line.split("  ")[0]: line.split() for line in out.splitlines()}
    assert lines["TP Sầm Sơn"][-4:] == ["3", "0", "0.0%", "1"]
    assert lines["TP Thanh Hóa"][-4:] == ["4", "2", "50.0%", "0"]
    assert lines["All 7 wards"][-4:] == ["7", "2", "28.6%", "1"]
    missed = out[out.index("Criteria most often missed") :]
    ids = [
        line.split()[0] for line in missed.splitlines() if line[:1] == "C" and line[1:3].isdigit()
    ]
    assert ids[:2] == ["C20", "C09"]  # missed by 4 and 3 wards
    assert len(ids) == 5
    assert "… and 1 more criterion" in missed


def test_markdown_and_json_carry_the_filter_every_criterion_and_a_short_provenance(
    runner: CliRunner,
) -> None:
    md = _run(runner, "summary", str(PROVINCE), *ARGS, "--format", "markdown")
    assert md.startswith("# Tổng hợp 7 phường — kỳ gần nhất của từng phường — địa bàn “thanh hoa”")
    assert "| TP Sầm Sơn | 3 | 0 | 0,0% | 1 |" in md
    assert "| **Cả 7 phường** | **7** | **2** | **28,6%** | **1** |" in md
    assert "| C20 Bảo đảm trật tự công cộng" in md
    assert sum(1 for line in md.splitlines() if line.startswith("| C")) == 20
    assert "SHA-256 của danh sách" in md
    assert md.count("SHA-256") == 2

    doc = json.loads(_run(runner, "summary", str(PROVINCE), *ARGS, "--format", "json"))
    assert "địa bàn “thanh hoa”" in doc["title"]


def test_html_export_title_areas_and_criteria(runner: CliRunner, tmp_path: Path) -> None:
    from html.parser import HTMLParser

    out = tmp_path / "s.html"
    _run(runner, "export", str(PROVINCE), *ARGS, "-o", str(out), "--lang", "en")

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.title = ""
            self.cells: list[str] = []
            self._tag = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self._tag = tag

        def handle_data(self, data: str) -> None:
            if self._tag == "title":
                self.title += data
            elif self._tag == "span":
                self.cells.append(data)

    parser = Cells()
    parser.feed(out.read_text(encoding="utf-8"))
    assert "area “thanh hoa”" in parser.title
    assert "by city" in parser.title
    # The area's row (the ranking names the city of each ward too).
    area_row = ["TP Sầm Sơn", "3", "0", "0.0%", "1"]
    cells = parser.cells
    assert any(cells[i : i + 5] == area_row for i in range(len(cells)))
    assert sum(1 for c in parser.cells if c[:1] == "C" and c[1:3].isdigit()) == 20


def test_csv_groups_as_numbers_criteria_and_areas(runner: CliRunner) -> None:
    import csv
    import io

    out = _run(runner, "summary", str(PROVINCE), *ARGS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert not any("/" in v for r in rows for k, v in r.items() if k[:1] == "g")
    son = next(r for r in rows if r["id"] == "bac-son")
    assert (son["g1_met"], son["g1_applicable"]) == ("4", "4")
    assert son["C20"] == "not_met"
    assert son["C14"] == "not_met"
    assert son["C01"] == "met"
    assert (son["area"], son["area_wards"], son["area_top"], son["area_needed"]) == (
        "TP Sầm Sơn",
        "3",
        "0",
        "1",
    )
    assert len({r["inputs_sha256"] for r in rows}) == 1
    assert son["verdict_title"] == "Chưa đạt"


def test_xlsx_a_chief_prints(runner: CliRunner, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "s.xlsx"
    _run(runner, "export", str(PROVINCE), *ARGS, "-o", str(out))
    book = openpyxl.load_workbook(out)
    overview = book["Tổng quan"]
    cells = {
        row[0].value: [c.value for c in row[1:]] for row in overview.iter_rows() if row[0].value
    }
    # the title block
    assert overview["A1"].value.startswith("Tổng hợp 7 phường")
    assert "địa bàn “thanh hoa”" in overview["A1"].value
    assert cells["Lọc theo địa bàn"][0] == "thanh hoa"
    assert cells["Kỳ"][0] == "kỳ gần nhất của từng phường"
    assert "dự thảo" in cells["Bộ tiêu chí"][0]
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", cells["Ngày lập"][0])
    # per verdict and the target, numbers stored as numbers
    assert cells["Đủ điều kiện đề nghị công nhận"][:2] == [2, pytest.approx(2 / 7)]
    assert cells["Chưa đạt"][:2] == [1, pytest.approx(1 / 7)]
    assert cells["Mục tiêu"][0] == pytest.approx(0.3)
    assert cells["Số phường cần thêm"][0] == 1
    assert cells["TP Sầm Sơn"][:5] == [3, 0, 0.0, pytest.approx(0.3), 1]
    assert cells["TP Thanh Hóa"][:5] == [4, 2, 0.5, pytest.approx(0.3), 0]
    # three native charts
    charts = overview._charts
    assert len(charts) == 3
    assert [type(c).__name__ for c in charts] == ["BarChart"] * 3
    assert [len(c.series) for c in charts] == [1, 2, 2]  # verdicts; share and target; misses
    areas = charts[1].series[0].val.numRef.f
    assert areas.startswith("'Tổng quan'!$D$")  # each area's share, from the table above
    # the ranking: frozen, filtered, A4 landscape one page wide, header repeated
    ranking = book["Tổng hợp"]
    for sheet in (ranking, book["Tiêu chí"], book["Theo tiêu chí"]):
        assert sheet.freeze_panes is not None
        assert sheet.auto_filter.ref.startswith("A2:")
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4  # "9": A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$2:$2"
    header = [c.value for c in ranking[2]]
    son = dict(
        zip(header, next(r for r in ranking.iter_rows() if r[1].value == "bac-son"), strict=True)
    )
    assert son["G4"].value == 0  # a number, shown as 0/2 through its format
    assert son["G4"].number_format == '0"/2"'
    assert son["Điểm"].value == 75
    # unknown and overridden visible in the criteria sheet
    statuses = book["Tiêu chí"]
    header = [str(c.value).split()[0] for c in statuses[2]]
    rows = {
        r[0].value: dict(zip(header, (c.value for c in r), strict=True))
        for r in statuses.iter_rows(min_row=3)
    }
    assert rows["quang-hung"]["C16"] == "Chưa đánh giá"
    assert rows["an-hoach"]["C12"] == "Đạt ✎"
    # the criteria counted, most missed first
    counts = book["Theo tiêu chí"]
    assert [c.value for c in counts[3]][:5] == ["C20", counts["B3"].value, 4, 4, 0]


def test_docx_province_report_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "s.docx"
    _run(runner, "export", str(PROVINCE), *ARGS, "-o", str(out))
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    flat = [c for row in cells for c in row]
    # the administrative frame: issuing unit, national title and motto, kind and subject
    assert "CÔNG AN TỈNH THANH HÓA" in flat[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat[1]
    assert "BÁO CÁO" in texts
    subject = next(t for t in texts if t.startswith("Tổng hợp kết quả đánh giá"))
    assert "địa bàn “thanh hoa”" in subject
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210
    assert doc.styles["Normal"].font.name == "Times New Roman"
    # the sections a province reads
    for heading in (
        "I. KẾT QUẢ CHUNG",
        "II. THEO THÀNH PHỐ, SO VỚI MỤC TIÊU",
        "III. CÁC PHƯỜNG ĐỀ NGHỊ CÔNG NHẬN",
        "IV. TIÊU CHÍ CÒN THIẾU NHIỀU NHẤT",
        "V. XẾP HẠNG CÁC PHƯỜNG",
    ):
        assert heading in texts
    assert ["TP Sầm Sơn", "3", "0", "0,0%", "1"] in cells
    assert ["Cả 7 phường", "7", "2", "28,6%", "1"] in cells
    # proposed: at the top verdict as inspected (An Hoạch, recognised); Ba Đình is not inspected
    proposed = [row for row in cells if row[:2] == ["1", "Phường An Hoạch"]]
    assert proposed
    assert proposed[0][-1] == "có"
    assert not any(row[1:2] == ["Phường Ba Đình"] and row[0] == "2" for row in cells)
    assert "Ngoài ra 1 phường tự đánh giá đạt loại cao nhất nhưng chưa được kiểm tra." in texts
    missed = [
        row[0].split()[0] for row in cells if row and row[0][:1] == "C" and row[0][1:3].isdigit()
    ]
    assert missed[:2] == ["C20", "C09"]
    assert len(missed) == 6  # every criterion missed at least once, at most ten
    ranked = [row for row in cells if len(row) == 6 and row[1].startswith("Phường")]
    assert len(ranked) >= 7


def test_counts_of_a_thousand_wards_are_grouped(runner: CliRunner, tmp_path: Path) -> None:
    # QA2 #11: "Tổng hợp 3321 phường", "(942/3321)": every count as numbers are written.
    from tests.conftest import copy_wards

    folder = copy_wards(tmp_path, [f"w{i:04d}" for i in range(1000)])
    for lang, mark in (("vi", "."), ("en", ",")):
        result = runner.invoke(
            main,
            [*("summary", str(folder), "--by", "province", "--target", "30%"), "--lang", lang],
            env={"COLUMNS": "200"},
        )
        assert result.exit_code == 0, result.stderr
        thousand = f"1{mark}000"
        assert "1000" not in result.output
        first, *_ = result.output.splitlines()
        assert thousand in first
        lines = [line for line in result.output.splitlines() if thousand in line]
        assert len(lines) >= 4, result.output  # title, verdicts, stages, target, areas
