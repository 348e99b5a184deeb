"""What people read: rich tables for the terminal and Markdown for reports (the only module that draws).

Every result is first laid out as a short list of blocks of plain strings (a title, lines,
tables, a bulleted list), then drawn by one of two drawers, rich or Markdown, so the
terminal and the report never say different things.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modelward import explain
from modelward.comparison import History, PeriodComparison, key_indicators
from modelward.i18n import Lang, label, number, percent, period_label, text
from modelward.models import Catalogue, Indicator, Ward
from modelward.periods import Period, parse_period
from modelward.rules import Status, Value
from modelward.scoring import Assessment, CriterionResult

if TYPE_CHECKING:
    from modelward.exporters.base import Provenance
    from modelward.summary import Summary

SYMBOLS: dict[Status, str] = {"met": "✔", "not_met": "✘", "not_applicable": "–", "unknown": "?"}
STYLES: dict[Status, str] = {
    "met": "green",
    "not_met": "red",
    "not_applicable": "dim",
    "unknown": "yellow",
}
OVERRIDDEN = "✎"
SPARKS = "▁▂▃▄▅▆▇█"


def verdict_style(index: int, count: int) -> str:
    """Green for the best verdict, red for the last (not reached), yellow in between."""
    if index == 0:
        return "green"
    return "red" if index == count - 1 else "yellow"


# ---------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell or a line: its text and how it is emphasised (a rich style)."""

    text: str
    style: str = ""


@dataclass(slots=True)
class Sheet:
    """A table: headers, right-aligned columns, rows; a row of a group heading is bold."""

    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    right: frozenset[int] = frozenset()
    wide: frozenset[int] = frozenset()
    """Columns that take the spare width and wrap (titles, reasons)."""
    bold_rows: set[int] = field(default_factory=set)
    optional: frozenset[int] = frozenset()
    """Columns left out of a table too wide for the screen (Markdown keeps them all)."""
    left_out: str = ""
    """The line said under a table whose optional columns were left out."""
    key: int | None = None
    """The column that names a row: kept in sight when a wide page scrolls sideways (HTML)."""
    notes: dict[int, str] = field(default_factory=dict)
    """What a short header stands for (G1: the group's title): a legend where there is room."""

    def add(self, *cells: Cell | str, bold: bool = False) -> None:
        """Add a row; plain strings are cells without emphasis."""
        if bold:
            self.bold_rows.add(len(self.rows))
        self.rows.append([c if isinstance(c, Cell) else Cell(c) for c in cells])


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines of text; the first may be a heading."""

    lines: tuple[Cell, ...]
    heading: Literal[0, 1, 2] = 0
    """0: plain lines; 1: the first line is the document's title; 2: a section title."""


@dataclass(frozen=True, slots=True)
class Bullets:
    """A titled list."""

    title: str
    items: tuple[str, ...]


Block = Sheet | Lines | Bullets


def status_text(status: Status, lang: Lang) -> str:
    """A status with its symbol, so it reads without colour: ``✔ Đạt``."""
    return f"{SYMBOLS[status]} {label(status, lang)}"


def _status_cell(status: Status, lang: Lang, overridden: bool = False) -> Cell:
    return Cell(
        status_text(status, lang) + (f" {OVERRIDDEN}" if overridden else ""), STYLES[status]
    )


def _change_cell(change: Fraction | None, improved: bool | None, lang: Lang) -> Cell:
    if change is None:
        return Cell("—")
    arrow = "=" if change == 0 else ("▲" if change > 0 else "▼")
    shown = f"{arrow} {explain.change(change, lang)}"
    if improved is None or change == 0:
        return Cell(shown)
    # Said in words too: the colour is lost in a file, in Markdown and under NO_COLOR, and
    # an arrow only says which way the figure went, not whether that is good.
    word = label("improved" if improved else "worsened", lang)
    return Cell(f"{shown} ({word})", "green" if improved else "red")


def _value(value: Value, indicator: Indicator, lang: Lang) -> str:
    return "—" if value.value is None else explain.figure(value.value, indicator, lang)


def _indicator_title(indicator: Indicator, lang: Lang) -> str:
    title, unit = text(indicator.title, lang), text(indicator.unit, lang)
    # "Vụ cháy (vụ)", "Fires (fires)": a unit the title already says is left out.
    if not unit or unit.casefold() in title.casefold().split():
        return title
    return f"{title} ({unit})"


