"""Blocks drawn with rich for the terminal (or plain text for a file): the only drawer that needs rich."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from modelward.output.blocks import Block, Lines, Sheet
from modelward.output.safe import visible

WIDE_MIN = 12
"""The narrowest a wrapping column (a name, a title) is drawn."""
WIDE_WHOLE = 32
"""A wrapping column's text up to this long should fit on one line before optional
columns do: a ranking reads best one ward to a line."""


def _naturals(sheet: Sheet) -> list[int]:
    """Each column's width with every cell on one line."""
    return [
        max([cell_len(header), *(cell_len(row[i].text) for row in sheet.rows)])
        for i, header in enumerate(sheet.headers)
    ]


def _needed(
    sheet: Sheet,
    columns: Sequence[int],
    naturals: Sequence[int],
    wide: int = WIDE_WHOLE,
    whole: int | None = None,
) -> int:
    """The width a table of these columns needs, its wrapping columns at most ``wide``
    (the ``whole`` one at its full width)."""
    widths = [
        min(naturals[i], wide) if i in sheet.wide and i != whole else naturals[i] for i in columns
    ]
    # Between two columns: a space of padding either side, and the (blank) divider.
    return sum(widths) + 3 * (len(widths) - 1)


def natural_width(blocks: list[Block]) -> int:
    """The width the widest table needs to draw each of its rows on one line, all columns."""
    return max(
        (_needed(b, range(len(b.headers)), _naturals(b)) for b in blocks if isinstance(b, Sheet)),
        default=0,
    )


def _rich_sheet(sheet: Sheet, width: int | None) -> RenderableType:
    columns: Sequence[int] = range(len(sheet.headers))
    naturals = _naturals(sheet) if width is not None else []
    said: list[str] = []
    for left, note in ((sheet.spare, sheet.spare_left_out), (sheet.optional, sheet.left_out)):
        if left and width is not None and _needed(sheet, columns, naturals) > width:
            columns = [i for i in columns if i not in left]
            said += [note] if note else []
    # The column that names a row stays whole while the other wrapping ones can give way.
    whole = (
        sheet.key
        if sheet.key is not None
        and width is not None
        and _needed(sheet, columns, naturals, WIDE_MIN, sheet.key) <= width
        else None
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i in columns:
        table.add_column(
            Text(visible(sheet.headers[i])),
            justify="right" if i in sheet.right else "left",
            ratio=1 if i in sheet.wide else None,
            min_width=WIDE_MIN if i in sheet.wide else None,
            # Any other column wraps when the screen is too narrow (a word longer than the
            # column folds): a cell is never cut, its last words are what the reader needs.
            no_wrap=i == whole,
            overflow="fold",
        )
    for n, row in enumerate(sheet.rows):
        bold = " bold" if n in sheet.bold_rows else ""
        table.add_row(
            *(Text(visible(row[i].text), style=(row[i].style + bold).strip()) for i in columns)
        )
    if said:
        return Group(table, *(Text(note, style="dim") for note in said))
    return table


def to_rich(blocks: list[Block], width: int | None = None) -> RenderableType:
    """Blocks as one rich renderable, separated by blank lines.

    ``width``: the console's; a table wider than it leaves out its optional columns.
    """
    parts: list[RenderableType] = []
    for block in blocks:
        if parts:
            parts.append(Text(""))
        if isinstance(block, Sheet):
            parts.append(_rich_sheet(block, width))
        elif isinstance(block, Lines):
            parts.append(Text("\n").join(Text(visible(c.text), style=c.style) for c in block.lines))
        else:
            # A grid keeps a wrapped item under its own text, not under the bullet.
            items = Table.grid(padding=(0, 1, 0, 0))
            items.add_column(no_wrap=True)
            items.add_column()
            for item in block.items:
                items.add_row(" •", Text(visible(item)))  # text, never rich markup
            parts.append(Group(Text(visible(block.title), style="bold"), items))
    return Group(*parts)


def console(width: int | None = None) -> Console:
    """A console on stdout: colour only on a terminal, never under NO_COLOR."""
    return Console(width=width, highlight=False, soft_wrap=False)


FILE_WIDTH_MAX = 260
"""The widest a table written to a file is drawn."""


def to_text(blocks: list[Block], to_file: bool) -> str:
    """Blocks as rich draws them: for this terminal, or plain and 100 wide for a file."""
    # A file has no screen: 100 wide, or as wide as a table needs to keep every column.
    width = min(max(100, natural_width(blocks)), FILE_WIDTH_MAX) if to_file else None
    con = console(width=width)
    with con.capture() as captured:
        con.print(to_rich(blocks, con.width))
    return captured.get()
