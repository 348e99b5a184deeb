"""The command line: parse options, call the core, turn errors into exit codes.

Only click is imported at start-up; pydantic, rich and the core load inside the commands
that need them, so ``--help`` and ``--version`` stay instant.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from modelward import __version__
from modelward.errors import ExitCode, ModelwardError, Problem

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.loading import CatalogueCache, LoadedWard
    from modelward.output import Data
    from modelward.periods import Period
    from modelward.summary import Summariser, Summary

F = TypeVar("F", bound=Callable[..., Any])

# modelward's models use no pydantic plugin; looking for them reads the metadata of every
# installed package, a sixth of a single-ward assess. A user who has one can still set it.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _Group(click.Group):
    """A group that reports ModelwardError as plain lines on stderr with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModelwardError as exc:
            lang = ctx.meta.get(_LANG_KEY) or _env_lang()
            for problem in exc.problems:
                say(problem, lang)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("modelward: interrupted", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:
            # The reader went away (`| head`): not an error worth a message.
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            # A bug of ours, not the user's input: say so in one line, keep the traceback
            # for whoever debugs it (MODELWARD_DEBUG=1).
            if os.environ.get("MODELWARD_DEBUG"):
                raise
            click.echo(
                f"modelward: internal error ({type(exc).__name__}: {exc}); please report it "
                "with the input that caused it (MODELWARD_DEBUG=1 shows the details)",
                err=True,
            )
            ctx.exit(int(ExitCode.BAD_INPUT))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="modelward")
def main() -> None:
    """Assess ward police units against the model-ward criteria.

    Validate catalogue and ward files, score one ward, compare two periods,
    and rank many wards. Vietnamese by default; --lang en or MODELWARD_LANG=en
    for English.
    """


# ---------------------------------------------------------------------------- shared options


_LANG_KEY = "modelward.lang"


def _language(value: str) -> str | None:
    """vi or en from how a user or a locale spells it (EN, vi_VN, en_US.UTF-8); else None."""
    lang = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return lang if lang in ("vi", "en") else None


def _env_lang() -> str:
    """MODELWARD_LANG as a language, for errors raised before --lang is read."""
    return _language(os.environ.get("MODELWARD_LANG", "vi")) or "vi"


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    lang = _language(value)
    if lang is None:
        raise click.BadParameter(f"expected vi or en, got {value!r}", ctx, param)
    ctx.meta[_LANG_KEY] = lang  # so that errors raised anywhere are worded in it
    return lang


def lang_option(fn: F) -> F:
    """``--lang vi|en``, also from MODELWARD_LANG; Vietnamese by default."""
    return click.option(
        "--lang",
        type=click.STRING,
        metavar="[vi|en]",
        envvar="MODELWARD_LANG",
        default="vi",
        show_default=True,
        callback=_remember_lang,
        help="Language of labels, messages and number style (also MODELWARD_LANG).",
    )(fn)


def say(problem: Problem, lang: str) -> None:
    """One problem on stderr, ``PATH:LINE:COL: dotted.path: message``, in the chosen language."""
    if lang == "vi":
        import dataclasses

        from modelward.messages import vietnamese

        problem = dataclasses.replace(problem, message=vietnamese(problem.message))
    click.echo(str(problem), err=True)


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


def period_option(fn: F) -> F:
    """``--period P``: which period; the latest in the file by default."""
    return click.option(
        "--period",
        default=None,
        metavar="P",
        help="Period to use: 2024, 2025-Q1, 2025-H1 or 2025-01..2025-02 (default: the latest).",
    )(fn)


_EXTENSIONS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".csv": "csv"}
"""The format an -o file's extension asks for, when --format is not given."""


