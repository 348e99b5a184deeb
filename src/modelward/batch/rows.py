"""What one ward file comes to in a summary: a row of plain values, or why it has none."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from modelward.errors import Problem

if TYPE_CHECKING:  # at run time only the full way imports pydantic: a warm run stays light
    from modelward.models import Catalogue
    from modelward.rules import Status


@dataclass(frozen=True, slots=True)
class GroupCount:
    """A group's met and applicable criteria for one ward."""

    id: str
    met: int
    applicable: int


STATUS_CODES: dict[str, str] = {"met": "m", "not_met": "n", "not_applicable": "a", "unknown": "u"}
CODE_STATUSES: dict[str, Status] = {
    "m": "met",
    "n": "not_met",
    "a": "not_applicable",
    "u": "unknown",
}


def group_counts(catalogue: Catalogue, statuses: str) -> tuple[GroupCount, ...]:
    """Each group's met and applicable criteria, from a row's statuses and the catalogue."""
    out = []
    start = 0
    for group in catalogue.groups:
        codes = statuses[start : start + len(group.criteria)]
        start += len(group.criteria)
        out.append(GroupCount(group.id, codes.count("m"), len(codes) - codes.count("a")))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Row:
    """One ward's summary in one period: plain values, cheap to keep and to send between processes."""

    path: str
    sha256: str
    id: str
    name: str
    area: tuple[tuple[str, str], ...]
    period: str
    met: int
    applicable: int
    share: Fraction
    score: float
    verdict: str
    verdict_index: int
    statuses: str
    """Every criterion's status in catalogue order, one letter each (``STATUS_CODES``): a
    row is kept for every ward, and a string of 20 letters weighs a fraction of a tuple."""

    def status_list(self) -> tuple[Status, ...]:
        """Every criterion's status, in catalogue order."""
        return tuple(CODE_STATUSES[c] for c in self.statuses)

    catalogue: tuple[str, str]
    """The catalogue's id and version."""
    catalogue_file: str
    """The catalogue file the ward was scored against."""
    formed: Formed | None = None
    """When and from which wards this ward was formed, where its file says so."""
    combined_from: tuple[str, ...] = ()
    """The wards whose figures, added up, were the baseline of this row's period."""
    overrides: str = ""
    """One letter per criterion in catalogue order: ``o`` where the status is an override
    (a computed criterion the assessor overrode, with a reason), ``.`` elsewhere; ``""``
    when none is."""

    def overridden_at(self, index: int) -> bool:
        """Whether the criterion at this place in the catalogue is overridden."""
        return index < len(self.overrides) and self.overrides[index] == "o"

    stage: str = "self"
    """The stage of the assessment cycle scored: ``self`` or ``inspection``."""
    recognised: bool | None = None
    """The period's decision: recognised or not; None without a decision."""
    unevidenced: int = 0
    """Judged criteria marked met with neither evidence nor a note."""

    @property
    def overridden(self) -> int:
        """Computed criteria decided by hand (✎)."""
        return self.overrides.count("o")

    @property
    def unknown(self) -> int:
        """Criteria not yet assessed."""
        return self.statuses.count("u")

    @property
    def provisional(self) -> bool:
        """Whether the verdict may still change: a criterion is not yet assessed."""
        return "u" in self.statuses

    def area_field(self, name: str) -> str:
        """One field of the ward's area (``province``, ``city``), or empty."""
        return next((v for k, v in self.area if k == name), "")


@dataclass(frozen=True, slots=True)
class Missing:
    """A valid ward file without the period asked for."""

    path: str
    sha256: str
    id: str
    name: str
    period: str
    catalogue_file: str
    formed: Formed | None = None


@dataclass(frozen=True, slots=True)
class Formed:
    """A ward's ``formed``, as plain values: the day (ISO) and the predecessors' ids."""

    on: str
    predecessors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Merged:
    """A ward left out of the ranking: its successor is among the wards summarised."""

    path: str
    sha256: str
    id: str
    name: str
    into: str
    on: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A ward file that could not be read or checked: its problems, for stderr."""

    path: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Excluded:
    """A valid ward file that ``--area`` leaves out."""

    path: str
    catalogue_file: str
    id: str = ""
    formed: Formed | None = None
    """A ward left out by ``--area`` still replaces the wards it was formed from."""


@dataclass(frozen=True, slots=True)
class Deferred:
    """A ward formed by merging others, put off until the other wards are scored: their
    figures are then in the cache, and its predecessors need not be read a second time."""

    path: str


Outcome = Row | Missing | Failed | Excluded | Deferred | None
"""None: the file is a catalogue, not a ward, and is passed over."""


@lru_cache(maxsize=64)
def catalogue_key(catalogue_id: str, version: str) -> tuple[str, str]:
    """One tuple per catalogue, shared by every row scored against it."""
    return (catalogue_id, version)


_areas: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}


def shared_area(area: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """One tuple per distinct area, shared by every row in it (wards share cities)."""
    return _areas.setdefault(area, area)
