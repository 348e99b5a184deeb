"""What commands print: problems on stderr, and results drawn and written whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from modelward.errors import Problem
    from modelward.output import Data


def say(problem: Problem, lang: str) -> None:
    """One problem on stderr, ``PATH:LINE:COL: dotted.path: message``, in the chosen language."""
    if lang == "vi":
        from modelward.messages import vietnamese

        problem = dataclasses.replace(problem, message=vietnamese(problem.message))
    click.echo(str(problem), err=True)


def emit(data: Data, output: Path | None, inputs: list[Path]) -> None:
    """Write a command's result to stdout or, whole or not at all, to a file."""
    from modelward.output import emit as write

    write(data, output, inputs)


def emit_blocks(blocks: Any, fmt: str, output: Path | None, inputs: list[Path]) -> None:
    """Draw laid-out blocks as a rich table (on stdout, or plain into a file) or as Markdown."""
    emit(draw(blocks, fmt, output), output, inputs)


def emit_json(doc: object, output: Path | None, inputs: list[Path]) -> None:
    """A JSON document, indented, as the JSON formats are written."""
    import json

    emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output, inputs)


FILE_WIDTH_MAX = 200
"""The widest a table written to a file is drawn."""


def draw(blocks: Any, fmt: str, output: Path | None) -> str:
    """Blocks as Markdown, or as a rich table: for this terminal, or plain and 100 wide for a file."""
    from modelward import render

    if fmt == "markdown":
        return render.to_markdown(blocks)
    to_file = output is not None and str(output) != "-"
    # A file has no screen: 100 wide, or as wide as a table needs to keep every column.
    width = min(max(100, render.natural_width(blocks)), FILE_WIDTH_MAX) if to_file else None
    con = render.console(width=width)
    with con.capture() as captured:
        con.print(render.to_rich(blocks, con.width))
    return captured.get()
