"""``report``: a ward's period laid out as an administrative document (``Paper``).

``report_paper`` turns an assessment into a ``Paper``: the frame of Decree 30/2020/NĐ-CP
(issuing unit, national title and motto, number and place-date lines, title, signature,
recipients) around a body of ordinary blocks: the ward's profile, one table per group of
criteria with the evidence, the figures against the same period a year earlier, the
verdict, the inspection and the decision where the period has them, and the catalogue.
The DOCX, HTML and Markdown drawers all draw this one layout, so they never differ.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

from modelward import explain
from modelward.comparison import key_indicators
from modelward.cycle import Differences
from modelward.i18n import Lang, label, number, percent, period_text, text
from modelward.models import Indicator, PeriodData, ReportInfo, Ward
from modelward.output.blocks import (
    Block,
    Bullets,
    Cell,
    Letterhead,
    Lines,
    Paper,
    Sheet,
    Signature,
)
from modelward.output.layouts.parts import (
    baseline_gaps,
    baseline_lines,
    carried_gaps,
    figures_sheet,
    indicator_title,
    marks_legend,
    not_compared_words,
    recognised_caveat,
    status_blocks,
    value_words,
    verdict_words,
)
from modelward.periods import Period
from modelward.rules import Status
from modelward.scoring import Assessment, CriterionResult, IndicatorResult

BLANK = "…………"
"""What a reader fills in by hand where the ward file does not say."""

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

_PREFIXES = ("phường ", "xã ", "thị trấn ", "ward ")


def _period(period: Period, lang: Lang) -> str:
    """A period as a title says it: ``năm 2024``, ``quý I/2025``; ``2024``, ``Q1 2025``."""
    shown = period_text(period, lang)
    return label("report_year", lang, year=shown) if period.is_year else shown


def _place(ward: Ward, info: ReportInfo) -> str:
    """The place of the place-date line: given, else the ward's own name without "Phường"."""
    if info.place:
        return info.place
    name = ward.area.ward or ward.name
    for prefix in _PREFIXES:
        if name.casefold().startswith(prefix):
            return name[len(prefix) :]
    return name


def _year_written(period: Period, data: PeriodData) -> int:
    """The year the report is written in: when it was assessed, else the day after the period."""
    if data.assessed_on is not None:
        return data.assessed_on.year
    return (period.last_day + dt.timedelta(days=1)).year


def letterhead(ward: Ward, period: Period, data: PeriodData, lang: Lang) -> Letterhead:
    """The top of the document: the issuing unit, the national title, number and date lines."""
    info = ward.report or ReportInfo()
    parent = info.parent or (
        label("report_parent", lang, city=ward.area.city) if ward.area.city else ""
    )
    unit = ward.unit or label("report_unit", lang, ward=ward.name)
    return Letterhead(
        parent=parent.upper(),
        unit=unit.upper(),
        nation=label("report_nation", lang),
        motto=label("report_motto", lang),
        number=label("report_number", lang, number=info.number or "…/BC-…"),
        place_date=label(
            "report_place_date", lang, place=_place(ward, info), year=_year_written(period, data)
        ),
    )


def signature(ward: Ward, lang: Lang) -> Signature:
    """The foot: who signs (or blanks to fill) and who receives the report."""
    info = ward.report or ReportInfo()
    recipients = tuple(text(r, lang) for r in info.recipients) or (
        BLANK + ";",
        label("report_archive", lang),
    )
    title = text(info.title, lang)
    return Signature(
        recipients_title=label("report_recipients", lang),
        recipients=recipients,
        title=title.upper() if title else BLANK,
        name=info.signer or BLANK,
        hint="" if info.signer else label("report_sign_hint", lang),
    )


# ---------------------------------------------------------------------------- body


def _profile_value(value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        return number(value, lang, 2, trim=True)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_profile_value(v, lang) for v in value)
    return str(value)


PROFILE_KEYS = frozenset(
    {
        "location",
        "area_km2",
        "population",
        "enterprises",
        "household_businesses",
        "industrial_zone",
        "workers",
        "name",
        "head_of_police",
        "rank",
        "residential_quarter_quoted",
        "programme",
        "source",
        "note",
    }
)
"""Profile keys said in words (a label ``profile_<key>`` each, in every language)."""

PROFILE_YEARLY = frozenset({"reported_result"})
"""Profile keys written with a year after them (``reported_result_2024``), said in words
with that year (a label ``profile_<key>`` taking ``year``)."""

