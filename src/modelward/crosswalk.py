"""Between two versions of a catalogue linked by ``replaces``: where each criterion and
indicator went (pure).

FORMAT.md section 6: an id the crosswalk does not list maps to the same id where the newer
catalogue has it, else it is dropped; several old ids may map to one new id, whose earlier
status is then ``met`` when all of them were met, ``not_met`` when one was not met, else
``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from modelward.models import Catalogue
from modelward.rules import Status


@dataclass(frozen=True)
class Crosswalk:
    """How an older catalogue's ids map onto the newer one that replaces it."""

    old: Catalogue
    new: Catalogue

    @cached_property
    def criteria(self) -> dict[str, str | None]:
        """Every old criterion id -> its new id, or None where it was dropped."""
        listed = self.new.replaces.criteria if self.new.replaces else {}
        return _mapping([c.id for c in self.old.criteria()], listed, self.new.criterion)

    @cached_property
    def indicators(self) -> dict[str, str | None]:
        """Every old indicator id -> its new id, or None where it was dropped."""
        listed = self.new.replaces.indicators if self.new.replaces else {}
        return _mapping([i.id for i in self.old.indicators], listed, self.new.indicator)

    @cached_property
    def _from_ids(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for old_id, new_id in self.criteria.items():
            if new_id is not None:
                found.setdefault(new_id, []).append(old_id)
        return {k: tuple(v) for k, v in found.items()}

    def from_ids(self, new_id: str) -> tuple[str, ...]:
        """The old criteria a new one follows, in the old catalogue's order; () where new."""
        return self._from_ids.get(new_id, ())

    def dropped(self) -> list[str]:
        """The old criteria with no successor, in the old catalogue's order."""
        return [old_id for old_id, new_id in self.criteria.items() if new_id is None]

    def earlier_status(self, new_id: str, old: dict[str, Status]) -> Status | None:
        """A new criterion's status in a period scored on the old catalogue; None where new."""
        ids = self.from_ids(new_id)
        if not ids:
            return None
        if len(ids) == 1:
            return old[ids[0]]
        statuses = [old[i] for i in ids]
        if all(s == "met" for s in statuses):
            return "met"
        if any(s == "not_met" for s in statuses):
            return "not_met"
        return "unknown"

    def figures(self, old: dict[str, float]) -> dict[str, float]:
        """A period's figures under the new catalogue's ids.

        A figure whose indicator was dropped is left out. Where several old indicators map
        to one new one, no figure is made for it: adding them up is not always right (two
        shares do not add), and the crosswalk does not say how.
        """
        targets: dict[str, list[str]] = {}
        for old_id, new_id in self.indicators.items():
            if new_id is not None:
                targets.setdefault(new_id, []).append(old_id)
        return {
            new_id: old[ids[0]]
            for new_id, ids in targets.items()
            if len(ids) == 1 and ids[0] in old
        }


def _mapping(
    old_ids: list[str], listed: dict[str, str | None], lookup: Callable[[str], object | None]
) -> dict[str, str | None]:
    """Each old id -> the id the crosswalk lists, else the same id where ``lookup`` (the new
    catalogue's) knows it, else None."""
    out: dict[str, str | None] = {}
    for old_id in old_ids:
        if old_id in listed:
            out[old_id] = listed[old_id]
        else:
            out[old_id] = old_id if lookup(old_id) is not None else None
    return out


def link(old: Catalogue, new: Catalogue) -> Crosswalk | None:
    """The crosswalk from ``old`` to ``new`` where ``new`` replaces ``old``, else None."""
    if new.replaces is not None and new.replaces.catalogue == old.reference:
        return Crosswalk(old, new)
    return None


def same_version(a: Catalogue, b: Catalogue) -> bool:
    """Whether two catalogues are one version (the same ``ID@VERSION``)."""
    return a is b or a.reference == b.reference