def _share(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """A share from 0 to 1, or a percent written with its sign (30%); a bare 30 is refused
    with the share to write."""
    if value is None:
        return None
    text = value.strip().replace(",", ".")
    try:
        share = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise click.BadParameter(f"expected a share such as 0.3 or 30%, got {value!r}") from None
    if 0 <= share <= 1:
        return share
    if 1 < share <= 100 and not text.endswith("%"):
        raise click.BadParameter(f"a share is from 0 to 1: for {share:g}% write {share / 100:g}")
    raise click.BadParameter(f"a share is from 0 to 1 (0% to 100%), got {value}")


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``: ``table`` (the default), a machine or report format, or -o's extension.

    ``-o summary.json`` writes JSON without ``--format json``: a file named .json holding
    a drawn table would surprise whoever opens it.
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def chosen(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("fmt") is None:
                kwargs["fmt"] = _format_of(kwargs.get("output"), choices)
            return fn(*args, **kwargs)

        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=None,
            show_default=f"{choices[0]}, or the -o file's extension",
            help="Output format.",
        )(cast(F, chosen))

    return decorate


def _format_of(output: Path | None, choices: tuple[str, ...]) -> str:
    if output is None or str(output) == "-":
        return choices[0]
    suffix = output.suffix.lower()
    if suffix in (".xlsx", ".html", ".htm"):
        raise click.BadParameter(
            f"this command does not write {suffix} files; `modelward export` does",
            param_hint="-o",
        )
    wanted = _EXTENSIONS.get(suffix)
    return wanted if wanted in choices else choices[0]


def output_option(fn: F) -> F:
    """``-o/--output FILE``: where to write; ``-`` is stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Write to FILE (whole or not at all) instead of stdout; - is stdout.",
    )(fn)


def require_option(fn: F) -> F:
    """``--require VERDICT``: exit 3 when the verdict is below it."""
    return click.option(
        "--require",
        default=None,
        metavar="VERDICT",
        help="Exit with code 3 when the verdict is below this verdict id (e.g. model).",
    )(fn)


def _lang(value: str) -> Lang:
    return "en" if value == "en" else "vi"


def _emit_blocks(blocks: Any, fmt: str, output: Path | None, inputs: list[Path]) -> None:
    """Draw laid-out blocks as a rich table (on stdout, or plain into a file) or as Markdown."""
    emit(_draw(blocks, fmt, output), output, inputs)


FILE_WIDTH_MAX = 200
"""The widest a table written to a file is drawn."""


def _draw(blocks: Any, fmt: str, output: Path | None) -> str:
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


def _emit_json(doc: object, output: Path | None, inputs: list[Path]) -> None:
    import json

    emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output, inputs)


# ---------------------------------------------------------------------------- validate


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
    from modelward import loading
    from modelward.errors import InputError, Problem
    from modelward.i18n import label

    language = _lang(lang)
    catalogues = loading.CatalogueCache(max_size)
    from modelward.summary import ward_files

    empty = [p for p in paths if p.is_dir() and not any(ward_files((p,)))]
    if empty:  # a folder with nothing to check is a mistake worth saying, not skipping
        raise InputError([Problem(str(p), label("no_files", language, path=p)) for p in empty])
    files = [Path(p) for p in ward_files(paths)]
    bad = 0
    for path in files:
        try:
            click.echo(_validate_one(path, criteria, catalogues, language, max_size))
        except ModelwardError as exc:
            bad += 1
            for problem in exc.problems:
                say(problem, language)
    if bad:
        click.echo(label("files_bad", language, bad=bad, n=len(files)), err=True)
        sys.exit(int(ExitCode.BAD_INPUT))


def _validate_one(
    path: Path, criteria: Path | None, catalogues: CatalogueCache, lang: Lang, max_size: int
) -> str:
    from modelward import loading
    from modelward.i18n import label

    doc = loading.parse(path, max_size)
    if loading.kind_of(doc) == "catalogue":
        cat = catalogues.remember(path, doc)
        model = cat.model
        return (
            f"{label('ok', lang)}: {path} ({label('catalogue', lang)} {model.id} {model.version}: "
            f"{len(model.groups)} {label('groups', lang)}, {len(model.criteria())} "
            f"{label('criteria', lang)})"
        )
    ward = loading.ward_from(doc, path, criteria, catalogues)
    return (
        f"{label('ok', lang)}: {path} ({label('ward', lang)} {ward.model.id}: "
        f"{len(ward.periods)} {label('periods', lang)}, {label('catalogue', lang)} "
        f"{ward.catalogue.model.id} {ward.catalogue.model.version})"
    )


# ---------------------------------------------------------------------------- assess


def _pick_period(ward: LoadedWard, wanted: str | None, hint: str = "--period") -> Period:
    from modelward.periods import PeriodError, latest, parse_period

    have = ", ".join(str(p) for p in sorted(ward.periods))
    if wanted is None:
        if not ward.periods:
            raise ModelwardError(
                [Problem(str(ward.path), "the ward file has no periods to assess")]
            )
        return latest(list(ward.periods))
    try:
        found = ward.period(parse_period(wanted))
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint=hint) from None
    if found is None:
        raise click.BadParameter(
            f"{ward.path} has no period {wanted} (it has: {have or 'none'})", param_hint=hint
        )
    return found


def no_cache_option(fn: F) -> F:
    """``--no-cache``: neither read nor fill the cache."""
    return click.option(
        "--no-cache",
        "no_cache",
        is_flag=True,
        help="Work everything out afresh, neither reading nor filling the cache.",
    )(fn)


def _view_key(*parts: object) -> str:
    """What an output depends on besides the files: the options and, for a terminal, the console."""
    import json

    return json.dumps([__version__, *parts], ensure_ascii=False)


def _console_facts(fmt: str, output: Path | None) -> list[object]:
    """Everything rich reads to choose width and colours, when a table goes to this terminal."""
    if fmt != "table" or (output is not None and str(output) != "-"):
        return []
    sizes: list[list[int] | None] = []
    for fd in (0, 1, 2):
        try:
            sizes.append(list(os.get_terminal_size(fd)))
        except OSError:
            sizes.append(None)
    env = {k: v for k, v in os.environ.items() if k in _CONSOLE_ENV or k.startswith("TTY_")}
    return [sys.stdout.isatty(), sizes, sorted(env.items())]


_CONSOLE_ENV = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLORTERM",
    "JUPYTER_COLUMNS",
)


@main.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path))
@period_option
@criteria_option
@format_option("table", "json", "markdown")
@lang_option
@require_option
@output_option
@max_size_option
@no_cache_option
def assess(
    ward_file: Path,
    period: str | None,
    criteria: Path | None,
    fmt: str,
    lang: str,
    require: str | None,
    output: Path | None,
    max_size: int,
    no_cache: bool,
) -> None:
    """Score one period of a ward: every criterion, the verdict, and the figures
    against the same period a year earlier.

    Without --period, the latest period in the file. Exit code 3 when --require
    names a verdict better than the one reached. A rerun on an unchanged file
    and catalogue prints the result kept in the cache.

    Example:

        modelward assess wards/tao-xuyen.yaml --period 2024
    """
    from modelward.cache import WardCache, default_root

    language = _lang(lang)
    key = _view_key("assess", fmt, language, period, _console_facts(fmt, output))
    cache = None if no_cache else WardCache(default_root())
    view = cache.view(ward_file, criteria, max_size, key) if cache is not None else None
    if view is None:
        view = _assess_view(ward_file, period, criteria, fmt, language, output, max_size)
        if cache is not None:
            cache.store_view(
                view.pop("sha256"), view.pop("declared"), view.pop("catalogue_sha256"), key, view
            )
            cache.close()
    verdicts: list[list[str]] = view["verdicts"]
    ids = [v[0] for v in verdicts]
    if require is not None and require not in ids:
        raise click.BadParameter(
            f"no verdict {require!r} in catalogue {view['catalogue']}; choose from: {', '.join(ids)}",
            param_hint="--require",
        )
    emit(view["text"], output, [ward_file])
    if require is not None and view["verdict_index"] > ids.index(require):
        from modelward.i18n import label

        got, want = verdicts[view["verdict_index"]][1], verdicts[ids.index(require)][1]
        click.echo(
            label("required_not_reached", language, ward=view["ward"], got=got, want=want), err=True
        )
        sys.exit(int(ExitCode.REQUIREMENT_NOT_REACHED))


def _assess_view(
    ward_file: Path,
    period: str | None,
    criteria: Path | None,
    fmt: str,
    language: Lang,
    output: Path | None,
    max_size: int,
) -> dict[str, Any]:
    """Score the ward and draw the result: the text to show and what --require needs."""
    from modelward import loading
    from modelward.i18n import text
    from modelward.scoring import assess as score

    ward = loading.load_ward(ward_file, criteria, max_bytes=max_size)
    chosen = _pick_period(ward, period)
    result = score(ward.catalogue.model, ward.periods, ward.figures, chosen)
    if fmt == "json":
        import json

        from modelward.documents import assessment

        drawn = (
            json.dumps(assessment(result, ward.model, language), ensure_ascii=False, indent=2)
            + "\n"
        )
    else:
        from modelward.render import assess_blocks

        drawn = _draw(assess_blocks(result, ward.model, language), fmt, output)
    catalogue = ward.catalogue
    return {
        "text": drawn,
        "ward": ward.model.id,
        "catalogue": catalogue.model.id,
        "verdict_index": result.verdict_index,
        "verdicts": [[v.id, text(v.title, language)] for v in catalogue.model.verdicts],
        "sha256": ward.doc_sha256,
        "declared": ward.model.catalogue,
        "catalogue_sha256": catalogue.doc.sha256,
    }


def emit(data: Data, output: Path | None, inputs: list[Path]) -> None:
    """Write a command's result to stdout or, whole or not at all, to a file."""
    from modelward.output import emit as write

    write(data, output, inputs)


# ---------------------------------------------------------------------------- compare


@main.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path))
@click.argument("periods", metavar="FROM [TO]", nargs=-1, required=True)
@criteria_option
@format_option("table", "json", "markdown")
@lang_option
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit with code 3 when a criterion was lost or the verdict is worse.",
)
@output_option
@max_size_option
def compare(
    ward_file: Path,
    periods: tuple[str, ...],
    criteria: Path | None,
    fmt: str,
    lang: str,
    fail_on_regression: bool,
    output: Path | None,
    max_size: int,
) -> None:
    """Compare two periods of a ward: verdicts, criteria gained and lost, every figure.

    With one period only, it is compared with the same period a year earlier
    (2025-01..2025-02 with 2024-01..2024-02). Periods of different lengths are
    compared with a warning.

    Example:

        modelward compare wards/tao-xuyen.yaml 2023 2024
    """
    from modelward import loading
    from modelward.comparison import compare as line_up

    if len(periods) > 2:
        raise click.UsageError("compare takes one or two periods: FROM [TO]")
    language = _lang(lang)
    ward = loading.load_ward(ward_file, criteria, max_bytes=max_size)
    after = _pick_period(ward, periods[-1], "TO" if len(periods) == 2 else "FROM")
    if len(periods) == 2:
        before = _pick_period(ward, periods[0], "FROM")
    else:
        earlier = ward.period(after.year_before())
        if earlier is None:
            raise click.UsageError(
                f"{ward_file} has no {after.year_before()}, the same period a year before "
                f"{after}: name both periods, compare WARD FROM TO"
            )
        before = earlier
    result = line_up(
        ward.catalogue.model, ward.periods, ward.figures, before, after, str(ward_file)
    )
    if fmt == "json":
        from modelward.documents import comparison

        _emit_json(comparison(result, ward.model, language), output, [ward_file])
    else:
        from modelward.render import compare_blocks

        _emit_blocks(compare_blocks(result, ward.model, language), fmt, output, [ward_file])
    if fail_on_regression and result.regressed:
        from modelward.i18n import label

        click.echo(label("regressed", language, ward=ward.model.id), err=True)
        sys.exit(int(ExitCode.REQUIREMENT_NOT_REACHED))


