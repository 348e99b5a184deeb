"""``history``: every period of a ward, and its key figures with a trend line, as blocks."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from modelward.comparison import History, key_indicators
from modelward.i18n import Lang, date_text, label
from modelward.models import Catalogue, Indicator, Ward
from modelward.output.blocks import Block, Cell, Lines, Sheet, verdict_style
from modelward.output.layouts.parts import (
    catalogues_line,
    change_cell,
    indicator_title,
    marks_legend,
    period_sheet,
    period_words,
    score_words,
    stage_words,
    statuses_of,
    value_words,
    verdict_words,
    ward_head,
)
from modelward.rules import Value

SPARKS = "▁▂▃▄▅▆▇█"


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
    statuses = statuses_of((a.catalogue for a in h.assessments), lang)
    head = Lines(
        (
            *ward_head(ward, label("history", lang)),
            *statuses,
            *catalogues_line(h.assessments, lang),
        ),
        heading=1,
    )
    periods = period_sheet(lang)
    combined = f" ({label('combined', lang)})"
    for b in h.combined:  # the merged wards' periods, before this ward was formed
        periods.add(period_words(b.period, lang) + combined, "—", "—", "—", "—")
    for a in h.assessments:
        periods.add(
            period_words(a.period, lang),
            f"{a.totals.met}/{a.totals.applicable}",
            score_words(a, lang),
            Cell(
                verdict_words(a, lang),
                verdict_style(a.verdict_index, len(a.catalogue.verdicts)),
            ),
            stage_words(a, lang),
        )
    blocks: list[Block] = [head]
    if h.combined and ward.formed is not None:
        note = label(
            "history_combined",
            lang,
            wards=", ".join(h.combined[0].combined_from),
            on=date_text(ward.formed.on, lang),
        )
        blocks.append(Lines((Cell(note, "yellow"),)))
    blocks.append(periods)
    years = h.years
    before = h.combined_years
    if not years or not h.assessments:
        return blocks
    width = len(before) + len(years)
    figures = Sheet(
        [
            label("indicator", lang),
            *(period_words(b.period, lang) + combined for b in before),
            *(period_words(y.period, lang) for y in years),
            label("trend", lang),
            label("vs_year_before", lang),
        ],
        right=frozenset(range(1, width + 1)) | {width + 2},
        wide=frozenset({0}),
    )
    shown: list[Value] = []
    # Each year's key figures are its own catalogue's, by id: the first year's, then any a
    # later version's rules read (a version not linked by ``replaces`` may add some).
    keys: dict[str, tuple[Indicator, Catalogue]] = {}
    for a in h.assessments:
        for key in key_indicators(a.catalogue):
            keys.setdefault(key.id, (key, a.catalogue))
    for ind, catalogue in keys.values():
        # A year on another version of the catalogue may not have the indicator.
        results = [next((r for r in y.indicators if r.indicator.id == ind.id), None) for y in years]
        cells = [r.value if r is not None else Value(None) for r in results]
        earlier = [b.value(ind, catalogue) for b in before]
        values = [v.value for v in (*earlier, *cells)]
        if all(v is None for v in values):
            continue
        shown += [*earlier, *cells]
        last = results[-1]
        figures.add(
            indicator_title(ind, lang),
            *(value_words(v, ind, lang) for v in earlier),
            *(value_words(v, ind, lang) for v in cells),
            sparkline(values),
            change_cell(ind, last.previous, last.value, last.change, lang)
            if last is not None
            else Cell("—"),
        )
    if figures.rows:
        blocks.append(figures)
        legend = marks_legend(shown, lang)
        if legend is not None:
            blocks.append(Lines((legend,)))
    return blocks