def _ward_head(ward: Ward, what: str) -> list[Cell]:
    """The first lines of a ward's page: its name and what the page shows, its unit, its place."""
    area = ward.area
    place = ", ".join(v for v in (area.ward, area.district, area.city, area.province) if v)
    return [
        Cell(f"{ward.name} — {what}", "bold"),
        *(Cell(s, "dim") for s in (ward.unit, place) if s),
    ]


def _score(a: Assessment, lang: Lang) -> str:
    return number(a.totals.score, lang, 2, trim=True)


def _p(period: Period, lang: Lang) -> str:
    """A period as reports write it: ``tháng 1–2/2025``, ``Jan–Feb 2025``."""
    return period_label(period.start, period.end, lang)


def _prev(a: Assessment, lang: Lang) -> str:
    return _p(a.compared_to if a.compared_to is not None else a.period.year_before(), lang)


# ---------------------------------------------------------------------------- assess


def _criterion_row(sheet: Sheet, r: CriterionResult, a: Assessment, lang: Lang) -> None:
    sheet.add(
        r.criterion.id,
        text(r.criterion.title, lang),
        _status_cell(r.status, lang, r.overridden),
        explain.reason(r, a.catalogue, lang, _prev(a, lang)),
        str(len(r.evidence)) if r.evidence else "",
    )


def assess_blocks(a: Assessment, ward: Ward, lang: Lang) -> list[Block]:
    """An assessment for people: headline, criteria by group, figures, what is missing."""
    when = f"{label('period', lang)} {_p(a.period, lang)}, " + (
        f"{label('compared_to', lang)} {_prev(a, lang)}"
        if a.compared_to is not None
        else label("no_comparison", lang)
    )
    t = a.totals
    unknown = f" ({label('not_assessed_count', lang, n=t.unknown)})" if t.unknown else ""
    headline = (
        label("criteria_met", lang, met=t.met, applicable=t.applicable).capitalize()
        + unknown
        + f" · {label('score', lang)} {_score(a, lang)} · {label('verdict', lang)}: "
    )
    verdict = text(a.verdict.title, lang)
    head = Lines(
        (
            *_ward_head(ward, _p(a.period, lang)),
            Cell(when),
            Cell(
                headline + verdict,
                "bold " + verdict_style(a.verdict_index, len(a.catalogue.verdicts)),
            ),
        ),
        heading=1,
    )
    criteria = Sheet(
        [
            "",
            label("criterion", lang),
            label("status", lang),
            label("reason", lang),
            label("evidence", lang),
        ],
        right=frozenset({4}),
        wide=frozenset({1, 3}),
    )
    for g in a.groups:
        criteria.add(
            g.group.id,
            text(g.group.title, lang),
            f"{g.totals.met}/{g.totals.applicable}",
            "",
            "",
            bold=True,
        )
        for r in g.criteria:
            _criterion_row(criteria, r, a, lang)
    blocks: list[Block] = [head, criteria]
    shown = [r for r in a.indicators if r.reported]
    if shown:
        # Without a period a year earlier, its columns would be dashes only: left out.
        compared = a.compared_to is not None
        headers = [label("indicator", lang), f"{label('this_period', lang)} ({_p(a.period, lang)})"]
        if compared:
            headers += [f"{label('previous', lang)} ({_prev(a, lang)})", label("change", lang)]
        figures = Sheet(headers, right=frozenset(range(1, len(headers))), wide=frozenset({0}))
        for ir in shown:
            cells: list[Cell | str] = [
                _indicator_title(ir.indicator, lang),
                _value(ir.value, ir.indicator, lang),
            ]
            if compared:
                cells += [
                    _value(ir.previous, ir.indicator, lang),
                    _change_cell(ir.change, ir.improved, lang),
                ]
            figures.add(*cells)
        blocks.append(figures)
    if a.verdict_index > 0:
        top = a.catalogue.verdicts[0]
        missing = []
        for r in a.criteria:
            if r.status in ("met", "not_applicable"):
                continue
            line = f"{r.criterion.id} {text(r.criterion.title, lang)}: {label(r.status, lang)}"
            why = explain.reason(r, a.catalogue, lang, _prev(a, lang))
            gaps = [g for g in (explain.gap(c, a.catalogue, lang) for c in r.checks) if g]
            details = "; ".join(x for x in (why, *gaps) if x)
            missing.append(line + (f" — {details}" if details else ""))
        blocks.append(
            Bullets(label("missing_title", lang, verdict=text(top.title, lang)), tuple(missing))
        )
    return blocks


# ---------------------------------------------------------------------------- compare