_YEARLY = re.compile(r"(?P<key>[a-z_]+)_(?P<year>(19|20)\d\d)")


def _profile_line(key: str, value: str, lang: Lang) -> str:
    """A profile fact as a line: a known key in words, a known key with a year after it in
    words with the year, any other key read as written with its underscores as spaces and a
    capital first (``so_ho_ngheo`` reads "So ho ngheo"; write the key in words, quoted, to
    have it read exactly: ``"Số hộ nghèo": 12``)."""
    if key in PROFILE_KEYS:
        return label(f"profile_{key}", lang, value=value)
    if (m := _YEARLY.fullmatch(key)) and m["key"] in PROFILE_YEARLY:
        return label(f"profile_{m['key']}", lang, year=m["year"], value=value)
    words = key.replace("_", " ").strip()
    return f"{words[:1].upper()}{words[1:]}: {value}"


def _profile_entries(profile: Mapping[str, Any], lang: Lang) -> Iterator[str]:
    """Each fact of the free-form profile on its own line, known keys in words.

    ``X_en`` is the English of ``X``: shown instead of it in English, left out in Vietnamese.
    """
    for key, value in profile.items():
        if key.endswith("_en") and key[:-3] in profile:
            continue
        if lang == "en" and f"{key}_en" in profile:
            value = profile[f"{key}_en"]
        if isinstance(value, Mapping):
            yield _profile_line(key, "; ".join(_profile_entries(value, lang)), lang)
        elif value is not None and value != "":
            yield _profile_line(key, _profile_value(value, lang), lang)


def _status(r: CriterionResult | Status, lang: Lang) -> str:
    """A status in words (no symbol: the fonts of an office document may lack it)."""
    if isinstance(r, str):
        return label(r, lang)
    said = label(r.status, lang)
    return f"{said} ({label('overridden', lang)})" if r.overridden else said


def _table(columns: list[str], notes: bool, wide: set[int], lang: Lang) -> Sheet:
    """A table with these columns (label keys), and a notes column last where ``notes``."""
    headers = [label(c, lang) for c in [*columns, *(["report_col_notes"] if notes else [])]]
    return Sheet(headers, wide=frozenset(wide & set(range(len(headers)))))


def _criteria_tables(a: Assessment, lang: Lang, prev: str) -> list[Block]:
    """One table per group; the notes column only where some criterion has a note."""
    with_notes = any(r.note for r in a.criteria)
    blocks: list[Block] = []
    for n, g in enumerate(a.groups, 1):
        heading = label(
            "report_group",
            lang,
            n=n,
            id=g.group.id,
            title=text(g.group.title, lang),
            met=g.totals.met,
            applicable=g.totals.applicable,
        )
        blocks.append(Lines((Cell(heading),), heading=3))
        sheet = _table(
            ["report_col_id", "criterion", "report_col_result", "report_col_evidence"],
            with_notes,
            {1, 3, 4},
            lang,
        )
        for r in g.criteria:
            basis = list(r.evidence)
            notes = []
            if r.source == "computed":
                # The figures the rule read are the basis of a computed criterion.
                basis.insert(0, explain.reason(r, a.catalogue, lang, prev))
                if r.note:
                    notes.append(r.note)
            elif r.note:
                notes.append(r.note)
            cells: list[Cell | str] = [
                r.criterion.id,
                text(r.criterion.title, lang),
                Cell(_status(r, lang), "bold" if r.status != "met" else ""),
                "\n".join(f"- {e}" if len(basis) > 1 else e for e in basis),
            ]
            if with_notes:
                cells.append("\n".join(notes))
            sheet.add(*cells)
        blocks.append(sheet)
    return blocks


def _judgement(ir: IndicatorResult, lang: Lang) -> str:
    """Whether a figure moved the better way, in a word; a dash where it cannot be said."""
    by = explain.moved_by(ir.indicator, ir.previous, ir.value, ir.change)
    if by is None:
        return "—"
    if by == 0:
        return label("unchanged", lang)
    return label("improved" if explain.improved(ir.indicator, by) else "worsened", lang)


def _with_unit(value: Fraction, indicator: Indicator, lang: Lang) -> str:
    shown = explain.figure(value, indicator, lang)
    unit = text(indicator.unit, lang)
    return f"{shown} {unit}" if unit and indicator.kind != "percent" else shown


