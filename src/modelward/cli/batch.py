"""Commands on many wards: ``summary`` ranks them, ``export`` writes the ranking to a file."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.cli.options import force_option, format_option, output_option, summary_options
from modelward.cli.printing import emit, say
from modelward.errors import ExitCode, Finished, Problem, UsageError
from modelward.messages import Message
from modelward.output.safe import visible

if TYPE_CHECKING:
    from modelward.batch.breakdown import AreaKind
    from modelward.batch.ranking import Summary
    from modelward.batch.rows import Outcome
    from modelward.i18n import Lang
    from modelward.models import Stage


def _summarise(
    paths: tuple[Path, ...],
    period: str | None,
    stage: Stage | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    by: AreaKind | None,
    max_size: int,
    jobs: int | None,
    no_cache: bool,
    lang: Lang,
) -> Summary:
    """The batch layer's summary, each broken file's problems said as they come."""
    from modelward.batch.pool import cores
    from modelward.batch.summarise import summarise

    if jobs is not None and jobs > cores():
        # More processes than cores only cost memory (a thousand jobs: gigabytes, no work).
        from modelward.i18n import label

        click.echo(label("jobs_capped", lang, asked=jobs, cores=cores()), err=True)
        jobs = cores()

    result = summarise(
        paths,
        period=period,
        stage=stage,
        criteria=criteria,
        area=area,
        target=target,
        max_bytes=max_size,
        jobs=jobs,
        use_cache=not no_cache,
        on_failed=lambda failed: _say_all(failed.problems, lang),
        progress=_progress,
        on_cache_held=lambda folder: _cache_held(folder, lang),
    )
    result.area = area
    result.stage = stage
    result.by = by
    return result


def _cache_held(folder: Path, lang: Lang) -> None:
    from modelward.i18n import label

    click.echo(visible(label("cache_held", lang, folder=folder)), err=True)


def _say_all(problems: Iterable[Problem], lang: Lang) -> None:
    for problem in problems:
        say(problem, lang)


def _progress(outcomes: Iterator[Outcome], total: int) -> Iterable[Outcome]:
    """The outcomes as they come, with a progress bar on a terminal when there are many."""
    if total < 50 or not sys.stderr.isatty():
        return outcomes
    from rich.console import Console
    from rich.progress import track

    return track(
        outcomes, total=total, description="modelward", console=Console(stderr=True), transient=True
    )


def _required(summary: Summary, require: str | None, lang: Lang) -> None:
    """``--require``: exit 3 naming each ranked ward whose verdict is below the one asked."""
    from modelward.selection import required_index

    wanted = required_index(summary.catalogue, require)
    if wanted is None:
        return
    from modelward.i18n import label, text

    titles = {v.id: text(v.title, lang) for v in summary.catalogue.verdicts}
    want = titles[summary.catalogue.verdicts[wanted].id]
    below = [
        label(
            "required_not_reached",
            lang,
            ward=r.row.id,
            got=titles.get(r.row.verdict, r.row.verdict),
            want=want,
        )
        for r in summary.ranked
        if r.row.verdict_index > wanted
    ]
    if below:
        raise Finished(ExitCode.REQUIREMENT_NOT_REACHED, "\n".join(below))


def _left_out(summary: Summary, lang: Lang) -> None:
    if summary.failed:
        from modelward.i18n import label

        raise Finished(ExitCode.BAD_INPUT, label("left_out", lang, n=len(summary.failed)))


@click.command()
@summary_options
@format_option("table", "json", "markdown", "csv", files=("html", "xlsx"))
@output_option
def summary(
    paths: tuple[Path, ...],
    period: str | None,
    stage: Stage | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    by: AreaKind | None,
    require: str | None,
    lang: Lang,
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
    A ward merged into one among PATHS (whose file says formed: {from: [...]})
    is listed as merged, not ranked, unless --period ends before the merger.

    Example:

        modelward summary wards/ --period 2024 --target 0.3
    """
    result = _summarise(
        paths, period, stage, criteria, area, target, by, max_size, jobs, no_cache, lang
    )
    inputs = result.inputs()
    if area is not None and not (result.ranked or result.missing or result.merged):
        from modelward.i18n import label

        click.echo(label("no_area_match", lang, area=area), err=True)
    if fmt == "table":
        from modelward.output.drawers.terminal import to_text
        from modelward.output.layouts.summary import summary_blocks

        to_file = output is not None and str(output) != "-"
        emit(to_text(summary_blocks(result, lang), to_file), output, inputs)
    else:
        from modelward.output.formats import ExportFormat
        from modelward.output.provenance import Provenance

        exporter = ExportFormat(fmt).to_exporter()
        emit(exporter.chunks(result, lang, Provenance.of(result)), output, inputs)
    _left_out(result, lang)
    _required(result, require, lang)


@click.command()
@summary_options
@force_option
@click.option(
    "-o",
    "--output",
    type=click.Path(readable=False),
    required=True,
    help="The file to write; its extension picks the format: .csv .json .md .xlsx .html "
    ".docx; a folder (a trailing / or one that exists) gets a static site.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "markdown", "xlsx", "html", "docx"]),
    default=None,
    help="The format, when the file's extension does not say it.",
)
def export(
    paths: tuple[Path, ...],
    period: str | None,
    stage: Stage | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    by: AreaKind | None,
    require: str | None,
    lang: Lang,
    max_size: int,
    jobs: int | None,
    no_cache: bool,
    output: str,
    fmt: str | None,
) -> None:
    """Write the summary of many wards to a file for a report or a spreadsheet.

    The format comes from the file's extension: .csv, .json, .md, .xlsx
    (an overview with charts, the ranking, every criterion), .html (one
    self-contained page) or .docx (the province's report). A folder
    (-o site/) gets a static site: index.html and one page per ward, nothing
    loaded from the network. Every export names the tool version, the
    catalogue, the period, when it was made and its inputs. It is written
    whole or not at all; an input file is never overwritten.

    Example:

        modelward export wards/ --period 2024 -o tong-hop-2024.xlsx
    """
    from modelward.output.formats import ExportFormat
    from modelward.output.provenance import Provenance
    from modelward.output.site import is_site

    if is_site(output) and fmt is None:
        from modelward.output.site import write_site

        result = _summarise(
            paths, period, stage, criteria, area, target, by, max_size, jobs, no_cache, lang
        )
        write_site(
            Path(output),
            result,
            lang,
            Provenance.of(result),
            criteria=criteria,
            stage=stage,
            max_bytes=max_size,
            jobs=jobs,
            use_cache=not no_cache,
        )
        _left_out(result, lang)
        _required(result, require, lang)
        return
    chosen = ExportFormat(fmt) if fmt is not None else ExportFormat.from_path(Path(output))
    if chosen is None:
        raise UsageError(
            Message("unknown_format", name=Path(output).name),
            "-o/--output",
        )
    result = _summarise(
        paths, period, stage, criteria, area, target, by, max_size, jobs, no_cache, lang
    )
    data = chosen.to_exporter().chunks(result, lang, Provenance.of(result))
    emit(data, Path(output), result.inputs())
    _left_out(result, lang)
    _required(result, require, lang)
