"""Blocks drawn as Markdown, for pasting into a report."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from modelward.output.blocks import Block, Lines, Paper, Sheet, legend
from modelward.output.drawers.base import Exporter
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.provenance import Provenance


_MARKUP = re.compile(r"[\\|\[\]]|<(?=[A-Za-z/!?])")
"""What Markdown would read as markup in a cell: a backslash, a column bar, the brackets of
a link or an image (which a viewer loads), and a ``<`` that opens an HTML tag."""


def _md(cell: str) -> str:
    """A text as Markdown shows it, never as markup: ``<script>`` stays text, a carriage
    return or an escape sequence is shown escaped and adds no row. A cell of several lines
    (a list of evidence) keeps them apart: tables read <br>."""
    escaped = _MARKUP.sub(lambda m: "&lt;" if m[0] == "<" else "\\" + m[0], cell)
    return visible(escaped).replace("\n", "<br>")


def _md_sheet(sheet: Sheet) -> list[str]:
    lines = [
        "| " + " | ".join(_md(h) for h in sheet.headers) + " |",
        "|"
        + "|".join("---:" if i in sheet.right else "---" for i in range(len(sheet.headers)))
        + "|",
    ]
    for i, row in enumerate(sheet.rows):
        cells = [_md(c.text) for c in row]
        if i in sheet.bold_rows:
            cells = [f"**{c}**" if c else "" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def to_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown, for pasting into a report."""
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        if isinstance(block, Sheet):
            out += _md_sheet(block)
            if block.notes:
                out += ["", legend(block, _md)]
        elif isinstance(block, Lines):
            lines = list(block.lines)
            if block.heading:
                out.append("#" * block.heading + " " + _md(lines.pop(0).text))
                if lines:
                    out.append("")
            out += [_md(c.text) + ("  " if i < len(lines) - 1 else "") for i, c in enumerate(lines)]
        else:
            if block.title:
                out += [f"**{_md(block.title)}**", ""]
            out += [f"- {_md(item)}" for item in block.items]
    return "\n".join(out) + "\n"


def paper_markdown(paper: Paper) -> str:
    """The document as Markdown: the frame as plain lines, the body as ``to_markdown`` draws it."""
    head = paper.letterhead
    sign = paper.signature
    out = [
        *(f"**{_md(line)}**  " for line in (head.parent, head.unit) if line),
        _md(head.number),
        "",
        f"**{_md(head.nation)}**  ",
        f"**{_md(head.motto)}**  ",
        f"*{_md(head.place_date)}*",
        "",
        f"# {_md(paper.kind)}",
        "",
        f"**{_md(paper.subject)}**",
        "",
        to_markdown(paper.body).rstrip("\n"),
        "",
        f"**{_md(sign.title)}**  ",
        *([f"*{_md(sign.hint)}*  "] if sign.hint else []),
        f"**{_md(sign.name)}**",
        "",
        f"***{_md(sign.recipients_title)}***",
        "",
        *(f"- {_md(r)}" for r in sign.recipients),
    ]
    if paper.notes:
        out += ["", *(f"*{_md(n)}*  " for n in paper.notes)]
    return "\n".join(out).rstrip() + "\n"


class MarkdownExporter(Exporter):
    """The same tables as the terminal, drawn as Markdown, and a provenance section."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.output.layouts.provenance import provenance_blocks
        from modelward.output.layouts.summary import summary_blocks

        blocks = summary_blocks(summary, lang, missed_limit=None, hints=False)
        blocks += provenance_blocks(provenance, lang)
        return to_markdown(blocks).encode("utf-8")
