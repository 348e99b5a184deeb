"""The blocks every result is laid out in (a title, lines, tables, a list): plain strings, no drawing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from modelward.rules import Status

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
    heading: Literal[0, 1, 2] = 0
    """0: plain lines; 1: the first line is the document's title; 2: a section title."""


@dataclass(frozen=True, slots=True)
class Bullets:
    """A titled list."""

    title: str
    items: tuple[str, ...]


Block = Sheet | Lines | Bullets


def legend(sheet: Sheet, escaped: Callable[[str], str]) -> str:
    """What the short headers stand for, on one line: ``G1: title · G2: title``."""
    return " · ".join(
        f"{escaped(sheet.headers[i])}: {escaped(note)}" for i, note in sorted(sheet.notes.items())
    )
