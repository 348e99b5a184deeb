"""What a province reads off a ranking: each area against the target, and the criteria missed.

Pure: from ranked rows (their area and their statuses letter string) to small rows of counts.
``needed`` is exact: ``ceil(target × wards) − top``, never negative, worked in fractions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

AreaKind = Literal["province", "city"]
AREA_KINDS: tuple[AreaKind, ...] = ("province", "city")


@dataclass(frozen=True, slots=True)
class AreaRow:
    """One area: wards ranked in it, how many reached the top verdict, and what is still needed."""

    area: str
    """The area's name as the ward files write it; ``""`` for wards that do not name one."""
    wards: int
    top: int
    needed: int
    """Wards still to reach the top verdict for the target; 0 when reached or without one."""

    @property
    def share(self) -> Fraction:
        """The share of the area's wards at the top verdict (0 for an area without wards)."""
        return Fraction(self.top, self.wards) if self.wards else Fraction(0)


@dataclass(frozen=True, slots=True)
class CriterionCount:
    """How many ranked wards have each status on one criterion."""

    id: str
    met: int
    not_met: int
    not_applicable: int
    unknown: int

    @property
    def missed(self) -> int:
        """Wards where the criterion is applicable and not met, unknown included (section 3)."""
        return self.not_met + self.unknown


def needed(target: Fraction | None, wards: int, top: int) -> int:
    """Wards still to reach the top verdict so that ``top / wards`` reaches ``target``."""
    if target is None:
        return 0
    return max(0, -(-target * wards // 1) - top)


def as_fraction(target: float | Fraction | None) -> Fraction | None:
    """A target as the user wrote it (0.3 is three tenths, not the float nearest it)."""
    if target is None or isinstance(target, Fraction):
        return target
    return Fraction(str(target))


def by_area(
    rows: Iterable[tuple[Sequence[tuple[str, str]], bool]],
    kind: AreaKind,
    target: Fraction | None,
    order: Callable[[str], str] = str.casefold,
) -> list[AreaRow]:
    """One row per area of ``kind``, names sorted by ``order``; wards naming none last.

    ``rows``: each ranked ward's area fields and whether it reached the top verdict.
    """
    wards: dict[str, int] = {}
    top: dict[str, int] = {}
    for area, at_top in rows:
        name = dict(area).get(kind, "")
        wards[name] = wards.get(name, 0) + 1
        top[name] = top.get(name, 0) + int(at_top)
    names = sorted(wards, key=lambda n: (n == "", order(n), n))
    return [AreaRow(n, wards[n], top[n], needed(target, wards[n], top[n])) for n in names]


def total(areas: Sequence[AreaRow], target: Fraction | None) -> AreaRow:
    """Every area together (``needed`` of the whole, not the sum of the areas' needs)."""
    wards = sum(a.wards for a in areas)
    top = sum(a.top for a in areas)
    return AreaRow("", wards, top, needed(target, wards, top))


def criterion_counts(ids: Sequence[str], statuses: Iterable[str]) -> list[CriterionCount]:
    """Per criterion (in ``ids`` order), how many of the status strings have each status.

    ``statuses``: one string per ward, one letter per criterion in catalogue order
    (``m`` met, ``n`` not met, ``a`` not applicable, ``u`` unknown).
    """
    columns = ["".join(column) for column in zip(*statuses, strict=False)]
    if not columns:
        columns = [""] * len(ids)
    return [
        CriterionCount(i, c.count("m"), c.count("n"), c.count("a"), c.count("u"))
        for i, c in zip(ids, columns, strict=True)
    ]


def most_missed(counts: Iterable[CriterionCount], limit: int | None = None) -> list[CriterionCount]:
    """Criteria missed by at least one ward, most missed first (then most not met, then id)."""
    missed = [c for c in counts if c.missed]
    missed.sort(key=lambda c: (-c.missed, -c.not_met, c.id))
    return missed[:limit] if limit is not None else missed
