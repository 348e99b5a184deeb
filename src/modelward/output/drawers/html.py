"""The summary as one self-contained HTML page: readable on a phone, printable, no network."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.blocks import Block, Sheet

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
tr.b td { font-weight: 600; }
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


def _class(style: str) -> str:
    words = [w for w in style.split() if w in ("green", "red", "yellow", "dim")]
    return f' class="{" ".join(words)}"' if words else ""


def _cell_class(sheet: Sheet, i: int) -> str:
    classes = [c for c, on in (("r", i in sheet.right), ("k", i == sheet.key)) if on]
    return f' class="{" ".join(classes)}"' if classes else ""


def _header(sheet: Sheet, i: int) -> str:
    shown = escape(sheet.headers[i])
    note = sheet.notes.get(i)
    return f'<abbr title="{escape(note)}">{shown}</abbr>' if note else shown


def to_html(blocks: list[Block], title: str, lang: Lang) -> str:
    """Blocks as a whole HTML document with its style inline."""
    from modelward.output.blocks import Lines, Sheet, legend

    body: list[str] = []
    for block in blocks:
        if isinstance(block, Sheet):
            head = "".join(
                f"<th{_cell_class(block, i)}>{_header(block, i)}</th>"
                for i in range(len(block.headers))
            )
            rows = []
            for n, row in enumerate(block.rows):
                cells = "".join(
                    f"<td{_cell_class(block, i)}><span{_class(c.style)}>{escape(c.text)}</span></td>"
                    for i, c in enumerate(row)
                )
                rows.append(f"<tr{' class=b' if n in block.bold_rows else ''}>{cells}</tr>")
            body.append(
                f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
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
            body.append(f"<h2>{escape(block.title)}</h2><ul>{items}</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


class HtmlExporter(Exporter):
    """The same tables as the terminal, as a page, with the provenance at the end."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.output.layouts.provenance import provenance_blocks
        from modelward.output.layouts.summary import summary_blocks, summary_title

        blocks = summary_blocks(summary, lang, missed_limit=None)
        blocks += provenance_blocks(provenance, lang)
        title = summary_title(summary, lang)
        return to_html(blocks, title, lang).encode("utf-8")
