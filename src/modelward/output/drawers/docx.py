"""An administrative document (``blocks.Paper``) as a Word file, with python-docx.

The layout of Decree 30/2020/NĐ-CP: A4 portrait; margins top and bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman, 14 pt in the body; the issuing unit and the national title
with the motto side by side in a borderless table, a short line under the unit and under
the motto; the number line under the unit and the place-date line (italics) under the
motto; the kind of document and its subject centred in bold; the recipients at the bottom
left and the signature block at the bottom right. Tables repeat their header row on every
page and never split a row across two pages. python-docx is imported here only, so that the
commands that never write a DOCX do not pay for it.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from modelward.output.blocks import Bullets, Lines, Sheet
from modelward.output.safe import visible

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

    from modelward.output.blocks import Block, Cell, Paper

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
HEAD_PT = 12
"""The issuing unit and the national title: 12 to 13 pt, in capitals."""
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH_MM = 210 - 30 - 15
LANGUAGE = {"vi": "vi-VN", "en": "en-GB"}

_CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _setup(doc: DocumentObject, lang: str) -> None:
    """A4 portrait, the decree's margins, Times New Roman everywhere, the text's language."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE.get(lang, "vi-VN"))
    rpr.append(language)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> None:
    run = paragraph.add_run(visible(text))  # a control character is no XML: shown escaped
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)


def _para(
    container: DocumentObject | _Cell,
    text: str = "",
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    first: Paragraph | None = None,
) -> Paragraph:
    """A paragraph of one run; ``first``: fill this (a new cell's empty paragraph) instead."""
    p = first if first is not None else container.add_paragraph()
    if text:
        _run(p, text, size=size, bold=bold, italic=italic)
    if align is not None:
        p.alignment = align
    return p


def _rule(container: DocumentObject | _Cell, width_mm: float, column_mm: float) -> None:
    """A short centred line, as under the issuing unit and the motto: the top border of an
    empty paragraph narrowed by its indents."""
    p = container.add_paragraph()
    side = max(0.0, (column_mm - width_mm) / 2)
    fmt = p.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_before = Pt(2)
    pPr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    pPr.append(borders)
    run = p.add_run()
    run.font.size = Pt(2)