def compare_blocks(c: PeriodComparison, ward: Ward, lang: Lang) -> list[Block]:
    """Two periods side by side: totals and verdicts, criteria that changed, every figure."""
    a, b = c.before, c.after
    head_lines = [
        *_ward_head(ward, f"{_p(a.period, lang)} → {_p(b.period, lang)}"),
    ]
    if c.spans_differ:
        head_lines.append(
            Cell(label("spans_differ", lang, a=a.period.months, b=b.period.months), "bold yellow")
        )
    totals = Sheet(
        [
            label("period", lang),
            label("criteria", lang).capitalize(),
            label("score", lang),
            label("verdict", lang),
        ],
        right=frozenset({1, 2}),
    )
    for x in (a, b):
        style = verdict_style(x.verdict_index, len(x.catalogue.verdicts))
        totals.add(
            _p(x.period, lang),
            f"{x.totals.met}/{x.totals.applicable}",
            _score(x, lang),
            Cell(text(x.verdict.title, lang), style),
        )
    met_delta = b.totals.met - a.totals.met
    score_delta = Fraction(str(b.totals.score)) - Fraction(str(a.totals.score))
    moved = c.verdict_change
    verdict_word = (
        label("same", lang) if moved == 0 else label("better" if moved > 0 else "worse", lang)
    )
    totals.add(
        label("change", lang),
        Cell(f"{met_delta:+d}".replace("-", "−")),
        Cell(("+" if score_delta > 0 else "") + number(score_delta, lang, 2, trim=True)),
        Cell(
            ("▲ " if moved > 0 else "▼ " if moved < 0 else "= ") + verdict_word,
            "green" if moved > 0 else "red" if moved < 0 else "",
        ),
        bold=True,
    )
    blocks: list[Block] = [Lines(tuple(head_lines), heading=1), totals]

    changed = [cc for cc in c.criteria if cc.before != cc.after]
    titles = {r.criterion.id: r.criterion for r in b.criteria}
    if changed:
        sheet = Sheet(
            [
                "",
                label("criterion", lang),
                _p(a.period, lang),
                _p(b.period, lang),
                label("change", lang),
            ],
            wide=frozenset({1}),
        )
        for cc in changed:
            kind = cc.change
            style = {"gained": "green", "lost": "red", "same": "yellow"}[kind]
            sheet.add(
                cc.id,
                text(titles[cc.id].title, lang),
                _status_cell(cc.before, lang),
                _status_cell(cc.after, lang),
                Cell(label(kind if kind != "same" else "changed", lang), style),
            )
        blocks.append(Lines((Cell(label("criteria_changes", lang), "bold"),), heading=2))
        blocks.append(sheet)
    unchanged = len(c.criteria) - len(changed)
    blocks.append(
        Lines(
            (
                Cell(
                    label("unchanged_count", lang, n=unchanged)
                    if changed
                    else label("no_criteria_changes", lang)
                ),
            )
        )
    )
    figures = Sheet(
        [
            label("indicator", lang),
            _p(a.period, lang),
            str(b.period),
            label("difference", lang),
            label("change", lang),
        ],
        right=frozenset({1, 2, 3, 4}),
        wide=frozenset({0}),
    )
    for ind in c.indicators:
        if ind.before.value is None and ind.after.value is None:
            continue
        delta = ind.delta
        if delta is None:
            shown_delta = "—"
        elif ind.indicator.kind == "percent":
            shown_delta = number(delta * 100, lang, 1, trim=True) + " " + label("points", lang)
        else:
            shown_delta = explain.figure(abs(delta), ind.indicator, lang)
            shown_delta = ("+" if delta > 0 else "−" if delta < 0 else "") + shown_delta
        if delta is not None and delta > 0 and ind.indicator.kind == "percent":
            shown_delta = "+" + shown_delta
        figures.add(
            _indicator_title(ind.indicator, lang),
            _value(ind.before, ind.indicator, lang),
            _value(ind.after, ind.indicator, lang),
            shown_delta,
            _change_cell(ind.change, ind.improved, lang),
        )
    if figures.rows:
        blocks.append(figures)
    return blocks


# ---------------------------------------------------------------------------- history


