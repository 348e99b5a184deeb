"""Many wards: one small row each, ranked by score with ties sharing a rank (pure but for reading).

A ward file is read, checked and scored into a ``Row`` of plain values and then dropped, so
memory holds rows, not wards; rows are what a worker process sends back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from modelward.errors import InputError, ModelwardError, Problem
from modelward.models import Catalogue
from modelward.rules import Status


@dataclass(frozen=True, slots=True)
class GroupCount:
    """A group's met and applicable criteria for one ward."""

    id: str
    met: int
    applicable: int


@dataclass(frozen=True, slots=True)
class Row:
    """One ward's summary in one period: plain values, cheap to keep and to send between processes."""

    path: str
    sha256: str
    id: str
    name: str
    area: tuple[tuple[str, str], ...]
    period: str
    groups: tuple[GroupCount, ...]
    met: int
    applicable: int
    share: Fraction
    score: float
    verdict: str
    verdict_index: int
    statuses: tuple[Status, ...]
    """Every criterion's status, in catalogue order."""
    catalogue: tuple[str, str]
    """The catalogue's id and version."""


@dataclass(frozen=True, slots=True)
class Missing:
    """A valid ward file without the period asked for."""

    path: str
    sha256: str
    id: str
    name: str
    period: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A ward file that could not be read or checked: its problems, for stderr."""

    path: str
    problems: tuple[Problem, ...]


Outcome = Row | Missing | Failed | None
"""None: the file is a catalogue, not a ward, and is passed over."""


def ward_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every ``*.yaml`` and ``*.yml`` file named or found below a folder, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            yield path


def fold(text: str) -> str:
    """Text for matching as people type it: no case, no diacritics (``Thanh Hoa`` finds ``Thanh Hóa``)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def summarise(
    path: Path,
    period: str | None,
    criteria: Path | None,
    catalogues: object,
    max_bytes: int,
    area: str | None = None,
) -> Outcome:
    """Read, check and score one ward file into a row; problems become a ``Failed``."""
    from modelward import loader
    from modelward.periods import latest, parse_period
    from modelward.scoring import assess

    assert isinstance(catalogues, loader.CatalogueCache)
    try:
        doc = loader.parse(path, max_bytes)
        if loader.kind_of(doc) == "catalogue":
            return None
        ward = loader.ward_from(doc, path, criteria, catalogues)
    except ModelwardError as exc:
        return Failed(str(path), tuple(exc.problems))
    model = ward.model
    area_fields = {k: v for k, v in model.area.model_dump().items() if v}
    if area is not None and not any(fold(area) in fold(v) for v in area_fields.values()):
        return None
    if period is None:
        if not ward.periods:
            return Missing(str(path), doc.sha256, model.id, model.name, "")
        chosen = latest(list(ward.periods))
    else:
        found = ward.period(parse_period(period))
        if found is None:
            return Missing(str(path), doc.sha256, model.id, model.name, period)
        chosen = found
    cat = ward.catalogue.model
    a = assess(cat, ward.periods, ward.figures, chosen)
    return Row(
        path=str(path),
        sha256=doc.sha256,
        id=model.id,
        name=model.name,
        area=tuple(area_fields.items()),
        period=str(chosen),
        groups=tuple(GroupCount(g.group.id, g.totals.met, g.totals.applicable) for g in a.groups),
        met=a.totals.met,
        applicable=a.totals.applicable,
        share=a.totals.share,
        score=a.totals.score,
        verdict=a.verdict.id,
        verdict_index=a.verdict_index,
        statuses=tuple(r.status for r in a.criteria),
        catalogue=(cat.id, cat.version),
    )


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row and its rank: 1 for the best score, ties sharing a rank (1, 2, 2, 4)."""

    rank: int
    row: Row


def rank(rows: Iterable[Row]) -> list[Ranked]:
    """Rows by score, best first, ties sharing the rank of the first of them; then by id."""
    ordered = sorted(rows, key=lambda r: (-r.share, r.id, r.path))
    out: list[Ranked] = []
    for position, row in enumerate(ordered, start=1):
        if out and out[-1].row.share == row.share:
            out.append(Ranked(out[-1].rank, row))
        else:
            out.append(Ranked(position, row))
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

    @property
    def by_verdict(self) -> dict[str, int]:
        """How many wards reached each verdict, every verdict listed, best first."""
        counts = Counter(r.row.verdict for r in self.ranked)
        return {v.id: counts.get(v.id, 0) for v in self.catalogue.verdicts}

    @property
    def top_share(self) -> Fraction:
        """The share of ranked wards at the best verdict."""
        if not self.ranked:
            return Fraction(0)
        top = self.catalogue.verdicts[0].id
        return Fraction(sum(1 for r in self.ranked if r.row.verdict == top), len(self.ranked))


def file_sha256(path: Path) -> str:
    """A file's SHA-256, for provenance."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def collect(
    outcomes: Iterable[Outcome],
    period: str | None,
    target: float | None,
    catalogues: list[tuple[Catalogue, Path]],
) -> Summary:
    """Gather per-file outcomes into a ranked summary; wards on another catalogue are refused."""
    rows: list[Row] = []
    missing: list[Missing] = []
    failed: list[Failed] = []
    for outcome in outcomes:
        if isinstance(outcome, Row):
            rows.append(outcome)
        elif isinstance(outcome, Missing):
            missing.append(outcome)
        elif isinstance(outcome, Failed):
            failed.append(outcome)
    kinds = {r.catalogue for r in rows}
    if len(kinds) > 1:
        listed = ", ".join(f"{i} {v}" for i, v in sorted(kinds))
        raise InputError(
            f"the wards use different catalogues ({listed}): summarise each catalogue's wards "
            "separately, or name one with --criteria"
        )
    used = [(c, p) for c, p in catalogues if (c.id, c.version) in kinds] or catalogues
    if not used:
        raise InputError("no ward files to summarise")
    catalogue, path = used[0]
    return Summary(
        catalogue, str(path), file_sha256(path), period, rank(rows), missing, failed, target
    )
