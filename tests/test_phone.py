"""A one-ward page on a phone: its tables stack, so a criterion's status is seen without
scrolling sideways (the assess page, the report, the site's ward pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import ROOT

STACKED = re.compile(
    r"@media screen and \(max-width: 600px\) \{[^@]*"
    r"table\.stack, table\.stack tbody, table\.stack tr, table\.stack td \{ display: block; \}"
    r"[^@]*table\.stack thead \{ display: none; \}"
    r"[^@]*table\.stack td\[data-h\]::before \{ content: attr\(data-h\)"
)


def _page(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, list(args), env={"MODELWARD_LANG": None})
    assert result.exit_code == 0, result.output
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.html")))


def _criteria_rows(page: str) -> list[str]:
    """The rows of the stacked tables that are a criterion's (C01 …)."""
    tables = re.findall(r"<table class=\"?stack\"?>(.*?)</table>", page, re.S)
    assert tables, page[:2000]
    return [
        r
        for t in tables
        for r in re.findall(r"<tr>(.*?)</tr>", t, re.S)
        if re.search(r">(<span>)?C\d\d\b", r)
    ]


@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["assess", "wards/tao-xuyen.yaml", "--period", "2024"], "Kết quả"),
        (["assess", "wards/tao-xuyen.yaml", "--period", "2024", "--lang", "en"], "Status"),
        (["report", "wards/tao-xuyen.yaml", "--period", "2024"], "Kết quả"),
        (["export", "wards/"], "Kết quả"),
    ],
)
def test_a_one_ward_page_stacks_its_tables_on_a_phone(
    command: list[str], status: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / ("site" if command[0] == "export" else "page.html")
    page = _page(tmp_path, *command, "-o", f"{out}/" if command[0] == "export" else str(out))
    if command[0] == "export":  # the ward pages; the summary's ranking scrolls sideways
        page = "\n".join(p.read_text(encoding="utf-8") for p in (out / "wards").glob("*.html"))
    assert STACKED.search(page)
    rows = _criteria_rows(page)
    assert len(rows) == 20
    # Every criterion's status cell is named by its header once stacked; no row is left
    # without one (it would read as a bare "✔ Đạt" under the title).
    for row in rows:
        assert f'data-h="{status}"' in row, row