def sparkline(values: Sequence[Fraction | None]) -> str:
    """A small trend line, lowest figure ▁ to highest █; a gap where a year has no figure."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif span == 0:
            out.append(SPARKS[len(SPARKS) // 2])
        else:
            out.append(SPARKS[round((v - low) / span * (len(SPARKS) - 1))])
    return "".join(out)


def history_blocks(h: History, ward: Ward, lang: Lang) -> list[Block]:
    """Every period in order, then the key figures across whole years with their trend."""
    head = Lines(
        (*_ward_head(ward, label("history", lang)),),
        heading=1,
    )
    periods = Sheet(
        [
            label("period", lang),
            label("criteria", lang).capitalize(),
            label("score", lang),
            label("verdict", lang),
        ],
        right=frozenset({1, 2}),
    )
    for a in h.assessments:
        periods.add(
            _p(a.period, lang),
            f"{a.totals.met}/{a.totals.applicable}",
            _score(a, lang),
            Cell(
                text(a.verdict.title, lang),
                verdict_style(a.verdict_index, len(a.catalogue.verdicts)),
            ),
        )
    blocks: list[Block] = [head, periods]
    years = h.years
    if not years:
        return blocks
    catalogue = years[0].catalogue
    figures = Sheet(
        [
            label("indicator", lang),
            *(_p(y.period, lang) for y in years),
            label("trend", lang),
            label("vs_year_before", lang),
        ],
        right=frozenset(range(1, len(years) + 1)) | {len(years) + 2},
        wide=frozenset({0}),
    )
    for ind in key_indicators(catalogue):
        results = [next(r for r in y.indicators if r.indicator.id == ind.id) for y in years]
        values = [r.value.value for r in results]
        if all(v is None for v in values):
            continue
        last = results[-1]
        figures.add(
            _indicator_title(ind, lang),
            *(_value(r.value, ind, lang) for r in results),
            sparkline(values),
            _change_cell(last.change, last.improved, lang),
        )
    if figures.rows:
        blocks.append(figures)
    return blocks


# ---------------------------------------------------------------------------- summary


def summary_blocks(s: Summary, lang: Lang) -> list[Block]:
    """Many wards ranked: one row each, then wards per verdict and the target."""
    cat = s.catalogue
    when = s.period if s.period is not None else label("latest_periods", lang)
    head = Lines(
        (
            Cell(label("summary", lang, n=len(s.ranked)) + f" — {when}", "bold"),
            Cell(f"{label('catalogue', lang)} {cat.id} {cat.version}", "dim"),
        ),
        heading=1,
    )
    groups = [g.id for g in cat.groups]
    sheet = Sheet(
        [
            label("rank", lang),
            label("ward", lang).capitalize(),
            label("period", lang),
            *groups,
            label("total", lang),
            label("score", lang),
            label("verdict", lang),
        ],
        right=frozenset({0, *range(3, len(groups) + 5)}),
        wide=frozenset({1, len(groups) + 5}),
        optional=frozenset(range(3, len(groups) + 3)),
        left_out=label("groups_left_out", lang, first=groups[0], last=groups[-1]),
        key=1,
        notes={3 + i: text(g.title, lang) for i, g in enumerate(cat.groups)},
    )
    verdicts = {v.id: v for v in cat.verdicts}
    for ranked in s.ranked:
        row = ranked.row
        sheet.add(
            str(ranked.rank),
            row.name,
            _p(parse_period(row.period), lang),
            *(f"{g.met}/{g.applicable}" for g in s.groups_of(row)),
            f"{row.met}/{row.applicable}",
            number(row.score, lang, 2, trim=True),
            Cell(
                text(verdicts[row.verdict].title, lang),
                verdict_style(row.verdict_index, len(cat.verdicts)),
            ),
        )
    counts = s.by_verdict
    lines = [
        Cell(
            f"{label('by_verdict', lang)}: "
            + " · ".join(f"{text(verdicts[v].title, lang)} {n}" for v, n in counts.items())
        )
    ]
    spans = {r.row.period for r in s.ranked}
    if s.period is None and len(spans) > 1:
        # Each ward's latest period: a two-month period ranked beside whole years is
        # easily misread as a bad year.
        shown = [_p(parse_period(p), lang) for p in sorted(spans)]
        listed = ", ".join(shown[:4]) + (", …" if len(shown) > 4 else "")
        lines.append(Cell(label("mixed_periods", lang, periods=listed), "yellow"))
    if s.target is not None and s.ranked:
        top = cat.verdicts[0]
        count = counts[top.id]
        n = len(s.ranked)
        reached = s.top_share >= Fraction(str(s.target))
        needed = -(-Fraction(str(s.target)) * n // 1) - count  # ceil(target × n) − count
        outcome = (
            label("target_reached", lang)
            if reached
            else label("target_missed", lang, more=int(needed))
        )
        lines.append(
            Cell(
                label(
                    "target_line",
                    lang,
                    verdict=text(top.title, lang),
                    share=percent(s.top_share, lang, 1),
                    count=count,
                    n=n,
                    target=percent(s.target, lang, 1, trim=True),
                    outcome=outcome,
                ),
                "bold green" if reached else "bold yellow",
            )
        )
    blocks: list[Block] = [head, sheet, Lines(tuple(lines))]
    if s.missing:
        blocks.append(
            Bullets(
                label("no_period", lang, period=s.period or ""),
                tuple(f"{m.name} ({m.path})" for m in s.missing),
            )
        )
    return blocks


def provenance_blocks(p: Provenance, lang: Lang) -> list[Block]:
    """Where an export came from: tool, catalogue, period, time, every input's SHA-256."""
    items = [
        label("generated", lang, version=p.tool_version, at=p.generated_at),
        f"{label('catalogue', lang)}: {p.catalogue_id} {p.catalogue_version} "
        f"({p.catalogue_path}, SHA-256 {p.catalogue_sha256})",
        *(f"{path}: SHA-256 {digest}" for path, digest in p.inputs),
    ]
    return [Bullets(label("provenance", lang), tuple(items))]


