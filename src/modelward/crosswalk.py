"""Between two versions of a catalogue linked by ``replaces``: where each criterion and
indicator went (pure).

FORMAT.md section 6: an id the crosswalk does not list maps to the same id where the newer
catalogue has it, else it is dropped; several old ids may map to one new id, whose earlier
status is then ``met`` when all of them were met, ``not_met`` when one was not met, else
``unknown``. Several old indicators into one combine as the figures of merged wards do
(section 10, ``baselines.add_up``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from modelward.models import Catalogue, Indicator
from modelward.rules import Status, Value, figure_of


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
        return _inverted(self.criteria)

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

    @cached_property
    def _targets(self) -> dict[str, tuple[str, ...]]:
        """Each new indicator -> the old ones that became it, in the old catalogue's order."""
        return _inverted(self.indicators)

    def figures(self, old: Mapping[str, float]) -> Carried:
        """A period's figures under the new catalogue's ids.

        A figure whose indicator was dropped is left out; one old indicator into one new
        keeps its figure as written. Several old indicators into one new combine as the
        figures of merged wards do (FORMAT.md section 10, ``baselines.add_up``): counts add
        up, a ``number`` or ``percent`` only where the new indicator says ``combine: sum``,
        and a ratio is worked out from its parts so carried; one of them not reported (or
        given as a bound) leaves the sum undefined, naming it. Where none was reported the
        new figure is simply not reported.
        """
        from modelward.baselines import add_up

        figures: dict[str, float] = {}
        values: dict[str, Value] = {}
        for new_id, ids in self._targets.items():
            if len(ids) == 1:
                if ids[0] in old:
                    figures[new_id] = old[ids[0]]
                continue
            indicator = self.new.indicator(new_id)
            assert indicator is not None, "checked when the catalogue was loaded"
            if indicator.ratio is not None or not any(i in old for i in ids):
                continue  # a ratio from its carried parts; none reported: not reported
            if not indicator.adds_up:
                values[new_id] = Value(None, "old_not_combined", new_id, ids)
                continue
            values[new_id] = add_up(indicator, [(i, old.get(i)) for i in ids], "old_missing")
        return Carried(figures, values)


@dataclass(frozen=True, slots=True)
class Carried:
    """A period's figures on an older catalogue, carried to the newer one's ids."""

    figures: dict[str, float]
    """The figures of indicators that map one old to one new, as written."""
    values: Mapping[str, Value]
    """Each indicator that several old ones became: their figures added up, or why not."""

    def gaps(self, catalogue: Catalogue) -> list[tuple[Indicator, Value]]:
        """Every indicator, ratios too, that the crosswalk leaves without a figure because
        several old indicators became it (one not reported, or they do not add up)."""
        out = []
        for indicator in catalogue.indicators:
            value = figure_of(indicator, self.figures, catalogue, self.values)
            if value.value is None and value.why in _CARRY_GAPS and value.wards:
                out.append((indicator, value))
        return out


_CARRY_GAPS = ("old_missing", "old_not_combined", "bounded")


def _inverted(mapping: dict[str, str | None]) -> dict[str, tuple[str, ...]]:
    """Each new id -> the old ids that map to it, in order."""
    found: dict[str, list[str]] = {}
    for old_id, new_id in mapping.items():
        if new_id is not None:
            found.setdefault(new_id, []).append(old_id)
    return {k: tuple(v) for k, v in found.items()}


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
