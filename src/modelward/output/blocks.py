"""The blocks every result is laid out in (a title, lines, tables, a list): plain strings, no drawing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from modelward.rules import Status

if TYPE_CHECKING:
    from modelward.i18n import Lang

SYMBOLS: dict[Status, str] = {"met": "✔", "not_met": "✘", "not_applicable": "–", "unknown": "?"}
STYLES: dict[Status, str] = {
    "met": "green",
    "not_met": "red",
    "not_applicable": "dim",
    "unknown": "yellow",
}
OVERRIDDEN = "✎"


def verdict_style(index: int, count: int) -> str:
    """Green for the best verdict, red for the last (not reached), yellow in between."""
    if index == 0:
        return "green"
    return "red" if index == count - 1 else "yellow"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell or a line: its text and how it is emphasised (a rich style)."""

    text: str
    style: str = ""


@dataclass(slots=True)
class Sheet:
    """A table: headers, right-aligned columns, rows; a row of a group heading is bold."""

    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    right: frozenset[int] = frozenset()
    wide: frozenset[int] = frozenset()
    """Columns that take the spare width and wrap (titles, reasons)."""
    bold_rows: set[int] = field(default_factory=set)
    optional: frozenset[int] = frozenset()
    """Columns left out of a table too wide for the screen (Markdown keeps them all)."""
    left_out: str = ""
    """The line said under a table whose optional columns were left out."""
    spare: frozenset[int] = frozenset()
    """Columns left out of a table too wide for the screen before the optional ones are."""
    spare_left_out: str = ""
    """The line said under a table whose spare columns were left out."""
    key: int | None = None
    """The column that names a row: kept in sight when a wide page scrolls sideways (HTML)."""
    notes: dict[int, str] = field(default_factory=dict)
    """What a short header stands for (G1: the group's title): a legend where there is room."""

    def add(self, *cells: Cell | str, bold: bool = False) -> None:
        """Add a row; plain strings are cells without emphasis."""
        if bold:
            self.bold_rows.add(len(self.rows))
        self.rows.append([c if isinstance(c, Cell) else Cell(c) for c in cells])


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines of text; the first may be a heading."""

    lines: tuple[Cell, ...]
    heading: Literal[0, 1, 2, 3] = 0
    """0: plain lines; 1: the first line is the document's title; 2: a section title;
    3: a subsection's title."""


@dataclass(frozen=True, slots=True)
class Bullets:
    """A list, titled unless the title is empty."""

    title: str
    items: tuple[str, ...]


Block = Sheet | Lines | Bullets


def legend(sheet: Sheet, escaped: Callable[[str], str]) -> str:
    """What the short headers stand for, on one line: ``G1: title · G2: title``."""
    return " · ".join(
        f"{escaped(sheet.headers[i])}: {escaped(note)}" for i, note in sorted(sheet.notes.items())
    )


# ---------------------------------------------------------------------------- documents
# The frame of an administrative document (Decree 30/2020/NĐ-CP) around a body of blocks:
# the issuing unit and the national title with the motto at the top, the number and
# place-date lines, the kind of document and its subject, then the recipients and the
# signature block. Drawn by drawers/markdown.py, html.py and docx.py.


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The two columns at the top: who issues the document, and the national title."""

    parent: str
    """The issuing unit's superior, in capitals (``CÔNG AN TP THANH HÓA``); may be empty."""
    unit: str
    """The issuing unit itself, in capitals, underlined (``CÔNG AN PHƯỜNG TÀO XUYÊN``)."""
    nation: str
    """``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``."""
    motto: str
    """``Độc lập - Tự do - Hạnh phúc``, underlined."""
    number: str
    """``Số: …/BC-…``, under the unit."""
    place_date: str
    """``Tào Xuyên, ngày … tháng … năm 2025``, under the motto, in italics."""


@dataclass(frozen=True, slots=True)
class Signature:
    """The foot: recipients on the left, the signer's title, space to sign and name on the right."""

    recipients_title: str
    recipients: tuple[str, ...]
    title: str
    """The signer's title, in capitals; a blank line of dots when not known."""
    name: str
    """The signer's name; a blank line of dots when not known."""
    hint: str = ""
    """What goes in the space to sign, in small italics (``(Ký, ghi rõ họ tên)``)."""


@dataclass(frozen=True, slots=True)
class Paper:
    """A whole administrative document: frame and body."""

    letterhead: Letterhead
    kind: str
    """The kind of document, in capitals: ``BÁO CÁO``."""
    subject: str
    """What it is about, under the kind: ``Kết quả tự đánh giá … năm 2024``."""
    body: list[Block]
    signature: Signature
    lang: Lang
    notes: tuple[str, ...] = field(default=())
    """Small print after the signature block: what marks in the body mean."""

    @property
    def title(self) -> str:
        """The document's title on one line, for a file's metadata or a page's title."""
        return f"{self.kind} {self.subject}"

    @property
    def closing(self) -> int:
        """Where the body's last section starts: the drawers keep it on the signature's page,
        so that the signature never stands alone. The body's length (nothing kept) where that
        section holds a table, which may be too long for one page."""
        for i in range(len(self.body) - 1, -1, -1):
            block = self.body[i]
            if isinstance(block, Sheet):
                break
            if isinstance(block, Lines) and block.heading == 2:
                return i
        return len(self.body)
