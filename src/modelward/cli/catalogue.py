"""Commands on the catalogue: ``criteria`` shows it, ``schema`` writes a JSON Schema from it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.cli.options import format_option, lang_option, max_size_option, output_option
from modelward.cli.printing import emit_json, show

if TYPE_CHECKING:
    from modelward.i18n import Lang


@click.command(name="criteria")
@click.option(
    "--criteria",
    "catalogue_file",
    type=click.Path(path_type=Path, readable=False),
    default=Path("criteria.yaml"),
    show_default=True,
    help="The catalogue to show.",
)
@format_option("table", "json", "markdown", files=("html",))
@lang_option
@output_option
@max_size_option
def criteria_command(
    catalogue_file: Path, fmt: str, lang: Lang, output: Path | None, max_size: int
) -> None:
    """Show the catalogue: groups and criteria (judged or computed, each rule in
    words, weight, guidance), the indicators, and the verdicts.

    Example:

        modelward criteria --lang en
    """
    from modelward.loading import load_catalogue

    cat = load_catalogue(catalogue_file, max_size).model
    from modelward.output.documents import catalogue_document
    from modelward.output.layouts.catalogue import catalogue_blocks

    show(
        fmt,
        lambda: catalogue_blocks(cat, lang),
        lambda: catalogue_document(cat, lang),
        lang,
        output,
        [catalogue_file],
    )


@click.command()
@click.argument("kind", type=click.Choice(["ward", "catalogue"]), default="ward")
@click.option(
    "--criteria",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    help="For a ward schema: the catalogue whose criterion and indicator ids it allows "
    "(default: criteria.yaml here, if any).",
)
@output_option
@lang_option
def schema(kind: str, criteria: Path | None, output: Path | None, lang: str) -> None:
    """Write a JSON Schema for editors that complete keys and flag mistakes as you type.

    A ward schema lists the catalogue's criterion and indicator ids. Put the
    line "# yaml-language-server: $schema=ward.schema.json" at the top of a
    ward file to use it in VS Code's YAML extension.

    Example:

        modelward schema ward -o ward.schema.json
    """
    from modelward import schema as schemas

    if kind == "catalogue":
        doc = schemas.catalogue_schema()
    else:
        from modelward.loading import load_catalogue

        if criteria is None and Path("criteria.yaml").is_file():
            criteria = Path("criteria.yaml")
        catalogue = load_catalogue(criteria).model if criteria is not None else None
        doc = schemas.ward_schema(catalogue)
    emit_json(doc, output, [criteria] if criteria is not None else [])
