"""The province's summary report as a Word file: the ward report's drawer and frame."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from modelward.output.blocks import Block, Bullets, Cell, Lines, Paper, Sheet
from modelward.output.drawers.base import Exporter
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.provenance import Provenance


class DocxExporter(Exporter):
    """The summary laid out as an administrative report (Decree 30/2020), drawn as .docx."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.output.drawers.docx import paper_docx
        from modelward.output.layouts.province_report import province_paper

        return paper_docx(shown(province_paper(summary, lang, provenance)))


def shown(paper: Paper) -> Paper:
    """The paper with every text taken from the files shown safe: Word refuses a control
    character (a ward named with an escape sequence), and a bidi mark would reorder a line."""
    head = paper.letterhead
    return replace(
        paper,
        letterhead=replace(
            head,
            parent=visible(head.parent),
            unit=visible(head.unit),
            place_date=visible(head.place_date),
        ),
        subject=visible(paper.subject),
        body=[_block(b) for b in paper.body],
    )


def _cell(c: Cell) -> Cell:
    return Cell(visible(c.text), c.style)


def _block(block: Block) -> Block:
    if isinstance(block, Sheet):
        return replace(block, rows=[[_cell(c) for c in row] for row in block.rows])
    if isinstance(block, Lines):
        return replace(block, lines=tuple(_cell(c) for c in block.lines))
    if isinstance(block, Bullets):
        return Bullets(visible(block.title), tuple(visible(i) for i in block.items))
    return block