# ---------------------------------------------------------------------------- history


@main.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path))
@criteria_option
@format_option("table", "json", "markdown")
@lang_option
@output_option
@max_size_option
def history(
    ward_file: Path,
    criteria: Path | None,
    fmt: str,
    lang: str,
    output: Path | None,
    max_size: int,
) -> None:
    """Every period of a ward in order, and its key figures year by year with a trend line.

    Example:

        modelward history wards/tao-xuyen.yaml
    """
    from modelward import loading
    from modelward.comparison import history as assess_all

    language = _lang(lang)
    ward = loading.load_ward(ward_file, criteria, max_bytes=max_size)
    result = assess_all(ward.catalogue.model, ward.periods, ward.figures)
    if fmt == "json":
        from modelward.documents import history_document

        _emit_json(history_document(result, ward.model, language), output, [ward_file])
    else:
        from modelward.render import history_blocks

        _emit_blocks(history_blocks(result, ward.model, language), fmt, output, [ward_file])


# ---------------------------------------------------------------------------- summary, export


def summary_options(fn: F) -> F:
    """The options ``summary`` and ``export`` share."""
    for decorate in reversed(
        [
            click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
            period_option,
            criteria_option,
            click.option(
                "--area",
                default=None,
                metavar="TEXT",
                help="Keep wards whose area (ward, district, city, province, region) contains "
                "TEXT; case and diacritics ignored.",
            ),
            click.option(
                "--target",
                type=click.STRING,
                callback=_share,
                default=None,
                metavar="SHARE",
                help="Roll-out target: the share of wards that should reach the top verdict "
                "(0.3 or 30%).",
            ),
            lang_option,
            max_size_option,
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                help=f"Worker processes (default: one per core from {SMALL} files on, else one).",
            ),
            click.option(
                "--no-cache",
                "no_cache",
                is_flag=True,
                help="Score every file afresh, neither reading nor filling the cache.",
            ),
        ]
    ):
        fn = decorate(fn)
    return fn


