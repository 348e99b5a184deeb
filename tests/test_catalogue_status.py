"""FORMAT.md section 6: every output that shows a result shows the catalogue's status when it
is not official — in its title block, where a reader sees it, in every format and language.

The ward of ``data/versions`` has its 2023 on an illustrative pilot and its 2024 on a draft:
outputs over both years say both statuses; an official catalogue says none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from modelward.cli import main
from tests.conftest import DATA

VERSIONS = DATA / "versions"
WARD = VERSIONS / "wards" / "two-versions.yaml"

DRAFT = {
    "vi": "Bộ tiêu chí test-set@2024: bản dự thảo, chưa phải văn bản chính thức",
    "en": "Catalogue test-set@2024: a working draft, not the official text",
}
PILOT = {
    "vi": "Bộ tiêu chí test-pilot@2022: bộ minh họa, không dùng cho đánh giá thật",
    "en": "Catalogue test-pilot@2022: illustrative, not for real assessments",
}
LANGS = ("vi", "en")


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _head(out: str, lines: int = 6) -> str:
    """The title block of a text output: its first few lines."""
    return "\n".join(out.splitlines()[:lines])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_text_outputs_say_the_status_in_their_title_block(
    runner: CliRunner, lang: str, fmt: str
) -> None:
    ward = str(WARD)
    assess = _run(runner, "--lang", lang, "assess", ward, "--format", fmt)
    assert DRAFT[lang] in _head(assess)
    assert PILOT[lang] not in assess  # assess shows one period, on its own catalogue
    compare = _run(runner, "--lang", lang, "compare", ward, "2023", "2024", "--format", fmt)
    assert DRAFT[lang] in _head(compare, 8)
    assert PILOT[lang] in _head(compare, 8)
    history = _run(runner, "--lang", lang, "history", ward, "--format", fmt)
    assert DRAFT[lang] in _head(history)
    assert PILOT[lang] in _head(history)
    summary = _run(runner, "--lang", lang, "summary", ward, "--format", fmt)
    assert DRAFT[lang] in _head(summary)
    assert PILOT[lang] not in summary
    pilot = _run(runner, "--lang", lang, "summary", ward, "--period", "2023", "--format", fmt)
    assert PILOT[lang] in _head(pilot)
    assert DRAFT[lang] not in pilot


def test_json_outputs_carry_the_status(runner: CliRunner) -> None:
    ward = str(WARD)
    assess = json.loads(_run(runner, "assess", ward, "--format", "json"))
    assert assess["catalogue"] == {"id": "test-set", "version": "2024", "status": "draft"}
    history = json.loads(_run(runner, "history", ward, "--format", "json"))
    assert [p["catalogue"]["status"] for p in history["periods"]] == ["illustrative", "draft"]
    summary = json.loads(_run(runner, "summary", ward, "--period", "2023", "--format", "json"))
    assert summary["provenance"]["catalogue"]["status"] == "illustrative"


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_says_it_under_the_title_and_on_every_table_sheet(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "x.xlsx"
    _run(runner, "--lang", lang, "export", str(WARD), "-o", str(out))
    book = load_workbook(out)
    overview = book.worksheets[0]
    assert overview["A2"].value == DRAFT[lang]  # the row under the title
    assert overview["A2"].font.bold
    for sheet in book.worksheets[1:4]:  # ranking, statuses per criterion, counts
        assert str(sheet["A1"].value).endswith(" — " + DRAFT[lang]), sheet.title


@pytest.mark.parametrize("lang", LANGS)
def test_docx_says_it_first_under_the_title(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    province = tmp_path / "p.docx"
    _run(runner, "--lang", lang, "export", str(WARD), "--period", "2023", "-o", str(province))
    report = tmp_path / "r.docx"
    _run(runner, "--lang", lang, "report", str(WARD), "-o", str(report))
    for path, said in ((province, PILOT[lang]), (report, DRAFT[lang])):
        paragraphs = [p for p in Document(str(path)).paragraphs if p.text.strip()]
        texts = [p.text for p in paragraphs]
        # after the kind of document and its subject, before the first section
        first = next(i for i, t in enumerate(texts) if t.startswith("I. "))
        at = texts.index(said)
        assert at < first, (path.name, texts[:first])
        assert all(r.bold for r in paragraphs[at].runs)


@pytest.mark.parametrize("lang", LANGS)
def test_report_html_and_markdown_say_it_before_the_first_section(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    for ext in ("html", "md"):
        out = tmp_path / f"r.{ext}"
        _run(runner, "--lang", lang, "report", str(WARD), "--period", "2023", "-o", str(out))
        page = out.read_text(encoding="utf-8")
        first = page.index("I. ")
        assert -1 < page.find(PILOT[lang]) < first, ext


@pytest.mark.parametrize("lang", LANGS)
def test_exports_and_the_site_say_it(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    for ext in ("html", "md", "csv"):
        out = tmp_path / f"e.{ext}"
        _run(runner, "--lang", lang, "export", str(WARD), "-o", str(out))
        said = out.read_text(encoding="utf-8-sig")
        if ext == "csv":  # a column of the provenance, as machine words
            assert "catalogue_status" in said
            assert ",draft" in said
        else:
            assert DRAFT[lang] in said, ext
    site = tmp_path / "site"
    _run(runner, "--lang", lang, "export", str(WARD), "-o", f"{site}/")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert DRAFT[lang] in index[: index.index("<table")]
    page = (site / "wards" / "two-versions.html").read_text(encoding="utf-8")
    top = page[: page.index("<dl")]  # above the facts: rank, verdict, score
    # the page's own catalogue, and the pilot its 2023 (in the figures year by year) was on
    assert DRAFT[lang] in top
    assert PILOT[lang] in top


def test_an_official_catalogue_says_nothing(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(VERSIONS, tmp_path / "v")
    criteria = tmp_path / "v" / "criteria.yaml"
    criteria.write_text(
        criteria.read_text(encoding="utf-8").replace("status: draft", "status: official"),
        encoding="utf-8",
    )
    ward = str(tmp_path / "v" / "wards" / "two-versions.yaml")
    said = _run(runner, "summary", ward) + _run(runner, "assess", ward)
    assert "test-set@2024" not in said
    out = tmp_path / "x.xlsx"
    _run(runner, "export", ward, "-o", str(out))
    book = load_workbook(out)
    assert book.worksheets[0]["A2"].value != DRAFT["vi"]
    assert " — Bộ tiêu chí" not in str(book.worksheets[1]["A1"].value)
    report = tmp_path / "r.docx"
    _run(runner, "report", ward, "-o", str(report))
    texts = [p.text for p in Document(str(report)).paragraphs]
    assert not any(t.startswith("Bộ tiêu chí test-set@2024:") for t in texts)
    history = _run(runner, "history", ward)
    assert PILOT["vi"] in history  # the pilot is still illustrative
