"""Rows ranked by score, ties sharing a rank, gathered into a Summary with what was left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from modelward.batch.cache.store import sha256_file
from modelward.batch.rows import (
    Excluded,
    Failed,
    GroupCount,
    Merged,
    Missing,
    Outcome,
    Row,
    group_counts,
)
from modelward.batch.summariser import fold
from modelward.errors import InputError
from modelward.messages import Message

if TYPE_CHECKING:  # at run time only the full way imports pydantic: a warm run stays light
    from modelward.batch.breakdown import AreaKind, AreaRow, CriterionCount
    from modelward.models import Catalogue


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row and its rank: 1 for the best score, ties sharing a rank (1, 2, 2, 4)."""

    rank: int
    row: Row


def rank(rows: Iterable[Row]) -> list[Ranked]:
    """Rows by score, best first, ties sharing the rank of the first of them; then by id.

    The exact shares are few (a count of criteria met over a count applicable): they are
    ordered once, and the rows by their share's place, which compares integers.
    """
    rows = list(rows)
    place = {share: n for n, share in enumerate(sorted({r.share for r in rows}, reverse=True))}
    ordered = sorted(rows, key=lambda r: (place[r.share], r.id, r.path))
    out: list[Ranked] = []
    last = -1
    for position, row in enumerate(ordered, start=1):
        here = place[row.share]
        out.append(Ranked(out[-1].rank if here == last else position, row))
        last = here
    return out


@dataclass(slots=True)
class Summary:
    """Many wards ranked, with what was left out and why."""

    catalogue: Catalogue
    catalogue_path: str
    catalogue_sha256: str
    period: str | None
    ranked: list[Ranked]
    missing: list[Missing] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    target: float | None = None
    area: str | None = None
    """The ``--area`` filter the wards were chosen by, as the user wrote it."""
    by: AreaKind | None = None
    """The ``--by`` breakdown asked for."""
    stage: str | None = None
    """The ``--stage`` asked for; None: each ward's latest (every row names its own)."""
    merged: list[Merged] = field(default_factory=list)
    """Wards left out of the ranking: their successor is among the wards summarised."""

    def merged_periods(self) -> dict[str, str]:
        """The period each merged ward is left out of: the one asked for, else the one its
        successor is ranked on ("" where its successor is not ranked, as one ``--area``
        leaves out)."""
        if self.period is not None:
            return {m.id: self.period for m in self.merged}
        ranked = {r.row.id: r.row.period for r in self.ranked}
        return {m.id: ranked.get(m.into, "") for m in self.merged}

    def on_self(self, row: Row) -> bool:
        """Whether a ward asked for at ``--stage inspection`` is ranked on its self-assessment,
        its period having no inspection."""
        return self.stage == "inspection" and row.stage == "self"

    @property
    def not_inspected(self) -> int | None:
        """With ``--stage inspection``: how many ranked wards are ranked on their
        self-assessment (``on_self``); None at any other stage."""
        if self.stage != "inspection":
            return None
        return sum(1 for r in self.ranked if r.row.stage == "self")

    @property
    def by_verdict(self) -> dict[str, int]:
        """How many wards reached each verdict, every verdict listed, best first."""
        counts = Counter(r.row.verdict for r in self.ranked)
        return {v.id: counts.get(v.id, 0) for v in self.catalogue.verdicts}

    def groups_of(self, row: Row) -> tuple[GroupCount, ...]:
        """A row's met and applicable criteria per group."""
        return group_counts(self.catalogue, row.statuses)

    def inputs(self) -> list[Path]:
        """Every file the summary read: an output path among them is refused."""
        return [
            *(Path(r.row.path) for r in self.ranked),
            *(Path(m.path) for m in self.missing),
            *(Path(m.path) for m in self.merged),
            *(Path(f.path) for f in self.failed),
            Path(self.catalogue_path),
        ]

    def areas(self, kind: AreaKind | None = None) -> list[AreaRow]:
        """One row per area of ``kind`` (default ``--by``) against the target; [] without one."""
        from modelward.batch.breakdown import as_fraction, by_area

        kind = kind or self.by
        if kind is None:
            return []
        top = self.catalogue.verdicts[0].id
        rows = ((r.row.area, r.row.verdict == top) for r in self.ranked)
        return by_area(rows, kind, as_fraction(self.target), fold)

    def criterion_counts(self) -> list[CriterionCount]:
        """Per criterion, in catalogue order, how many ranked wards have each status."""
        from modelward.batch.breakdown import criterion_counts

        ids = [c.id for g in self.catalogue.groups for c in g.criteria]
        return criterion_counts(ids, (r.row.statuses for r in self.ranked))

    @property
    def top_share(self) -> Fraction:
        """The share of ranked wards at the best verdict."""
        if not self.ranked:
            return Fraction(0)
        top = self.catalogue.verdicts[0].id
        return Fraction(sum(1 for r in self.ranked if r.row.verdict == top), len(self.ranked))


