"""One ward file to its outcome: from the cache when its content was scored before, else in full."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

from modelward.batch.cache.codec import decode, encode
from modelward.batch.cache.store import WardCache, resolve_catalogue, sha256_file
from modelward.batch.rows import (
    STATUS_CODES,
    Deferred,
    Excluded,
    Failed,
    Formed,
    Missing,
    Outcome,
    Row,
    catalogue_key,
    shared_area,
)
from modelward.errors import InputError, ModelwardError
from modelward.reading import read_raw

if TYPE_CHECKING:
    from modelward.models import Stage

_FORMED = re.compile(rb"^formed:", re.MULTILINE)
"""A ward file that says it was formed by merging others (read before parsing it)."""


def fold(text: str) -> str:
    """Text for matching as people type it: no case, no diacritics (``Thanh Hoa`` finds ``Thanh Hóa``)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Summariser:
    """Turns one ward file into an outcome, from the cache when its content was scored before.

    One instance per process: it keeps the catalogues it read and their SHA-256s. Without a
    cache hit it reads, checks and scores the file in full (and then fills the cache).
    """

    def __init__(
        self,
        period: str | None,
        criteria: Path | None,
        area: str | None,
        max_bytes: int,
        cache: WardCache | None,
        inputs: Iterable[str] = (),
        stage: Stage | None = None,
    ) -> None:
        self.period = period
        self.stage = stage
        self.criteria = criteria
        self.area = fold(area) if area is not None else None
        self.max_bytes = max_bytes
        self.cache = cache
        # The cache keeps a result per period and stage asked for.
        self.key = (period or "") + (f"@{stage}" if stage is not None else "")
        self._catalogues: Any = None
        self._catalogue_shas: dict[str, str | None] = {}
        self._catalogue_paths: dict[tuple[str, str | None], str | None] = {}
        self._finder: Any = None
        """Catalogues named ``ID@VERSION``, found once per folder (loading.catalogues.Finder)."""
        # The files given, by the id their name spells: where a merged ward's predecessors
        # are looked for first (then in its own folder).
        self.defer = cache is not None
        """Put off the wards formed by merging others to a second pass (``Deferred``)."""
        self.named: dict[str, str] = {}
        for name in inputs:
            stem, suffix = os.path.splitext(os.path.basename(name))
            if suffix in (".yaml", ".yml"):
                self.named.setdefault(stem, name)

    def __call__(self, path: Path | str) -> Outcome:
        """The outcome for one file."""
        if self.cache is None:
            return self._scored(Path(path))
        try:
            raw = read_raw(path, self.max_bytes)
        except InputError:
            return self._scored(Path(path))  # the full way says why it cannot be read
        hit, outcome = self._lookup(str(path), hashlib.sha256(raw).hexdigest())
        if hit:
            return outcome
        if self.defer and _FORMED.search(raw):
            return Deferred(str(path))
        return self._scored(Path(path), raw)

    # -- the cache (paths as strings: thousands of Path objects cost more than the lookups)

    def _catalogue_sha(self, path: str) -> str | None:
        """A catalogue's SHA-256, read once per run however many wards it scores."""
        if path not in self._catalogue_shas:
            self._catalogue_shas[path] = sha256_file(Path(path), self.max_bytes)
        return self._catalogue_shas[path]

    def _catalogue_for(self, path: str, declared: object) -> str | None:
        """The catalogue a ward file is scored against, looked up once per folder."""
        named = declared if isinstance(declared, str) else None
        key = (os.path.dirname(path), named)
        if key not in self._catalogue_paths:
            if self._finder is None:
                from modelward.loading.catalogues import Finder

                self._finder = Finder()
            found = resolve_catalogue(Path(path), self.criteria, named, self._finder)
            self._catalogue_paths[key] = str(found) if found is not None else None
        return self._catalogue_paths[key]

    def cached(self, path: Path) -> tuple[bool, Outcome]:
        """Whether the cache has this file's outcome, and the outcome."""
        ward_sha = sha256_file(path, self.max_bytes)
        if ward_sha is None:
            return False, None  # the full way reports why it cannot be read
        return self._lookup(str(path), ward_sha)

    def _lookup(self, path: str, ward_sha: str) -> tuple[bool, Outcome]:
        assert self.cache is not None
        entry = self.cache.load(ward_sha)
        if entry is None:
            return False, None
        if entry.get("is_catalogue") is True:
            return True, None
        catalogue = self._catalogue_for(path, entry.get("declared"))
        if catalogue is None:
            return False, None
        catalogue_sha = self._catalogue_sha(catalogue)
        results = entry["catalogues"].get(catalogue_sha or "")
        key = self.key
        predecessors = entry.get("predecessors")
        if isinstance(predecessors, list):  # a merged ward: its result depends on theirs too
            shas = [sha256_file(Path(str(p)), self.max_bytes) for p in predecessors]
            if None in shas:
                return False, None
            key = _with_predecessors(key, [s for s in shas if s is not None])
        if not isinstance(results, dict) or key not in results:
            return False, None
        stored = results[key]
        own = stored.get("own_catalogue") if isinstance(stored, dict) else None
        if own is not None:  # the period is on a catalogue of its own: it must be unchanged too
            if not isinstance(own, list) or len(own) != 2 or self._catalogue_sha(own[0]) != own[1]:
                return False, None
            catalogue = str(own[0])
        try:
            found = decode(stored, path, ward_sha, catalogue)
        except (KeyError, TypeError, ValueError):
            return False, None  # an entry of another shape: score the file again
        return True, self._filtered(found, entry.get("area"))

    def _filtered(self, outcome: Row | Missing, area: object) -> Outcome:
        if self.area is None:
            return outcome
        values = area.values() if isinstance(area, dict) else ()
        if any(self.area in fold(str(v)) for v in values):
            return outcome
        return Excluded(outcome.path, outcome.catalogue_file, outcome.id, outcome.formed)

    # -- a ward formed by merging others

    def _cached_predecessors(self, ward: Any) -> tuple[list[tuple[str, str]], Any] | None:
        """The predecessors' files, digests and figures from the cache, without reading them
        as YAML; None where one of them is not there (then they are read in full)."""
        from modelward.baselines import Lineage, Predecessor
        from modelward.periods import parse_period

        formed = ward.model.formed
        if self.cache is None or formed is None:
            return None
        found: list[tuple[str, str]] = []
        preds = []
        for wanted in formed.predecessors:
            path = self.named.get(wanted)
            if path is None:
                beside = ward.path.parent / f"{wanted}.yaml"
                path = str(beside) if beside.is_file() else None
            sha = sha256_file(Path(path), self.max_bytes) if path is not None else None
            entry = self.cache.load(sha) if sha is not None else None
            figures = entry.get("figures") if entry is not None else None
            if path is None or sha is None or not isinstance(figures, dict):
                return None
            if entry is None or entry.get("id") != wanted:
                return None
            try:
                by_period = {
                    parse_period(key): {str(k): float(v) for k, v in values.items()}
                    for key, values in figures.items()
                }
            except (AttributeError, TypeError, ValueError):
                return None  # an entry of another shape: read the predecessors in full
            found.append((path, sha))
            preds.append(Predecessor(wanted, by_period))
        return found, Lineage(formed.on, tuple(preds))

    # -- the full way

    def _scored(self, path: Path, raw: bytes | None = None) -> Outcome:
        from modelward import loading
        from modelward.cycle import assess_at, recognised, shown_stage, unevidenced
        from modelward.periods import latest, parse_period

        if self._catalogues is None:
            self._catalogues = loading.CatalogueCache(self.max_bytes)
        try:
            doc = loading.parse(path, self.max_bytes, raw)
            if loading.kind_of(doc) == "catalogue":
                if self.cache is not None:  # remembered too, so a warm run need not parse it
                    self.cache.save(
                        doc.sha256, {"sha256": doc.sha256, "catalogues": {}, "is_catalogue": True}
                    )
                return None
            criteria = self.criteria
            if (
                criteria is None
                and isinstance(doc.data, dict)
                and "catalogue" not in doc.data
                and not _names_a_catalogue(doc.data.get("periods"))
            ):
                # The nearest criteria.yaml, looked up once per folder rather than per ward.
                nearest = self._catalogue_for(str(path), None)
                criteria = Path(nearest) if nearest is not None else None
            ward = loading.ward_from(doc, path, criteria, self._catalogues)
        except ModelwardError as exc:
            return Failed(str(path), tuple(exc.problems))
        model = ward.model
        lineage = None
        predecessors: list[tuple[str, str]] = []  # each one's file and SHA-256: they key the result
        if model.formed is not None:
            from modelward.loading.lineage import find_predecessors, lineage_of

            found = self._cached_predecessors(ward)
            if found is not None:
                predecessors, lineage = found
            else:
                try:
                    loaded = find_predecessors(
                        ward,
                        candidates=self.named,
                        criteria=criteria,
                        catalogues=self._catalogues,
                        max_bytes=self.max_bytes,
                    )
                except ModelwardError as exc:
                    return Failed(str(path), tuple(exc.problems))
                predecessors = [(str(p.path), p.doc_sha256) for p in loaded]
                lineage = lineage_of(ward, loaded)
        formed = (
            Formed(model.formed.on.isoformat(), tuple(model.formed.predecessors))
            if model.formed is not None
            else None
        )
        # Strings that repeat across thousands of rows are kept once (sys.intern).
        area_fields = {intern(k): intern(v) for k, v in model.area.model_dump().items() if v}
        cat = ward.catalogue.model
        catalogue_file = intern(str(ward.catalogue.path))
        outcome: Row | Missing
        if self.period is None and not ward.periods:
            outcome = Missing(
                str(path), doc.sha256, model.id, model.name, "", catalogue_file, formed
            )
        else:
            chosen = (
                latest(list(ward.periods))
                if self.period is None
                else ward.period(parse_period(self.period))
            )
            if chosen is None:
                outcome = Missing(
                    str(path), doc.sha256, model.id, model.name, self.key, catalogue_file, formed
                )
            elif chosen in ward.other_criteria:  # --criteria is not the catalogue it names
                return Failed(str(path), (ward.other_criteria[chosen],))
            else:
                data = ward.periods[chosen]
                own = ward.catalogue_of(chosen)  # a period may be on a version of its own
                cat, catalogue_file = own.model, intern(str(own.path))
                a = assess_at(
                    cat,
                    ward.periods,
                    ward.figures,
                    ward.inspected,
                    chosen,
                    shown_stage(data, self.stage),
                    with_indicators=False,
                    with_differences=False,
                    lineage=lineage,
                    versions=ward.versions,
                )
                outcome = Row(
                    path=str(path),
                    sha256=doc.sha256,
                    id=model.id,
                    name=model.name,
                    area=shared_area(tuple(area_fields.items())),
                    period=intern(str(chosen)),
                    met=a.totals.met,
                    applicable=a.totals.applicable,
                    share=a.totals.share,
                    score=a.totals.score,
                    verdict=a.verdict.id,
                    verdict_index=a.verdict_index,
                    statuses=intern("".join(STATUS_CODES[r.status] for r in a.criteria)),
                    overrides=_overrides("".join("o" if r.overridden else "." for r in a.criteria)),
                    catalogue=catalogue_key(cat.id, cat.version),
                    catalogue_file=catalogue_file,
                    formed=formed,
                    combined_from=a.baseline.combined_from if a.baseline is not None else (),
                    stage=a.stage,
                    recognised=recognised(data),
                    unevidenced=len(unevidenced(a)),
                )
        if self.cache is not None:
            entry = self.cache.load(doc.sha256) or {
                "sha256": doc.sha256,
                "catalogues": {},
            }
            entry["declared"] = model.catalogue
            entry["area"] = area_fields
            entry["id"] = model.id
            figures = _plain_figures(ward)
            if figures is not None:  # what a ward formed from this one combines, unparsed
                entry["figures"] = figures
            results = entry["catalogues"].setdefault(ward.catalogue.doc.sha256, {})
            key = self.key
            if model.formed is not None:
                entry["predecessors"] = [p for p, _ in predecessors]
                key = _with_predecessors(key, [sha for _, sha in predecessors])
            results[key] = encode(outcome)
            if isinstance(outcome, Row) and outcome.catalogue_file != str(ward.catalogue.path):
                # Scored on the period's own catalogue: kept with that file and its digest.
                own_file = outcome.catalogue_file
                results[key]["own_catalogue"] = [own_file, self._catalogue_sha(own_file)]
            self.cache.save(doc.sha256, entry)
        return self._filtered(outcome, area_fields)


