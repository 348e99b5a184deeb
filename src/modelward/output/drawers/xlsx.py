"""The summary as an Excel workbook (openpyxl): a summary sheet, a criteria sheet, the sources."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang

_SHEETS = {
    "summary": ("Tổng hợp", "Summary"),
    "criteria": ("Tiêu chí", "Criteria"),
    "sources": ("Nguồn", "Sources"),
    "merged": ("Đã sắp xếp", "Merged"),
}
_FILLS = {"met": "D1F2D9", "not_met": "FFD8D3", "unknown": "FFF1C2", "not_applicable": "EEEEEE"}


def _setup_print(sheet: Any, columns: int) -> None:
    """Landscape, one page wide, header row repeated on every page, panes frozen under it."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(sheet.max_row, 1)}"


def _append(sheet: Any, values: Iterable[Any]) -> None:
    """A row at the bottom of the sheet, every text a string cell, never a formula.

    openpyxl takes a text starting with ``=`` for a formula: a ward named
    ``=HYPERLINK(...)`` would run as one when the workbook is opened. Ids, names, periods,
    titles and paths all come from input files, so no text is trusted to be plain.
    """
    from openpyxl.cell.cell import Cell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):  # the only text taken as a formula
            cell = Cell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


def _widths(sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=4)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 6), 48)


class XlsxExporter(Exporter):
    """Headers in the chosen language (Vietnamese by default), statuses coloured and worded."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        from modelward.i18n import label, text

        def name(key: str) -> str:
            vi, en = _SHEETS[key]
            return vi if lang == "vi" else en

        cat = summary.catalogue
        verdicts = {v.id: text(v.title, lang) for v in cat.verdicts}
        groups = [g.id for g in cat.groups]
        bold = Font(bold=True)
        book = Workbook()
        main = book.active
        assert main is not None
        main.title = name("summary")
        _append(
            main,
            [
                label("rank", lang),
                "ID",
                label("ward", lang).capitalize(),
                label("period", lang),
                *groups,
                label("criteria", lang).capitalize(),
                label("score", lang),
                label("verdict", lang),
            ],
        )
        for ranked in summary.ranked:
            row = ranked.row
            _append(
                main,
                [
                    ranked.rank,
                    row.id,
                    row.name,
                    row.period,
                    *(f"{g.met}/{g.applicable}" for g in summary.groups_of(row)),
                    f"{row.met}/{row.applicable}",
                    row.score,
                    verdicts[row.verdict],
                ],
            )
        for cell in main[1]:
            cell.font = bold
        _widths(main)
        _setup_print(main, len(groups) + 7)

        criteria = book.create_sheet(name("criteria"))
        ids = [c.id for c in cat.criteria()]
        _append(criteria, ["ID", label("ward", lang).capitalize(), label("period", lang), *ids])
        fills = {k: PatternFill("solid", fgColor=v) for k, v in _FILLS.items()}
        words = {k: label(k, lang) for k in _FILLS}
        centre = Alignment(horizontal="center")
        for number, ranked in enumerate(summary.ranked, start=2):
            row = ranked.row
            statuses = row.status_list()
            _append(criteria, [row.id, row.name, row.period, *(words[s] for s in statuses)])
            # Cells by their coordinates: asking the sheet for its last row scans every
            # cell, which made thousands of wards take a quarter of a minute.
            for column, status in enumerate(statuses, start=4):
                cell = criteria.cell(row=number, column=column)
                cell.fill = fills[status]
                cell.alignment = centre
        for cell in criteria[1]:
            cell.font = bold
        _widths(criteria)
        _setup_print(criteria, len(ids) + 3)

        if summary.merged:  # wards merged into one summarised here: listed, not ranked
            merged = book.create_sheet(name("merged"))
            _append(
                merged,
                [
                    "ID",
                    label("ward", lang).capitalize(),
                    label("merged_into", lang),
                    label("merged_on", lang),
                ],
            )
            for m in summary.merged:
                _append(merged, [m.id, m.name, m.into, m.on])
            for cell in merged[1]:
                cell.font = bold
            _widths(merged)

        sources = book.create_sheet(name("sources"))
        _append(sources, [label("provenance", lang), ""])
        _append(sources, ["modelward", provenance.tool_version])
        _append(
            sources,
            [label("catalogue", lang), f"{provenance.catalogue_id} {provenance.catalogue_version}"],
        )
        _append(sources, [provenance.catalogue_path, provenance.catalogue_sha256])
        _append(
            sources, [label("period", lang), provenance.period or label("latest_periods", lang)]
        )
        _append(sources, ["generated_at", provenance.generated_at])
        _append(sources, [label("file", lang), "SHA-256"])
        for path, digest in provenance.inputs:
            _append(sources, [path, digest])
        sources["A1"].font = bold
        _widths(sources)

        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