def _summarise(
    paths: tuple[Path, ...],
    period: str | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    max_size: int,
    jobs: int | None,
    use_cache: bool,
    lang: str,
) -> Summary:
    """Read every ward under the paths into a ranked summary; print each broken file's errors."""
    from modelward.cache import WardCache, default_root
    from modelward.periods import PeriodError, parse_period
    from modelward.summary import Failed, Summariser, collect, run, ward_files

    if period is not None:
        try:
            period = str(parse_period(period))
        except PeriodError as exc:
            raise click.BadParameter(str(exc), param_hint="--period") from None
    files = list(ward_files(paths, distinct=True))  # strings: lighter than Paths by the thousand
    if not files:
        raise ModelwardError([Problem(str(p), "no YAML files here") for p in paths])
    if criteria is not None:
        from modelward.loading import load_catalogue

        load_catalogue(criteria, max_size)  # a broken --criteria is reported once, up front
    cache = WardCache(default_root()) if use_cache else None
    summariser = Summariser(period, criteria, area, max_size, cache)
    workers = jobs if jobs is not None else _default_jobs(files, summariser)
    outcomes = []
    for outcome in _progress(run(files, summariser, workers), len(files)):
        if isinstance(outcome, Failed):
            for problem in outcome.problems:
                say(problem, lang)
        outcomes.append(outcome)

    def load(path: Path) -> Any:
        from modelward.loading import load_catalogue

        return load_catalogue(path, max_size).model

    return collect(outcomes, period, target, criteria, load)


