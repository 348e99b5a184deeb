"""Cells and lines the layouts share: statuses, changes, figures, periods, a ward's head."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from modelward import explain
from modelward.i18n import Lang, date_text, label, number, period_text, text
from modelward.models import Catalogue, Indicator, PeriodData, Source, Ward
from modelward.output.blocks import (
    OVERRIDDEN,
    STYLES,
    SYMBOLS,
    Block,
    Bullets,
    Cell,
    Lines,
    Sheet,
)
from modelward.periods import Period
from modelward.rules import Status, Value
from modelward.scoring import Assessment, IndicatorResult

if TYPE_CHECKING:
    from datetime import date

    from modelward.baselines import Baseline
    from modelward.crosswalk import Carried
    from modelward.models import Catalogue


def status_text(status: Status, lang: Lang) -> str:
    """A status with its symbol, so it reads without colour: ``✔ Đạt``."""
    return f"{SYMBOLS[status]} {label(status, lang)}"


def status_cell(status: Status | None, lang: Lang, overridden: bool = False) -> Cell:
    """A status as a cell; a dash where there is none (a criterion new in a version)."""
    if status is None:
        return Cell("—")
    return Cell(
        status_text(status, lang) + (f" {OVERRIDDEN}" if overridden else ""), STYLES[status]
    )


def change_cell(
    indicator: Indicator, before: Value, now: Value, relative: Fraction | None, lang: Lang
) -> Cell:
    """How a figure moved from ``before`` to ``now``: an arrow, the change as ``explain.moved``
    says it (a share in points, other figures relative) and whether that is better."""
    by = explain.moved_by(indicator, before, now, relative)
    if by is None:
        return Cell("—")
    arrow = "=" if by == 0 else ("▲" if by > 0 else "▼")
    shown = f"{arrow} {explain.moved(indicator, before, now, relative, lang)}"
    if by == 0:
        return Cell(shown)
    # Said in words too: the colour is lost in a file, in Markdown and under NO_COLOR, and
    # an arrow only says which way the figure went, not whether that is good.
    better = explain.improved(indicator, by)
    word = label("improved" if better else "worsened", lang)
    return Cell(f"{shown} ({word})", "green" if better else "red")


MARKS: dict[Source, str] = {"article": "†", "derived": "‡", "estimate": "~", "illustrative": "*"}
"""The mark after a figure that is not from the ward's report, explained by ``marks_legend``."""


def value_words(value: Value, indicator: Indicator, lang: Lang) -> str:
    """A figure in its format, with its bound in words and the mark of its source."""
    if value.value is None:
        return "—"
    shown = explain.bounded(explain.figure(value.value, indicator, lang), value.bound, lang)
    mark = MARKS.get(value.source)
    return f"{shown}{mark}" if mark else shown


def marks_legend(values: list[Value], lang: Lang) -> Cell | None:
    """What the marks on the figures shown mean, or None where no figure has a mark."""
    return sources_legend({v.source for v in values if v.value is not None}, lang)


def sources_legend(used: Iterable[str], lang: Lang) -> Cell | None:
    """What the marks of these sources (of the figures shown) mean, or None where none is
    marked: every output that shows a figure says it (FORMAT.md section 8)."""
    used = set(used)
    said = [
        f"{mark} {label('source_' + source, lang)}"
        for source, mark in MARKS.items()
        if source in used
    ]
    return Cell(label("sources_legend", lang, marks="; ".join(said)), "dim") if said else None


def status_line(reference: str, status: str, lang: Lang) -> Cell | None:
    """``Bộ tiêu chí cand-model-ward@2024: bản dự thảo, …`` for a catalogue that is not
    official (FORMAT.md section 6); None for an official one."""
    if status == "official":
        return None
    said = label(f"status_{status}", lang)
    return Cell(label("catalogue_status_line", lang, ref=reference, status=said), "yellow")


def catalogue_status(catalogue: Catalogue, lang: Lang) -> Cell | None:
    """A line saying the catalogue is a draft or illustrative; None for an official one."""
    return status_line(catalogue.reference, catalogue.status, lang)


def catalogue_statuses(catalogues: Iterable[tuple[str, str]], lang: Lang) -> list[Cell]:
    """The line of each catalogue (``reference``, ``status``) that is not official, each once,
    in the order met: every output that shows a result says them where its title is."""
    seen: dict[str, str] = dict(catalogues)
    return [c for ref, status in seen.items() if (c := status_line(ref, status, lang)) is not None]


