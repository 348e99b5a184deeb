"""``summary`` and ``export``: many wards ranked, laid out as blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from modelward.batch.breakdown import AreaKind, AreaRow, needed
from modelward.batch.ranking import Summary
from modelward.batch.rows import Row
from modelward.i18n import Lang, date_text, label, number, percent, text
from modelward.output.blocks import (
    OVERRIDDEN,
    Block,
    Bullets,
    Cell,
    Lines,
    Sheet,
    verdict_style,
)
from modelward.output.layouts.parts import period_words, statuses_of
from modelward.periods import parse_period


def summary_title(s: Summary, lang: Lang) -> str:
    """The title every output of a summary carries: how many wards, when, the filter, the areas."""
    when = _period_shown(s.period, lang) if s.period is not None else label("latest_periods", lang)
    parts = [label("summary", lang, n=len(s.ranked)), when]
    if s.area is not None:
        parts.append(label("area_filter", lang, area=s.area))
    if s.by is not None:
        parts.append(label("by_kind", lang, kind=label(s.by, lang)))
    if s.stage is not None:
        parts.append(f"{label('stage', lang).lower()} {label(f'stage_{s.stage}', lang)}")
    return " — ".join(parts)


def _period_shown(key: str, lang: Lang) -> str:
    """The period asked for as reports write it (``15/12/2023–14/12/2024``), its key if
    it is not one."""
    try:
        return period_words(parse_period(key), lang)
    except ValueError:
        return key


def area_name(area: AreaRow, kind: AreaKind, lang: Lang) -> str:
    """An area's name, or what stands for wards that give none."""
    return area.area or label("area_none", lang, kind=label(kind, lang))


def area_blocks(s: Summary, lang: Lang, kind: AreaKind | None = None) -> list[Block]:
    """With ``--by`` (or ``kind``): one row per area against the target, and all together."""
    kind = kind or s.by
    if kind is None or not s.ranked:
        return []
    from modelward.batch.breakdown import as_fraction, total

    target = as_fraction(s.target)
    top = text(s.catalogue.verdicts[0].title, lang)
    headers = [label("area", lang), label("wards_count", lang), top, label("share", lang)]
    if target is not None:
        headers.append(label("needed", lang, target=percent(target, lang, 1, trim=True)))
    sheet = Sheet(headers, right=frozenset(range(1, len(headers))), wide=frozenset({0, 2}), key=0)
    areas = s.areas(kind)
    whole = total(areas, target)
    for area in [*areas, whole]:
        name = (
            area_name(area, kind, lang)
            if area is not whole
            else label("all_areas", lang, n=whole.wards)
        )
        cells: list[Cell | str] = [
            name,
            number(area.wards, lang),
            number(area.top, lang),
            percent(area.share, lang, 1),
        ]
        if target is not None:
            style = "green" if area.needed == 0 else "yellow"
            cells.append(Cell(number(area.needed, lang), style))
        sheet.add(*cells, bold=area is whole)
    heading = Lines((Cell(label("areas_title", lang, kind=label(kind, lang))),), heading=2)
    return [heading, sheet]


def criteria_blocks(s: Summary, lang: Lang, limit: int | None = None) -> list[Block]:
    """The criteria the ranked wards miss, most missed first, each status counted.

    ``limit``: the terminal shows the few most missed; files show every criterion.
    """
    from modelward.batch.breakdown import most_missed

    if not s.ranked:
        return []
    counts = s.criterion_counts()
    titles = {c.id: text(c.title, lang) for c in s.catalogue.criteria()}
    shown = most_missed(counts, limit) if limit is not None else most_missed(counts)
    if limit is None:  # every criterion: the missed first, then the rest in catalogue order
        shown += [c for c in counts if not c.missed]
    title = label("missed_title" if limit is not None else "criteria_title", lang, n=len(s.ranked))
    heading = Lines((Cell(title),), heading=2)
    if not shown:
        return [heading, Lines((Cell(label("none_missed", lang), "green"),))]
    statuses = ("met", "not_met", "unknown", "not_applicable")
    sheet = Sheet(
        [label("criterion", lang), label("missed", lang), *(label(k, lang) for k in statuses)],
        right=frozenset(range(1, 6)),
        wide=frozenset({0}),
        key=0,
        optional=frozenset({2, 5}),
        left_out=label(
            "columns_left_out",
            lang,
            columns=f"{label('met', lang)}, {label('not_applicable', lang)}",
        ),
    )
    for c in shown:
        sheet.add(
            f"{c.id} {titles.get(c.id, '')}",
            Cell(number(c.missed, lang), "red" if c.missed else ""),
            *(number(n, lang) for n in (c.met, c.not_met, c.unknown, c.not_applicable)),
        )
    notes = [Cell(label("missed_note", lang), "dim")]
    missed = sum(1 for c in counts if c.missed)
    if limit is not None and missed > len(shown):
        notes.insert(0, Cell(label("missed_more", lang, n=missed - len(shown)), "dim"))
    return [heading, sheet, Lines(tuple(notes))]


