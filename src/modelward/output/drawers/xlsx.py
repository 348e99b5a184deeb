"""The summary as an Excel workbook a chief prints (openpyxl).

Sheets: an overview (a title block, wards per verdict, the target, the areas, and native
charts), the ranking, every ward's status per criterion, the criteria counted, the sources.
Numbers are stored as numbers (a group's ``3/4`` is the number 3 shown through a number
format), every table has its header frozen and a filter, and every sheet prints on A4
landscape, one page wide.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable
from copy import copy
from typing import TYPE_CHECKING, Any

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.batch.breakdown import AreaKind
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang

_FILLS = {"met": "D1F2D9", "not_met": "FFD8D3", "unknown": "FFF1C2", "not_applicable": "EEEEEE"}
_HEAD_FILL = "DDE4EE"
_PERCENT = "0.0%"
_TITLE_ROWS = 2
"""On the table sheets: the title, then the header row."""
_PAGE_CM = 17.0
"""The tallest a chart is drawn: A4 landscape less the margins (21 − 2 × 1.27 cm) and a row."""
_ROW_PT = 15.0
_ROW_CM = _ROW_PT * 2.54 / 72
"""A row under the charts: its height set, so that a chart's rows are known."""
_MARK_COLOUR = "9C2A00"
"""The catalogue's status under the overview's title: dark orange-red, readable in print."""


def _setup_print(sheet: Any, header_row: int, columns: int, last_row: int) -> None:
    """A4 landscape, one page wide, the header row repeated on every page, frozen, filtered."""
    from openpyxl.utils import get_column_letter

    _page(sheet)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def _page(sheet: Any) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5


def _append(sheet: Any, values: Iterable[Any]) -> None:
    """A row at the bottom of the sheet, every text a string cell, never a formula.

    openpyxl takes a text starting with ``=`` for a formula: a ward named
    ``=HYPERLINK(...)`` would run as one when the workbook is opened. Ids, names, periods,
    titles and paths all come from input files, so no text is trusted to be plain.
    """
    from openpyxl.cell.cell import Cell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            # A control character is refused by the xlsx format (openpyxl raises): shown escaped.
            value = visible(value)
        if isinstance(value, str) and value.startswith("="):  # the only text taken as a formula
            cell = Cell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


def _widths(sheet: Any, first_row: int = 1, fixed: dict[int, float] | None = None) -> None:
    """Each column as wide as its longest cell from ``first_row`` on (within bounds)."""
    from openpyxl.utils import get_column_letter

    fixed = fixed or {}
    for index, column in enumerate(sheet.iter_cols(min_row=first_row, values_only=True), start=1):
        if index in fixed:
            width = fixed[index]
        else:
            longest = max((len(str(v)) for v in column if v is not None), default=4)
            width = min(max(longest + 2, 6), 40)
        sheet.column_dimensions[get_column_letter(index)].width = width