def _figures(a: Assessment, lang: Lang, prev_label: str) -> list[Block]:
    shown = [r for r in a.indicators if r.reported]
    if not shown:
        return [Lines((Cell(label("report_no_figures", lang)),))]
    blocks: list[Block] = []
    if a.baseline is not None:  # a ward formed by merging others: whose figures these are
        blocks.append(Lines(tuple(baseline_lines(a.baseline, lang))))
    if (unlinked := not_compared_words(a, lang)) is not None:  # why no year earlier is shown
        blocks.append(Lines((Cell(unlinked[0].upper() + unlinked[1:]),)))
    elif a.compared_to is None:  # none at all: the section is this period's figures alone
        alone = label("report_no_earlier", lang, prev=prev_label, period=_period(a.period, lang))
        blocks.append(Lines((Cell(alone),)))
    # The headline figures in a sentence each, as reports word them.
    said = []
    keys = {i.id for i in key_indicators(a.catalogue)}
    for ir in shown:
        now, before, change = ir.value.value, ir.previous.value, ir.change
        if now is None or before is None or change is None or change == 0:
            continue
        if ir.indicator.id not in keys or ir.indicator.kind == "percent":
            continue  # the figures the criteria read; a share's relative change reads oddly
        said.append(
            label(
                "report_change_sentence",
                lang,
                what=text(ir.indicator.title, lang),
                now=_with_unit(now, ir.indicator, lang),
                way=label("report_down" if change < 0 else "report_up", lang),
                amount=percent(abs(change), lang, 1),
                prev=prev_label,
                before=_with_unit(before, ir.indicator, lang),
            )
        )
    if said:
        blocks.append(Bullets("", tuple(said)))
    compared = a.compared_to is not None
    headers = [label("indicator", lang), _period(a.period, lang).capitalize()]
    if compared:
        headers += [
            prev_label.capitalize()
            + (f" ({label('combined', lang)})" if a.baseline is not None else ""),
            label("report_col_change", lang),
            label("report_col_judgement", lang),
        ]
    sheet = figures_sheet(
        a,
        headers,
        lambda ir: [
            explain.moved(ir.indicator, ir.previous, ir.value, ir.change, lang),
            _judgement(ir, lang),
        ],
        lang,
        right=frozenset(range(1, 4)),
    )
    blocks.append(sheet)
    legend = marks_legend(
        [v for r in a.indicators if r.reported for v in (r.value, r.previous)], lang
    )
    if legend is not None:
        blocks.append(Lines((legend,)))
    return (
        blocks
        + baseline_gaps(a.baseline, a.catalogue, lang)
        + carried_gaps(a.carried, a.compared_to, a.catalogue, lang)
    )


def _verdict(a: Assessment, lang: Lang) -> list[Block]:
    t = a.totals
    lines = [
        Cell(
            label(
                "report_totals",
                lang,
                met=t.met,
                applicable=t.applicable,
                score=number(t.score, lang, 2, trim=True),
            )
        )
    ]
    verdict = label("report_verdict", lang, verdict=verdict_words(a, lang))
    lines.append(Cell(verdict, "bold"))
    for status in ("not_met", "unknown"):
        ids = [f"{r.criterion.id}" for r in a.criteria if r.status == status]
        if ids:
            lines.append(Cell(label(f"report_list_{status}", lang, n=len(ids), ids=", ".join(ids))))
    return [Lines(tuple(lines))]


def _inspection(data: PeriodData, diff: Differences | None, lang: Lang) -> list[Block]:
    """Who inspected and when, and what the inspection found otherwise (when worked out)."""
    inspection = data.inspection
    assert inspection is not None
    who = inspection.by or BLANK
    when = _date(inspection.on, lang) if inspection.on else BLANK
    blocks: list[Block] = [Lines((Cell(label("report_inspected_by", lang, by=who, on=when)),))]
    if inspection.note:
        blocks.append(Lines((Cell(inspection.note),)))
    if diff is None:
        return blocks
    if not diff:
        blocks.append(Lines((Cell(label("report_no_differences", lang)),)))
        return blocks
    notes = {k: e.note for k, e in inspection.criteria.items() if e.note}
    sheet = _table(
        ["report_col_id", "report_col_content", "report_col_self", "report_col_inspection"],
        bool(notes),
        {1, 4},
        lang,
    )
    for c in diff.criteria:
        cells: list[Cell | str] = [
            c.criterion.id,
            text(c.criterion.title, lang),
            _status(c.own, lang),
            Cell(_status(c.inspected, lang), "bold"),
        ]
        sheet.add(*cells, *([notes.get(c.criterion.id, "")] if notes else []))
    for f in diff.indicators:
        cells = [
            "",
            indicator_title(f.indicator, lang),
            value_words(f.own, f.indicator, lang),
            Cell(value_words(f.inspected, f.indicator, lang), "bold"),
        ]
        sheet.add(*cells, *([""] if notes else []))
    blocks.append(sheet)
    return blocks


