"""What commands print: problems on stderr, and results drawn and written whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.errors import Problem
    from modelward.i18n import Lang
    from modelward.loading import LoadedWard
    from modelward.output.blocks import Block
    from modelward.output.writing import Data
    from modelward.scoring import Assessment


def say(problem: Problem, lang: str) -> None:
    """One problem on stderr, ``PATH:LINE:COL: dotted.path: message``, in the chosen language."""
    click.echo(visible(problem.worded(lang)), err=True)


def emit(data: Data, output: Path | None, inputs: list[Path]) -> None:
    """Write a command's result to stdout or, whole or not at all, to a file."""
    from modelward.cli.options import FORCE_KEY
    from modelward.output.writing import emit as write

    ctx = click.get_current_context(silent=True)
    write(data, output, inputs, force=bool(ctx and ctx.find_root().meta.get(FORCE_KEY)))


def show(
    fmt: str,
    blocks: Callable[[], list[Block]],
    document: Callable[[], object],
    lang: Lang,
    output: Path | None,
    inputs: list[Path],
) -> None:
    """Draw a result in the format asked for and write it (see ``output.pages``)."""
    from modelward.output.pages import PageFormat, draw

    to_file = output is not None and str(output) != "-"
    emit(draw(PageFormat(fmt), blocks, document, lang, to_file), output, inputs)


def emit_json(doc: object, output: Path | None, inputs: list[Path]) -> None:
    """A JSON document, indented, as the JSON formats are written."""
    import json

    from modelward.output.safe import json_safe

    emit(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n", output, inputs)


def cycle_warnings(
    ward: LoadedWard, assessments: list[Assessment], require_evidence: bool, lang: str
) -> list[Problem]:
    """Say the assessment cycle's warnings on stderr; return those that are errors
    (``--require-evidence``), for the caller to raise."""
    from modelward.cycle import placed_warnings

    found = placed_warnings(ward, assessments, require_evidence)
    for problem in found.said:
        say(problem, lang)
    return found.errors