def _with_predecessors(key: str, shas: list[str]) -> str:
    """The cache key of a merged ward's result: the period asked for and its predecessors'
    file contents, whose figures are its baseline."""
    return key + "|" + hashlib.sha256("".join(shas).encode()).hexdigest()[:16]


def _overrides(marks: str) -> str:
    """A row's override marks, ``""`` when there is none (most wards), else kept once."""
    return intern(marks) if "o" in marks else ""


def _plain_figures(ward: Any) -> dict[str, dict[str, float]] | None:
    """A ward's figures by period as the cache keeps them; None where one is known only by a
    bound (the cache keeps plain numbers: such a ward's successor reads it in full)."""
    from modelward.models import bound_of

    out: dict[str, dict[str, float]] = {}
    for period in ward.periods:
        figures = ward.figures.get(period, {})
        if any(bound_of(v) is not None for v in figures.values()):
            return None
        out[str(period)] = {k: float(v) for k, v in figures.items()}
    return out


def _names_a_catalogue(periods: object) -> bool:
    """Whether a period of a ward names a catalogue of its own (then the nearest
    criteria.yaml is not forced on the whole file as --criteria would be)."""
    return isinstance(periods, dict) and any(
        isinstance(p, dict) and "catalogue" in p for p in periods.values()
    )
