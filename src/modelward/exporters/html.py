"""The summary as one self-contained HTML page: readable on a phone, printable, no network."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from modelward.exporters.base import Exporter, Provenance

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.render import Block
    from modelward.summary import Summary

_CSS = """
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       margin: 0 auto; padding: 1rem; max-width: 72rem; color: #1f2328; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
p { margin: .25rem 0; }
.muted { color: var(--muted); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; white-space: nowrap; }
td.r, th.r { text-align: right; white-space: nowrap; }
tr.b td { font-weight: 600; }
.green { color: #1a7f37; } .red { color: #cf222e; } .yellow { color: #9a6700; } .dim { color: var(--muted); }
ul { padding-left: 1.25rem; } li { overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  th { position: static; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def _class(style: str) -> str:
    words = [w for w in style.split() if w in ("green", "red", "yellow", "dim")]
    return f' class="{" ".join(words)}"' if words else ""


def to_html(blocks: list[Block], title: str, lang: Lang) -> str:
    """Blocks as a whole HTML document with its style inline."""
    from modelward.render import Lines, Sheet

    body: list[str] = []
    for block in blocks:
        if isinstance(block, Sheet):
            head = "".join(
                f"<th{' class=r' if i in block.right else ''}>{escape(h)}</th>"
                for i, h in enumerate(block.headers)
            )
            rows = []
            for n, row in enumerate(block.rows):
                cells = "".join(
                    f"<td{' class=r' if i in block.right else ''}>"
                    f"<span{_class(c.style)}>{escape(c.text)}</span></td>"
                    for i, c in enumerate(row)
                )
                rows.append(f"<tr{' class=b' if n in block.bold_rows else ''}>{cells}</tr>")
            body.append(
                f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table></div>"
            )
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
        from modelward.i18n import label
        from modelward.render import provenance_blocks, summary_blocks

        blocks = summary_blocks(summary, lang) + provenance_blocks(provenance, lang)
        title = label("summary", lang, n=len(summary.ranked))
        return to_html(blocks, title, lang).encode("utf-8")
