"""The summary as one self-contained HTML page: readable on a phone, printable, no network."""

from __future__ import annotations

from html import escape as _html_escape
from typing import TYPE_CHECKING

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.blocks import Block, Paper, Sheet


def escape(text: str) -> str:
    """Text as HTML shows it: markup escaped, control characters and bidi marks shown."""
    return _html_escape(visible(text))


STACK_CSS = """
/* A phone (under 600 px) shows a one-ward table a row at a time, its cells one under the
   other, each after its header: the status is in sight without scrolling sideways. */
@media screen and (max-width: 600px) {
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; }
  table.stack thead { display: none; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.stack td { border: 0; padding: .1rem .5rem; white-space: pre-line; min-width: 0;
                   max-width: none; position: static; box-shadow: none;
                   text-align: left; }
  table.stack td:empty { display: none; }
  table.stack td[data-h]::before { content: attr(data-h) ": "; color: var(--muted); }
  /* A stacked table has no header row to keep in sight: it goes down with the page, not
     in a box of its own that scrolls inside the page (a finger caught in it). */
  .scroll:has(> table.stack) { overflow: visible; max-height: none; }
}
"""

_CSS = """
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; --head: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       margin: 0 auto; padding: 1rem; max-width: 72rem; color: #1f2328; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
h2 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
p { margin: .25rem 0; }
.muted, .legend { color: var(--muted); }
.legend { font-size: .85rem; }
/* The table scrolls in its own box, so its header row stays in sight going down and the
   ward's name going sideways (a phone shows a few columns at a time). */
.scroll { overflow: auto; max-height: 85vh; -webkit-overflow-scrolling: touch; margin: 1rem 0;
          border-bottom: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; width: 100%;
        font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
         vertical-align: top; white-space: nowrap; background: #fff; }
th { background: var(--head); position: sticky; top: 0; z-index: 1; }
th abbr { text-decoration: none; }
td.k, th.k { white-space: normal; min-width: 8rem; max-width: 14rem; position: sticky;
             left: 0; z-index: 1; box-shadow: 1px 0 0 var(--line); }
th.k { z-index: 2; }
td.r, th.r { text-align: right; }
/* A page with no naming column (one ward's): its titles and reasons wrap, as on a terminal. */
td.w, th.w { white-space: pre-line; min-width: 9rem; }
tr.b td { font-weight: 600; }
.bold { font-weight: 600; }
.green { color: #1a7f37; } .red { color: #cf222e; } .yellow { color: #9a6700; } .dim { color: var(--muted); }
/* A verdict is marked by its background too, so it reads on a grey printout. */
td .green, td .red, td .yellow { padding: .05rem .4rem; border-radius: .6rem; }
td .green { background: #dafbe1; } td .red { background: #ffebe9; } td .yellow { background: #fff8c5; }
ul { padding-left: 1.25rem; } li { overflow-wrap: anywhere; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .scroll { overflow: visible; max-height: none; border: 0; }
  th, td.k, th.k { position: static; box-shadow: none; }
  td .green, td .red, td .yellow { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 + ul { font-size: 7.5pt; columns: 2; }
}
"""
_CSS += STACK_CSS


def _class(style: str) -> str:
    words = [w for w in style.split() if w in ("green", "red", "yellow", "dim", "bold")]
    return f' class="{" ".join(words)}"' if words else ""


def _cell_class(sheet: Sheet, i: int) -> str:
    wraps = i in sheet.wide and sheet.key is None  # a ranking keeps one ward to a line
    marks = (("r", i in sheet.right), ("k", i == sheet.key), ("w", wraps))
    classes = [c for c, on in marks if on]
    return f' class="{" ".join(classes)}"' if classes else ""


def _header(sheet: Sheet, i: int) -> str:
    shown = escape(sheet.headers[i])
    note = sheet.notes.get(i)
    return f'<abbr title="{escape(note)}">{shown}</abbr>' if note else shown