def collect(
    outcomes: Iterable[Outcome],
    period: str | None,
    target: float | None,
    criteria: Path | None,
    load: Callable[[Path], Catalogue],
    shared: SharedPeriod = lambda paths, asked: None,
) -> Summary:
    """Gather per-file outcomes into a ranked summary; wards on different catalogues are refused.

    The problems of the ``Failed`` outcomes are the caller's to say (as they come).
    ``shared`` finds, for the refusal, a period those wards share one catalogue in.
    """
    rows: list[Row] = []
    missing: list[Missing] = []
    failed: list[Failed] = []
    excluded: list[Excluded] = []
    for outcome in outcomes:
        if isinstance(outcome, Row):
            rows.append(outcome)
        elif isinstance(outcome, Missing):
            missing.append(outcome)
        elif isinstance(outcome, Failed):
            failed.append(outcome)
        elif isinstance(outcome, Excluded):
            excluded.append(outcome)
    kinds = {r.catalogue for r in rows}
    if len(kinds) > 1:
        raise InputError(on_several_catalogues(rows, missing, period, shared))
    digests = _same_catalogue(rows)
    if criteria is not None:
        path = criteria
    elif rows or missing or excluded:
        path = Path((rows or missing or excluded)[0].catalogue_file)
    else:
        # Each failed file's problems were said as it came (``summarise``'s ``on_failed``):
        # not again, only why nothing follows.
        raise InputError(Message("none_ranked", n=len(failed)) if failed else Message("no_wards"))
    digest = digests[str(path)] if str(path) in digests else sha256_file(path)
    rows, missing, merged = left_out_as_merged(rows, missing, period, excluded)
    summary = Summary(
        load(path), str(path), digest or "", period, rank(rows), missing, failed, target
    )
    summary.merged = merged
    return summary


SharedPeriod = Callable[[list[tuple[str, str]], str | None], tuple[str, str] | None]
"""Given ward files, each with the catalogue it is on (``""`` for a ward without the period
asked), and the period asked (None: each one's latest): another period in which wards now
on different catalogues are on one, every ward that has it on that one; and that catalogue
(``id version``). None where there is none."""

SHOWN = 3
"""Wards named for each catalogue in the refusal, before "and N more"."""


def on_several_catalogues(
    rows: list[Row], missing: list[Missing], period: str | None, shared: SharedPeriod
) -> Message:
    """Why wards on several catalogues are not summarised together: which wards are on
    which (a few each, then how many more), and what a summary of them takes instead: a
    period they share one catalogue in, where there is one, or each catalogue's wards apart.
    Never ``--criteria``, which a period naming its own catalogue refuses."""
    by: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        by.setdefault(r.catalogue, []).append(r.id)
    groups = [
        Message(
            "catalogue_wards" if n == 0 else "catalogue_wards_next",
            catalogue=f"{i} {v}",
            wards=ids[:SHOWN]
            if len(ids) <= SHOWN
            else Message("wards_and_more", wards=ids[:SHOWN], n=len(ids) - SHOWN),
        )
        for n, ((i, v), ids) in enumerate(sorted((k, sorted(ids)) for k, ids in by.items()))
    ]
    from modelward.i18n import period_said
    from modelward.periods import parse_period

    when = (
        Message("in_period", period=period_said(parse_period(period)))
        if period
        else Message("in_latest_periods")
    )
    on = [(r.path, f"{r.catalogue[0]} {r.catalogue[1]}") for r in rows]
    found = shared([*on, *((m.path, "") for m in missing)], period)
    return (
        Message("different_catalogues", when=when)
        .add(*groups)
        .add(
            Message("different_catalogues_period", period=found[0], catalogue=found[1])
            if found
            else None,
            Message("different_catalogues_apart"),
        )
    )


def left_out_as_merged(
    rows: list[Row], missing: list[Missing], period: str | None, excluded: Iterable[Excluded] = ()
) -> tuple[list[Row], list[Missing], list[Merged]]:
    """The wards whose successor is among those summarised, taken out of the ranking.

    FORMAT.md section 10: a ward formed from others replaces them, unless ``--period``
    names a period that ends before it was formed (then the old wards are the ones that
    existed). A ward is merged into the first successor that names it; a successor that
    ``--area`` leaves out still replaces its predecessors (it is among the wards given).
    """
    every: list[Row | Missing] = [*rows, *missing]
    into: dict[str, tuple[str, str]] = {}
    for outcome in (*every, *excluded):
        if outcome.formed is not None:
            for old in outcome.formed.predecessors:
                into.setdefault(old, (outcome.id, outcome.formed.on))
    if not into:
        return rows, missing, []
    if period is not None:
        import datetime as dt

        from modelward.periods import parse_period

        last = parse_period(period).last_day
        into = {k: v for k, v in into.items() if not last < dt.date.fromisoformat(v[1])}
    merged = [Merged(o.path, o.sha256, o.id, o.name, *into[o.id]) for o in every if o.id in into]
    merged.sort(key=lambda m: (m.into, m.id))
    return (
        [r for r in rows if r.id not in into],
        [m for m in missing if m.id not in into],
        merged,
    )


def _same_catalogue(rows: list[Row]) -> dict[str, str | None]:
    """The SHA-256 of each catalogue file the rows were scored against, when there are several.

    Two files with one id and version (a copy, or one edited without a new version) are the
    same catalogue only if their bytes are: else the wards were scored by different rules.
    """
    files = list(dict.fromkeys(r.catalogue_file for r in rows))
    if len(files) < 2:
        return {}
    digests = {f: sha256_file(Path(f)) for f in files}
    first: dict[str, str] = {}  # each content's first file; one unreadable is not shown the same
    for f in files:
        first.setdefault(digests[f] or f, f)
    if len(first) > 1:
        cat_id, version = rows[0].catalogue
        raise InputError(
            Message(
                "catalogue_copies_differ",
                catalogue=f"{cat_id} {version}",
                files=list(first.values()),
            )
        )
    return digests