class XlsxExporter(Exporter):
    """Headers and words in the chosen language (Vietnamese by default)."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from openpyxl import Workbook

        book = Workbook()
        overview = book.active
        assert overview is not None
        _Book(book, summary, lang, provenance).fill(overview)
        buffer = io.BytesIO()
        _save(book, buffer)
        return buffer.getvalue()


def _save(book: Any, buffer: io.BytesIO) -> None:
    """Save the workbook; a full disk is an ``OSError`` for the writer to word, and nothing more.

    openpyxl writes each sheet through a temporary file. When that write fails, the sheet's
    half-run generator fails again as it is dropped, and Python prints that second failure
    as an "Exception ignored" traceback: it is kept quiet, and the first failure is raised
    afresh, holding none of openpyxl's frames.
    """
    import errno
    import gc
    import os
    import sys

    failed: OSError | None = None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        try:
            book.save(buffer)
        except OSError as exc:
            failed = OSError(exc.errno, exc.strerror)
        except Exception as exc:
            # With lxml installed, openpyxl's sheets are written by lxml, which words a failed
            # write as SerialisationError("IO_ENOSPC"): the same failure, said as an OSError.
            code = getattr(errno, str(exc).removeprefix("IO_"), None)
            if type(exc).__name__ != "SerialisationError" or not isinstance(code, int):
                raise
            failed = OSError(code, os.strerror(code))
        if failed is not None:
            gc.collect()
    finally:
        sys.unraisablehook = hook
    if failed is not None:
        raise failed


class _Book:
    """One workbook being written: the styles made once, shared by every cell."""

    def __init__(self, book: Any, summary: Summary, lang: Lang, provenance: Provenance) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        from modelward.i18n import text

        self.book = book
        self.s = summary
        self.lang = lang
        self.provenance = provenance
        self.kind: AreaKind = summary.by or "city"
        self.bold = Font(bold=True)
        self.small_bold = Font(bold=True, size=9)
        self.title_font = Font(bold=True, size=14)
        self.head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.head_wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.centre = Alignment(horizontal="center")
        self.fills = {k: PatternFill("solid", fgColor=v) for k, v in _FILLS.items()}
        self.overridden_border = Border(
            left=Side("medium", "7A4EC2"), right=Side("medium", "7A4EC2")
        )
        self._styles: dict[tuple[Any, ...], Any] = {}
        self.verdicts = {v.id: text(v.title, lang) for v in summary.catalogue.verdicts}
        from modelward.output.layouts.parts import statuses_of

        self.marks = [c.text for c in statuses_of((summary.catalogue,), lang)]
        """The catalogue's status, said under or beside every title (FORMAT.md section 6)."""
        self.mark_font = Font(bold=True, size=12, color=_MARK_COLOUR)
        from modelward.output.layouts.summary import left_out

        self.left_out = left_out(summary, lang)
        """The wards read and not ranked, and why: a sheet of their own, named on the overview."""

    def style(
        self, cell: Any, key: tuple[Any, ...], apply: Callable[[Any, tuple[Any, ...]], None]
    ) -> None:
        """Style a cell as ``apply`` does for ``key``; applied once per key, then copied.

        Setting a fill or a format hashes the style objects each time: for thousands of
        wards times twenty criteria that was most of the export. A cell's style is a small
        array of indexes, so the first cell's is copied to the rest.
        """
        done = self._styles.get(key)
        if done is None:
            apply(cell, key)
            self._styles[key] = cell._style
        else:
            cell._style = copy(done)

    def name(self, key: str) -> str:
        from modelward.i18n import label

        return label(f"sheet_{key}", self.lang)

    def _header(self, sheet: Any, row: int) -> None:
        for cell in sheet[row]:
            cell.font = self.bold
            cell.fill = self.head_fill
            cell.alignment = self.head_wrap

    def _title(self, sheet: Any, title: str) -> None:
        """A table sheet's title, with the catalogue's status where it is not official: a
        sheet printed alone still says it."""
        _append(sheet, [" — ".join([title, *self.marks])])
        sheet["A1"].font = self.title_font

    def fill(self, overview: Any) -> None:
        overview.title = self.name("overview")
        ranking = self.book.create_sheet(self.name("summary"))
        statuses = self.book.create_sheet(self.name("criteria"))
        counts = self.book.create_sheet(self.name("counts"))
        sources = self.book.create_sheet(self.name("sources"))
        self.ranking(ranking)
        self.statuses(statuses)
        counted = self.counts(counts)
        self.overview(overview, counts, counted)
        if self.left_out:  # wards read and not ranked: listed, and why
            self.not_ranked(
                self.book.create_sheet(self.name("not_ranked"), len(self.book.sheetnames) - 1)
            )
        self.sources(sources)

    # -- the overview: a title block, verdicts, the target, the areas, the charts

    def overview(self, sheet: Any, counts: Any, counted: int) -> None:
        from modelward.batch.breakdown import as_fraction, total
        from modelward.i18n import date_text, label, text
        from modelward.output.layouts.summary import area_name, not_inspected_line, summary_title

        s, lang = self.s, self.lang
        cat = s.catalogue
        _append(sheet, [summary_title(s, lang)])
        sheet["A1"].font = self.title_font
        unchecked = not_inspected_line(s, lang)  # wards ranked on their self-assessment
        left = self.left_out and label(
            "not_ranked_line", lang, n=len(self.left_out), sheet=self.name("not_ranked")
        )
        for mark in [
            *self.marks,
            *([unchecked.text] if unchecked else []),
            *([left] if left else []),
        ]:
            _append(sheet, [mark])  # under the title, where a reader looks first
            sheet.cell(row=sheet.max_row, column=1).font = self.mark_font
        when = self.provenance.moment.astimezone().date()
        stages = sorted({r.row.stage for r in s.ranked})
        stage = ", ".join(
            f"{label(f'stage_{k}', lang)} {sum(1 for r in s.ranked if r.row.stage == k)}"
            for k in stages
        )
        block = [
            (
                label("area_filter_key", lang),
                s.area if s.area is not None else label("all_wards", lang),
            ),
            (label("period", lang), s.period or label("latest_periods", lang)),
            *([(label("by_stage", lang), stage)] if stage else []),
            (
                label("catalogue", lang).capitalize(),
                f"{text(cat.title, lang)} ({cat.id} {cat.version}; "
                f"{label('catalogue_' + cat.status, lang)})",
            ),
            (label("made_on", lang), date_text(when, lang)),
        ]
        for key, value in block:
            _append(sheet, [key, value])
            sheet.cell(row=sheet.max_row, column=1).font = self.bold
        _append(sheet, [])

        # wards per verdict
        verdict_head = _next_row(sheet)
        _append(sheet, [label("verdict", lang), label("wards_count", lang), label("share", lang)])
        self._header(sheet, verdict_head)
        n = len(s.ranked)
        for vid, count in s.by_verdict.items():
            _append(sheet, [self.verdicts[vid], count, count / n if n else 0])
            sheet.cell(row=sheet.max_row, column=3).number_format = _PERCENT
        _append(sheet, [label("total", lang), n, 1 if n else 0])
        for cell in sheet[sheet.max_row]:
            cell.font = self.bold
        sheet.cell(row=sheet.max_row, column=3).number_format = _PERCENT
        verdict_last = sheet.max_row - 1  # the total row is not charted
        target = as_fraction(s.target)
        if target is not None:
            whole = total(s.areas(self.kind), target)
            _append(sheet, [])
            _append(sheet, [label("target", lang), float(target)])
            sheet.cell(row=sheet.max_row, column=2).number_format = _PERCENT
            _append(sheet, [label("target_reached_share", lang), float(whole.share)])
            sheet.cell(row=sheet.max_row, column=2).number_format = _PERCENT
            _append(sheet, [label("target_needed", lang), whole.needed])
            for row in range(sheet.max_row - 2, sheet.max_row + 1):
                sheet.cell(row=row, column=1).font = self.bold
        _append(sheet, [])

        # the areas against the target
        areas = s.areas(self.kind)
        _append(sheet, [label("areas_title", lang, kind=label(self.kind, lang))])
        sheet.cell(row=sheet.max_row, column=1).font = self.bold
        area_head = _next_row(sheet)
        top = text(cat.verdicts[0].title, lang)
        headers = [label("area", lang), label("wards_count", lang), top, label("share", lang)]
        if target is not None:
            headers += [label("target", lang), label("needed_short", lang)]
        _append(sheet, headers)
        self._header(sheet, area_head)
        for area in areas:
            values: list[Any] = [
                area_name(area, self.kind, lang),
                area.wards,
                area.top,
                float(area.share),
            ]
            if target is not None:
                values += [float(target), area.needed]
            _append(sheet, values)
            sheet.cell(row=sheet.max_row, column=4).number_format = _PERCENT
            if target is not None:
                sheet.cell(row=sheet.max_row, column=5).number_format = _PERCENT
        area_last = sheet.max_row
        _widths(sheet, 2, {1: 30, 2: 14, 3: 18, 4: 12, 5: 12, 6: 12})
        sheet.row_dimensions[area_head].height = 32
        _page(sheet)
        self.charts(sheet, (verdict_head, verdict_last), (area_head, area_last), counts, counted)

    def charts(
        self,
        sheet: Any,
        verdicts: tuple[int, int],
        areas: tuple[int, int],
        counts: Any,
        counted: int,
    ) -> None:
        """Native charts under the tables: wards per verdict, each area's share at the top
        verdict against the target, and how many wards miss each criterion."""
        from openpyxl.chart import BarChart, Reference
        from openpyxl.worksheet.pagebreak import Break

        from modelward.i18n import label, text

        lang = self.lang
        # The charts on pages of their own: wards per verdict beside the areas' shares, then
        # the misses per criterion on the next page. Each chart is at most a page high and
        # starts a row below its page break (a chart anchored on the break's row is drawn
        # across it); the rows the first two span are given their height, so that the
        # misses' page break falls below them in any spreadsheet program.
        anchor = _next_row(sheet) + 1
        sheet.row_breaks.append(Break(id=anchor - 1))
        anchor += 1

        by_verdict = BarChart()
        by_verdict.type = "col"
        by_verdict.title = label("chart_verdicts", lang)
        by_verdict.y_axis.title = label("wards_count", lang)
        by_verdict.add_data(
            Reference(sheet, min_col=2, min_row=verdicts[0], max_row=verdicts[1]),
            titles_from_data=True,
        )
        by_verdict.set_categories(
            Reference(sheet, min_col=1, min_row=verdicts[0] + 1, max_row=verdicts[1])
        )
        by_verdict.legend = None
        by_verdict.y_axis.scaling.min = 0
        if len(self.s.ranked) <= 10:  # whole wards, not 0.5 of one
            by_verdict.y_axis.majorUnit = 1
        _size(by_verdict, 13, 7.5)
        sheet.add_chart(by_verdict, f"A{anchor}")

        head, last = areas
        if last > head:
            shares = BarChart()
            shares.type = "bar"
            shares.title = label(
                "chart_areas", lang, verdict=text(self.s.catalogue.verdicts[0].title, lang)
            )
            shares.add_data(
                Reference(sheet, min_col=4, min_row=head, max_row=last), titles_from_data=True
            )
            shares.set_categories(Reference(sheet, min_col=1, min_row=head + 1, max_row=last))
            shares.y_axis.number_format = "0%"
            shares.x_axis.scaling.orientation = "maxMin"  # the areas in the table's order"
            shares.y_axis.scaling.min = 0
            shares.y_axis.scaling.max = 1
            if self.s.target is not None:
                # The target drawn beside each area's share, as a bar of its own colour.
                shares.add_data(
                    Reference(sheet, min_col=5, min_row=head, max_row=last),
                    titles_from_data=True,
                )
                shares.series[1].graphicalProperties.solidFill = "C0C0C0"
            shares.series[0].graphicalProperties.solidFill = "2E7D32"
            shares.legend.position = "b"
            _size(shares, 13, min(max(7.5, 1.0 * (last - head) + 4), _PAGE_CM))
            sheet.add_chart(shares, f"D{anchor}")
        tallest = max([by_verdict.height, *([shares.height] if last > head else [])])
        below = anchor + math.ceil(tallest / _ROW_CM) + 1
        for row in range(anchor, below):
            sheet.row_dimensions[row].height = _ROW_PT

        if counted:
            misses = BarChart()
            misses.type = "bar"
            misses.grouping = "stacked"
            misses.overlap = 100
            misses.title = label("chart_missed", lang)
            misses.add_data(
                Reference(counts, min_col=4, max_col=5, min_row=_TITLE_ROWS, max_row=counted + 2),
                titles_from_data=True,
            )
            misses.set_categories(
                Reference(counts, min_col=1, min_row=_TITLE_ROWS + 1, max_row=counted + 2)
            )
            misses.series[0].graphicalProperties.solidFill = "CF222E"
            misses.series[1].graphicalProperties.solidFill = "D4A72C"
            misses.x_axis.scaling.orientation = "maxMin"  # the most missed at the top
            misses.y_axis.scaling.min = 0
            if len(self.s.ranked) <= 10:
                misses.y_axis.majorUnit = 1
            misses.legend.position = "b"
            _size(misses, 26, min(max(7.0, 0.6 * counted + 3), _PAGE_CM))
            sheet.row_breaks.append(Break(id=below))
            sheet.add_chart(misses, f"A{below + 1}")

    # -- the ranking

    def ranking(self, sheet: Any) -> None:
        from modelward.i18n import label
        from modelward.output.layouts.summary import (
            CYCLE_OWN,
            cycle_cells,
            cycle_columns,
            summary_title,
            verdict_title,
            ward_name,
        )

        s, lang = self.s, self.lang
        groups = [g.id for g in s.catalogue.groups]
        # Wards formed by merging others, scored against their predecessors' figures.
        combined = any(r.row.combined_from for r in s.ranked)
        self._title(sheet, summary_title(s, lang))
        _append(
            sheet,
            [
                label("rank", lang),
                "ID",
                label("ward", lang).capitalize(),
                label("province", lang).capitalize(),
                label("city", lang).capitalize(),
                label("period", lang),
                *groups,
                label("met", lang),
                label("applicable", lang),
                label("score", lang),
                label("verdict", lang),
                *cycle_columns(lang)[:CYCLE_OWN],
                *([label("combined_from", lang)] if combined else []),
            ],
        )
        self._header(sheet, _TITLE_ROWS)
        first_group = 7
        for number, ranked in enumerate(s.ranked, start=_TITLE_ROWS + 1):
            row = ranked.row
            area = dict(row.area)
            counts = s.groups_of(row)
            _append(
                sheet,
                [
                    ranked.rank,
                    row.id,
                    ward_name(s, row, lang),
                    area.get("province", ""),
                    area.get("city", ""),
                    row.period,
                    *(g.met for g in counts),
                    row.met,
                    row.applicable,
                    row.score,
                    verdict_title(row, self.verdicts[row.verdict], lang),
                    *cycle_cells(row, lang)[:CYCLE_OWN],
                    *([", ".join(row.combined_from)] if combined else []),
                ],
            )
            # 3 of 4 shows as 3/4 and stays the number 3: sortable, summable, never a date.
            for column, g in enumerate(counts, start=first_group):
                self.style(sheet.cell(row=number, column=column), ("group", g.applicable), _group)
        width = len(groups) + 10 + CYCLE_OWN + combined
        _widths(sheet, _TITLE_ROWS, {3: 26})
        sheet.freeze_panes = sheet.cell(row=_TITLE_ROWS + 1, column=4)
        _setup_print(sheet, _TITLE_ROWS, width, sheet.max_row)

    # -- every ward's status per criterion

    def statuses(self, sheet: Any) -> None:
        from openpyxl.utils import get_column_letter

        from modelward.i18n import label, text
        from modelward.output.blocks import OVERRIDDEN
        from modelward.output.layouts.summary import ward_name

        s, lang = self.s, self.lang
        criteria = s.catalogue.criteria()
        self._title(sheet, f"{label('criteria_sheet', lang)} — {label('overridden_key', lang)}")
        _append(
            sheet,
            [
                "ID",
                label("ward", lang).capitalize(),
                label("period", lang),
                *(f"{c.id} {text(c.title, lang)}" for c in criteria),
            ],
        )
        self._header(sheet, _TITLE_ROWS)
        words = {k: label(k, lang) for k in _FILLS}
        marked = {k: f"{w} {OVERRIDDEN}" for k, w in words.items()}

        def paint(cell: Any, key: tuple[Any, ...]) -> None:
            status, overridden = key
            cell.fill = self.fills[status]
            cell.alignment = self.head_wrap
            if overridden:
                cell.border = self.overridden_border

        for number, ranked in enumerate(s.ranked, start=_TITLE_ROWS + 1):
            row = ranked.row
            statuses = row.status_list()
            _append(
                sheet,
                [
                    row.id,
                    ward_name(s, row, lang),
                    row.period,
                    *(
                        marked[st] if row.overridden_at(i) else words[st]
                        for i, st in enumerate(statuses)
                    ),
                ],
            )
            # Cells by their coordinates: asking the sheet for its last row scans every
            # cell, which made thousands of wards take a quarter of a minute.
            for column, status in enumerate(statuses, start=4):
                overridden = bool(row.overrides) and row.overridden_at(column - 4)
                self.style(sheet.cell(row=number, column=column), (status, overridden), paint)
        for column in range(4, len(criteria) + 4):
            sheet.column_dimensions[get_column_letter(column)].width = 12
        sheet.column_dimensions["A"].width = 14
        sheet.column_dimensions["B"].width = 22
        sheet.column_dimensions["C"].width = 9
        longest = max((len(text(c.title, lang)) + 4 for c in criteria), default=10)
        sheet.row_dimensions[_TITLE_ROWS].height = min(_height("x" * longest, 12), 300)
        for cell in sheet[_TITLE_ROWS]:
            cell.font = self.small_bold
        sheet.freeze_panes = sheet.cell(row=_TITLE_ROWS + 1, column=3)
        _setup_print(sheet, _TITLE_ROWS, len(criteria) + 3, sheet.max_row)

    # -- the criteria counted across the ranked wards

    def counts(self, sheet: Any) -> int:
        """The criteria, most missed first, each status counted; returns how many are missed
        (the first rows: what the chart of misses draws)."""
        from modelward.batch.breakdown import most_missed
        from modelward.i18n import label, text

        s, lang = self.s, self.lang
        counts = s.criterion_counts()
        missed = most_missed(counts)
        ordered = missed + [c for c in counts if not c.missed]
        titles = {c.id: text(c.title, lang) for c in s.catalogue.criteria()}
        self._title(sheet, label("criteria_title", lang, n=len(s.ranked)))
        _append(
            sheet,
            [
                label("criterion", lang),
                label("content", lang),
                label("missed", lang),
                label("not_met", lang),
                label("unknown", lang),
                label("met", lang),
                label("not_applicable", lang),
            ],
        )
        self._header(sheet, _TITLE_ROWS)
        for c in ordered:
            _append(
                sheet,
                [
                    c.id,
                    titles.get(c.id, ""),
                    c.missed,
                    c.not_met,
                    c.unknown,
                    c.met,
                    c.not_applicable,
                ],
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = self.wrap
            sheet.row_dimensions[sheet.max_row].height = _height(titles.get(c.id, ""), 80)
        _append(sheet, [])
        _append(sheet, [label("missed_note", lang)])
        _widths(sheet, 1, {1: 10, 2: 80, **dict.fromkeys(range(3, 8), 13)})
        sheet.row_dimensions[_TITLE_ROWS].height = 32
        sheet.freeze_panes = sheet.cell(row=_TITLE_ROWS + 1, column=3)
        _setup_print(sheet, _TITLE_ROWS, 7, _TITLE_ROWS + len(ordered))
        return len(missed)

    # -- wards read and not ranked

    def not_ranked(self, sheet: Any) -> None:
        from modelward.i18n import label

        lang = self.lang
        _append(
            sheet,
            [
                "ID",
                label("ward", lang).capitalize(),
                label("not_ranked_why", lang),
                label("merged_into", lang),
                label("merged_on", lang),
                label("file", lang),
            ],
        )
        self._header(sheet, 1)
        for m in self.left_out:
            _append(sheet, [m.id, m.name, m.why, m.into, m.on, m.path])
        _widths(sheet)
        _setup_print(sheet, 1, 6, sheet.max_row)

    # -- where it came from

    def sources(self, sheet: Any) -> None:
        from modelward.i18n import label, when_words

        p, lang = self.provenance, self.lang
        _append(sheet, [label("provenance", lang), ""])
        sheet["A1"].font = self.title_font
        _append(sheet, ["modelward", p.tool_version])
        _append(sheet, [label("catalogue", lang), f"{p.catalogue_id} {p.catalogue_version}"])
        _append(sheet, [p.catalogue_path, p.catalogue_sha256])
        _append(sheet, [label("period", lang), p.period or label("latest_periods", lang)])
        _append(sheet, [label("made_at", lang), when_words(p.moment, lang)])
        _append(sheet, ["generated_at", p.generated_at])
        _append(sheet, [label("inputs_sha256", lang), p.inputs_digest])
        _append(sheet, [])
        head = sheet.max_row + 1
        _append(sheet, [label("file", lang), "SHA-256"])
        self._header(sheet, head)
        for path, digest in p.inputs:
            _append(sheet, [path, digest])
        _widths(sheet, 1, {1: 48, 2: 70})
        _setup_print(sheet, head, 2, sheet.max_row)


def _group(cell: Any, key: tuple[Any, ...]) -> None:
    """3 of 4 shows as 3/4 and stays the number 3: sortable, summable, never a date."""
    from openpyxl.styles import Alignment

    cell.number_format = f'0"/{key[1]}"'
    cell.alignment = Alignment(horizontal="center")


def _height(text: str, width: float) -> float:
    """The height in points a wrapped cell of this text needs in a column this wide."""
    import math

    return 15.0 * max(1, math.ceil(len(text) / max(width * 0.95, 1)))


def _next_row(sheet: Any) -> int:
    """The row the next ``append`` writes (an empty row appended counts, as it does not
    in ``max_row``)."""
    return int(sheet._current_row) + 1


def _size(chart: Any, width: float, height: float) -> None:
    chart.width = width
    chart.height = height
