"""One command's result drawn in the format asked for: a table, Markdown, an HTML page or JSON.

A command hands over its result twice, lazily: as blocks (its layout, for people) and as
its JSON document (FORMAT.md section 5, for programs). Only the one asked for is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.output.blocks import Block


class PageFormat(StrEnum):
    """The formats every command that prints a result can draw it in."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def draw(
    fmt: PageFormat,
    blocks: Callable[[], list[Block]],
    document: Callable[[], object],
    lang: Lang,
    to_file: bool,
) -> str:
    """The result as text in one format; ``to_file``: a table for a file, not this terminal."""
    if fmt is PageFormat.JSON:
        from modelward.output.safe import json_safe

        return json_safe(json.dumps(document(), ensure_ascii=False, indent=2)) + "\n"
    laid_out = blocks()
    if fmt is PageFormat.MARKDOWN:
        from modelward.output.drawers.markdown import to_markdown

        return to_markdown(laid_out)
    if fmt is PageFormat.HTML:
        from modelward.output.drawers.html import to_html

        return to_html(laid_out, title_of(laid_out), lang)
    if fmt is PageFormat.TABLE:
        from modelward.output.drawers.terminal import to_text

        return to_text(laid_out, to_file)
    assert_never(fmt)


def title_of(blocks: list[Block]) -> str:
    """A page's title: the first line of its first heading, else of its first lines."""
    from modelward.output.blocks import Lines

    headed = [b for b in blocks if isinstance(b, Lines) and b.lines]
    first = next((b for b in headed if b.heading == 1), headed[0] if headed else None)
    return first.lines[0].text if first is not None else "modelward"
