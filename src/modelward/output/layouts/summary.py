"""``summary`` and ``export``: many wards ranked, laid out as blocks."""

from __future__ import annotations

from fractions import Fraction

from modelward.batch.ranking import Summary
from modelward.i18n import Lang, label, number, percent, text
from modelward.output.blocks import Block, Bullets, Cell, Lines, Sheet, verdict_style
from modelward.output.layouts.parts import period_words
from modelward.periods import parse_period


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
            period_words(parse_period(row.period), lang),
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
        shown = [period_words(parse_period(p), lang) for p in sorted(spans)]
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
