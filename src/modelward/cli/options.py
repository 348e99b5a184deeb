"""The options commands share, each a small decorator (``--lang``, ``--format``, ``-o`` ...)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from modelward.errors import UsageError
from modelward.limits import MAX_BYTES, SMALL_RUN
from modelward.messages import Message

if TYPE_CHECKING:
    from modelward.i18n import Lang

F = TypeVar("F", bound=Callable[..., Any])

LANG_KEY = "modelward.lang"
"""Where ``--lang`` leaves the language in the click context, for errors raised anywhere."""


def language(value: str) -> Lang | None:
    """vi or en from how a user or a locale spells it (EN, vi_VN, en_US.UTF-8); else None."""
    lang = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return "vi" if lang == "vi" else "en" if lang == "en" else None


def env_lang() -> Lang:
    """MODELWARD_LANG as a language, for errors raised before --lang is read."""
    return language(os.environ.get("MODELWARD_LANG", "vi")) or "vi"


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> Lang:
    """vi or en, however spelt; remembered in the context so that errors are worded in it.

    ``modelward --lang en assess`` gives the language to every command: a command's own
    ``--lang`` (or MODELWARD_LANG) overrides it, its default does not.
    """
    from click.core import ParameterSource

    from modelward.messages import commandline

    if ctx.get_parameter_source(param.name or "lang") is ParameterSource.DEFAULT:
        # Not asked for here: the group's --lang if given, else the default.
        lang: Lang = ctx.meta.get(LANG_KEY) or language(value) or "vi"
        return lang
    chosen = language(value)
    if chosen is None:
        raise click.BadParameter(_said(Message("expected_lang", got=value)), ctx, param)
    ctx.meta[LANG_KEY] = chosen
    commandline.install(chosen)
    return chosen


def _share(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """A share from 0 to 1, or a percent written with its sign (30%); a bare 30 is refused
    with the share to write."""
    if value is None:
        return None
    text = value.strip().replace(",", ".")
    try:
        share = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise click.BadParameter(_said(Message("expected_share", got=value))) from None
    if 0 <= share <= 1:
        return share
    if 1 < share <= 100 and not text.endswith("%"):
        message = Message("share_not_percent", percent=f"{share:g}", fix=f"{share / 100:g}")
        raise click.BadParameter(_said(message))
    raise click.BadParameter(_said(Message("share_out_of_range", got=value)))


def _said(message: Message) -> str:
    """A message for click to print (a callback is the edge: click words what it raises)."""
    from modelward.messages import commandline, word

    return word(message, commandline.language())


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


CRITERIA_HELP = (
    "Catalogue to use instead of the ward's catalogue key or the nearest criteria.yaml: "
    "a file, or ID@VERSION (looked up as a ward's catalogue is)."
)


def criteria_choice(help_text: str = CRITERIA_HELP) -> Callable[[F], F]:
    """``--criteria FILE|ID@VERSION``, given to the command as the catalogue's file.

    An ``ID@VERSION`` (that is not the name of a file) is looked up as FORMAT.md section 6
    says, from each path the command is given and then from this folder; a file that does
    not exist is said once, here, not once per ward.
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def resolved(*args: Any, **kwargs: Any) -> Any:
            given = kwargs.get("criteria")
            if given is not None:
                starts = [kwargs[k] for k in ("ward_file",) if kwargs.get(k) is not None]
                starts += list(kwargs.get("paths") or ())
                kwargs["criteria"] = criteria_file(given, starts)
            return fn(*args, **kwargs)

        return click.option(
            "--criteria",
            type=click.Path(path_type=Path, readable=False, dir_okay=True),
            default=None,
            metavar="FILE|ID@VERSION",
            help=help_text,
        )(cast(F, resolved))

    return decorate


criteria_option = criteria_choice()
"""``--criteria``: the catalogue to use instead of the ward's own."""


def criteria_file(given: Path, starts: list[Path]) -> Path:
    """The file ``--criteria`` names: itself, or the catalogue its ``ID@VERSION`` names,
    found from each path given (a ward file, or a folder of them) and then from here."""
    from modelward.errors import InputError, Problem
    from modelward.models import split_reference

    if os.path.lexists(given):
        return given
    reference = str(given).strip()
    if split_reference(reference) is None:
        raise InputError([Problem(str(given), Message("no_such_file"))])
    from modelward.loading.catalogues import AmbiguousReference, Finder

    finder = Finder()
    found: dict[Path, bytes] = {}
    try:
        for start in [*starts, Path.cwd()]:
            near = start / "_" if start.is_dir() else start
            if (path := finder.find(reference, near)) is not None:
                claims = (*finder.local(near), *finder.shipped())
                found.setdefault(path, next(c.content for c in claims if c.path == path))
    except AmbiguousReference as exc:
        raise UsageError(exc.message, "--criteria") from None
    if not found:
        raise UsageError(Message("no_catalogue_listed", reference=reference), "--criteria")
    first, *others = found
    for other in others:  # found from two places, each a different file: say which
        if found[other] != found[first]:
            two = Message(
                "two_files_claim", reference=reference, first=str(first), second=str(other)
            )
            raise UsageError(two, "--criteria")
    return first


