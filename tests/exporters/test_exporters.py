"""Every export format, read back with the tool a user would open it in."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.output.formats import ExportFormat
from tests.conftest import copy_wards


@pytest.fixture
def wards(tmp_path: Path) -> Path:
    return copy_wards(tmp_path, ("alpha", "bravo"))


def _export(runner: CliRunner, wards: Path, out: Path, *args: str, period: str = "2023") -> None:
    """The wards' ``period``; the sample's 2023 is scored on the pilot (P01-P22)."""
    result = runner.invoke(main, ["export", str(wards), "--period", period, "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert not list(out.parent.glob(f".{out.name}.*")), "no temporary file is left behind"


@pytest.mark.parametrize("choice", list(ExportFormat))
def test_every_format_has_an_exporter(
    choice: ExportFormat, runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"out.{choice.value}"
    _export(runner, wards, out, "--format", choice.value)
    data = out.read_bytes()
    assert data
    assert ExportFormat.from_path(Path(f"x.{choice.value}")) is choice


def test_csv_reads_back(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    _export(runner, wards, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0])[:8] == [
        "id",
        "name",
        "period",
        "met",
        "applicable",
        "score",
        "verdict",
        "rank",
    ]
    assert [(r["id"], r["met"], r["rank"], r["verdict"]) for r in rows] == [
        ("alpha", "20", "1", "nearly"),
        ("bravo", "20", "1", "nearly"),
    ]
    assert rows[0]["name"] == "Phường Tào Xuyên"
    assert len(rows[0]["sha256"]) == 64
    assert rows[0]["catalogue"] == "cand-model-ward-pilot"


def test_json_carries_provenance(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    _export(runner, wards, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    prov = doc["provenance"]
    assert prov["catalogue"]["id"] == "cand-model-ward-pilot"
    assert prov["catalogue"]["status"] == "illustrative"
    assert prov["period"] == "2023"
    assert prov["generated_at"].endswith("Z")
    assert {Path(i["path"]).name for i in prov["inputs"]} == {"alpha.yaml", "bravo.yaml"}
    import hashlib

    for item in prov["inputs"]:
        assert item["sha256"] == hashlib.sha256(Path(item["path"]).read_bytes()).hexdigest()


def test_xlsx_opens_with_vietnamese_headers(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    _export(runner, wards, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng quan", "Tổng hợp", "Tiêu chí", "Theo tiêu chí", "Nguồn"]
    summary = book["Tổng hợp"]
    assert [c.value for c in summary[2]][:4] == ["Hạng", "ID", "Phường", "Tỉnh"]
    assert summary["B3"].value == "alpha"
    assert summary.page_setup.orientation == "landscape"
    criteria = book["Tiêu chí"]
    header = [c.value for c in criteria[2]]
    assert [h.split()[0] for h in header[3:]] == [f"P{i:02d}" for i in range(1, 23)]
    assert header[3].startswith("P01 Đảng ủy phường")  # the criterion's title, not only its id
    row = {h.split()[0]: c.value for h, c in zip(header, criteria[3], strict=True)}
    assert row["P10"] == "Chưa đạt"
    assert row["P01"] == "Đạt"
    for line in (3, 4):  # every ward's statuses coloured, not only the first's
        cells = {h.split()[0]: c for h, c in zip(header, criteria[line], strict=True)}
        assert cells["P10"].fill.fgColor.rgb == "00FFD8D3"
        assert cells["P01"].fill.fgColor.rgb == "00D1F2D9"
        assert cells["P01"].alignment.horizontal == "center"
        assert cells["ID"].fill.fgColor.rgb == "00000000"  # the ward's own columns are plain


def test_xlsx_keeps_text_from_the_files_as_text_never_a_formula(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    name = '=HYPERLINK("http://x","Phường X")'
    ward = wards / "alpha.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8").replace(
            'name: "Phường Tào Xuyên"', "name: '" + name + "'", 1
        ),
        encoding="utf-8",
    )
    catalogue = tmp_path / "criteria.yaml"  # the 2024 set, that 2024 is scored on
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace(
            'vi: "Đủ điều kiện đề nghị công nhận"', "vi: '=1+1'", 1
        ),
        encoding="utf-8",
    )
    out = tmp_path / "s.xlsx"
    _export(runner, wards, out, period="2024")
    book = openpyxl.load_workbook(out)
    summary, criteria = book["Tổng hợp"], book["Tiêu chí"]
    for cell in (summary["C3"], criteria["B3"]):
        assert (cell.data_type, cell.value) == ("s", name)
    verdict = [c.value for c in summary[2]].index("Xếp loại") + 1
    cell = summary.cell(row=3, column=verdict)  # 2024: 20/20, the top verdict
    assert (cell.data_type, cell.value) == ("s", "=1+1")
    texts = [c for sheet in book for line in sheet.iter_rows() for c in line if c.value]
    assert not [c.coordinate for c in texts if c.data_type == "f"]
    assert all(c.data_type == "s" for c in texts if isinstance(c.value, str))
    # Both wards' verdicts, the overview's count by verdict, and the top verdict's column
    # header in the overview's table by area.
    assert sum(str(c.value).startswith("=1+1") for c in texts) == 4


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_self_contained_page(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.html"
    _export(runner, wards, out, "--lang", "en")
    page = _Collect()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.links == []
    assert "table" in page.tags
    assert "viewport" in out.read_text(encoding="utf-8")
    text = "".join(page.text)
    assert "Phường Tào Xuyên" in text
    assert "Provenance" in text


@pytest.mark.parametrize(
    ("period", "verdict", "colour"),
    [
        ("2024", "Meets the criteria (eligible for recognition)", "green"),
        ("2023", "Nearly there (provisional)", "yellow"),  # on the pilot; P13: no 2022
        ("2025-01..2025-02", "Not yet (provisional)", "red"),
    ],
)
def test_html_marks_each_verdict_by_its_own_colour(
    runner: CliRunner, wards: Path, tmp_path: Path, period: str, verdict: str, colour: str
) -> None:
    out = tmp_path / "s.html"
    result = runner.invoke(
        main, ["export", str(wards), "--period", period, "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    ranking = out.read_text(encoding="utf-8").split("</table>")[0]  # the ranking, first
    rows = re.findall(r"<tr>(<td.*?)</tr>", ranking)
    assert len(rows) == 2
    for row in rows:
        assert f'<td><span class="{colour}">{verdict}</span></td>' in row


def test_html_keeps_the_names_and_headers_in_sight_and_explains_the_groups(
    runner: CliRunner, wards: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.html"
    _export(runner, wards, out, "--lang", "en", period="2024")  # on the 2024 set: G1-G7
    html = out.read_text(encoding="utf-8")
    ranking = html.split("</table>")[0]
    assert re.findall(r'<td class="k"><span>([^<]*)</span>', ranking) == ["Phường Tào Xuyên"] * 2
    assert (
        '<th class="r"><abbr title="Party building and the political system">G1</abbr></th>' in html
    )
    assert "G7: The &quot;All people protect national security&quot; movement" in html  # legend
    assert "@page { size: A4 landscape" in html
    assert "th { background: var(--head); position: sticky; top: 0" in html


def test_markdown_has_the_table(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.md"
    _export(runner, wards, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Tổng hợp 2 phường")
    assert any(line.startswith("| 1 | Phường Tào Xuyên | 2023 |") for line in lines)
    # 2023 is scored on the pilot: its groups are the ones explained.
    assert any(line.startswith("G1: Công tác lãnh đạo, chỉ đạo · G2: ") for line in lines)


def test_output_that_is_an_input_is_refused(runner: CliRunner, wards: Path) -> None:
    target = wards / "alpha.yaml"
    before = target.read_bytes()
    result = runner.invoke(main, ["export", str(wards), "-o", str(target), "--format", "csv"])
    assert result.exit_code == 1
    assert "là một trong các tệp đầu vào" in result.stderr  # Vietnamese by default
    assert target.read_bytes() == before


def test_unknown_extension_is_a_usage_error(runner: CliRunner, wards: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["export", str(wards), "-o", str(tmp_path / "s.pdf"), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr
    assert not (tmp_path / "s.pdf").exists()