def said_as(header: str) -> str:
    """The attribute that names a stacked cell (``table.stack``) by its column's header."""
    return f' data-h="{escape(header)}"' if header else ""


def _said(sheet: Sheet, i: int, stack: bool) -> str:
    # The first wrapping column (a criterion's title) needs no name, it says what it is.
    first = min(sheet.wide, default=None)
    return said_as(sheet.headers[i]) if stack and i != first else ""


def html_blocks(blocks: list[Block]) -> list[str]:
    """Blocks as HTML fragments, to put in a page."""
    from modelward.output.blocks import Lines, Sheet, legend

    body: list[str] = []
    for block in blocks:
        if isinstance(block, Sheet):
            head = "".join(
                f"<th{_cell_class(block, i)}>{_header(block, i)}</th>"
                for i in range(len(block.headers))
            )
            # A one-ward table stacks on a phone, each cell after its header; a ranking
            # (a naming column) scrolls sideways instead, one ward to a line.
            stack = block.key is None
            rows = []
            for n, row in enumerate(block.rows):
                cells = "".join(
                    f"<td{_cell_class(block, i)}{_said(block, i, stack)}>"
                    + (f"<span{_class(c.style)}>{escape(c.text)}</span>" if c.text else "")
                    + "</td>"
                    for i, c in enumerate(row)
                )
                rows.append(f"<tr{' class=b' if n in block.bold_rows else ''}>{cells}</tr>")
            body.append(
                f'<div class="scroll"><table{" class=stack" if stack else ""}>'
                f"<thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>"
            )
            if block.notes:
                body.append(f'<p class="legend">{legend(block, escape)}</p>')
        elif isinstance(block, Lines):
            lines = list(block.lines)
            if block.heading:
                first = lines.pop(0)
                body.append(f"<h{block.heading}>{escape(first.text)}</h{block.heading}>")
            body += [f"<p{_class(c.style)}>{escape(c.text)}</p>" for c in lines]
        else:
            items = "".join(f"<li>{escape(i)}</li>" for i in block.items)
            title = f"<h2>{escape(block.title)}</h2>" if block.title else ""
            body.append(f"{title}<ul>{items}</ul>")
    return body


def html_page(body: list[str], title: str, lang: Lang, css: str = _CSS) -> str:
    """A whole HTML document around fragments, its style inline: nothing from the network."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def to_html(blocks: list[Block], title: str, lang: Lang) -> str:
    """Blocks as a whole HTML document with its style inline."""
    return html_page(html_blocks(blocks), title, lang)


class HtmlExporter(Exporter):
    """The same tables as the terminal, as a page, with the provenance at the end."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.output.layouts.provenance import provenance_blocks
        from modelward.output.layouts.summary import summary_blocks, summary_title

        blocks = summary_blocks(summary, lang, missed_limit=None, hints=False)
        blocks += provenance_blocks(provenance, lang)
        title = summary_title(summary, lang)
        return to_html(blocks, title, lang).encode("utf-8")


# ---------------------------------------------------------------------------- documents

