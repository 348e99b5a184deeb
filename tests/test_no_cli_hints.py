"""A document handed over (the province docx, the site, the md and html exports, the ward
report) says nothing about command-line options: its reader has no command line. What the
terminal leaves out for room, a document lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import ROOT, generated_wards

OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
"""An option as the terminal's hints name it (``--format``, ``--period``)."""


@pytest.fixture(scope="module")
def wards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten generated wards beside the worked example: twenty criteria missed, more than
    a terminal lists, and wards on different latest periods."""
    out = tmp_path_factory.mktemp("many")
    generated_wards(out, 10)
    for name in ("tao-xuyen", "dong-cuong", "dong-tho", "ham-rong"):
        (out / "wards" / f"{name}.yaml").write_text(
            (ROOT / "wards" / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    return out / "wards"


def _invoke(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _docx_text(path: Path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    return [
        *(p.text for p in doc.paragraphs),
        *(c.text for t in doc.tables for row in t.rows for c in row.cells),
    ]


def _visible(html: str) -> str:
    """A page's text: no style sheet (its ``--line`` variables), no script, no tags."""
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_province_docx_lists_every_criterion_missed_and_names_no_option(
    runner: CliRunner, wards: Path, tmp_path: Path, lang: str
) -> None:
    doc = json.loads(_invoke(runner, "summary", str(wards), "--format", "json"))
    missed = {c["id"] for c in doc["criteria"] if c["not_met"] + c["unknown"]}
    assert len(missed) > 10  # more than the terminal lists
    out = tmp_path / "p.docx"
    _invoke(runner, "export", str(wards), "--by", "city", "--lang", lang, "-o", str(out))
    texts = _docx_text(out)
    assert [t for t in texts if OPTION.search(t)] == []
    listed = {t.split()[0] for t in texts if re.match(r"C\d\d ", t)}
    assert listed == missed
    assert not any(t.startswith("… ") for t in texts)  # no "… and 10 more criteria"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_site_the_exports_and_the_report_name_no_option(
    runner: CliRunner, wards: Path, tmp_path: Path, lang: str
) -> None:
    site = tmp_path / "site"
    _invoke(runner, "export", str(wards), "--lang", lang, "-o", f"{site}/")
    pages = [site / "index.html", *sorted((site / "wards").glob("*.html"))]
    said = {p.name: _visible(p.read_text(encoding="utf-8")) for p in pages}
    for suffix in ("md", "html"):
        out = tmp_path / f"s.{suffix}"
        _invoke(runner, "export", str(wards), "--lang", lang, "-o", str(out))
        said[out.name] = _visible(out.read_text(encoding="utf-8"))
    for ward in ("tao-xuyen", "ham-rong"):
        for suffix in ("md", "html"):
            out = tmp_path / f"{ward}.{suffix}"
            _invoke(runner, "report", str(wards / f"{ward}.yaml"), "--lang", lang, "-o", str(out))
            said[out.name] = _visible(out.read_text(encoding="utf-8"))
        out = tmp_path / f"{ward}.docx"
        _invoke(runner, "report", str(wards / f"{ward}.yaml"), "--lang", lang, "-o", str(out))
        said[out.name] = "\n".join(_docx_text(out))
    assert {name: OPTION.findall(text) for name, text in said.items() if OPTION.search(text)} == {}
    # what the hint was attached to is still said, without the hint
    mixed = "không cùng một kỳ" if lang == "vi" else "not one period for all"
    assert mixed in said["s.md"]
    digest = "SHA-256 của danh sách" if lang == "vi" else "SHA-256 of their list"
    assert digest in said["index.html"]


def test_the_terminal_keeps_its_hints(runner: CliRunner, wards: Path) -> None:
    out = runner.invoke(main, ["summary", str(wards), "--lang", "en"], env={"COLUMNS": "200"})
    flat = " ".join(out.stdout.split())
    assert "Use --period to compare like with like." in flat
    assert "--format markdown or an export shows them all" in flat
