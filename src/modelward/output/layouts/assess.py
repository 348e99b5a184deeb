"""``assess``: one period of a ward laid out as blocks."""

from __future__ import annotations

from modelward import explain
from modelward.i18n import Lang, label, text
from modelward.models import PeriodData, Ward
from modelward.output.blocks import Block, Bullets, Cell, Lines, Sheet, verdict_style
from modelward.output.layouts.parts import (
    baseline_gaps,
    baseline_lines,
    carried_gaps,
    catalogue_status,
    change_cell,
    decision_line,
    figures_sheet,
    indicator_title,
    marks_legend,
    not_compared_words,
    period_words,
    previous_header,
    previous_words,
    score_words,
    stage_line,
    status_cell,
    value_words,
    verdict_words,
    ward_head,
)
from modelward.scoring import Assessment, CriterionResult


def _criterion_row(sheet: Sheet, r: CriterionResult, a: Assessment, lang: Lang) -> None:
    sheet.add(
        r.criterion.id,
        text(r.criterion.title, lang),
        status_cell(r.status, lang, r.overridden),
        explain.reason(r, a.catalogue, lang, previous_words(a, lang)),
        str(len(r.evidence)) if r.evidence else "",
    )


def differences_blocks(a: Assessment, lang: Lang) -> list[Block]:
    """Where a period has an inspection: each criterion and figure it found otherwise."""
    d = a.differences
    if d is None:
        return []
    if not d:
        return [Lines((Cell(label("no_differences", lang)),), heading=2)]
    sheet = Sheet(
        [
            "",
            label("criterion_or_figure", lang),
            label("stage_self", lang).capitalize(),
            label("stage_inspection", lang).capitalize(),
        ],
        wide=frozenset({1}),
    )
    for c in d.criteria:
        sheet.add(
            c.criterion.id,
            text(c.criterion.title, lang),
            status_cell(c.own, lang),
            status_cell(c.inspected, lang),
        )
    for f in d.indicators:
        sheet.add(
            "",
            indicator_title(f.indicator, lang),
            value_words(f.own, f.indicator, lang),
            value_words(f.inspected, f.indicator, lang),
        )
    return [Lines((Cell(label("differences", lang)),), heading=2), sheet]


def assess_blocks(
    a: Assessment, ward: Ward, lang: Lang, data: PeriodData | None = None
) -> list[Block]:
    """An assessment for people: headline, stage and decision, the differences an
    inspection found, criteria by group, figures, what is missing. ``data``: the period
    as the ward file writes it (who assessed it and when)."""
    when = f"{label('period', lang)} {period_words(a.period, lang)}, " + (
        f"{label('compared_to', lang)} {previous_words(a, lang)}"
        if a.compared_to is not None
        else not_compared_words(a, lang) or label("no_comparison", lang)
    )
    t = a.totals
    headline = (
        label("criteria_met", lang, met=t.met, applicable=t.applicable).capitalize()
        + f" · {label('score', lang)} {score_words(a, lang)} · {label('verdict', lang)}: "
    )
    verdict = verdict_words(a, lang)
    status = catalogue_status(a.catalogue, lang)
    head = Lines(
        (
            *ward_head(ward, period_words(a.period, lang)),
            *((status,) if status is not None else ()),
            Cell(when),
            *baseline_lines(a.baseline, lang),
            stage_line(a, data, lang),
            Cell(
                headline + verdict,
                "bold " + verdict_style(a.verdict_index, len(a.catalogue.verdicts)),
            ),
            *(c for c in (decision_line(a, lang),) if c is not None),
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
    blocks: list[Block] = [head, *differences_blocks(a, lang), criteria]
    shown = [r for r in a.indicators if r.reported]
    if shown:
        # Without a period a year earlier, its columns would be dashes only: left out.
        compared = a.compared_to is not None
        headers = [
            label("indicator", lang),
            f"{label('this_period', lang)} ({period_words(a.period, lang)})",
        ]
        if compared:
            headers += [previous_header(a, lang), label("change", lang)]
        figures = figures_sheet(
            a,
            headers,
            lambda ir: [change_cell(ir.indicator, ir.previous, ir.value, ir.change, lang)],
            lang,
        )
        blocks.append(figures)
        legend = marks_legend(
            [v for r in shown for v in ((r.value, r.previous) if compared else (r.value,))], lang
        )
        if legend is not None:
            blocks.append(Lines((legend,)))
    blocks += baseline_gaps(a.baseline, a.catalogue, lang)
    blocks += carried_gaps(a.carried, a.compared_to, a.catalogue, lang)
    if a.verdict_index > 0:
        top = a.catalogue.verdicts[0]
        missing = []
        for r in a.criteria:
            if r.status in ("met", "not_applicable"):
                continue
            line = f"{r.criterion.id} {text(r.criterion.title, lang)}: {label(r.status, lang)}"
            why = explain.reason(r, a.catalogue, lang, previous_words(a, lang))
            gaps = [g for g in (explain.gap(c, a.catalogue, lang) for c in r.checks) if g]
            details = "; ".join(x for x in (why, *gaps) if x)
            missing.append(line + (f" — {details}" if details else ""))
        blocks.append(
            Bullets(label("missing_title", lang, verdict=text(top.title, lang)), tuple(missing))
        )
    return blocks
