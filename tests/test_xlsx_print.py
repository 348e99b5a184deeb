"""The xlsx's charts print whole: each on a page of A4 landscape, none across a page break,
none over another (QA2 #8). Read back with openpyxl, from the anchors and breaks a
spreadsheet program prints by."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA, generated_wards

PAGE_CM = 21.0 - 2 * 0.5 * 2.54
"""The height printed on A4 landscape between the overview's margins (0.5 in)."""
EMU_CM = 360000
ROW_CM = 15.0 * 2.54 / 72
"""A row of the default height."""


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten generated wards in ten cities: every criterion missed by some, many areas."""
    out = tmp_path_factory.mktemp("many")
    generated_wards(out, 10)
    return out / "wards"


def _boxes(path: Path) -> tuple[list[tuple[int, float, float]], list[int]]:
    """The overview's charts as (first row, top and bottom in cm from the sheet's top) and its
    page breaks (the row each page ends after)."""
    from openpyxl import load_workbook

    sheet = load_workbook(path).worksheets[0]
    heights = [
        (sheet.row_dimensions[r].height or 15.0) * 2.54 / 72 for r in range(1, sheet.max_row + 99)
    ]
    boxes = []
    for chart in sheet._charts:
        row = chart.anchor._from.row + 1  # 1-based
        top = sum(heights[: row - 1])
        boxes.append((row, top, top + chart.anchor.ext.height / EMU_CM))
    return boxes, sorted(b.id for b in sheet.row_breaks.brk)


@pytest.mark.parametrize(
    "folder", [pytest.param(None, id="generated"), pytest.param(DATA / "province", id="province")]
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_chart_fits_a_page_and_none_crosses_a_break_or_another(
    runner: CliRunner, many: Path, tmp_path: Path, folder: Path | None, lang: str
) -> None:
    out = tmp_path / "x.xlsx"
    args = ["export", str(folder or many), "--by", "city", "--target", "30%", "--lang", lang]
    result = runner.invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    boxes, breaks = _boxes(out)
    assert len(boxes) == 3
    assert len(breaks) == 2  # the charts after the tables; the misses on a page of their own
    for row, top, bottom in boxes:
        assert bottom - top <= PAGE_CM - ROW_CM, (row, top, bottom)
        # on one page: no break between its first row and its last
        assert not any(row <= b < row + (bottom - top) / ROW_CM for b in breaks), (row, breaks)
    verdicts, shares, misses = sorted(boxes)
    assert verdicts[0] > breaks[0]
    assert shares[0] > breaks[0]
    assert misses[0] > breaks[1]  # below the second break: its own page
    assert max(verdicts[2], shares[2]) <= misses[1]  # nothing drawn over it
