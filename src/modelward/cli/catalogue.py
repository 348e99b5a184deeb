"""Commands on the catalogue: ``criteria`` shows it, ``schema`` writes a JSON Schema from it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.cli.options import (
    criteria_choice,
    format_option,
    lang_option,
    max_size_option,
    output_option,
)
from modelward.cli.printing import emit_json, say, show
from modelward.errors import ModelwardError

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.loading.catalogues import Claim
    from modelward.models import Catalogue


@click.command(name="criteria")
@criteria_choice(
    "The catalogue to show: a file, or ID@VERSION (found as a ward's catalogue is). "
    "Default: the nearest criteria.yaml, else the one shipped with modelward."
)
@click.option(
    "--list",
    "listing",
    is_flag=True,
    help="List every catalogue found from this folder (id, version, status, title, where).",
)
@format_option("table", "json", "markdown", files=("html",))
@lang_option
@output_option
@max_size_option
def criteria_command(
    criteria: Path | None,
    listing: bool,
    fmt: str,
    lang: Lang,
    output: Path | None,
    max_size: int,
) -> None:
    """Show the catalogue: groups and criteria (judged or computed, each rule in
    words, weight, guidance), the indicators, and the verdicts; or, with --list,
    every catalogue found from this folder: the nearest criteria.yaml and the
    catalogues/ folder beside it, then those shipped with modelward.

    Example:

        modelward criteria --list

        modelward criteria --criteria cand-model-ward-pilot@2022 --lang en
    """
    from modelward.loading import load_catalogue
    from modelward.loading.catalogues import Finder, default_catalogue

    if listing:
        _list(Finder().every(Path.cwd()), fmt, lang, output)
        return
    catalogue_file = criteria or default_catalogue(Path.cwd() / "criteria.yaml")
    loaded = load_catalogue(catalogue_file, max_size, linked=True)
    for warning in loaded.warnings:
        say(warning, lang)
    cat = loaded.model
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


def _shown(path: Path) -> str:
    """A path as short as it can be said: relative to this folder where it is under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def conflicts(claims: list[Claim]) -> dict[Path, list[Path]]:
    """Each file that claims an ``ID@VERSION`` another file found claims with other content
    (an error wherever a ward names it, FORMAT.md section 6) -> those other files."""
    out: dict[Path, list[Path]] = {}
    for claim in claims:
        others = [
            c.path for c in claims if c.reference == claim.reference and c.content != claim.content
        ]
        if others:
            out[claim.path] = others
    return out


CONFLICT = "⚠"
"""Marks a catalogue in ``criteria --list`` whose ``ID@VERSION`` another file claims."""


def _list(claims: list[Claim], fmt: str, lang: Lang, output: Path | None) -> None:
    """Every catalogue found, as a table or JSON (``modelward.catalogues/1``).

    Two files claiming one ``ID@VERSION`` with different content are both listed, marked,
    and a line under the table names them: a ward that names that version gets an error.
    """
    from modelward.i18n import label, text
    from modelward.loading import load_catalogue
    from modelward.output.blocks import Block, Cell, Lines, Sheet

    rows = []
    for claim in claims:
        try:
            cat = load_catalogue(claim.path).model
        except ModelwardError:
            continue  # a file with errors is no catalogue to list; validate says why
        rows.append((cat, claim))
    clashing = conflicts([claim for _, claim in rows])

    def blocks() -> list[Block]:
        sheet = Sheet(
            [
                "ID@VERSION",
                label("status_col", lang),
                label("title_col", lang),
                label("found", lang),
            ],
            wide=frozenset({2, 3}),
        )
        for cat, claim in rows:
            mark = claim.path in clashing
            sheet.add(
                Cell(f"{CONFLICT} {cat.reference}", "bold red") if mark else cat.reference,
                label(f"short_{cat.status}", lang),
                text(cat.title, lang),
                label(f"found_{claim.place}", lang, path=_shown(claim.path)),
            )
        out: list[Block] = [
            Lines((Cell(label("catalogues_found", lang, n=len(rows)), "bold"),), heading=1),
            sheet,
        ]
        said: set[str] = set()
        for cat, claim in rows:
            if claim.path not in clashing or cat.reference in said:
                continue
            said.add(cat.reference)
            paths = [c.path for _, c in rows if c.reference == cat.reference]
            line = label(
                "conflict_line",
                lang,
                mark=CONFLICT,
                reference=cat.reference,
                paths="; ".join(_shown(p) for p in paths),
            )
            out.append(Lines((Cell(line, "red"),)))
        return out

    def document() -> dict[str, object]:
        return {
            "schema": "modelward.catalogues/1",
            "catalogues": [
                {
                    "id": cat.id,
                    "version": cat.version,
                    "status": cat.status,
                    "title": text(cat.title, lang),
                    "found": claim.place,
                    "path": str(claim.path),
                    "conflicts_with": [str(p) for p in clashing.get(claim.path, [])],
                }
                for cat, claim in rows
            ],
        }

    show(fmt, blocks, document, lang, output, [])


def _in_sight(criteria: Path) -> list[Catalogue]:
    """The catalogues a period of a ward beside ``criteria`` may name by ``ID@VERSION``:
    the nearest criteria.yaml, the catalogues/ folder beside it, those shipped. A file
    with errors, or a second file claiming a version already found, is left out."""
    from modelward.loading import load_catalogue
    from modelward.loading.catalogues import Finder

    found: dict[str, Catalogue] = {}
    for claim in Finder().local(criteria) + Finder().shipped():
        if claim.reference in found:
            continue
        try:
            found[claim.reference] = load_catalogue(claim.path).model
        except ModelwardError:
            continue
    return list(found.values())


@click.command()
@click.argument("kind", type=click.Choice(["ward", "catalogue"]), default="ward")
@criteria_choice(
    "For a ward schema: the catalogue whose criterion and indicator ids it allows, a file "
    "or ID@VERSION (default: criteria.yaml here, if any)."
)
@output_option
@lang_option
def schema(kind: str, criteria: Path | None, output: Path | None, lang: str) -> None:
    """Write a JSON Schema for editors that complete keys and flag mistakes as you type.

    A ward schema lists the catalogue's criterion and indicator ids; a period
    that names another version in sight (ID@VERSION: beside the catalogue or
    shipped) takes that version's ids, any other catalogue the shape alone. Put the
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
        doc = schemas.ward_schema(catalogue, _in_sight(criteria) if criteria else [])
    emit_json(doc, output, [criteria] if criteria is not None else [])