def catalogues_line(assessments: Iterable[Assessment], lang: Lang) -> list[Cell]:
    """Where the periods shown are on more than one catalogue, one line saying which each
    is on (``2023: cand-model-ward-pilot@2022 (22 tiêu chí); 2024: …``): their counts of
    criteria are of different sets. Nothing where they share one."""
    by_catalogue: dict[str, list[Assessment]] = {}
    for a in assessments:
        by_catalogue.setdefault(a.catalogue.reference, []).append(a)
    if len(by_catalogue) < 2:
        return []
    items = "; ".join(
        ", ".join(period_words(a.period, lang) for a in shown)
        + f": {ref} ({label('n_criteria', lang, n=len(shown[0].catalogue.criteria()))})"
        for ref, shown in by_catalogue.items()
    )
    return [Cell(label("periods_on_catalogues", lang, items=items))]


def statuses_of(catalogues: Iterable[Catalogue], lang: Lang) -> list[Cell]:
    """``catalogue_statuses`` of catalogues."""
    return catalogue_statuses(((c.reference, c.status) for c in catalogues), lang)


def status_blocks(catalogues: Iterable[Catalogue], lang: Lang) -> list[Block]:
    """The catalogue status lines as the first lines of a document's body, in bold, where
    a reader sees them under the title (a report, the province's report)."""
    lines = tuple(Cell(c.text, "bold") for c in statuses_of(catalogues, lang))
    return [Lines(lines)] if lines else []


def indicator_title(indicator: Indicator, lang: Lang) -> str:
    title, unit = text(indicator.title, lang), text(indicator.unit, lang)
    # "Vụ cháy (vụ)", "Fires (fires)": a unit the title already says is left out.
    if not unit or unit.casefold() in title.casefold().split():
        return title
    return f"{title} ({unit})"


def ward_head(ward: Ward, what: str) -> list[Cell]:
    """The first lines of a ward's page: its name and what the page shows, its unit, its place."""
    area = ward.area
    place = ", ".join(v for v in (area.ward, area.district, area.city, area.province) if v)
    return [
        Cell(f"{ward.name} — {what}", "bold"),
        *(Cell(s, "dim") for s in (ward.unit, place) if s),
    ]


def score_words(a: Assessment, lang: Lang) -> str:
    return number(a.totals.score, lang, 2, trim=True)


def period_words(period: Period, lang: Lang) -> str:
    """A period as reports write it: ``tháng 1–2/2025``, ``Jan–Feb 2025``,
    ``15/12/2023–14/12/2024``."""
    return period_text(period, lang)


def previous_words(a: Assessment, lang: Lang) -> str:
    return period_words(
        a.compared_to if a.compared_to is not None else a.period.year_before(), lang
    )


def not_compared_words(a: Assessment, lang: Lang) -> str | None:
    """Where the ward has the period a year earlier on a catalogue version not linked to
    this period's: that it is not compared, and why."""
    if a.not_compared is None:
        return None
    return label(
        "not_compared_other_catalogue",
        lang,
        prev=period_words(a.not_compared.period, lang),
        catalogue=a.not_compared.catalogue,
    )


def baseline_lines(baseline: Baseline | None, lang: Lang) -> list[Cell]:
    """Said wherever figures are compared with a year combined from merged wards."""
    if baseline is None:
        return []
    said = label(
        "baseline_combined",
        lang,
        prev=period_words(baseline.period, lang),
        wards=", ".join(baseline.combined_from),
    )
    return [Cell(said[:1].upper() + said[1:], "yellow")]


def baseline_gaps(baseline: Baseline | None, catalogue: Catalogue, lang: Lang) -> list[Block]:
    """The combined figures left undefined, each with the reason naming the ward."""
    gaps = baseline.gaps(catalogue) if baseline is not None else []
    if baseline is None or not gaps:
        return []
    return _gap_bullets("baseline_gaps", gaps, baseline.period, catalogue, lang)


def carried_gaps(
    carried: Carried | None, period: Period | None, catalogue: Catalogue, lang: Lang
) -> list[Block]:
    """The figures of an older version that several old indicators could not be carried
    into (one not reported, or they do not add up), each with the reason naming them."""
    gaps = carried.gaps(catalogue) if carried is not None else []
    if period is None or not gaps:
        return []
    return _gap_bullets("carried_gaps", gaps, period, catalogue, lang)


def _gap_bullets(
    title: str,
    gaps: list[tuple[Indicator, Value]],
    period: Period,
    catalogue: Catalogue,
    lang: Lang,
) -> list[Block]:
    prev = period_words(period, lang)
    return [
        Bullets(
            label(title, lang, prev=prev),
            tuple(
                explain.undefined(v, catalogue, lang, prev)
                if v.culprit == ind.id
                else f"{text(ind.title, lang)} — {explain.undefined(v, catalogue, lang, prev)}"
                for ind, v in gaps
            ),
        )
    ]


def previous_header(a: Assessment, lang: Lang) -> str:
    """The header of the column of figures a year earlier, saying where they are combined."""
    combined = f", {label('combined', lang)}" if a.baseline is not None else ""
    return f"{label('previous', lang)} ({previous_words(a, lang)}{combined})"


