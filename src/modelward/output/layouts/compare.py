"""``compare``: two periods of a ward laid out as blocks."""

from __future__ import annotations

from fractions import Fraction

from modelward import explain
from modelward.comparison import PeriodComparison
from modelward.i18n import Lang, label, number, text
from modelward.models import Ward
from modelward.output.blocks import Block, Cell, Lines, Sheet, verdict_style
from modelward.output.layouts.parts import (
    baseline_gaps,
    baseline_lines,
    carried_gaps,
    catalogues_line,
    change_cell,
    indicator_title,
    marks_legend,
    period_sheet,
    period_words,
    score_words,
    stage_words,
    status_cell,
    statuses_of,
    value_words,
    verdict_words,
    ward_head,
)


def compare_blocks(c: PeriodComparison, ward: Ward, lang: Lang) -> list[Block]:
    """Two periods side by side: totals and verdicts, criteria that changed, every figure."""
    a, b = c.before, c.after
    head_lines = [
        *ward_head(ward, f"{period_words(a.period, lang)} → {period_words(b.period, lang)}"),
    ]
    head_lines += baseline_lines(c.baseline, lang)
    if c.crosswalk is not None:
        head_lines.append(
            Cell(
                label(
                    "crosswalk_line",
                    lang,
                    old=c.crosswalk.old.reference,
                    new=c.crosswalk.new.reference,
                ),
                "bold",
            )
        )
    head_lines += statuses_of((a.catalogue, b.catalogue), lang)
    head_lines += catalogues_line((a, b), lang)
    if c.spans_differ:
        head_lines.append(
            Cell(label("spans_differ", lang, a=a.period.months, b=b.period.months), "bold yellow")
        )
    totals = period_sheet(lang)
    if c.baseline is not None:  # the merged wards' criteria are not this ward's: no totals
        totals.add(
            f"{period_words(a.period, lang)} ({label('combined', lang)})", "—", "—", "—", "—"
        )
    for x in (a, b) if c.baseline is None else (b,):
        style = verdict_style(x.verdict_index, len(x.catalogue.verdicts))
        totals.add(
            period_words(x.period, lang),
            f"{x.totals.met}/{x.totals.applicable}",
            score_words(x, lang),
            Cell(verdict_words(x, lang), style),
            stage_words(x, lang),
        )
    met_delta = b.totals.met - a.totals.met
    score_delta = Fraction(str(b.totals.score)) - Fraction(str(a.totals.score))
    moved = c.verdict_change
    verdict_word = (
        label("same", lang) if moved == 0 else label("better" if moved > 0 else "worse", lang)
    )
    if c.baseline is None:
        totals.add(
            label("change", lang),
            # Criteria met on two versions are counts of different sets: not subtracted.
            Cell("—" if c.crosswalk is not None else f"{met_delta:+d}".replace("-", "−")),
            Cell(("+" if score_delta > 0 else "") + number(score_delta, lang, 2, trim=True)),
            Cell(
                ("▲ " if moved > 0 else "▼ " if moved < 0 else "= ") + verdict_word,
                "green" if moved > 0 else "red" if moved < 0 else "",
            ),
            "",
            bold=True,
        )
    blocks: list[Block] = [Lines(tuple(head_lines), heading=1), totals]

    # Against a year combined from merged wards there is nothing to line criteria up with.
    changed = (
        [cc for cc in c.criteria if cc.before != cc.after or cc.change != "same"]
        if c.baseline is None
        else []
    )
    titles = {r.criterion.id: r.criterion for r in b.criteria}
    old_titles = {r.criterion.id: r.criterion for r in a.criteria}
    if changed:
        sheet = Sheet(
            [
                "",
                label("criterion", lang),
                period_words(a.period, lang),
                period_words(b.period, lang),
                label("change", lang),
            ],
            wide=frozenset({1}),
        )
        for cc in changed:
            kind = cc.change
            style = {"gained": "green", "lost": "red", "same": "yellow"}.get(kind, "bold")
            title = text((titles if cc.after is not None else old_titles)[cc.id].title, lang)
            if cc.from_ids and cc.from_ids != (cc.id,):
                title += f" ({label('from_ids', lang, ids=', '.join(cc.from_ids))})"
            sheet.add(
                cc.id,
                title,
                status_cell(cc.before, lang),
                status_cell(cc.after, lang),
                Cell(label(kind if kind != "same" else "changed", lang), style),
            )
        blocks.append(Lines((Cell(label("criteria_changes", lang), "bold"),), heading=2))
        blocks.append(sheet)
    unchanged = len(c.criteria) - len(changed)
    blocks.append(
        Lines((Cell(label("criteria_not_combined", lang, prev=period_words(a.period, lang))),))
        if c.baseline is not None
        else Lines(
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
            period_words(a.period, lang)
            + (f" ({label('combined', lang)})" if c.baseline is not None else ""),
            period_words(b.period, lang),
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
            shown_delta = explain.points(delta, lang)
        else:
            shown_delta = explain.figure(abs(delta), ind.indicator, lang)
            shown_delta = ("+" if delta > 0 else "−" if delta < 0 else "") + shown_delta
        figures.add(
            indicator_title(ind.indicator, lang),
            value_words(ind.before, ind.indicator, lang),
            value_words(ind.after, ind.indicator, lang),
            shown_delta,
            change_cell(ind.indicator, ind.before, ind.after, ind.change, lang),
        )
    if figures.rows:
        blocks.append(figures)
        legend = marks_legend([v for i in c.indicators for v in (i.before, i.after)], lang)
        if legend is not None:
            blocks.append(Lines((legend,)))
    return (
        blocks
        + baseline_gaps(c.baseline, b.catalogue, lang)
        + carried_gaps(c.carried, c.before.period, b.catalogue, lang)
    )