def max_size_option(fn: F) -> F:
    """``--max-size BYTES``: the largest input file read."""
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
        help=(
            "Period to use: 2024, 2025-Q1, 2025-H1, 2025-01..2025-02 or a span of days,"
            " 2023-12-15..2024-12-14 (default: the latest)."
        ),
    )(fn)


def stage_option(fn: F) -> F:
    """``--stage self|inspection``: which stage of the assessment cycle; the latest by default."""
    return click.option(
        "--stage",
        type=click.Choice(["self", "inspection"]),
        default=None,
        help="Stage of the assessment cycle: self (as the ward assessed itself) or "
        "inspection (with the inspection's findings put in place). Default: the latest "
        "stage the period has.",
    )(fn)


def require_evidence_option(fn: F) -> F:
    """``--require-evidence``: a judged criterion met with neither evidence nor note is an error."""
    return click.option(
        "--require-evidence",
        is_flag=True,
        help="Treat a judged criterion marked met with neither evidence nor a note as an "
        "error (exit 1), not a warning.",
    )(fn)


_EXTENSIONS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
"""The format an -o file's extension asks for, when --format is not given."""


def format_option(*choices: str, files: tuple[str, ...] = ()) -> Callable[[F], F]:
    """``--format``: ``table`` (the default), a machine or report format, or -o's extension.

    ``-o summary.json`` writes JSON without ``--format json``: a file named .json holding
    a drawn table would surprise whoever opens it. ``files``: formats only a file's
    extension asks for (``-o page.html``), beside the ``--format`` choices.
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def chosen(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("fmt") is None:
                kwargs["fmt"] = _format_of(kwargs.get("output"), choices, files)
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


def _format_of(output: Path | None, choices: tuple[str, ...], files: tuple[str, ...]) -> str:
    if output is None or str(output) == "-":
        return choices[0]
    suffix = output.suffix.lower()
    wanted = _EXTENSIONS.get(suffix)
    if wanted is not None and wanted not in choices + files:
        written = [
            e
            for e, f in _EXTENSIONS.items()
            if f in choices + files and e not in (".htm", ".markdown")
        ]
        raise UsageError(
            Message("not_this_format", suffix=suffix, written=written),
            "-o",
        )
    return wanted if wanted is not None else choices[0]


FORCE_KEY = "modelward.force"
"""Where ``--force`` leaves its answer in the click context, for the one place that writes."""


def _remember_force(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    ctx.find_root().meta[FORCE_KEY] = value


def force_option(fn: F) -> F:
    """``--force``: replace an ``-o`` file even when it is read-only (as ``cp -f`` does)."""
    return click.option(
        "--force",
        is_flag=True,
        expose_value=False,
        callback=_remember_force,
        help="Replace the -o file even if it is read-only.",
    )(fn)


def output_option(fn: F) -> F:
    """``-o/--output FILE``: where to write; ``-`` is stdout; and ``--force``."""
    return force_option(
        click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path, readable=False, dir_okay=False),
            default=None,
            help="Write to FILE (whole or not at all) instead of stdout; - is stdout.",
        )(fn)
    )


def require_option(fn: F) -> F:
    """``--require VERDICT``: exit 3 when the verdict is below it."""
    return click.option(
        "--require",
        default=None,
        metavar="VERDICT",
        help="Exit with code 3 when the verdict is below this verdict id (e.g. model).",
    )(fn)


def summary_options(fn: F) -> F:
    """The options ``summary`` and ``export`` share."""
    for decorate in reversed(
        [
            click.argument(
                "paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False)
            ),
            period_option,
            stage_option,
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
            click.option(
                "--by",
                type=click.Choice(["province", "city"]),
                default=None,
                help="Add one row per province or city: wards ranked, wards at the top verdict, "
                "their share and, with --target, the wards still needed.",
            ),
            require_option,
            lang_option,
            max_size_option,
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                metavar="N",  # not click's "INTEGER RANGE": the same in every language
                help=f"Worker processes, at most one per core (default: one per core from {SMALL_RUN} "
                "files on, else one).",
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