def figures_sheet(
    a: Assessment,
    headers: list[str],
    change: Callable[[IndicatorResult], list[Cell | str]],
    lang: Lang,
    right: frozenset[int] | None = None,
) -> Sheet:
    """Every reported figure of a period: its title and value, and, where there is a period a
    year earlier, its value then and the ``change`` cells (which differ by layout)."""
    compared = a.compared_to is not None
    sheet = Sheet(
        headers,
        right=frozenset(range(1, len(headers))) if right is None else right,
        wide=frozenset({0}),
    )
    for ir in a.indicators:
        if not ir.reported:
            continue
        cells: list[Cell | str] = [
            indicator_title(ir.indicator, lang),
            value_words(ir.value, ir.indicator, lang),
        ]
        if compared:
            cells += [value_words(ir.previous, ir.indicator, lang), *change(ir)]
        sheet.add(*cells)
    return sheet


def stage_words(a: Assessment, lang: Lang) -> str:
    """The stage shown: ``kiểm tra``, ``self-assessment``."""
    return label(f"stage_{a.stage}", lang)


def who_when(a: Assessment, data: PeriodData | None) -> tuple[str | None, date | None]:
    """Who assessed the stage shown and when, as the ward file says."""
    if data is None:
        return None, None
    if a.stage == "inspection" and data.inspection is not None:
        return data.inspection.by, data.inspection.on
    return data.assessed_by, data.assessed_on


def stage_said(stage: str, data_by: str | None, data_on: date | None, lang: Lang) -> str:
    """``kiểm tra — Công an tỉnh Thanh Hóa, 10/03/2025``: which stage, by whom, when.

    An inspection is said by whom and when, or that the file does not record it (``validate``
    warns of it); a self-assessment without them is said alone (they are optional there)."""
    inspection = stage == "inspection"
    by = data_by or (label("inspector_unrecorded", lang) if inspection else None)
    on = date_text(data_on, lang) if data_on else None
    if on is None and inspection:
        on = label("inspected_on_unrecorded", lang)
    who = ", ".join(x for x in (by, on) if x)
    return label(f"stage_{stage}", lang) + (f" — {who}" if who else "")


def stage_line(a: Assessment, data: PeriodData | None, lang: Lang) -> Cell:
    """``Bước: kiểm tra — Công an tỉnh Thanh Hóa, 10/03/2025`` (``stage_said``)."""
    return Cell(f"{label('stage', lang)}: {stage_said(a.stage, *who_when(a, data), lang)}")


def provisional_words(a: Assessment, lang: Lang) -> str:
    """``tạm tính: còn 16 tiêu chí chưa đánh giá``; empty where the verdict is final."""
    return label("provisional", lang, n=a.totals.unknown) if a.provisional else ""


def decision_line(a: Assessment, lang: Lang) -> Cell | None:
    """``Đã được công nhận (QĐ số …)`` from a decision only; at the top verdict without one,
    that it is not yet recognised; else nothing."""
    d = a.decision
    if d is None:
        return Cell(label("no_decision", lang), "dim") if a.verdict_index == 0 else None
    by = f", {d.by}" if d.by else ""
    key = "recognised" if d.recognised else "not_recognised"
    said = label(key, lang, number=d.number, on=date_text(d.on, lang), by=by)
    caveat = recognised_caveat(a, d.recognised, lang)
    if caveat:
        return Cell(f"{said} — {caveat}", "bold yellow")
    return Cell(said, "bold green" if d.recognised else "bold")


def recognised_caveat(a: Assessment, recognised: bool, lang: Lang) -> str:
    """Where a decision recognises a result below the top verdict, the words that say so
    (beside the decision, in every output, as ``validate`` warns of it); else nothing."""
    if not recognised or a.verdict_index == 0:
        return ""
    top = text(a.catalogue.verdicts[0].title, lang)
    return label("recognised_below_top", lang, verdict=text(a.verdict.title, lang), top=top)


def verdict_words(a: Assessment, lang: Lang) -> str:
    """The verdict's title, and ``(tạm tính: còn 16 tiêu chí chưa đánh giá)`` where provisional."""
    said = text(a.verdict.title, lang)
    return f"{said} ({provisional_words(a, lang)})" if a.provisional else said


def period_sheet(lang: Lang) -> Sheet:
    """A table of periods, one row each: criteria met, score, verdict, stage (compare, history)."""
    return Sheet(
        [
            label("period", lang),
            label("criteria", lang).capitalize(),
            label("score", lang),
            label("verdict", lang),
            label("stage", lang),
        ],
        right=frozenset({1, 2}),
        wide=frozenset({3}),
    )
