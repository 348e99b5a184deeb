"""Commands on ward and catalogue files themselves: ``validate`` checks them, ``new`` starts one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.cli.options import (
    criteria_option,
    lang_option,
    max_size_option,
    require_evidence_option,
)
from modelward.cli.printing import say
from modelward.errors import ExitCode, Finished, ModelwardError, Problem, UsageError
from modelward.messages import Message
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.loading import CatalogueCache


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@criteria_option
@lang_option
@max_size_option
@require_evidence_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def validate(
    paths: tuple[Path, ...],
    criteria: Path | None,
    lang: Lang,
    max_size: int,
    require_evidence: bool,
    fmt: str,
) -> None:
    """Check catalogues and ward files, and each ward against its catalogue.

    PATHS are files or folders; every *.yaml and *.yml below a folder is read.
    A file with groups or verdicts is a catalogue, one with name or periods a
    ward. Prints one line per valid file; every problem as PATH:LINE:COL
    (--format json: one document, each problem with its stable code).
    Warns, without failing, of a judged criterion marked met with neither
    evidence nor a note (an error with --require-evidence), of a decision
    that recognises a period whose latest result is not the top verdict, and
    of an inspection that does not say who inspected (by) or when (on).

    Example:

        modelward validate criteria.yaml wards/
    """
    from modelward import loading
    from modelward.batch.discovery import ward_files
    from modelward.errors import InputError
    from modelward.i18n import label

    catalogues = loading.CatalogueCache(max_size)
    empty = [p for p in paths if p.is_dir() and not any(ward_files((p,)))]
    if empty:  # a folder with nothing to check is a mistake worth saying, not skipping
        raise InputError([Problem(str(p), label("no_files", lang, path=p)) for p in empty])
    files = [Path(p) for p in ward_files(paths)]
    named = {p.stem: str(p) for p in files}  # where a merged ward's predecessors are looked for
    bad = 0
    checked: list[dict[str, object]] = []
    problems: list[Problem] = []
    for path in files:
        try:
            shown = _validate_one(
                path, criteria, catalogues, lang, max_size, require_evidence, named
            )
            checked.append({"path": str(path), "ok": True})
            if fmt == "table":
                click.echo(visible(shown))
        except ModelwardError as exc:
            bad += 1
            checked.append({"path": str(path), "ok": False})
            problems += exc.problems
            if fmt == "table":
                for problem in exc.problems:
                    say(problem, lang)
    if fmt == "json":
        from modelward.cli.printing import emit_json

        emit_json(
            {
                "schema": "modelward.validation/1",
                "files": checked,
                "problems": [_problem_json(p, lang) for p in problems],
            },
            None,
            [],
        )
    if bad:
        raise Finished(ExitCode.BAD_INPUT, label("files_bad", lang, bad=bad, n=len(files)))


def _problem_json(problem: Problem, lang: Lang) -> dict[str, object]:
    """A problem as JSON: where, its stable code (the catalogue id), and its words."""
    from modelward.messages import word

    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "loc": problem.loc,
        "code": problem.message.id if isinstance(problem.message, Message) else None,
        "message": word(problem.message, lang),
    }


def _validate_one(
    path: Path,
    criteria: Path | None,
    catalogues: CatalogueCache,
    lang: Lang,
    max_size: int,
    require_evidence: bool = False,
    named: dict[str, str] | None = None,
) -> str:
    from modelward import loading
    from modelward.i18n import label

    doc = loading.parse(path, max_size)
    if loading.kind_of(doc) == "catalogue":
        cat = catalogues.remember(path, doc)
        for warning in cat.warnings:
            say(warning, lang)
        model = cat.model
        return (
            f"{label('ok', lang)}: {path} ({label('catalogue', lang)} {model.id} {model.version}: "
            f"{label('n_groups', lang, n=len(model.groups))}, "
            f"{label('n_criteria', lang, n=len(model.criteria()))})"
        )
    ward = loading.ward_from(doc, path, criteria, catalogues)
    ward.refuse_other_criteria(ward.periods)
    if ward.model.formed is not None:  # its predecessors must be found (FORMAT.md section 10)
        from modelward.loading.lineage import find_predecessors

        find_predecessors(
            ward, candidates=named, criteria=criteria, catalogues=catalogues, max_bytes=max_size
        )
    from modelward.cli.printing import cycle_warnings
    from modelward.cycle import assess_at
    from modelward.errors import InputError

    every = [
        assess_at(
            ward.catalogue_of(p).model,
            ward.periods,
            ward.figures,
            ward.inspected,
            p,
            versions=ward.versions,
        )
        for p in sorted(ward.periods)
    ]
    errors = cycle_warnings(ward, every, require_evidence, lang)
    if errors:
        raise InputError(errors)
    used = list(
        dict.fromkeys(
            f"{c.id} {c.version}"
            for c in (ward.catalogue_of(p).model for p in sorted(ward.periods))
        )
        or [f"{ward.catalogue.model.id} {ward.catalogue.model.version}"]
    )
    return (
        f"{label('ok', lang)}: {path} ({label('ward', lang)} {ward.model.id}: "
        f"{label('n_periods', lang, n=len(ward.periods))}, "
        f"{label('catalogue' if len(used) == 1 else 'catalogues', lang)} " + ", ".join(used) + ")"
    )


@click.command()
@click.argument(
    "ward_file",
    metavar="WARD_FILE",
    type=click.Path(path_type=Path, readable=False, dir_okay=False),
)
@click.option(
    "--id", "ward_id", default=None, help="The new ward's id: lowercase letters, digits, hyphens."
)
@click.option("--name", default=None, help='The new ward\'s name, e.g. "Phường Tào Xuyên".')
@click.option(
    "--period", default=None, metavar="P", help="The period to add (a new file: this year)."
)
@criteria_option
@lang_option
def new(
    ward_file: Path,
    ward_id: str | None,
    name: str | None,
    period: str | None,
    criteria: Path | None,
    lang: Lang,
) -> None:
    """Start a ward file, or add an empty period to one, ready to fill in.

    Every judged criterion and every figure of the catalogue is written as a
    comment with its title: remove the # and fill in. A new file needs --id
    and --name and is never written over an existing one. On an existing file,
    --period adds that period at the end of its periods and leaves every other
    byte as it was.

    Example:

        modelward new wards/dong-tho.yaml --id dong-tho --name "Phường Đông Thọ"
    """
    import datetime as dt

    from modelward import loading, scaffold
    from modelward.loading.catalogues import default_catalogue
    from modelward.output.writing import write_atomic
    from modelward.periods import PeriodError, parse_period

    try:
        chosen = parse_period(period if period is not None else str(dt.date.today().year))
    except PeriodError as exc:
        raise UsageError(exc.message, "--period") from None
    if ward_file.exists():
        if ward_id is not None or name is not None:
            raise UsageError(Message("new_exists", file=str(ward_file)))
        if period is None:
            raise UsageError(Message("new_exists_period", file=str(ward_file)))
        ward = loading.load_ward(ward_file, criteria)
        raw = ward_file.read_bytes()
        updated = scaffold.add_period(ward_file, raw, ward.catalogue.model, chosen, lang)
        write_atomic(ward_file, updated)
        click.echo(f"{ward_file}: + {chosen}")
        return
    if ward_id is None or name is None:
        raise UsageError(Message("new_needs_id_name"))
    import pydantic

    from modelward.models import Slug

    try:
        pydantic.TypeAdapter(Slug).validate_python(ward_id)
    except pydantic.ValidationError:
        raise UsageError(Message("new_bad_id", id=ward_id), "--id") from None
    # The catalogue is written as ID@VERSION, never as a path: the file keeps working
    # when it is mailed to someone else (it is found beside the ward or shipped).
    catalogue_path = criteria if criteria is not None else default_catalogue(ward_file)
    catalogue = loading.load_catalogue(catalogue_path).model
    text = scaffold.new_ward(ward_file, ward_id, name, catalogue, catalogue.reference, chosen, lang)
    if not ward_file.parent.exists():
        raise ModelwardError([Problem(str(ward_file.parent), Message("no_such_folder"))])
    from modelward.output.writing import create_atomic

    create_atomic(ward_file, text)
    click.echo(f"{ward_file}: {ward_id}, {chosen}")
    if criteria is not None:  # the name must find the catalogue from where the file is
        from modelward.loading.catalogues import not_found_from

        unfound = not_found_from(catalogue.reference, criteria, ward_file)
        if unfound is not None:
            import json

            written = f"catalogue: {json.dumps(catalogue.reference, ensure_ascii=False)}"
            line = text.splitlines().index(written) + 1
            at = len("catalogue: ") + 1
            say(Problem(str(ward_file), unfound, "catalogue", line, at), lang)
