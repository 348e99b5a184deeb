"""What a command asks for, checked against a ward and its catalogue: periods and verdicts.

The words a user typed (``--period 2024``, ``FROM TO``, ``--require model``) become the
ward's own periods and the catalogue's verdict index, or a ``UsageError`` naming the option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelward.errors import ModelwardError, Problem, UsageError
from modelward.messages import Message, Texts

if TYPE_CHECKING:
    from modelward.baselines import Lineage
    from modelward.comparison import History
    from modelward.loading import LoadedWard
    from modelward.models import Catalogue, Stage
    from modelward.periods import Period


def pick_period(ward: LoadedWard, wanted: str | None, hint: str = "--period") -> Period:
    """The ward's period a user named, or its latest when none was named."""
    from modelward.i18n import LANGS, period_said, period_text
    from modelward.periods import PeriodError, latest, parse_period

    # Each as reports write it, and the key to give --period where that differs.
    have = Texts(
        (lang, ", ".join(_with_key(p, period_text(p, lang)) for p in sorted(ward.periods)))
        for lang in LANGS
    )
    if wanted is None:
        if not ward.periods:
            raise ModelwardError([Problem(str(ward.path), Message("no_periods"))])
        return latest(list(ward.periods))
    try:
        found = ward.period(parse_period(wanted))
    except PeriodError as exc:
        raise UsageError(exc.message, hint) from None
    if found is None:
        raise UsageError(
            Message(
                "no_such_period",
                ward=str(ward.path),
                period=period_said(parse_period(wanted)),
                have=have if ward.periods else Message("none"),
            ),
            hint,
        )
    return found


def pick_stage(ward: LoadedWard, period: Period, wanted: Stage | None) -> Stage:
    """The stage of a period a user named (``--stage``), or its latest when none was named."""
    from modelward.cycle import stage_for
    from modelward.i18n import period_said
    from modelward.models import PeriodData

    found = stage_for(ward.periods.get(period) or PeriodData(), wanted)
    if found is None:
        raise UsageError(
            Message(
                "no_such_stage",
                period=period_said(period),
                ward=str(ward.path),
                stage=_stage_said(wanted),
            ),
            "--stage",
        )
    return found


def _with_key(period: Period, said: str) -> str:
    """A period as reports write it, with the key ``--period`` takes where that differs:
    ``tháng 1–2/2025 (2025-01..2025-02)``."""
    return said if said == str(period) else f"{said} ({period})"


def _stage_said(stage: Stage | None) -> Texts:
    """A stage in words, with the value ``--stage`` takes: ``kiểm tra (inspection)``."""
    from modelward.i18n import label

    if stage is None:
        return Texts((("", ""),))
    return Texts((("vi", f"{label(f'stage_{stage}', 'vi')} ({stage})"), ("en", stage)))


def compared_periods(
    ward: LoadedWard, periods: tuple[str, ...], lineage: Lineage | None = None
) -> tuple[Period, Period]:
    """The two periods ``compare FROM [TO]`` names: with one, it and the same a year earlier.

    For a ward formed by merging others (``lineage``), FROM may be a period only its
    predecessors have: their figures, combined, are compared.
    """
    if len(periods) > 2:
        raise UsageError(Message("compare_periods"))
    after = pick_period(ward, periods[-1], "TO" if len(periods) == 2 else "FROM")
    if len(periods) == 2:
        return _from_period(ward, periods[0], lineage), after
    earlier = after.year_before_in(ward.periods)
    if earlier is None and lineage is not None:
        return after.year_before(), after
    if earlier is None:
        from modelward.i18n import period_said

        raise UsageError(
            Message(
                "no_year_before",
                ward=str(ward.path),
                before=period_said(after.year_before()),
                after=period_said(after),
            )
        )
    return earlier, after


def _from_period(ward: LoadedWard, wanted: str, lineage: Lineage | None) -> Period:
    """FROM of ``compare``: the ward's own period, or one of its predecessors' (combined)."""
    from modelward.periods import PeriodError, parse_period

    if lineage is not None:
        try:
            parsed = parse_period(wanted)
        except PeriodError:
            parsed = None
        if parsed is not None and ward.period(parsed) is None and parsed in lineage.periods():
            return parsed
    return pick_period(ward, wanted, "FROM")


def required_index(catalogue: Catalogue, require: str | None) -> int | None:
    """The index of the verdict ``--require`` names (0 is the best), None when not asked."""
    if require is None:
        return None
    ids = [v.id for v in catalogue.verdicts]
    if require not in ids:
        raise UsageError(
            Message("no_such_verdict", verdict=require, catalogue=catalogue.id, ids=ids),
            "--require",
        )
    return ids.index(require)


def ward_history(ward: LoadedWard, lineage: Lineage | None, stage: Stage | None) -> History:
    """Every period of a loaded ward assessed in order (``history``; a ward's page of a site),
    each at ``stage`` where it has it, its predecessors' combined years where it was formed."""
    from modelward.comparison import history

    return history(
        ward.catalogue.model,
        ward.periods,
        ward.figures,
        lineage,
        inspected=ward.inspected,
        stage=stage,
        versions=ward.versions,
    )