def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()


def _decision(a: Assessment, data: PeriodData, lang: Lang) -> list[Block]:
    d = data.decision
    assert d is not None
    outcome = label("report_recognised" if d.recognised else "report_not_recognised", lang)
    line = label("report_decision", lang, number=d.number, on=_date(d.on, lang), by=d.by or BLANK)
    caveat = recognised_caveat(a, d.recognised, lang)
    return [
        Lines((Cell(f"{line}: {outcome}", "bold"), *((Cell(caveat, "bold"),) if caveat else ())))
    ]


def _catalogue(a: Assessment, lang: Lang) -> list[Block]:
    cat = a.catalogue
    lines = [
        Cell(
            label(
                "report_catalogue",
                lang,
                title=text(cat.title, lang),
                id=cat.id,
                version=cat.version,
            )
        )
    ]
    lines.append(
        Cell(
            label("report_catalogue_status", lang, status=label(f"status_{cat.status}", lang)),
            "" if cat.status == "official" else "bold",
        )
    )
    source = text(cat.source, lang)
    if source:
        lines.append(Cell(label("report_catalogue_source", lang, source=source)))
    return [Lines(tuple(lines))]


def report_paper(
    a: Assessment,
    ward: Ward,
    data: PeriodData,
    lang: Lang,
    differences: Differences | None = None,
) -> Paper:
    """The ward's report on one period: the frame and the body, in one language.

    ``data`` is the period as the ward file holds it (its inspection and decision);
    ``differences`` those the inspection found, where the period has one (None: not
    worked out, and not said).
    """
    prev = a.compared_to if a.compared_to is not None else a.period.year_before()
    prev_label = _period(prev, lang)
    stage = "inspection" if a.stage == "inspection" else "self"
    unit = ward.unit or label("report_unit", lang, ward=ward.name)
    sections: list[tuple[str, list[Block]]] = []
    profile = list(_profile_entries(ward.profile, lang))
    area = ", ".join(
        v for v in (ward.area.ward, ward.area.district, ward.area.city, ward.area.province) if v
    )
    if area:
        profile.insert(0, label("report_area", lang, area=area))
    if profile:
        sections.append((label("report_sec_profile", lang), [Bullets("", tuple(profile))]))
    sections.append(
        (
            label(f"report_sec_criteria_{stage}", lang),
            _criteria_tables(a, lang, prev_label),
        )
    )
    sections.append(
        (
            label("report_sec_figures", lang, prev=prev_label.upper())
            if a.compared_to is not None
            else label("report_sec_figures_alone", lang, period=_period(a.period, lang).upper()),
            _figures(a, lang, prev_label),
        )
    )
    sections.append((label("report_sec_verdict", lang), _verdict(a, lang)))
    if data.inspection is not None:
        sections.append(
            (
                label("report_sec_inspection", lang),
                _inspection(data, differences, lang),
            )
        )
    if data.decision is not None:
        sections.append((label("report_sec_decision", lang), _decision(a, data, lang)))
    sections.append((label("report_sec_catalogue", lang), _catalogue(a, lang)))
    intro = label(f"report_intro_{stage}", lang, unit=unit, period=_period(a.period, lang))
    body: list[Block] = [*status_blocks((a.catalogue,), lang), Lines((Cell(intro),))]
    for n, (title, blocks) in enumerate(sections):
        body.append(Lines((Cell(f"{_ROMAN[n]}. {title}"),), heading=2))
        body += blocks
    subject = label(
        f"report_subject_{stage}",
        lang,
        catalogue=text(a.catalogue.title, lang),
        period=_period(a.period, lang),
    )
    return Paper(
        letterhead=letterhead(ward, a.period, data, lang),
        kind=label("report_kind", lang),
        subject=subject,
        body=body,
        signature=signature(ward, lang),
        lang=lang,
    )
