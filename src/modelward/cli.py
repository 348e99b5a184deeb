"""The command line: parse options, call the core, turn errors into exit codes.

Only click is imported at start-up; pydantic, rich and the core load inside the commands
that need them, so ``--help`` and ``--version`` stay instant.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from modelward import __version__
from modelward.errors import ExitCode, ModelwardError

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.loader import CatalogueCache

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """A group that reports ModelwardError as plain lines on stderr with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModelwardError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("modelward: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader went away (`| head`): not an error worth a message.
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="modelward")
def main() -> None:
    """Assess ward police units against the model-ward criteria.

    Validate catalogue and ward files, score one ward, compare two periods,
    and rank many wards. Vietnamese by default; --lang en or MODELWARD_LANG=en
    for English.
    """


# ---------------------------------------------------------------------------- shared options


def lang_option(fn: F) -> F:
    """``--lang vi|en``, also from MODELWARD_LANG; Vietnamese by default."""
    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        envvar="MODELWARD_LANG",
        default="vi",
        show_default=True,
        help="Language of labels and number style (also MODELWARD_LANG).",
    )(fn)


def criteria_option(fn: F) -> F:
    """``--criteria FILE``: the catalogue to use instead of the ward's own."""
    return click.option(
        "--criteria",
        type=click.Path(path_type=Path, dir_okay=True),
        default=None,
        help="Catalogue file to use instead of the ward's catalogue key or the nearest criteria.yaml.",
    )(fn)


def max_size_option(fn: F) -> F:
    """``--max-size BYTES``: the largest input file read."""
    from modelward.limits import MAX_BYTES

    return click.option(
        "--max-size",
        type=click.IntRange(min=1),
        default=MAX_BYTES,
        show_default=True,
        metavar="BYTES",
        help="Refuse input files larger than this.",
    )(fn)


def _lang(value: str) -> Lang:
    return "en" if value == "en" else "vi"


# ---------------------------------------------------------------------------- validate


def _yaml_files(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
            yield from found
        else:
            yield path


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@criteria_option
@lang_option
@max_size_option
def validate(paths: tuple[Path, ...], criteria: Path | None, lang: str, max_size: int) -> None:
    """Check catalogues and ward files, and each ward against its catalogue.

    PATHS are files or folders; every *.yaml and *.yml below a folder is read.
    A file with groups or verdicts is a catalogue, one with name or periods a
    ward. Prints one line per valid file; every problem as PATH:LINE:COL.

    Example:

        modelward validate criteria.yaml wards/
    """
    from modelward import loader
    from modelward.errors import InputError, Problem
    from modelward.i18n import label

    language = _lang(lang)
    catalogues = loader.CatalogueCache(max_size)
    files = list(_yaml_files(paths))
    if not files:
        raise InputError([Problem(str(p), label("no_files", language, path=p)) for p in paths])
    bad = 0
    for path in files:
        try:
            click.echo(_validate_one(path, criteria, catalogues, language, max_size))
        except ModelwardError as exc:
            bad += 1
            for problem in exc.problems:
                click.echo(str(problem), err=True)
    if bad:
        click.echo(label("files_bad", language, bad=bad, n=len(files)), err=True)
        sys.exit(int(ExitCode.BAD_INPUT))


def _validate_one(
    path: Path, criteria: Path | None, catalogues: CatalogueCache, lang: Lang, max_size: int
) -> str:
    from modelward import loader
    from modelward.i18n import label

    doc = loader.parse(path, max_size)
    if loader.kind_of(doc) == "catalogue":
        cat = catalogues.remember(path, doc)
        model = cat.model
        return (
            f"{label('ok', lang)}: {path} ({label('catalogue', lang)} {model.id} {model.version}: "
            f"{len(model.groups)} {label('groups', lang)}, {len(model.criteria())} "
            f"{label('criteria', lang)})"
        )
    ward = loader.ward_from(doc, path, criteria, catalogues)
    return (
        f"{label('ok', lang)}: {path} ({label('ward', lang)} {ward.model.id}: "
        f"{len(ward.periods)} {label('periods', lang)}, {label('catalogue', lang)} "
        f"{ward.catalogue.model.id} {ward.catalogue.model.version})"
    )