SMALL = 200
"""Below this many files one process is faster than starting workers."""


def _default_jobs(files: list[str], summariser: Summariser) -> int:
    """One process per core for many files, unless the cache already holds them.

    Reading results from the cache is quicker than starting workers, so a handful of files
    spread over the list is looked up first: when all are cached, one process does it all.
    """
    if len(files) < SMALL:
        return 1
    if summariser.cache is not None:
        sample = files[:: max(1, len(files) // 8)][:8]
        if all(summariser.cached(Path(path))[0] for path in sample):
            return 1
    return _cores()


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _progress(outcomes: Any, total: int) -> Any:
    """The outcomes as they come, with a progress bar on a terminal when there are many."""
    if total < 50 or not sys.stderr.isatty():
        return outcomes
    from rich.console import Console
    from rich.progress import track

    return track(
        outcomes, total=total, description="modelward", console=Console(stderr=True), transient=True
    )


def _inputs(summary: Summary) -> list[Path]:
    """Every file a summary read: an output path among them is refused."""
    return [
        *(Path(r.row.path) for r in summary.ranked),
        *(Path(m.path) for m in summary.missing),
        *(Path(f.path) for f in summary.failed),
        Path(summary.catalogue_path),
    ]


def _left_out(summary: Summary, lang: Lang) -> None:
    if summary.failed:
        from modelward.i18n import label

        click.echo(label("left_out", lang, n=len(summary.failed)), err=True)
        sys.exit(int(ExitCode.BAD_INPUT))


@main.command()
@summary_options
@format_option("table", "json", "markdown", "csv")
@output_option
def summary(
    paths: tuple[Path, ...],
    period: str | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    lang: str,
    max_size: int,
    jobs: int | None,
    no_cache: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Rank many wards: one row each with met/applicable per group, score and verdict.

    PATHS are ward files or folders of them. Without --period, each ward's
    latest period. Ties share a rank (1, 2, 2, 4). A broken ward file is
    reported and left out; the others are still ranked, and the exit code is 1.

    Example:

        modelward summary wards/ --period 2024 --target 0.3
    """
    language = _lang(lang)
    result = _summarise(paths, period, criteria, area, target, max_size, jobs, not no_cache, lang)
    inputs = _inputs(result)
    if area is not None and not result.ranked and not result.missing:
        from modelward.i18n import label

        click.echo(label("no_area_match", language, area=area), err=True)
    if fmt == "table":
        from modelward.render import summary_blocks

        _emit_blocks(summary_blocks(result, language), fmt, output, inputs)
    else:
        from modelward.exporters.base import ExportFormat, Provenance

        exporter = ExportFormat(fmt).to_exporter()
        emit(exporter.chunks(result, language, Provenance.of(result)), output, inputs)
    _left_out(result, language)


@main.command()
@summary_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The file to write; its extension picks the format: .csv .json .md .xlsx .html",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "markdown", "xlsx", "html"]),
    default=None,
    help="The format, when the file's extension does not say it.",
)
def export(
    paths: tuple[Path, ...],
    period: str | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    lang: str,
    max_size: int,
    jobs: int | None,
    no_cache: bool,
    output: Path,
    fmt: str | None,
) -> None:
    """Write the summary of many wards to a file for a report or a spreadsheet.

    The format comes from the file's extension: .csv, .json, .md, .xlsx
    (a summary sheet and one column per criterion) or .html (one
    self-contained page). Every export names the tool version, the catalogue,
    the period, when it was made and each input file's SHA-256. The file is
    written whole or not at all; an input file is never overwritten.

    Example:

        modelward export wards/ --period 2024 -o tong-hop-2024.xlsx
    """
    from modelward.exporters.base import ExportFormat, Provenance

    chosen = ExportFormat(fmt) if fmt is not None else ExportFormat.from_path(output)
    if chosen is None:
        raise click.BadParameter(
            f"cannot tell the format from {output.name!r}: use a .csv, .json, .md, .xlsx or "
            ".html file name, or --format",
            param_hint="-o/--output",
        )
    language = _lang(lang)
    result = _summarise(paths, period, criteria, area, target, max_size, jobs, not no_cache, lang)
    data = chosen.to_exporter().chunks(result, language, Provenance.of(result))
    emit(data, output, _inputs(result))
    _left_out(result, language)


# ---------------------------------------------------------------------------- criteria


@main.command(name="criteria")
@click.option(
    "--criteria",
    "catalogue_file",
    type=click.Path(path_type=Path),
    default=Path("criteria.yaml"),
    show_default=True,
    help="The catalogue to show.",
)
@format_option("table", "json", "markdown")
@lang_option
@output_option
@max_size_option
def criteria_command(
    catalogue_file: Path, fmt: str, lang: str, output: Path | None, max_size: int
) -> None:
    """Show the catalogue: groups and criteria (judged or computed, each rule in
    words, weight, guidance), the indicators, and the verdicts.

    Example:

        modelward criteria --lang en
    """
    from modelward.loading import load_catalogue

    language = _lang(lang)
    cat = load_catalogue(catalogue_file, max_size).model
    if fmt == "json":
        from modelward.documents import catalogue_document

        _emit_json(catalogue_document(cat, language), output, [catalogue_file])
    else:
        from modelward.render import catalogue_blocks

        _emit_blocks(catalogue_blocks(cat, language), fmt, output, [catalogue_file])


# ---------------------------------------------------------------------------- new


@main.command()
@click.argument("ward_file", metavar="WARD_FILE", type=click.Path(path_type=Path, dir_okay=False))
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
    lang: str,
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
    import os

    from modelward import loading, scaffold
    from modelward.output import write_atomic
    from modelward.periods import PeriodError, parse_period
    from modelward.reading import find_catalogue

    language = _lang(lang)
    try:
        chosen = parse_period(period if period is not None else str(dt.date.today().year))
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from None
    if ward_file.exists():
        if ward_id is not None or name is not None:
            raise click.UsageError(
                f"{ward_file} already exists and is never overwritten; to add a period to it, "
                "give --period only"
            )
        if period is None:
            raise click.UsageError(
                f"{ward_file} already exists: name the period to add with --period"
            )
        ward = loading.load_ward(ward_file, criteria)
        raw = ward_file.read_bytes()
        updated = scaffold.add_period(ward_file, raw, ward.catalogue.model, chosen, language)
        write_atomic(ward_file, updated)
        click.echo(f"{ward_file}: + {chosen}")
        return
    if ward_id is None or name is None:
        raise click.UsageError("a new ward file needs --id and --name")
    import pydantic

    from modelward.models import Slug

    try:
        pydantic.TypeAdapter(Slug).validate_python(ward_id)
    except pydantic.ValidationError:
        raise click.BadParameter(
            f"{ward_id!r}: use lowercase letters, digits and hyphens, like tao-xuyen",
            param_hint="--id",
        ) from None
    if criteria is not None:
        catalogue_path = criteria
        ref: str | None = os.path.relpath(criteria.resolve(), ward_file.resolve().parent)
    else:
        found = find_catalogue(ward_file)
        if found is None:
            raise click.UsageError(
                "no criteria.yaml in the new file's folder or above it: name one with --criteria"
            )
        catalogue_path, ref = found, None
    catalogue = loading.load_catalogue(catalogue_path).model
    text = scaffold.new_ward(ward_file, ward_id, name, catalogue, ref, chosen, language)
    if not ward_file.parent.exists():
        raise ModelwardError([Problem(str(ward_file.parent), "no such folder")])
    from modelward.output import create_atomic

    create_atomic(ward_file, text)
    click.echo(f"{ward_file}: {ward_id}, {chosen}")


# ---------------------------------------------------------------------------- schema


@main.command()
@click.argument("kind", type=click.Choice(["ward", "catalogue"]), default="ward")
@click.option(
    "--criteria",
    type=click.Path(path_type=Path),
    default=None,
    help="For a ward schema: the catalogue whose criterion and indicator ids it allows "
    "(default: criteria.yaml here, if any).",
)
@output_option
def schema(kind: str, criteria: Path | None, output: Path | None) -> None:
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
    _emit_json(doc, output, [criteria] if criteria is not None else [])