def cycle_columns(lang: Lang) -> list[str]:
    """The headers of a summary's columns of the assessment cycle (FORMAT.md section 11)."""
    return [
        label("unknown_short", lang),
        OVERRIDDEN,
        label("unevidenced_short", lang),
        label("stage", lang),
        label("recognised_short", lang),
        label("province", lang).capitalize(),
        label("city", lang).capitalize(),
    ]


CYCLE_OWN = 5
"""The cycle's columns that are not the area's (province and city come last)."""


def cycle_cells(row: Row, lang: Lang) -> list[int | str]:
    """A ward's cells under ``cycle_columns``: criteria not assessed, overridden (✎), met
    without evidence, the stage, whether a decision recognised it, its province and city."""
    return [
        row.unknown,
        row.overridden,
        row.unevidenced,
        label(f"stage_{row.stage}", lang),
        "" if row.recognised is None else label("yes" if row.recognised else "no", lang),
        row.area_field("province"),
        row.area_field("city"),
    ]


def verdict_title(row: Row, title: str, lang: Lang) -> str:
    """A ward's verdict as a summary shows it: ``Chưa đạt (tạm tính)`` while provisional."""
    return f"{title} ({label('provisional_short', lang)})" if row.provisional else title


def summary_head(s: Summary, lang: Lang) -> Lines:
    """A summary's title (with the filter and the areas), its catalogue, and the wards
    ranked on their self-assessment at ``--stage inspection``."""
    cat = s.catalogue
    return Lines(
        (
            Cell(summary_title(s, lang), "bold"),
            Cell(f"{label('catalogue', lang)} {cat.id} {cat.version}", "dim"),
            *statuses_of((cat,), lang),
            *(c for c in (not_inspected_line(s, lang),) if c is not None),
        ),
        heading=1,
    )


def not_inspected_line(s: Summary, lang: Lang) -> Cell | None:
    """At ``--stage inspection``, how many wards are ranked on their self-assessment."""
    n = s.not_inspected
    return Cell(label("not_inspected_line", lang, n=n), "yellow") if n else None


def ward_name(s: Summary, row: Row, lang: Lang) -> str:
    """A ward's name in a summary's ranking, ``(chưa kiểm tra)`` after it where it is ranked
    on its self-assessment at ``--stage inspection``."""
    return f"{row.name} ({label('not_inspected_mark', lang)})" if s.on_self(row) else row.name


