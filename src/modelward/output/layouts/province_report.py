"""The province's summary report (``export -o x.docx``): the ward report's administrative frame
around what a province reads — the areas against the target, the wards proposed for
recognition, the ranking and the criteria most often missed."""

from __future__ import annotations

from modelward.batch.ranking import Summary
from modelward.i18n import Lang, label, number, percent, text
from modelward.output.blocks import Block, Bullets, Cell, Letterhead, Lines, Paper, Sheet, Signature
from modelward.output.layouts.parts import period_words, status_blocks
from modelward.output.layouts.provenance import provenance_blocks
from modelward.output.layouts.report import _ROMAN, BLANK
from modelward.output.layouts.summary import (
    area_blocks,
    criteria_blocks,
    left_out_blocks,
    not_inspected_line,
    summary_title,
    target_line,
    ward_name,
)
from modelward.output.provenance import Provenance
from modelward.periods import parse_period


def _province(s: Summary) -> str:
    """The one province every ranked ward is in, or "" when they are in several (or none)."""
    names = {dict(r.row.area).get("province", "") for r in s.ranked}
    return names.pop() if len(names) == 1 else ""


def _letterhead(s: Summary, lang: Lang, provenance: Provenance) -> Letterhead:
    province = _province(s)
    unit = label("province_unit", lang, province=province) if province else BLANK
    return Letterhead(
        parent=label("province_parent", lang).upper() if province else "",
        unit=unit.upper(),
        nation=label("report_nation", lang),
        motto=label("report_motto", lang),
        number=label("report_number", lang, number="…/BC-…"),
        place_date=label(
            "report_place_date",
            lang,
            place=province or BLANK,
            year=provenance.moment.astimezone().year,
        ),
    )


def _signature(lang: Lang) -> Signature:
    return Signature(
        recipients_title=label("report_recipients", lang),
        recipients=(BLANK + ";", label("report_archive", lang)),
        title=BLANK,
        name=BLANK,
        hint=label("report_sign_hint", lang),
    )


def _overview(s: Summary, lang: Lang) -> list[Block]:
    verdicts = {v.id: text(v.title, lang) for v in s.catalogue.verdicts}
    n = len(s.ranked)
    items = tuple(
        f"{verdicts[v]}: {count} ({percent(count / n if n else 0, lang, 1)})"
        for v, count in s.by_verdict.items()
    )
    blocks: list[Block] = [Bullets(label("province_by_verdict", lang, n=n), items)]
    target = target_line(s, lang)
    if target is not None:
        blocks.append(Lines((Cell(target.text, "bold"),)))
    return blocks


def _proposed(s: Summary, lang: Lang) -> list[Block]:
    """Wards at the top verdict on the inspected stage: those a province proposes; and how
    many are at the top verdict on their own assessment only, not yet inspected."""
    top = s.catalogue.verdicts[0]
    inspected = [r for r in s.ranked if r.row.verdict_index == 0 and r.row.stage == "inspection"]
    self_only = sum(1 for r in s.ranked if r.row.verdict_index == 0 and r.row.stage != "inspection")
    blocks: list[Block] = []
    if inspected:
        sheet = Sheet(
            [
                label("report_col_number", lang),
                label("ward", lang).capitalize(),
                label("city", lang).capitalize(),
                label("period", lang),
                label("score", lang),
                label("province_decision", lang),
            ],
            right=frozenset({0, 4}),
            wide=frozenset({1, 5}),
        )
        for n, r in enumerate(inspected, start=1):
            row = r.row
            decided = (
                "" if row.recognised is None else label("yes" if row.recognised else "no", lang)
            )
            sheet.add(
                str(n),
                row.name,
                row.area_field("city"),
                period_words(parse_period(row.period), lang),
                number(row.score, lang, 2, trim=True),
                decided,
            )
        blocks.append(sheet)
    else:
        blocks.append(
            Lines((Cell(label("province_none_proposed", lang, verdict=text(top.title, lang))),))
        )
    if self_only:
        blocks.append(Lines((Cell(label("province_not_inspected", lang, n=self_only)),)))
    return blocks


def _ranking(s: Summary, lang: Lang) -> list[Block]:
    verdicts = {v.id: text(v.title, lang) for v in s.catalogue.verdicts}
    sheet = Sheet(
        [
            label("rank", lang),
            label("ward", lang).capitalize(),
            label("city", lang).capitalize(),
            label("total", lang),
            label("score", lang),
            label("verdict", lang),
        ],
        right=frozenset({0, 3, 4}),
        wide=frozenset({1, 5}),
    )
    for r in s.ranked:
        row = r.row
        sheet.add(
            number(r.rank, lang),
            ward_name(s, row, lang),
            row.area_field("city"),
            f"{row.met}/{row.applicable}",
            number(row.score, lang, 2, trim=True),
            verdicts[row.verdict],
        )
    return [sheet]


def province_paper(s: Summary, lang: Lang, provenance: Provenance) -> Paper:
    """The province's report: the administrative frame of the ward report around the summary."""
    kind = s.by or "city"
    sections: list[tuple[str, list[Block]]] = [
        (label("province_sec_overview", lang), _overview(s, lang)),
        (
            label("province_sec_areas", lang, kind=label(kind, lang).upper()),
            area_blocks(s, lang, kind)[1:],  # the section title says what the table is
        ),
        (label("province_sec_proposed", lang), _proposed(s, lang)),
        (
            label("province_sec_missed", lang),
            # every criterion missed, most missed first: a printed page cannot say "and more"
            criteria_blocks(s, lang, len(s.catalogue.criteria()))[1:],
        ),
        (label("province_sec_ranking", lang), [*_ranking(s, lang), *left_out_blocks(s, lang)]),
        (
            label("report_sec_catalogue", lang),
            [
                Lines(
                    (
                        Cell(
                            f"{text(s.catalogue.title, lang)} ({s.catalogue.id} "
                            f"{s.catalogue.version}; {label('catalogue_' + s.catalogue.status, lang)})"
                        ),
                    )
                ),
                *(
                    Lines(tuple(Cell(i) for i in b.items))
                    for b in provenance_blocks(provenance, lang)
                    if isinstance(b, Bullets)
                ),
            ],
        ),
    ]
    body: list[Block] = [
        *status_blocks((s.catalogue,), lang),
        *(Lines((Cell(c.text, "bold"),)) for c in (not_inspected_line(s, lang),) if c),
        Lines((Cell(label("province_intro", lang, title=summary_title(s, lang))),)),
    ]
    for n, (title, blocks) in enumerate(sections):
        body.append(Lines((Cell(f"{_ROMAN[n]}. {title}"),), heading=2))
        body += blocks
    when = s.period if s.period is not None else label("latest_periods", lang)
    subject = label("province_subject", lang, catalogue=text(s.catalogue.title, lang), period=when)
    if s.area is not None:
        subject += f" — {label('area_filter', lang, area=s.area)}"
    return Paper(
        letterhead=_letterhead(s, lang, provenance),
        kind=label("report_kind", lang),
        subject=subject,
        body=body,
        signature=_signature(lang),
        lang=lang,
    )