# Times New Roman where the reader has it, a close serif where not; nothing from the network.
PAPER_CSS = """
:root { color-scheme: light; --line: #444; }
* { box-sizing: border-box; }
body { font: 13pt/1.35 "Times New Roman", Times, "Liberation Serif", "Noto Serif", serif;
       color: #000; background: #fff; margin: 0 auto; padding: 1rem; max-width: 48rem; }
.letterhead { display: grid; grid-template-columns: 44% 56%; gap: .25rem .5rem;
              text-align: center; margin-bottom: 1.5rem; font-size: 12pt; }
.letterhead p { margin: 0; text-align: center; }
.unit, .nation { font-weight: bold; }
/* The short lines under the issuing unit, under the motto and under the subject. */
.unit::after, .subject::after { content: ""; display: block; width: 35%; margin: .2rem auto 0;
                                border-top: 1px solid #000; }
.motto { font-weight: bold; font-size: 13pt; text-decoration: underline;
         text-underline-offset: .3em; }
.place { font-style: italic; font-size: 13pt; }
h1 { font-size: 14pt; text-align: center; margin: 1rem 0 0; }
h1 + .subject { text-align: center; font-weight: bold; margin: 0 0 1rem; }
h2 { font-size: 13pt; margin: 1rem 0 .35rem; }
h3 { font-size: 13pt; font-weight: bold; font-style: italic; margin: .75rem 0 .35rem; }
p { margin: .2rem 0; text-align: justify; }
ul { margin: .2rem 0; padding-left: 1.5rem; }
.scroll { overflow-x: auto; margin: .4rem 0 .8rem; padding: 0 1px; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
th, td { border: 1px solid var(--line); padding: .2rem .35rem; vertical-align: top;
         text-align: left; }
th { text-align: center; font-weight: bold; white-space: nowrap; }
td span { white-space: pre-line; }
td.r, th.r { text-align: right; }
tr.b td, .bold { font-weight: bold; }
.foot { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: 1.5rem;
        break-inside: avoid; }
.closing { break-inside: avoid; }
.recipients { font-size: 11pt; }
.recipients p { font-weight: bold; font-style: italic; font-size: 12pt; margin: 0; }
.recipients ul { list-style: none; padding: 0; margin: 0; }
.recipients li::before { content: "- "; }
.signer { text-align: center; }
.signer .title, .signer .name { font-weight: bold; margin: 0; text-align: center; }
.signer .hint { font-style: italic; font-size: 11pt; text-align: center; margin: 0; }
.signer .space { height: 5.5rem; }
.notes { font-size: 10.5pt; margin-top: 1.5rem; }
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
        @top-center { content: counter(page); font: 13pt "Times New Roman", Times, serif; } }
@page :first { @top-center { content: none; } }
@media print {
  body { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
@media (max-width: 32rem) {
  body { font-size: 12pt; padding: .6rem; }
  .letterhead, .foot { grid-template-columns: 1fr; }
  .letterhead .no { order: -1; } .letterhead .issuer { order: -2; }
  .foot .signer { order: -1; }
  table { font-size: 10.5pt; }
}
"""
PAPER_CSS += STACK_CSS


def paper_html(paper: Paper) -> str:
    """The document as one self-contained HTML page, printable on A4 portrait."""
    head = paper.letterhead
    sign = paper.signature

    def cell(name: str, *pairs: tuple[str, str]) -> str:
        shown = "".join(f'<p class="{c}">{escape(t)}</p>' for c, t in pairs if t)
        return f'<div class="{name}">{shown}</div>'

    # Four cells, so that the number line sits level with the place-date line.
    top = (
        cell("issuer", ("parent", head.parent), ("unit", head.unit))
        + cell("state", ("nation", head.nation), ("motto", head.motto))
        + cell("no", ("number", head.number))
        + cell("when", ("place", head.place_date))
    )
    recipients = "".join(f"<li>{escape(r)}</li>" for r in sign.recipients)
    hint = f'<p class="hint">{escape(sign.hint)}</p>' if sign.hint else ""
    parts = [
        f'<header class="letterhead">{top}</header>',
        f"<h1>{escape(paper.kind)}</h1>",
        f'<p class="subject">{escape(paper.subject)}</p>',
        *html_blocks(paper.body[: paper.closing]),
        # The last section and the signature on one page: a signature alone is not signed.
        '<div class="closing">',
        *html_blocks(paper.body[paper.closing :]),
        '<footer class="foot">'
        f'<div class="recipients"><p>{escape(sign.recipients_title)}</p><ul>{recipients}</ul></div>'
        f'<div class="signer"><p class="title">{escape(sign.title)}</p>{hint}'
        f'<div class="space"></div><p class="name">{escape(sign.name)}</p></div>'
        "</footer></div>",
    ]
    if paper.notes:
        parts.append(
            '<div class="notes">' + "".join(f"<p>{escape(n)}</p>" for n in paper.notes) + "</div>"
        )
    return html_page(parts, paper.title, paper.lang, PAPER_CSS)
