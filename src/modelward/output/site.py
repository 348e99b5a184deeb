"""A static site of a summary: ``index.html`` and one page per ward, nothing from the network.

``index.html`` holds the ranking (a table that reads in rank order without JavaScript, and
sorts by any column with it), wards per verdict, each area's progress to the target and the
criteria most often missed, the charts drawn as inline SVG. ``wards/<id>.html`` holds one
ward's criteria with their evidence, what an inspection found otherwise, the decision, and its
key figures year by year as a small chart. The folder is written whole or not at all.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelward.errors import UsageError
from modelward.messages import Message
from modelward.output.drawers.html import escape

if TYPE_CHECKING:
    from modelward.batch.breakdown import AreaKind
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.models import Stage
    from modelward.output.provenance import Provenance

MARKER = ".modelward-site"
"""A file in every site written: a folder holding it may be replaced by a new site."""

_SITE_CSS = """
nav { font-size: .9rem; margin-bottom: .5rem; } nav a { color: #0969da; }
a { color: #0969da; }
section { margin: 1.25rem 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .25rem; }
svg { width: 100%; max-width: 32rem; height: auto; font: 13px system-ui, sans-serif; }
svg text { fill: #1f2328; } svg .muted { fill: #57606a; }
th[data-sort] { cursor: pointer; } th[data-sort]::after { content: " ↕"; color: #8c959f; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; }
td ul { margin: 0; padding-left: 1rem; } td.w { white-space: normal; min-width: 12rem; }
.badge { padding: .05rem .4rem; border-radius: .6rem; }
/* On a phone a criterion's row stacks (title, status, evidence): STACK_CSS, in _CSS. */
@media print { nav, th[data-sort]::after { display: none; }
               .charts { grid-template-columns: repeat(3, 1fr); gap: .5rem; }
               figure { break-inside: avoid; } figcaption { font-size: 8pt; }
               svg { max-height: 6cm; } }
"""

_SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th[data-sort]").forEach(function (th, col) {
    th.tabIndex = 0;
    function sort() {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var up = th.getAttribute("aria-sort") !== "ascending", num = th.dataset.sort === "n";
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.v || a.cells[col].textContent,
            y = b.cells[col].dataset.v || b.cells[col].textContent;
        var c = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, document.documentElement.lang);
        return up ? c : -c;
      });
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
  });
});
"""

_COLOURS = {
    "met": "#2da44e",
    "not_met": "#cf222e",
    "unknown": "#d4a72c",
    "not_applicable": "#afb8c1",
}
_VERDICT_COLOURS = ("#2da44e", "#d4a72c", "#cf222e")


def is_site(output: str) -> bool:
    """Whether ``-o`` names a folder: a trailing ``/`` or a folder that exists."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


# ---------------------------------------------------------------------------- one ward's detail


def ward_detail(
    criteria: Path | None,
    stage: Stage | None,
    max_bytes: int,
    lang: Lang,
    path: str,
    period: str,
) -> dict[str, Any]:
    """What a ward's page shows, as plain data: ``ward_page`` draws it."""
    from modelward.cycle import assess_at, shown_stage
    from modelward.loading.lineage import load_formed
    from modelward.output.documents import assessment, history_document
    from modelward.output.layouts.parts import catalogues_line, value_words, who_when
    from modelward.selection import ward_history

    global _catalogues
    if _catalogues is None or _catalogues[0] != max_bytes:
        from modelward.loading import CatalogueCache

        _catalogues = (max_bytes, CatalogueCache(max_bytes))
    ward, lineage = load_formed(Path(path), criteria, max_bytes, _catalogues[1])
    chosen = ward.period(period)
    assert chosen is not None  # the summary ranked the ward on this period
    catalogue = ward.catalogue_of(chosen).model
    a = assess_at(
        catalogue,
        ward.periods,
        ward.figures,
        ward.inspected,
        chosen,
        # as the summary ranked it: a period without an inspection at its own stage
        shown_stage(ward.periods[chosen], stage),
        lineage=lineage,
        versions=ward.versions,
    )
    h = ward_history(ward, lineage, stage)
    area = ward.model.area
    shown = assessment(a, ward.model, lang)
    # The inspection's differing figures worded as assess and report word them: with their
    # bound and the mark of their source (FORMAT.md section 8).
    found = a.differences.indicators if a.differences is not None else ()
    for row, f in zip(shown["differences"]["indicators"], found, strict=True):
        row["self"] = value_words(f.own, f.indicator, lang)
        row["inspection"] = value_words(f.inspected, f.indicator, lang)
        row["sources"] = [v.source for v in (f.own, f.inspected) if v.value is not None]
    for group in shown["groups"]:  # titles are the catalogue's: not kept once per ward
        del group["title"]
        for criterion in group["criteria"]:
            del criterion["title"]
    return {
        "unit": ward.model.unit or "",
        "place": ", ".join(v for v in (area.ward, area.district, area.city, area.province) if v),
        # who assessed the stage shown, and when (an inspection's, said unrecorded if absent)
        "by_on": [str(x) if x else None for x in who_when(a, ward.periods[chosen])],
        "assessment": shown,
        "history": {"periods": history_document(h, ward.model, lang)["periods"]},
        # which catalogue each year shown is on, where they are on several (as history says)
        "catalogues": [c.text for c in catalogues_line(h.assessments, lang)],
    }


_catalogues: tuple[int, Any] | None = None
"""The catalogues read in this process, for the ward details made in it."""


# ---------------------------------------------------------------------------- writing the folder


def write_site(
    folder: Path,
    summary: Summary,
    lang: Lang,
    provenance: Provenance,
    *,
    criteria: Path | None,
    stage: Stage | None,
    max_bytes: int,
    jobs: int | None,
    use_cache: bool,
) -> None:
    """Write the site into ``folder``: made in a folder beside it, then renamed into place.

    An existing folder is replaced only when it is empty or a site this tool wrote (it holds
    ``MARKER``): nothing else a user keeps there is ever deleted.
    """
    from modelward.batch.details import Wanted, details

    folder = folder.resolve() if folder.exists() else Path(os.path.abspath(folder))
    _check_target(folder, summary)
    wanted = [
        Wanted(r.row.path, r.row.sha256, r.row.period, not r.row.combined_from and not r.row.formed)
        for r in summary.ranked
    ]
    make = partial(ward_drawing, summary.catalogue, criteria, stage, max_bytes, lang)
    found = details(
        wanted,
        make,
        salt=f"{summary.catalogue_sha256}|{lang}|{stage}|site/5",
        use_cache=use_cache,
        jobs=jobs,
    )
    # The site replaced (checked above to be one this tool wrote), whose unchanged pages are
    # kept rather than written again.
    old = folder if (folder / MARKER).is_file() else None
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(work, 0o777 & ~umask)  # as a folder made by hand, not mkdtemp's owner-only
    keep = partial(_write_page, mode=0o666 & ~umask)
    try:
        (work / "wards").mkdir()
        (work / MARKER).write_text("modelward site\n", encoding="utf-8")
        pages = page_names([r.row.id for r in summary.ranked])
        keep(work, old, "index.html", index_html(summary, lang, provenance, pages))
        for n, drawn in found:  # a chunk at a time, in no set order: none kept once written
            ranked = summary.ranked[n]
            keep(
                work,
                old,
                f"wards/{pages[ranked.row.id]}",
                ward_html(summary, ranked.rank, drawn, lang),
            )
        _swap(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        found.close()


def _write_page(work: Path, old: Path | None, name: str, page: str, *, mode: int) -> None:
    """Write a page of the new site, or, where the site it replaces has that page byte for
    byte, link that file in: the page is the same, and keeps its file and time (a copy or a
    sync sees it unchanged). Making thousands of files costs far more than linking them on
    some systems. Only a file of ours is linked: a regular file with no other link (a page a
    user linked elsewhere is not tied to the new site), of this user, with the permissions a
    file written now would have. Anything else, or a failed link, and the page is written."""
    data = page.replace("\n", os.linesep).encode("utf-8")  # as a text file is written
    if old is not None and _same_page(old / name, data, mode):
        try:
            os.link(old / name, work / name)
            return
        except OSError:
            pass  # no hard links here (a FAT stick): written as any other
    (work / name).write_bytes(data)


def _same_page(path: Path, data: bytes, mode: int) -> bool:
    import stat

    try:
        st = os.lstat(path)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_nlink != 1
            or st.st_size != len(data)
            or stat.S_IMODE(st.st_mode) != mode
            or st.st_uid != getattr(os, "getuid", lambda: st.st_uid)()
        ):
            return False
        with open(path, "rb") as file:
            return file.read(len(data) + 1) == data
    except OSError:
        return False


def _check_target(folder: Path, summary: Summary) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(Message("site_is_file", folder=str(folder)), "-o/--output")
    for path in summary.inputs():
        if Path(os.path.abspath(path)).is_relative_to(folder):
            raise UsageError(
                Message("site_holds_input", folder=str(folder), path=str(path)), "-o/--output"
            )
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    if not (folder / MARKER).is_file():
        raise UsageError(Message("site_not_empty", folder=str(folder)), "-o/--output")
    others = _not_ours(folder)
    if others:
        raise UsageError(
            Message("site_holds_others", folder=str(folder), names=others[:3], n=len(others)),
            "-o/--output",
        )


def _not_ours(folder: Path) -> list[str]:
    """What a site folder holds that no site wrote (a user's notes, a .git): never deleted."""
    others = []
    for entry in sorted(folder.iterdir()):
        if entry.name in (MARKER, "index.html") and entry.is_file() and not entry.is_symlink():
            continue
        if entry.name == "wards" and entry.is_dir() and not entry.is_symlink():
            others += [
                f"wards/{page.name}"
                for page in sorted(entry.iterdir())
                if page.suffix != ".html" or not page.is_file() or page.is_symlink()
            ]
            continue
        others.append(entry.name)
    return others


def _swap(work: Path, folder: Path) -> None:
    """Put the new site in place of the folder in one rename, the old one removed after."""
    if not folder.exists():
        os.rename(work, folder)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
    os.rename(folder, old / "site")
    try:
        os.rename(work, folder)
    except OSError:
        os.rename(old / "site", folder)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def _page_name(ward_id: str) -> str:
    """A ward's page: its id (a slug already, but made safe for any file system)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in ward_id).lstrip(".")
    return f"{safe or 'ward'}.html"


_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{kind}{n}" for kind in ("com", "lpt") for n in "0123456789¹²³"]
)
"""Names Windows keeps for devices, whatever the case or extension (``con.html``, ``Nul.x``):
no file of such a name can be made or opened there, as on a USB stick read at an office."""


def _is_device(name: str) -> bool:
    return name.split(".", 1)[0].rstrip(" ").casefold() in _DEVICES


def page_names(ward_ids: Sequence[str]) -> dict[str, str]:
    """Each ward's page file, no two the same on any disk (one that ignores case or tells
    composed from decomposed letters alike). A ward id is a slug, and its own page name;
    should two ids ever come to one name, the first in sorted order keeps it and the others
    add the start of their id's SHA-256: the same names on every export of the same wards.
    An id whose plain name Windows keeps for a device (``con``, ``nul``, ``com1``…) always
    adds it (``con-<hash>.html``)."""
    import hashlib
    import unicodedata

    def same(name: str) -> str:  # what a case-insensitive, normalising disk compares
        return unicodedata.normalize("NFC", name).casefold()

    names: dict[str, str] = {}
    taken: set[str] = set()
    later = []
    for ward_id in sorted(set(ward_ids)):
        name = _page_name(ward_id)
        if same(name) in taken or _is_device(name):
            later.append(ward_id)
        else:
            names[ward_id] = name
            taken.add(same(name))
    for ward_id in later:  # after every plain name, so that none of those is moved
        digest, size = hashlib.sha256(ward_id.encode("utf-8", "surrogatepass")).hexdigest(), 8
        # the suffix before any dot: Windows reads a device in the name up to its first dot
        head, dot, rest = _page_name(ward_id)[:-5].partition(".")
        while same(name := f"{head}-{digest[:size]}{dot}{rest}.html") in taken and size < 64:
            size += 4
        names[ward_id] = name
        taken.add(same(name))
    return names


# ---------------------------------------------------------------------------- the index


def index_html(summary: Summary, lang: Lang, provenance: Provenance, pages: dict[str, str]) -> str:
    """The site's first page: charts, the areas, the ranking, the criteria, the provenance."""
    from modelward.i18n import label, text
    from modelward.output.drawers.html import _CSS, html_blocks, html_page
    from modelward.output.layouts.provenance import provenance_blocks
    from modelward.output.layouts.summary import (
        area_blocks,
        criteria_blocks,
        left_out_blocks,
        summary_head,
        summary_title,
        target_line,
    )

    s = summary
    cat = s.catalogue
    title = summary_title(s, lang)
    body = html_blocks([summary_head(s, lang)])
    kind: AreaKind = s.by or "city"
    verdicts = [(text(v.title, lang), s.by_verdict[v.id]) for v in cat.verdicts]
    colours = [_verdict_colour(i, len(cat.verdicts)) for i in range(len(cat.verdicts))]
    charts = [
        _figure(label("chart_verdicts", lang), _bars(verdicts, colours, lang)),
    ]
    areas = s.areas(kind)
    if areas:
        charts.append(
            _figure(
                label("chart_areas", lang, verdict=text(cat.verdicts[0].title, lang)),
                _progress(areas, kind, s.target, lang),
            )
        )
    counts = [c for c in s.criterion_counts() if c.missed]
    if counts:
        from modelward.batch.breakdown import most_missed

        charts.append(_figure(label("chart_missed", lang), _misses(most_missed(counts), lang)))
    body.append(f'<section class="charts">{"".join(charts)}</section>')
    if s.target is not None:
        from fractions import Fraction

        reached = s.top_share >= Fraction(str(s.target))
        line = target_line(s, lang)
        if line is not None:
            body.append(
                f'<p class="{"green" if reached else "yellow"}"><b>{escape(line.text)}</b></p>'
            )
    body += html_blocks(area_blocks(s, lang, kind))
    body.append(f"<h2>{escape(label('ranking', lang))}</h2>")
    body.append(_ranking(s, lang, pages))
    body += html_blocks(left_out_blocks(s, lang))
    body += html_blocks(criteria_blocks(s, lang, None))
    body += html_blocks(provenance_blocks(provenance, lang))
    body.append(f"<script>{_SORT_JS}</script>")
    return html_page(body, title, lang, _CSS + _SITE_CSS)


def _ranking(s: Summary, lang: Lang, pages: dict[str, str]) -> str:
    """The ranking table: in rank order as written, sortable by any column with JavaScript."""
    from modelward.i18n import label, number, text
    from modelward.output.blocks import verdict_style
    from modelward.output.layouts.parts import period_words
    from modelward.output.layouts.summary import ward_name
    from modelward.periods import parse_period

    cat = s.catalogue
    titles = {v.id: text(v.title, lang) for v in cat.verdicts}
    heads = [
        (label("rank", lang), "n", "r"),
        (label("ward", lang).capitalize(), "t", "k"),
        (label("city", lang).capitalize(), "t", ""),
        (label("period", lang), "t", ""),
        (label("total", lang), "n", "r"),
        (label("score", lang), "n", "r"),
        (label("verdict", lang), "n", ""),
    ]
    th = "".join(
        f'<th data-sort="{kind}"{f" class={cls}" if cls else ""} scope="col">{escape(h)}</th>'
        for h, kind, cls in heads
    )
    rows = []
    periods: dict[str, str] = {}
    for r in s.ranked:
        row = r.row
        if row.period not in periods:
            periods[row.period] = period_words(parse_period(row.period), lang)
        style = verdict_style(row.verdict_index, len(cat.verdicts))
        rows.append(
            f'<tr><td class="r" data-v="{r.rank}">{number(r.rank, lang)}</td>'
            f'<td class="k"><a href="wards/{escape(pages[row.id])}">'
            f"{escape(ward_name(s, row, lang))}</a></td>"
            f"<td>{escape(dict(row.area).get('city', ''))}</td>"
            f"<td>{escape(periods[row.period])}</td>"
            f'<td class="r" data-v="{row.met}">{row.met}/{row.applicable}</td>'
            f'<td class="r" data-v="{row.score}">{escape(number(row.score, lang, 2, trim=True))}</td>'
            f'<td data-v="{row.verdict_index}"><span class="{style}">'
            f"{escape(titles[row.verdict])}</span></td></tr>"
        )
    return (
        f'<div class="scroll"><table class="sortable"><thead><tr>{th}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# ---------------------------------------------------------------------------- charts (inline SVG)


def _verdict_colour(index: int, count: int) -> str:
    if index == 0:
        return _VERDICT_COLOURS[0]
    return _VERDICT_COLOURS[2] if index == count - 1 else _VERDICT_COLOURS[1]


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>"


def _svg(width: int, height: int, parts: Sequence[str], label: str) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def _bars(items: Sequence[tuple[str, int]], colours: Sequence[str], lang: Lang) -> str:
    """Horizontal bars, one per item, its name above it and its count after it."""
    from modelward.i18n import number

    width, row = 360, 40
    most = max((n for _, n in items), default=0) or 1
    parts = []
    for i, ((name, n), colour) in enumerate(zip(items, colours, strict=True)):
        y = 4 + i * row
        w = max(round((width - 40) * n / most), 1 if n else 0)
        parts.append(
            f'<text x="0" y="{y + 12}">{escape(_short(name, 48))}</text>'
            f'<rect x="0" y="{y + 17}" width="{w}" height="16" fill="{colour}"/>'
            f'<text x="{w + 6}" y="{y + 30}">{number(n, lang)}</text>'
        )
    said = ", ".join(f"{a}: {number(n, lang)}" for a, n in items)
    return _svg(width, 8 + len(items) * row, parts, said)


def _progress(areas: Sequence[Any], kind: AreaKind, target: float | None, lang: Lang) -> str:
    """Each area's share at the top verdict as a bar from 0 to 100%, its name above it, the
    target a dashed line across them all."""
    from modelward.i18n import label, percent
    from modelward.output.layouts.summary import area_name

    width, row = 360, 40
    span = width - 50
    parts = []
    for i, area in enumerate(areas):
        y = 4 + i * row
        w = round(span * float(area.share))
        colour = _VERDICT_COLOURS[0] if target is None or area.needed == 0 else _VERDICT_COLOURS[1]
        parts.append(
            f'<text x="0" y="{y + 12}">{escape(_short(area_name(area, kind, lang), 48))}</text>'
            f'<rect x="0" y="{y + 17}" width="{span}" height="16" fill="#eaeef2"/>'
            f'<rect x="0" y="{y + 17}" width="{w}" height="16" fill="{colour}"/>'
            f'<text x="{span + 6}" y="{y + 30}">{escape(percent(area.share, lang, 0))}</text>'
        )
    height = 8 + len(areas) * row
    if target is not None:
        x = round(span * target)
        parts.append(
            f'<line x1="{x}" y1="16" x2="{x}" y2="{height}" stroke="#1f2328" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{x}" y="{height + 14}" text-anchor="middle" class="muted">'
            f"{escape(label('target', lang))} {escape(percent(target, lang, 0))}</text>"
        )
        height += 18
    return _svg(width, height, parts, label("areas_title", lang, kind=label(kind, lang)))


def _misses(counts: Sequence[Any], lang: Lang) -> str:
    """Per criterion, wards not met (red) and not assessed (yellow), stacked, most missed first."""
    from modelward.i18n import label

    width, left, row = 360, 40, 22
    most = max(c.missed for c in counts) or 1
    span = width - left - 40
    parts = []
    for i, c in enumerate(counts):
        y = 4 + i * row
        a = round(span * c.not_met / most)
        b = round(span * c.unknown / most)
        parts.append(
            f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(c.id)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{a}" height="15" fill="{_COLOURS["not_met"]}"/>'
            f'<rect x="{left + a}" y="{y + 2}" width="{b}" height="15" fill="{_COLOURS["unknown"]}"/>'
            f'<text x="{left + a + b + 5}" y="{y + 13}">{c.missed}</text>'
        )
    y = 8 + len(counts) * row
    parts.append(
        f'<rect x="{left}" y="{y}" width="10" height="10" fill="{_COLOURS["not_met"]}"/>'
        f'<text x="{left + 14}" y="{y + 9}">{escape(label("not_met", lang))}</text>'
        f'<rect x="{left + 120}" y="{y}" width="10" height="10" fill="{_COLOURS["unknown"]}"/>'
        f'<text x="{left + 134}" y="{y + 9}">{escape(label("unknown", lang))}</text>'
    )
    return _svg(width, y + 16, parts, label("chart_missed", lang))


def _line(
    points: Sequence[tuple[str, float | None, str, str | None]], lang: Lang, unit: str = ""
) -> str:
    """A small chart of one figure period by period: a line through the known values, each
    labelled with its bound in words where it has one (``trên 90%``, as assess and report
    say it) and the mark of its source where it is not the ward's report (``MARKS``)."""
    from modelward.explain import bounded

    known = [v for _, v, _, _ in points if v is not None]
    if not known:
        return ""
    said = [
        "—" if v is None else bounded(_number(v, lang, unit), bound, lang) + mark
        for _, v, mark, bound in points
    ]
    # A period's name is centred under its point, and a figure's label over it: the side
    # margins hold half the longest ("tháng 1–2/2025", "từ 90% trở lên"), about 7 units a
    # character at the chart's 13 px, so none is cut.
    width, height = 300, 120
    longest = max(len(t) for t in (*(_short(n, 14) for n, _, _, _ in points), *said))
    pad = max(28, 4 + 7 * longest // 2)
    top, low = max(known), min(0.0, min(known))
    spread = (top - low) or 1.0
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def at(i: int, v: float) -> tuple[float, float]:
        return pad + i * step, height - 26 - (height - 46) * (v - low) / spread

    coords = [(at(i, v), said[i]) for i, (_, v, _, _) in enumerate(points) if v is not None]
    parts = [
        f'<line x1="{pad}" y1="{height - 26}" x2="{width - pad}" y2="{height - 26}" '
        'stroke="#d0d7de"/>',
        '<polyline fill="none" stroke="#0969da" stroke-width="2" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for (x, y), _ in coords)
        + '"/>',
    ]
    for (x, y), shown in coords:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#0969da"/>'
            f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle">{escape(shown)}</text>'
        )
    for i, (name, value, _, _) in enumerate(points):
        if value is None:  # no figure for that period: said where its point would be
            parts.append(
                f'<text x="{pad + i * step:.1f}" y="{height - 33}" text-anchor="middle" '
                'class="muted">—</text>'
            )
        parts.append(
            f'<text x="{pad + i * step:.1f}" y="{height - 8}" text-anchor="middle" '
            f'class="muted">{escape(_short(name, 14))}</text>'
        )
    names = (name for name, _, _, _ in points)
    return _svg(
        width, height, parts, ", ".join(f"{n}: {t}" for n, t in zip(names, said, strict=True))
    )


@lru_cache(maxsize=4096)
def _number(value: float, lang: Lang, unit: str) -> str:
    """A figure as a chart labels it; the same few figures recur across thousands of wards."""
    from modelward.i18n import number

    if unit == "%":
        return number(value * 100, lang, 1, trim=True) + "%"
    return number(value, lang, 2, trim=True)


@lru_cache(maxsize=1024)
def _period(key: str, lang: Lang) -> str:
    """A period as reports write it, worked out once per period however many wards have it."""
    from modelward.i18n import period_text
    from modelward.periods import parse_period

    return period_text(parse_period(key), lang)


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


# ---------------------------------------------------------------------------- a ward's page


_RANK = "\x00"
"""Where a drawn page's rank goes: a character ``escape`` never lets through, so it marks
one place only, whatever the ward's text."""


def ward_html(summary: Summary, rank: int, drawn: dict[str, str], lang: Lang) -> str:
    """One ward's page, whole: its drawing (``ward_drawing``) with its rank filled in."""
    from modelward.i18n import number
    from modelward.output.drawers.html import _CSS, html_page

    of = f"{number(rank, lang)}/{number(len(summary.ranked), lang)}"
    shown = f"{drawn['head']}{of}{drawn['tail']}"
    return html_page([shown], drawn["title"], lang, _CSS + _SITE_CSS)


def ward_drawing(
    catalogue: Any,
    criteria: Path | None,
    stage: Stage | None,
    max_bytes: int,
    lang: Lang,
    path: str,
    period: str,
) -> dict[str, str]:
    """A ward's page drawn from its file, all but its rank (which changes with the others):
    what the cache keeps, so that a later export only fills the rank in and writes."""
    return ward_page(catalogue, ward_detail(criteria, stage, max_bytes, lang, path, period), lang)


def ward_page(cat: Any, detail: dict[str, Any], lang: Lang) -> dict[str, str]:
    """One ward's page: its result, the decision, the inspection's differences, every
    criterion with its evidence, and the key figures year by year. Its body is split where
    the rank goes (``head``, ``tail``), beside the page's ``title``."""
    from datetime import date

    from modelward.i18n import date_text, label, number, text
    from modelward.output.drawers.html import said_as
    from modelward.output.layouts.parts import (
        MARKS,
        catalogue_statuses,
        sources_legend,
        stage_said,
        status_text,
    )

    a = detail["assessment"]
    by, on = detail["by_on"]
    name = a["ward"]["name"]
    period = _period(a["period"], lang)
    verdict = a["verdict"]
    index = next((i for i, v in enumerate(cat.verdicts) if v.id == verdict["id"]), 0)
    style = ("green", "yellow", "red")[
        0 if index == 0 else (2 if index == len(cat.verdicts) - 1 else 1)
    ]
    body = [
        f'<nav><a href="../index.html">← {escape(label("back_to_summary", lang))}</a></nav>',
        f"<h1>{escape(name)} — {escape(period)}</h1>",
        *(f'<p class="muted">{escape(t)}</p>' for t in (detail["unit"], detail["place"]) if t),
        # The catalogue's status, and that of each catalogue the years shown were scored on.
        *(
            f'<p class="yellow"><b>{escape(c.text)}</b></p>'
            for c in catalogue_statuses(
                (
                    (f"{c['id']}@{c['version']}", c["status"])
                    for c in (
                        a["catalogue"],
                        *(p["catalogue"] for p in detail["history"]["periods"]),
                    )
                ),
                lang,
            )
        ),
        *(f'<p class="muted">{escape(t)}</p>' for t in detail["catalogues"]),
    ]
    totals = a["totals"]
    facts = [
        (label("rank", lang), _RANK),
        (label("verdict", lang), f'<span class="{style} badge">{escape(verdict["title"])}</span>'),
        (
            label("score", lang),
            f"{escape(number(totals['score'], lang, 2, trim=True))} "
            f"({totals['met']}/{totals['applicable']})",
        ),
        (
            label("stage", lang),
            escape(stage_said(a["stage"], by, on and date.fromisoformat(on), lang)),
        ),
    ]
    if verdict.get("provisional"):
        said = escape(label("provisional", lang, n=totals["unknown"]))
        facts.append(("", f'<span class="yellow">{said}</span>'))
    baseline = a.get("baseline")
    if baseline:  # a ward formed by merging others: whose figures the year before are
        said = label(
            "baseline_combined",
            lang,
            prev=_period(baseline["period"], lang),
            wards=", ".join(baseline["combined_from"]),
        )
        facts.append(("", f'<span class="yellow">{escape(said[:1].upper() + said[1:])}</span>'))
    decision = a.get("decision")
    if decision:
        said = label(
            "recognised" if decision["recognised"] else "not_recognised",
            lang,
            number=decision["number"],
            on=date_text(date.fromisoformat(decision["on"]), lang),
            by=f", {decision['by']}" if decision["by"] else "",
        )
        facts.append(
            ("", f'<span class="{"green" if decision["recognised"] else ""}">{escape(said)}</span>')
        )
    body.append(
        '<dl class="facts">'
        + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in facts)
        + "</dl>"
    )

    titles, groups, indicators, statuses = _names(cat, lang)
    used: set[str] = set()  # the sources of the figures shown: their marks explained
    differences = a["differences"]
    if differences["criteria"] or differences["indicators"]:
        # Stacked on a phone (table.stack): each stage's word under the criterion's title.
        own = said_as(label("stage_self", lang))
        theirs = said_as(label("stage_inspection", lang))
        rows = [
            f'<tr><td class="w">{escape(d["id"])} {escape(titles.get(d["id"], ""))}</td>'
            f"<td{own}>{escape(status_text(d['self'], lang))}</td>"
            f"<td{theirs}>{escape(status_text(d['inspection'], lang))}</td></tr>"
            for d in differences["criteria"]
        ] + [
            f'<tr><td class="w">{escape(text(indicators[d["id"]].title, lang) if d["id"] in indicators else d["id"])}</td>'
            f"<td{own}>{escape(d['self'])}</td>"
            f"<td{theirs}>{escape(d['inspection'])}</td></tr>"
            for d in differences["indicators"]
        ]
        used |= {s for d in differences["indicators"] for s in d["sources"]}
        body.append(
            f"<h2>{escape(label('differences', lang))}</h2>"
            f'<div class="scroll"><table class="stack"><thead><tr>'
            f"<th>{escape(label('criterion_or_figure', lang))}</th>"
            f"<th>{escape(label('stage_self', lang))}</th>"
            f"<th>{escape(label('stage_inspection', lang))}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )

    body.append(f"<h2>{escape(label('criteria', lang).capitalize())}</h2>")
    rows = []
    status_said, evidence_said = said_as(label("status", lang)), said_as(label("evidence", lang))
    for group in a["groups"]:
        rows.append(
            f'<tr class="b"><td colspan="3">{escape(group["id"])} {escape(groups[group["id"]])} '
            f"({group['met']}/{group['applicable']})</td></tr>"
        )
        for c in group["criteria"]:
            status = statuses[c["status"]] + (" ✎" if c["overridden"] else "")
            cls = {"met": "green", "not_met": "red", "unknown": "yellow"}.get(c["status"], "dim")
            evidence = "".join(f"<li>{escape(e)}</li>" for e in c.get("evidence", []))
            why = escape(c.get("reason") or "")
            rows.append(
                f'<tr><td class="w">{escape(c["id"])} {escape(titles.get(c["id"], ""))}</td>'
                f'<td{status_said}><span class="{cls}">{status}</span></td>'
                f'<td class="w"{evidence_said}>{why}{f"<ul>{evidence}</ul>" if evidence else ""}</td></tr>'
            )
    body.append(
        f'<div class="scroll"><table class="stack"><thead><tr>'
        f"<th>{escape(label('criterion', lang))}</th>"
        f"<th>{escape(label('status', lang))}</th><th>{escape(label('evidence', lang))}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )

    history = detail["history"]["periods"]
    # each period's key figures are its own catalogue's: the first's, then any a later adds
    keys = list(dict.fromkeys(k for p in history for k in p["indicators"]))
    if keys:
        figs = []
        for key in keys:
            ind = indicators.get(key)
            # A period on another catalogue version may not have this figure at all.
            shown = [(p["period"], p["indicators"][key]) for p in history if key in p["indicators"]]
            points = [
                (
                    _period(period, lang),
                    f["value"],
                    MARKS.get(f.get("source", "report"), ""),
                    f.get("bound"),
                )
                for period, f in shown
            ]
            unit = "%" if ind is not None and ind.kind == "percent" else ""
            chart = _line(points, lang, unit)
            if chart:
                caption = text(ind.title, lang) if ind is not None else key
                figs.append(_figure(caption, chart))
                used |= {f.get("source", "report") for _, f in shown if f["value"] is not None}
        if figs:
            body.append(f"<h2>{escape(label('key_figures', lang))}</h2>")
            body.append(f'<section class="charts">{"".join(figs)}</section>')
    legend = sources_legend(used, lang)
    if legend is not None:
        body.append(f'<p class="muted">{escape(legend.text)}</p>')
    head, tail = "\n".join(body).split(_RANK)
    return {"title": f"{name} — {period}", "head": head, "tail": tail}


_NAMES: dict[tuple[int, str], tuple[Any, tuple[Any, ...]]] = {}


def _names(cat: Any, lang: Lang) -> tuple[Any, ...]:
    """A catalogue's titles and the status words, worked out once for every ward's page:
    criteria, groups, indicators by id, and each status as HTML."""
    from modelward.i18n import text
    from modelward.output.layouts.parts import status_text

    key = (id(cat), lang)
    if key not in _NAMES or _NAMES[key][0] is not cat:
        _NAMES[key] = (
            cat,
            (
                {c.id: text(c.title, lang) for c in cat.criteria()},
                {g.id: text(g.title, lang) for g in cat.groups},
                {i.id: i for i in cat.indicators},
                {
                    st: escape(status_text(st, lang))
                    for st in ("met", "not_met", "not_applicable", "unknown")
                },
            ),
        )
    return _NAMES[key][1]