# ---------------------------------------------------------------------------- catalogue


def catalogue_blocks(cat: Catalogue, lang: Lang) -> list[Block]:
    """The catalogue as a tree: groups and their criteria with rules in words; indicators; verdicts."""
    head = Lines(
        (
            Cell(f"{text(cat.title, lang)} — {cat.id} {cat.version}", "bold"),
            *((Cell(text(cat.source, lang), "dim"),) if cat.source else ()),
        ),
        heading=1,
    )
    criteria = Sheet(
        [
            "",
            label("criterion", lang),
            label("kind", lang),
            label("rule", lang),
            label("weight", lang),
        ],
        right=frozenset({4}),
        wide=frozenset({1, 3}),
    )
    for group in cat.groups:
        criteria.add(group.id, text(group.title, lang), "", "", "", bold=True)
        for c in group.criteria:
            guidance = text(c.guidance, lang)
            title = text(c.title, lang) + (f"\n{guidance}" if guidance else "")
            criteria.add(
                c.id,
                Cell(title),
                Cell(
                    label("computed" if c.computed else "judged", lang),
                    "cyan" if c.computed else "",
                ),
                explain.rule_words(c.rule, cat, lang) if c.rule is not None else "",
                number(c.weight, lang, 2, trim=True),
            )
    indicators = Sheet(
        [
            "",
            label("indicator", lang),
            label("unit", lang),
            label("better_when", lang),
            label("format", lang),
        ],
        wide=frozenset({1}),
    )
    for ind in cat.indicators:
        kind = label(ind.kind, lang)
        if ind.ratio is not None:
            kind += f" = {ind.ratio[0]} / {ind.ratio[1]}"
        indicators.add(
            ind.id, text(ind.title, lang), text(ind.unit, lang), label(ind.better, lang), kind
        )
    verdicts = Sheet(["", label("verdict", lang), label("condition", lang)], wide=frozenset({2}))
    for v in cat.verdicts:
        conditions = []
        if v.min_share is not None:
            conditions.append(
                label("min_share_is", lang, share=percent(v.min_share, lang, 2, trim=True))
            )
        if v.requires:
            conditions.append(label("requires_is", lang, ids=", ".join(v.requires)))
        verdicts.add(v.id, text(v.title, lang), "; ".join(conditions) or label("otherwise", lang))
    return [
        head,
        criteria,
        Lines((Cell(label("indicators", lang), "bold"),), heading=2),
        indicators,
        Lines((Cell(label("verdicts", lang), "bold"),), heading=2),
        verdicts,
    ]


# ---------------------------------------------------------------------------- drawing: rich


WIDE_MIN = 12
"""The narrowest a wrapping column (a name, a title) is drawn."""
WIDE_WHOLE = 32
"""A wrapping column's text up to this long should fit on one line before optional
columns do: a ranking reads best one ward to a line."""


def _naturals(sheet: Sheet) -> list[int]:
    """Each column's width with every cell on one line."""
    return [
        max([cell_len(header), *(cell_len(row[i].text) for row in sheet.rows)])
        for i, header in enumerate(sheet.headers)
    ]


