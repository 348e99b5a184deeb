"""``summary --stage inspection`` ranks a ward without an inspection on its self-assessment:
every summary output marks its row and counts such wards in its title block (JSON:
``totals.not_inspected``). Of the seven province wards only An Hoạch is inspected."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from modelward.cli import main
from tests.conftest import DATA

PROVINCE = str(DATA / "province")
LINE = {
    "vi": "6 phường chưa được kiểm tra nên được xếp theo kết quả tự đánh giá "
    "(ghi “chưa kiểm tra” bên tên)",
    "en": "6 wards have no inspection and are ranked on their self-assessment "
    "(marked “not inspected” beside their names)",
}
MARK = {"vi": "Phường Ba Đình (chưa kiểm tra)", "en": "Phường Ba Đình (not inspected)"}
INSPECTED = "Phường An Hoạch"


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_terminal_and_markdown(runner: CliRunner, lang: str, fmt: str) -> None:
    out = _run(
        runner, "--lang", lang, "summary", PROVINCE, "--stage", "inspection", "--format", fmt
    )
    head = out[: out.index(INSPECTED)]
    assert LINE[lang] in " ".join(head.split())  # in the title block, above the ranking
    assert MARK[lang] in out
    assert f"{INSPECTED} (" not in out  # the inspected ward is not marked
    plain = _run(runner, "--lang", lang, "summary", PROVINCE, "--format", fmt)
    assert MARK[lang] not in plain  # only where an inspection was asked for
    assert LINE[lang].split(" (")[0] not in " ".join(plain.split())


def test_json_counts_them_and_each_row_names_its_stage(runner: CliRunner) -> None:
    doc = json.loads(_run(runner, "summary", PROVINCE, "--stage", "inspection", "--format", "json"))
    assert doc["totals"]["not_inspected"] == 6
    stages = {w["name"]: w["stage"] for w in doc["wards"]}
    assert sum(1 for s in stages.values() if s == "self") == 6
    assert stages[INSPECTED] == "inspection"
    assert doc["wards"][0]["name"] == INSPECTED  # names stay the ward's own in JSON
    plain = json.loads(_run(runner, "summary", PROVINCE, "--format", "json"))
    assert "not_inspected" not in plain["totals"]


def test_csv_rows_carry_the_stage(runner: CliRunner) -> None:
    out = _run(runner, "summary", PROVINCE, "--stage", "inspection", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert sorted(r["stage"] for r in rows) == ["inspection", *["self"] * 6]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_files(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    args = ["--lang", lang, "export", PROVINCE, "--stage", "inspection", "-o"]
    xlsx = tmp_path / "s.xlsx"
    _run(runner, *args, str(xlsx))
    book = load_workbook(xlsx)
    overview = book.worksheets[0]
    assert overview["A3"].value == LINE[lang]  # under the title and the catalogue's status
    assert overview["A3"].font.bold
    for sheet in book.worksheets[1:3]:  # the ranking, the statuses per criterion
        cells = [v for row in sheet.iter_rows(min_row=3, values_only=True) for v in row]
        assert MARK[lang] in cells, sheet.title
        assert INSPECTED in cells, sheet.title
    docx = tmp_path / "s.docx"
    _run(runner, *args, str(docx))
    document = Document(str(docx))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    first = next(i for i, t in enumerate(texts) if t.startswith("I. "))
    assert texts.index(LINE[lang]) < first
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert MARK[lang] in cells
    html = tmp_path / "s.html"
    _run(runner, *args, str(html))
    page = html.read_text(encoding="utf-8")
    assert LINE[lang] in page[: page.index("<table")]
    assert MARK[lang] in page
    site = tmp_path / "site"
    _run(runner, *args, f"{site}/")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert LINE[lang] in index[: index.index("<table")]
    assert f">{MARK[lang]}</a>" in index
