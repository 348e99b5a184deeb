"""What people read: rich tables for the terminal and Markdown for reports (the only module that draws).

A result is first laid out as a view of plain strings (``AssessView``), then drawn as a rich
table or as Markdown, so the two never say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modelward import explain
from modelward.i18n import Lang, label, number, text
from modelward.models import Ward
from modelward.rules import Status
from modelward.scoring import Assessment, CriterionResult, IndicatorResult

SYMBOLS: dict[Status, str] = {"met": "✔", "not_met": "✘", "not_applicable": "–", "unknown": "?"}
STYLES: dict[Status, str] = {
    "met": "green",
    "not_met": "red",
    "not_applicable": "dim",
    "unknown": "yellow",
}
OVERRIDDEN = "✎"


def status_text(status: Status, lang: Lang) -> str:
    """A status with its symbol, so it reads without colour: ``✔ Đạt``."""
    return f"{SYMBOLS[status]} {label(status, lang)}"


@dataclass(slots=True)
class CriterionRow:
    """One criterion as it is shown."""

    id: str
    title: str
    status: Status
    reason: str
    evidence: int
    overridden: bool


@dataclass(slots=True)
class GroupRows:
    """A group heading and its criteria."""

    id: str
    title: str
    met: int
    applicable: int
    rows: list[CriterionRow]


@dataclass(slots=True)
class IndicatorRow:
    """One indicator as it is shown."""

    title: str
    now: str
    before: str
    change: str
    improved: bool | None
    arrow: str


@dataclass(slots=True)
class AssessView:
    """An assessment laid out as strings, ready to draw as a table or as Markdown."""

    lang: Lang
    title: str
    subtitle: list[str]
    headline: str
    verdict: str
    top: bool
    period: str
    previous: str
    groups: list[GroupRows]
    indicators: list[IndicatorRow]
    missing_title: str = ""
    missing: list[str] = field(default_factory=list)


def _arrow(result: IndicatorResult) -> str:
    if result.change is None:
        return ""
    if result.change == 0:
        return "="
    return "▲" if result.change > 0 else "▼"


def _indicator_row(result: IndicatorResult, lang: Lang) -> IndicatorRow:
    ind = result.indicator
    unit = text(ind.unit, lang)
    title = text(ind.title, lang) + (f" ({unit})" if unit else "")

    def shown(value: object) -> str:
        v = getattr(value, "value", None)
        return "—" if v is None else explain.figure(v, ind, lang)

    return IndicatorRow(
        title=title,
        now=shown(result.value),
        before=shown(result.previous),
        change=explain.change(result.change, lang),
        improved=result.improved,
        arrow=_arrow(result),
    )


def _criterion_row(result: CriterionResult, a: Assessment, lang: Lang, prev: str) -> CriterionRow:
    return CriterionRow(
        id=result.criterion.id,
        title=text(result.criterion.title, lang),
        status=result.status,
        reason=explain.reason(result, a.catalogue, lang, prev),
        evidence=len(result.evidence),
        overridden=result.overridden,
    )


def assess_view(a: Assessment, ward: Ward, lang: Lang) -> AssessView:
    """Lay an assessment out for people: headline, criteria by group, figures, what is missing."""
    prev = str(a.compared_to) if a.compared_to is not None else str(a.period.year_before())
    place = ", ".join(
        v for v in (ward.area.ward, ward.area.district, ward.area.city, ward.area.province) if v
    )
    subtitle = [s for s in (ward.unit, place) if s]
    when = f"{label('period', lang)} {a.period}, " + (
        f"{label('compared_to', lang)} {a.compared_to}"
        if a.compared_to is not None
        else label("no_comparison", lang)
    )
    verdict = text(a.verdict.title, lang)
    t = a.totals
    headline = (
        label("criteria_met", lang, met=t.met, applicable=t.applicable).capitalize()
        + f" · {label('score', lang)} {number(t.score, lang, 2, trim=True)}"
    )
    groups = [
        GroupRows(
            id=g.group.id,
            title=text(g.group.title, lang),
            met=g.totals.met,
            applicable=g.totals.applicable,
            rows=[_criterion_row(r, a, lang, prev) for r in g.criteria],
        )
        for g in a.groups
    ]
    indicators = [_indicator_row(r, lang) for r in a.indicators if r.reported]
    view = AssessView(
        lang=lang,
        title=ward.name,
        subtitle=[*subtitle, when],
        headline=headline,
        verdict=verdict,
        top=a.verdict_index == 0,
        period=str(a.period),
        previous=prev,
        groups=groups,
        indicators=indicators,
    )
    if a.verdict_index > 0:
        top = a.catalogue.verdicts[0]
        view.missing_title = label("missing_title", lang, verdict=text(top.title, lang))
        for r in a.criteria:
            if r.status in ("met", "not_applicable"):
                continue
            line = f"{r.criterion.id} {text(r.criterion.title, lang)}: {label(r.status, lang)}"
            why = explain.reason(r, a.catalogue, lang, prev)
            gaps = [g for g in (explain.gap(c, a.catalogue, lang) for c in r.checks) if g]
            details = "; ".join(x for x in (why, *gaps) if x)
            view.missing.append(line + (f" — {details}" if details else ""))
    return view


# ---------------------------------------------------------------------------- rich


def _change_style(row: IndicatorRow) -> str:
    if row.improved is None or row.arrow == "=":
        return ""
    return "green" if row.improved else "red"


def assess_table(view: AssessView) -> RenderableType:
    """The assessment for a terminal: headline, one table of criteria by group, the figures."""
    lang = view.lang
    head = Text()
    head.append(view.title, style="bold")
    for line in view.subtitle:
        head.append("\n" + line, style="dim" if line != view.subtitle[-1] else "")
    head.append("\n" + view.headline + " · " + label("verdict", lang) + ": ")
    head.append(view.verdict, style="bold green" if view.top else "bold yellow")

    criteria = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    criteria.add_column("", no_wrap=True)
    criteria.add_column(label("criterion", lang), ratio=3)
    criteria.add_column(label("status", lang), no_wrap=True)
    criteria.add_column(label("reason", lang), ratio=3)
    criteria.add_column(label("evidence", lang), justify="right", no_wrap=True)
    for g in view.groups:
        criteria.add_row(
            Text(g.id, style="bold"),
            Text(g.title, style="bold"),
            Text(f"{g.met}/{g.applicable}", style="bold"),
            "",
            "",
        )
        for r in g.rows:
            status = Text(status_text(r.status, lang), style=STYLES[r.status])
            if r.overridden:
                status.append(f" {OVERRIDDEN}", style="bold")
            criteria.add_row(r.id, r.title, status, r.reason, str(r.evidence) if r.evidence else "")

    parts: list[RenderableType] = [head, criteria]
    if view.indicators:
        figures = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        figures.add_column(label("indicator", lang), ratio=3)
        figures.add_column(f"{label('this_period', lang)} ({view.period})", justify="right")
        figures.add_column(f"{label('previous', lang)} ({view.previous})", justify="right")
        figures.add_column(label("change", lang), justify="right", no_wrap=True)
        for row in view.indicators:
            change = f"{row.arrow} {row.change}".strip()
            figures.add_row(row.title, row.now, row.before, Text(change, style=_change_style(row)))
        parts.append(figures)
    if view.missing:
        missing = Text(view.missing_title, style="bold")
        for line in view.missing:
            missing.append("\n • " + line)
        parts.append(missing)
    return Group(*_spaced(parts))


def _spaced(parts: list[RenderableType]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Text(""))
        out.append(part)
    return out


def console(width: int | None = None) -> Console:
    """A console on stdout; colour only on a terminal, and never under NO_COLOR."""
    return Console(width=width, highlight=False, soft_wrap=False)


# ---------------------------------------------------------------------------- markdown


def _md(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def assess_markdown(view: AssessView) -> str:
    """The assessment as Markdown, for pasting into a report."""
    lang = view.lang
    lines = [f"# {_md(view.title)} — {view.period}", ""]
    lines += [f"{_md(s)}  " for s in view.subtitle]
    lines += [
        f"**{_md(view.headline)}** · {label('verdict', lang)}: **{_md(view.verdict)}**",
        "",
        f"| | {label('criterion', lang)} | {label('status', lang)} | {label('reason', lang)} "
        f"| {label('evidence', lang)} |",
        "|---|---|---|---|---:|",
    ]
    for g in view.groups:
        lines.append(f"| **{g.id}** | **{_md(g.title)}** | **{g.met}/{g.applicable}** | | |")
        for r in g.rows:
            status = status_text(r.status, lang) + (f" {OVERRIDDEN}" if r.overridden else "")
            evidence = str(r.evidence) if r.evidence else ""
            lines.append(f"| {r.id} | {_md(r.title)} | {status} | {_md(r.reason)} | {evidence} |")
    if view.indicators:
        lines += [
            "",
            f"| {label('indicator', lang)} | {label('this_period', lang)} ({view.period}) "
            f"| {label('previous', lang)} ({view.previous}) | {label('change', lang)} |",
            "|---|---:|---:|---:|",
        ]
        for row in view.indicators:
            change = f"{row.arrow} {row.change}".strip()
            lines.append(f"| {_md(row.title)} | {row.now} | {row.before} | {change} |")
    if view.missing:
        lines += ["", f"**{_md(view.missing_title)}**", ""]
        lines += [f"- {_md(line)}" for line in view.missing]
    return "\n".join(lines) + "\n"
