"""What commands print: problems on stderr, and results drawn and written whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from modelward.errors import Problem
    from modelward.output.blocks import Block
    from modelward.output.writing import Data


def say(problem: Problem, lang: str) -> None:
    """One problem on stderr, ``PATH:LINE:COL: dotted.path: message``, in the chosen language."""
    if lang == "vi" and isinstance(problem.message, str):
        # Not yet a catalogue message: reworded by the old rules (issue 12 removes them).
        from modelward.messages import vietnamese

        problem = dataclasses.replace(problem, message=vietnamese(problem.message))
    click.echo(problem.worded(lang), err=True)


def emit(data: Data, output: Path | None, inputs: list[Path]) -> None:
    """Write a command's result to stdout or, whole or not at all, to a file."""
    from modelward.output.writing import emit as write

    write(data, output, inputs)


def emit_blocks(blocks: list[Block], fmt: str, output: Path | None, inputs: list[Path]) -> None:
    """Draw laid-out blocks as a rich table (on stdout, or plain into a file) or as Markdown."""
    emit(draw(blocks, fmt, output), output, inputs)


def emit_json(doc: object, output: Path | None, inputs: list[Path]) -> None:
    """A JSON document, indented, as the JSON formats are written."""
    import json

    emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output, inputs)


def draw(blocks: list[Block], fmt: str, output: Path | None) -> str:
    """Blocks as Markdown, or as a rich table: for this terminal, or plain for a file."""
    if fmt == "markdown":
        from modelward.output.drawers.markdown import to_markdown

        return to_markdown(blocks)
    from modelward.output.drawers.terminal import to_text

    return to_text(blocks, to_file=output is not None and str(output) != "-")