def target_line(s: Summary, lang: Lang) -> Cell | None:
    """The share at the top verdict against ``--target``, and the wards still needed."""
    if s.target is None or not s.ranked:
        return None
    top = s.catalogue.verdicts[0]
    count = s.by_verdict[top.id]
    n = len(s.ranked)
    goal = Fraction(str(s.target))
    reached = s.top_share >= goal
    outcome = (
        label("target_reached", lang)
        if reached
        else label("target_missed", lang, more=needed(goal, n, count))
    )
    return Cell(
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


def summary_blocks(
    s: Summary, lang: Lang, *, missed_limit: int | None = 5, hints: bool = True
) -> list[Block]:
    """Many wards ranked: one row each, wards per verdict and the target, the areas (with
    ``--by``), then the criteria most often missed (``missed_limit`` of them; None: all).

    ``hints``: the command-line options that would say more; False in a document handed
    over, whose reader has no command line."""
    cat = s.catalogue
    head = summary_head(s, lang)
    groups = [g.id for g in cat.groups]
    # The assessment cycle's columns (FORMAT.md section 11): left out first on a narrow screen.
    cycle_headers = cycle_columns(lang)
    after = len(groups) + 6
    sheet = Sheet(
        [
            label("rank", lang),
            label("ward", lang).capitalize(),
            label("period", lang),
            *groups,
            label("total", lang),
            label("score", lang),
            label("verdict", lang),
            *cycle_headers,
        ],
        right=frozenset({0, *range(3, len(groups) + 5), *range(after, after + 3)}),
        wide=frozenset({1, len(groups) + 5}),
        optional=frozenset(range(3, len(groups) + 3)),
        left_out=label("groups_left_out", lang, first=groups[0], last=groups[-1]),
        spare=frozenset(range(after, after + len(cycle_headers))),
        spare_left_out=label("cycle_left_out", lang, columns=", ".join(cycle_headers)),
        key=1,
        notes={
            **{3 + i: text(g.title, lang) for i, g in enumerate(cat.groups)},
            after: label("unknown_note", lang),
            after + 1: label("overridden_note", lang),
            after + 2: label("unevidenced_note", lang),
        },
    )
    verdicts = {v.id: v for v in cat.verdicts}
    for ranked in s.ranked:
        row = ranked.row
        sheet.add(
            number(ranked.rank, lang),
            ward_name(s, row, lang),
            period_words(parse_period(row.period), lang),
            *(f"{g.met}/{g.applicable}" for g in s.groups_of(row)),
            f"{row.met}/{row.applicable}",
            number(row.score, lang, 2, trim=True),
            Cell(
                verdict_title(row, text(verdicts[row.verdict].title, lang), lang),
                verdict_style(row.verdict_index, len(cat.verdicts)),
            ),
            *(str(c) if c else "" for c in cycle_cells(row, lang)),
        )
    counts = s.by_verdict
    lines = [
        Cell(
            f"{label('by_verdict', lang)}: "
            + " · ".join(
                f"{text(verdicts[v].title, lang)} {number(n, lang)}" for v, n in counts.items()
            )
        )
    ]
    stages: dict[str, int] = {}
    for r in s.ranked:
        stages[r.row.stage] = stages.get(r.row.stage, 0) + 1
    if stages:
        lines.append(
            Cell(
                f"{label('by_stage', lang)}: "
                + " · ".join(
                    f"{label(f'stage_{k}', lang)} {number(n, lang)}"
                    for k, n in sorted(stages.items())
                )
            )
        )
    spans = {r.row.period for r in s.ranked}
    if s.period is None and len(spans) > 1:
        # Each ward's latest period: a two-month period ranked beside whole years is
        # easily misread as a bad year.
        shown = [period_words(parse_period(p), lang) for p in sorted(spans)]
        listed = ", ".join(shown[:4]) + (", …" if len(shown) > 4 else "")
        said = label("mixed_periods", lang, periods=listed)
        if hints:
            said += " " + label("mixed_periods_hint", lang)
        lines.append(Cell(said, "yellow"))
    target = target_line(s, lang)
    if target is not None:
        lines.append(target)
    combined = [
        f"{r.row.name} ({', '.join(r.row.combined_from)})" for r in s.ranked if r.row.combined_from
    ]
    if combined:
        listed = "; ".join(combined[:5]) + (
            f"; … (+{len(combined) - 5})" if len(combined) > 5 else ""
        )
        lines.append(Cell(label("combined_rows", lang, wards=listed), "yellow"))
    blocks: list[Block] = [head, sheet, Lines(tuple(lines))]
    blocks += merged_blocks(s, lang)
    blocks += area_blocks(s, lang)
    blocks += criteria_blocks(s, lang, missed_limit)
    blocks += missing_blocks(s, lang)
    return blocks


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A ward a summary read and did not rank, and why (a table's row)."""

    id: str
    name: str
    why: str
    into: str
    """Its successor's id where it merged into one summarised here, else empty."""
    on: str
    """The day it merged (ISO), else empty."""
    path: str


def left_out(s: Summary, lang: Lang) -> list[LeftOut]:
    """Every ward read and not ranked, with the reason: merged into a ward summarised here
    (FORMAT.md section 10), or without the period asked for."""
    rows = [
        LeftOut(m.id, m.name, label("merged_why", lang, into=m.into), m.into, m.on, m.path)
        for m in s.merged
    ]
    no_period = label("no_period", lang, period=_period_shown(s.period or "", lang))
    rows += [LeftOut(m.id, m.name, no_period, "", "", m.path) for m in s.missing]
    return rows


def left_out_blocks(s: Summary, lang: Lang) -> list[Block]:
    """The wards read and not ranked, each list titled with why: every output of a
    summary says them (a ward never silently drops out of a ranking)."""
    return merged_blocks(s, lang) + missing_blocks(s, lang)


def missing_blocks(s: Summary, lang: Lang) -> list[Block]:
    """The wards without the period asked for, if any."""
    if not s.missing:
        return []
    return [
        Bullets(
            label("no_period", lang, period=_period_shown(s.period or "", lang)),
            tuple(f"{m.name} ({m.path})" for m in s.missing),
        )
    ]


def merged_blocks(s: Summary, lang: Lang) -> list[Block]:
    """The wards left out of the ranking as merged into one summarised here, if any."""
    if not s.merged:
        return []
    return [
        Bullets(
            label("merged_title", lang),
            tuple(
                label(
                    "merged_item",
                    lang,
                    name=m.name,
                    id=m.id,
                    into=m.into,
                    on=date_text(dt.date.fromisoformat(m.on), lang),
                )
                for m in s.merged
            ),
        )
    ]
