"""Commands on one ward: ``assess`` a period, ``compare`` two, the ``history`` of all, the
``report`` on a period."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from modelward.cli.options import (
    criteria_option,
    force_option,
    format_option,
    lang_option,
    max_size_option,
    output_option,
    period_option,
    require_evidence_option,
    require_option,
    stage_option,
)
from modelward.cli.printing import emit, show
from modelward.errors import ExitCode, Finished
from modelward.messages import Message

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.models import Stage
    from modelward.scoring import Assessment


@click.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path, readable=False))
@period_option
@stage_option
@criteria_option
@format_option("table", "json", "markdown", files=("html",))
@lang_option
@require_option
@require_evidence_option
@output_option
@max_size_option
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Accepted for scripts written for earlier versions: assess keeps no cache.",
)
def assess(
    ward_file: Path,
    period: str | None,
    stage: Stage | None,
    criteria: Path | None,
    fmt: str,
    lang: Lang,
    require: str | None,
    require_evidence: bool,
    output: Path | None,
    max_size: int,
    no_cache: bool,
) -> None:
    """Score one period of a ward: every criterion, the verdict, and the figures
    against the same period a year earlier.

    Without --period, the latest period in the file; without --stage, the
    latest stage it has (the inspection, where there is one), with the
    differences between the ward's own assessment and the inspection, and the
    decision on the period. Warns (on stderr) of a judged criterion met with
    neither evidence nor a note, and of a decision that recognises a result
    below the top verdict. Exit code 3 when --require names a verdict better
    than the one reached; 1 with --require-evidence and a criterion met
    without evidence.

    Example:

        modelward assess wards/tao-xuyen.yaml --period 2024
    """
    from modelward.cli.printing import cycle_warnings
    from modelward.cycle import assess_at
    from modelward.errors import InputError
    from modelward.loading.lineage import load_formed
    from modelward.selection import pick_period, pick_stage, required_index

    ward, lineage = load_formed(ward_file, criteria, max_size)
    chosen = pick_period(ward, period)
    ward.refuse_other_criteria([chosen])
    shown = pick_stage(ward, chosen, stage)
    catalogue = ward.catalogue_of(chosen).model
    result = assess_at(
        catalogue,
        ward.periods,
        ward.figures,
        ward.inspected,
        chosen,
        shown,
        lineage=lineage,
        versions=ward.versions,
    )
    wanted = required_index(catalogue, require)
    errors = cycle_warnings(ward, [result], require_evidence, lang)
    if errors:
        raise InputError(errors)
    from modelward.output.documents import assessment
    from modelward.output.layouts.assess import assess_blocks

    show(
        fmt,
        lambda: assess_blocks(result, ward.model, lang, ward.periods[chosen]),
        lambda: assessment(result, ward.model, lang),
        lang,
        output,
        [ward_file],
    )
    if wanted is not None and result.verdict_index > wanted:
        from modelward.i18n import label, text

        got = text(catalogue.verdicts[result.verdict_index].title, lang)
        want = text(catalogue.verdicts[wanted].title, lang)
        raise Finished(
            ExitCode.REQUIREMENT_NOT_REACHED,
            label("required_not_reached", lang, ward=ward.model.id, got=got, want=want),
        )


@click.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path, readable=False))
@click.argument("periods", metavar="FROM [TO]", nargs=-1, required=True)
@stage_option
@criteria_option
@format_option("table", "json", "markdown", files=("html",))
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
    stage: Stage | None,
    criteria: Path | None,
    fmt: str,
    lang: Lang,
    fail_on_regression: bool,
    output: Path | None,
    max_size: int,
) -> None:
    """Compare two periods of a ward: verdicts, criteria gained and lost, every figure.

    With one period only, it is compared with the same period a year earlier
    (2025-01..2025-02 with 2024-01..2024-02). Periods of different lengths are
    compared with a warning. Without --stage, each period at the latest stage
    it has; --stage inspection needs both periods inspected.

    Example:

        modelward compare wards/tao-xuyen.yaml 2023 2024
    """
    from modelward.comparison import NotLinked
    from modelward.comparison import compare as line_up
    from modelward.errors import InputError, UsageError
    from modelward.loading.lineage import load_formed
    from modelward.selection import compared_periods, pick_stage

    if len(periods) > 2:  # before reading the file: the command line itself is wrong
        raise UsageError(Message("compare_periods"))
    ward, lineage = load_formed(ward_file, criteria, max_size)
    before, after = compared_periods(ward, periods, lineage)
    ward.refuse_other_criteria([before, after])
    for p in (before, after):
        if p in ward.periods:  # a predecessors' combined period has no stages of its own
            pick_stage(ward, p, stage)
    try:
        result = line_up(
            ward.catalogue.model,
            ward.periods,
            ward.figures,
            before,
            after,
            str(ward_file),
            lineage=lineage,
            inspected=ward.inspected,
            stage=stage,
            versions=ward.versions,
        )
    except NotLinked as exc:  # said where the earlier period's catalogue is named
        raise InputError([ward.at_catalogue(exc.before, exc.message)]) from None
    from modelward.output.documents import comparison
    from modelward.output.layouts.compare import compare_blocks

    show(
        fmt,
        lambda: compare_blocks(result, ward.model, lang),
        lambda: comparison(result, ward.model, lang),
        lang,
        output,
        [ward_file],
    )
    if fail_on_regression and result.regressed:
        from modelward.i18n import label

        raise Finished(
            ExitCode.REQUIREMENT_NOT_REACHED, label("regressed", lang, ward=ward.model.id)
        )


@click.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path, readable=False))
@stage_option
@criteria_option
@format_option("table", "json", "markdown", files=("html",))
@lang_option
@output_option
@max_size_option
def history(
    ward_file: Path,
    stage: Stage | None,
    criteria: Path | None,
    fmt: str,
    lang: Lang,
    output: Path | None,
    max_size: int,
) -> None:
    """Every period of a ward in order, and its key figures year by year with a trend line.

    Example:

        modelward history wards/tao-xuyen.yaml

    Without --stage, each period at the latest stage it has; with --stage
    inspection, the periods not inspected are shown as the ward assessed them.
    """
    from modelward.loading.lineage import load_formed
    from modelward.selection import ward_history

    ward, lineage = load_formed(ward_file, criteria, max_size)
    ward.refuse_other_criteria(ward.periods)
    result = ward_history(ward, lineage, stage)
    from modelward.output.documents import history_document
    from modelward.output.layouts.history import history_blocks

    show(
        fmt,
        lambda: history_blocks(result, ward.model, lang),
        lambda: history_document(result, ward.model, lang),
        lang,
        output,
        [ward_file],
    )


@click.command()
@click.argument("ward_file", metavar="WARD", type=click.Path(path_type=Path, readable=False))
@period_option
@stage_option
@criteria_option
@lang_option
@force_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, readable=False, dir_okay=False),
    required=True,
    help="The file to write (whole or not at all): .docx, .html or .md; - writes Markdown "
    "to stdout.",
)
@max_size_option
def report(
    ward_file: Path,
    period: str | None,
    stage: Stage | None,
    criteria: Path | None,
    lang: Lang,
    output: Path,
    max_size: int,
) -> None:
    """Write the ward's report on one period, the document an officer signs and
    sends: .docx in the layout of administrative documents (Decree
    30/2020/NĐ-CP: issuing unit, national title and motto, number and
    place-date lines, title, signature block, recipients; A4, Times New Roman),
    .html (one page, printable on A4) or .md, with the same content.

    Every criterion with its result, evidence and notes; the figures against
    the same period a year earlier; the verdict; the inspection and the
    decision where the period has them; the catalogue. The number, the signer
    and the recipients come from the ward file's report: section, with blanks
    to fill by hand where it has none. Without --period, the latest period;
    without --stage, the latest stage it has (the inspection, where there is
    one). Warns, as assess does, of a criterion met without evidence.

    Example:

        modelward report wards/tao-xuyen.yaml --period 2024 -o bao-cao.docx
    """
    from modelward.cli.printing import cycle_warnings
    from modelward.cycle import assess_at, differences, figures_at
    from modelward.errors import UsageError
    from modelward.loading.lineage import load_formed
    from modelward.messages import Message
    from modelward.output.formats import PaperFormat
    from modelward.output.layouts.report import report_paper
    from modelward.selection import pick_period, pick_stage

    to_stdout = str(output) == "-"
    kind = PaperFormat.MARKDOWN if to_stdout else PaperFormat.from_path(output)
    if kind is None:  # before reading the ward: the command line itself is wrong
        raise UsageError(Message("report_extension", path=str(output)), "-o")
    ward, lineage = load_formed(ward_file, criteria, max_size)
    chosen = pick_period(ward, period)
    ward.refuse_other_criteria([chosen])
    shown = pick_stage(ward, chosen, stage)
    data = ward.periods[chosen]

    def at(stage: Stage) -> Assessment:
        return assess_at(
            ward.catalogue_of(chosen).model,
            ward.periods,
            ward.figures,
            ward.inspected,
            chosen,
            stage,
            lineage=lineage,
            versions=ward.versions,
        )

    result = at(shown)
    found = None
    if data.inspection is not None:
        own = result if shown == "self" else at("self")
        inspected = result if shown == "inspection" else at("inspection")
        figures = ward.figures.get(chosen, {})
        found = differences(
            own, inspected, figures, figures_at(figures, ward.inspected.get(chosen), "inspection")
        )
    cycle_warnings(ward, [result], False, lang)
    paper = report_paper(result, ward.model, data, lang, found)
    emit(kind.draw(paper), None if to_stdout else output, [ward_file])