def _needed(
    sheet: Sheet,
    columns: Sequence[int],
    naturals: Sequence[int],
    wide: int = WIDE_WHOLE,
    whole: int | None = None,
) -> int:
    """The width a table of these columns needs, its wrapping columns at most ``wide``
    (the ``whole`` one at its full width)."""
    widths = [
        min(naturals[i], wide) if i in sheet.wide and i != whole else naturals[i] for i in columns
    ]
    # Between two columns: a space of padding either side, and the (blank) divider.
    return sum(widths) + 3 * (len(widths) - 1)


def natural_width(blocks: list[Block]) -> int:
    """The width the widest table needs to draw each of its rows on one line, all columns."""
    return max(
        (_needed(b, range(len(b.headers)), _naturals(b)) for b in blocks if isinstance(b, Sheet)),
        default=0,
    )


def _rich_sheet(sheet: Sheet, width: int | None) -> RenderableType:
    columns: Sequence[int] = range(len(sheet.headers))
    naturals = _naturals(sheet) if width is not None else []
    dropped = False
    if sheet.optional and width is not None and _needed(sheet, columns, naturals) > width:
        columns = [i for i in columns if i not in sheet.optional]
        dropped = True
    # The column that names a row stays whole while the other wrapping ones can give way.
    whole = (
        sheet.key
        if sheet.key is not None
        and width is not None
        and _needed(sheet, columns, naturals, WIDE_MIN, sheet.key) <= width
        else None
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i in columns:
        table.add_column(
            sheet.headers[i],
            justify="right" if i in sheet.right else "left",
            ratio=1 if i in sheet.wide else None,
            min_width=WIDE_MIN if i in sheet.wide else None,
            no_wrap=i not in sheet.wide or i == whole,
        )
    for n, row in enumerate(sheet.rows):
        bold = " bold" if n in sheet.bold_rows else ""
        table.add_row(*(Text(row[i].text, style=(row[i].style + bold).strip()) for i in columns))
    if dropped and sheet.left_out:
        return Group(table, Text(sheet.left_out, style="dim"))
    return table


def to_rich(blocks: list[Block], width: int | None = None) -> RenderableType:
    """Blocks as one rich renderable, separated by blank lines.

    ``width``: the console's; a table wider than it leaves out its optional columns.
    """
    parts: list[RenderableType] = []
    for block in blocks:
        if parts:
            parts.append(Text(""))
        if isinstance(block, Sheet):
            parts.append(_rich_sheet(block, width))
        elif isinstance(block, Lines):
            parts.append(Text("\n").join(Text(c.text, style=c.style) for c in block.lines))
        else:
            # A grid keeps a wrapped item under its own text, not under the bullet.
            items = Table.grid(padding=(0, 1, 0, 0))
            items.add_column(no_wrap=True)
            items.add_column()
            for item in block.items:
                items.add_row(" •", item)
            parts.append(Group(Text(block.title, style="bold"), items))
    return Group(*parts)


def console(width: int | None = None) -> Console:
    """A console on stdout: colour only on a terminal, never under NO_COLOR."""
    return Console(width=width, highlight=False, soft_wrap=False)


# ---------------------------------------------------------------------------- drawing: Markdown


def legend(sheet: Sheet, escaped: Callable[[str], str]) -> str:
    """What the short headers stand for, on one line: ``G1: title · G2: title``."""
    return " · ".join(
        f"{escaped(sheet.headers[i])}: {escaped(note)}" for i, note in sorted(sheet.notes.items())
    )


def _md(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_sheet(sheet: Sheet) -> list[str]:
    lines = [
        "| " + " | ".join(_md(h) for h in sheet.headers) + " |",
        "|"
        + "|".join("---:" if i in sheet.right else "---" for i in range(len(sheet.headers)))
        + "|",
    ]
    for i, row in enumerate(sheet.rows):
        cells = [_md(c.text) for c in row]
        if i in sheet.bold_rows:
            cells = [f"**{c}**" if c else "" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def to_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown, for pasting into a report."""
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        if isinstance(block, Sheet):
            out += _md_sheet(block)
            if block.notes:
                out += ["", legend(block, _md)]
        elif isinstance(block, Lines):
            lines = list(block.lines)
            if block.heading:
                out.append("#" * block.heading + " " + _md(lines.pop(0).text))
                if lines:
                    out.append("")
            out += [_md(c.text) + ("  " if i < len(lines) - 1 else "") for i, c in enumerate(lines)]
        else:
            out += [f"**{_md(block.title)}**", ""]
            out += [f"- {_md(item)}" for item in block.items]
    return "\n".join(out) + "\n"