def _widths(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _row_flag(row: _Row, name: str) -> None:
    """A row property that is on: a header row repeated on each page, a row never split."""
    trPr = row._tr.get_or_add_trPr()
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    trPr.append(flag)


def _text_mm(text: str, size: float) -> float:
    """About how wide a line of Times New Roman is (0.55 em a character, capitals and digits
    being wider than the average letter)."""
    return len(text) * size * 0.55 * 0.3528


def sheet_widths(
    sheets: list[Sheet], total: float = TEXT_WIDTH_MM, size: float = TABLE_PT
) -> list[float]:
    """Column widths in mm, shared by tables with the same columns so that they line up.

    A narrow column is as wide as its longest line (12 to 34 mm, a long header wrapping at
    its words); the wide ones share the rest by how much text they hold, 26 mm at least.
    """
    pad = 4.6  # Word's cell margins, 1.9 mm each side, and a little air
    first = sheets[0]
    count = len(first.headers)
    rows = [row for sheet in sheets for row in sheet.rows]
    widths = [0.0] * count
    for i in range(count):
        if i in first.wide:
            continue
        longest = max([_text_mm(w, size) for w in first.headers[i].split()] or [0.0])
        for row in rows:
            for line in row[i].text.split("\n"):
                longest = max(longest, _text_mm(line, size))
        widths[i] = min(34.0, max(12.0, longest + pad))
    wide = sorted(i for i in first.wide if i < count)
    if not wide:
        scale = total / sum(widths)
        return [w * scale for w in widths] if scale < 1 else widths
    left = total - sum(widths)
    # By the square root of the text each holds: a column of a few notes still gets room
    # enough not to stand a word on each line beside a column of long titles.
    amounts = {i: math.sqrt(1 + sum(len(row[i].text) for row in rows)) for i in wide}
    share = sum(amounts.values())
    for i in wide:
        widths[i] = max(26.0, left * amounts[i] / share)
    over = sum(widths) - total
    if over > 0:  # the floors took more than there was: take it back from the largest
        big = max(wide, key=lambda i: widths[i])
        widths[big] -= over
    return widths


def _fill(cell: _Cell, c: Cell, *, bold: bool, right: bool, size: float) -> None:
    lines = c.text.split("\n")
    strong = bold or "bold" in c.style.split()
    for n, line in enumerate(lines):
        p = _para(
            cell,
            line,
            size=size,
            bold=strong,
            first=cell.paragraphs[0] if n == 0 else None,
            align=WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT,
        )
        p.paragraph_format.space_after = Pt(1)


def _sheet(doc: DocumentObject, sheet: Sheet, widths: list[float]) -> None:
    table = doc.add_table(rows=1 + len(sheet.rows), cols=len(sheet.headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    rows = table.rows
    header = rows[0]
    _row_flag(header, "w:tblHeader")  # repeated at the top of every page
    _row_flag(header, "w:cantSplit")
    # No "keep with next" inside a table: LibreOffice would then move the whole table.
    for i, cell in enumerate(header.cells):
        _para(
            cell,
            sheet.headers[i],
            size=TABLE_PT,
            bold=True,
            align=_CENTER,
            first=cell.paragraphs[0],
        )
    for n, row in enumerate(sheet.rows):
        tr = rows[n + 1]
        _row_flag(tr, "w:cantSplit")
        for i, cell in enumerate(tr.cells):
            _fill(
                cell,
                row[i],
                bold=n in sheet.bold_rows,
                right=i in sheet.right,
                size=TABLE_PT,
            )
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _body_paragraph(doc: DocumentObject, text: str, *, bold: bool = False) -> Paragraph:
    p = _para(doc, text, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt = p.paragraph_format
    fmt.first_line_indent = Mm(12.7)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    return p


def draw_blocks(doc: DocumentObject, blocks: list[Block]) -> None:
    """Body blocks as paragraphs and tables: section titles bold, subsections bold italic."""
    alike: dict[tuple[str, ...], list[Sheet]] = {}
    for block in blocks:
        if isinstance(block, Sheet):
            alike.setdefault(tuple(block.headers), []).append(block)
    widths = {headers: sheet_widths(sheets) for headers, sheets in alike.items()}
    for block in blocks:
        if isinstance(block, Sheet):
            _sheet(doc, block, widths[tuple(block.headers)])
        elif isinstance(block, Lines):
            lines = list(block.lines)
            if block.heading:
                first = lines.pop(0)
                p = _para(
                    doc,
                    first.text,
                    bold=True,
                    italic=block.heading == 3,
                    align=_CENTER if block.heading == 1 else WD_ALIGN_PARAGRAPH.LEFT,
                )
                fmt = p.paragraph_format
                fmt.space_before = Pt(6)
                fmt.space_after = Pt(6)
                fmt.keep_with_next = True
                if block.heading == 2:
                    fmt.first_line_indent = Mm(12.7)
            for c in lines:
                _body_paragraph(doc, c.text, bold="bold" in c.style.split())
        elif isinstance(block, Bullets):
            if block.title:
                _body_paragraph(doc, block.title, bold=True).paragraph_format.keep_with_next = True
            for item in block.items:
                _body_paragraph(doc, f"- {item}")


def _borderless(doc: DocumentObject, widths_mm: list[float], rows: int = 1) -> Table:
    table: Table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths_mm)
    return table


def _letterhead(doc: DocumentObject, paper: Paper) -> None:
    head = paper.letterhead
    left_mm, right_mm = 75.0, TEXT_WIDTH_MM + 8 - 75.0  # a little into the margins, as usual
    table = _borderless(doc, [left_mm, right_mm], rows=2)
    unit, nation = table.rows[0].cells
    issuer = [(head.parent, False)] if head.parent else []
    for n, (line, bold) in enumerate([*issuer, (head.unit, True)]):
        first = unit.paragraphs[0] if n == 0 else None
        _para(unit, line, size=HEAD_PT, bold=bold, align=_CENTER, first=first)
    _rule(unit, 30, left_mm)
    _para(nation, head.nation, size=HEAD_PT, bold=True, align=_CENTER, first=nation.paragraphs[0])
    _para(nation, head.motto, size=14, bold=True, align=_CENTER)
    _rule(nation, _text_mm(head.motto, 14) * 0.95, right_mm)
    number, place = table.rows[1].cells
    _para(number, head.number, size=13, align=_CENTER, first=number.paragraphs[0])
    _para(place, head.place_date, size=14, italic=True, align=_CENTER, first=place.paragraphs[0])
    for cell in (number, place):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc: DocumentObject, paper: Paper) -> None:
    kind = _para(doc, paper.kind, bold=True, align=_CENTER)
    kind.paragraph_format.space_before = Pt(18)
    kind.paragraph_format.keep_with_next = True
    subject = _para(doc, paper.subject, bold=True, align=_CENTER)
    subject.paragraph_format.keep_with_next = True
    _rule(doc, 40, TEXT_WIDTH_MM)
    rule = doc.paragraphs[-1].paragraph_format
    rule.space_before = Pt(4)
    rule.space_after = Pt(12)


def _signature(doc: DocumentObject, paper: Paper) -> None:
    sign = paper.signature
    table = _borderless(doc, [TEXT_WIDTH_MM / 2 - 5, TEXT_WIDTH_MM / 2 + 5])
    _row_flag(table.rows[0], "w:cantSplit")  # the signature never leaves its last lines
    left, right = table.rows[0].cells
    _para(left, sign.recipients_title, size=12, bold=True, italic=True, first=left.paragraphs[0])
    for r in sign.recipients:
        _para(left, f"- {r}", size=11)
    _para(right, sign.title, size=14, bold=True, align=_CENTER, first=right.paragraphs[0])
    if sign.hint:
        _para(right, sign.hint, size=12, italic=True, align=_CENTER)
    for _ in range(4):  # the space to sign and seal
        _para(right)
    _para(right, sign.name, size=14, bold=True, align=_CENTER)


def _page_numbers(doc: DocumentObject) -> None:
    """The page number centred in the top margin from the second page on, as the decree
    has it (the first page shows none)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    p = section.header.paragraphs[0]
    p.alignment = _CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "2"
    run.append(shown)
    field.append(run)
    p._p.append(field)


def paper_docx(paper: Paper) -> bytes:
    """The whole document as the bytes of a .docx file."""
    doc = Document()
    _setup(doc, paper.lang)
    _page_numbers(doc)
    # The template's one empty paragraph would push the letterhead down a line.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _letterhead(doc, paper)
    _title(doc, paper)
    draw_blocks(doc, paper.body[: paper.closing])
    # The last section and the signature on one page: a signature alone is not signed.
    kept = len(doc.paragraphs)
    draw_blocks(doc, paper.body[paper.closing :])
    doc.add_paragraph()
    for p in doc.paragraphs[kept:]:
        p.paragraph_format.keep_with_next = True
    _signature(doc, paper)
    for note in paper.notes:
        _para(doc, note, size=11, italic=True)
    props = doc.core_properties
    props.title = visible(paper.title)
    props.language = LANGUAGE.get(paper.lang, "vi-VN")
    props.author = props.last_modified_by = visible(paper.letterhead.unit)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
