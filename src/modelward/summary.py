"""Many wards: one small row each, ranked by score with ties sharing a rank (pure but for reading).

A ward file is read, checked and scored into a ``Row`` of plain values and then dropped, so
memory holds rows, not wards; rows are what a worker process sends back.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import signal
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from sys import intern
from types import FrameType
from typing import TYPE_CHECKING, Any

from modelward.cache import WardCache, resolve_catalogue, sha256_file
from modelward.errors import ExitCode, InputError, Interrupted, ModelwardError, Problem
from modelward.limits import SMALL_RUN
from modelward.reading import read_raw

if TYPE_CHECKING:  # at run time only the full way imports pydantic: a warm run stays light
    from modelward.breakdown import AreaKind, AreaRow, CriterionCount
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


@dataclass(frozen=True, slots=True)
class Missing:
    """A valid ward file without the period asked for."""

    path: str
    sha256: str
    id: str
    name: str
    period: str
    catalogue_file: str


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


Outcome = Row | Missing | Failed | Excluded | None
"""None: the file is a catalogue, not a ward, and is passed over."""


def ward_files(paths: Iterable[Path], distinct: bool = False) -> Iterator[str]:
    """Every ``*.yaml`` and ``*.yml`` file named or found below a folder, in a stable order.

    As strings, sorted: ten thousand Path objects held at once would weigh more than the
    summary rows themselves. Folders are walked as ``rglob`` would (links to folders are
    not followed, unreadable folders are passed over), from the file system's listing.

    With ``distinct``, a file named twice (``f.yaml``, ``./f.yaml``, its absolute path, a
    link to it, a folder holding it) is given once, where it is first named. Resolved paths
    are compared, each folder's resolved once: a file found in a folder costs no call to the
    file system unless it is a link, a file named costs one.
    """
    seen: set[str] | None = set() if distinct else None
    folders: dict[str, str] = {}
    for path in paths:
        if path.is_dir():
            found: list[str] = []
            links: set[str] = set()
            _yaml_below(str(path), found, links if seen is not None else None)
            found.sort()
            if seen is None:
                yield from found
                continue
            root = str(path)
            cut = len(root) if root.endswith(os.sep) else len(root) + 1
            real_root = os.path.realpath(root).rstrip(os.sep) + os.sep
            for name in found:
                # Below the folder only real folders are walked: a file's resolved path is
                # the folder's and the rest of its own, unless the file is itself a link.
                real = os.path.realpath(name) if name in links else real_root + name[cut:]
                if real not in seen:
                    seen.add(real)
                    yield name
        elif seen is None:
            yield str(path)
        else:
            name = str(path)
            real = _resolved(name, folders)
            if real not in seen:
                seen.add(real)
                yield name


def _resolved(name: str, folders: dict[str, str]) -> str:
    """A named file's resolved path, its folder's resolved path looked up once per folder."""
    folder, base = os.path.split(name)
    if base in ("", ".", "..") or os.path.islink(name):
        return os.path.realpath(name)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    return os.path.join(folders[folder], base)


def _yaml_below(folder: str, found: list[str], links: set[str] | None = None) -> None:
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    _yaml_below(entry.path, found, links)
                elif os.path.splitext(entry.name)[1] in (".yaml", ".yml") and entry.is_file():
                    found.append(entry.path)  # is_file: from the listing, no stat for a file
                    if links is not None and entry.is_symlink():  # from the listing too
                        links.add(entry.path)
    except OSError:
        pass


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
    ) -> None:
        self.period = period
        self.criteria = criteria
        self.area = fold(area) if area is not None else None
        self.max_bytes = max_bytes
        self.cache = cache
        self.key = period or ""
        self._catalogues: Any = None
        self._catalogue_shas: dict[str, str | None] = {}
        self._catalogue_paths: dict[tuple[str, str | None], str | None] = {}

    def __call__(self, path: Path | str) -> Outcome:
        """The outcome for one file."""
        if self.cache is None:
            return self._scored(Path(path))
        try:
            raw = read_raw(path, self.max_bytes)
        except InputError:
            return self._scored(Path(path))  # the full way says why it cannot be read
        hit, outcome = self._lookup(str(path), hashlib.sha256(raw).hexdigest())
        return outcome if hit else self._scored(Path(path), raw)

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
            found = resolve_catalogue(Path(path), self.criteria, named)
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
        if not isinstance(results, dict) or self.key not in results:
            return False, None
        try:
            found = _from_json(results[self.key], path, ward_sha, catalogue)
        except (KeyError, TypeError, ValueError):
            return False, None  # an entry of another shape: score the file again
        return True, self._filtered(found, entry.get("area"))

    def _filtered(self, outcome: Row | Missing, area: object) -> Outcome:
        if self.area is None:
            return outcome
        values = area.values() if isinstance(area, dict) else ()
        if any(self.area in fold(str(v)) for v in values):
            return outcome
        return Excluded(outcome.path, outcome.catalogue_file, outcome.id)

    # -- the full way

    def _scored(self, path: Path, raw: bytes | None = None) -> Outcome:
        from modelward import loading
        from modelward.periods import latest, parse_period
        from modelward.scoring import assess

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
            if criteria is None and isinstance(doc.data, dict) and "catalogue" not in doc.data:
                # The nearest criteria.yaml, looked up once per folder rather than per ward.
                nearest = self._catalogue_for(str(path), None)
                criteria = Path(nearest) if nearest is not None else None
            ward = loading.ward_from(doc, path, criteria, self._catalogues)
        except ModelwardError as exc:
            return Failed(str(path), tuple(exc.problems))
        model = ward.model
        # Strings that repeat across thousands of rows are kept once (sys.intern).
        area_fields = {intern(k): intern(v) for k, v in model.area.model_dump().items() if v}
        cat = ward.catalogue.model
        catalogue_file = intern(str(ward.catalogue.path))
        outcome: Row | Missing
        if self.period is None and not ward.periods:
            outcome = Missing(str(path), doc.sha256, model.id, model.name, "", catalogue_file)
        else:
            chosen = (
                latest(list(ward.periods))
                if self.period is None
                else ward.period(parse_period(self.period))
            )
            if chosen is None:
                outcome = Missing(
                    str(path), doc.sha256, model.id, model.name, self.key, catalogue_file
                )
            else:
                a = assess(cat, ward.periods, ward.figures, chosen, with_indicators=False)
                outcome = Row(
                    path=str(path),
                    sha256=doc.sha256,
                    id=model.id,
                    name=model.name,
                    area=_shared(tuple(area_fields.items())),
                    period=intern(str(chosen)),
                    met=a.totals.met,
                    applicable=a.totals.applicable,
                    share=a.totals.share,
                    score=a.totals.score,
                    verdict=a.verdict.id,
                    verdict_index=a.verdict_index,
                    statuses=intern("".join(STATUS_CODES[r.status] for r in a.criteria)),
                    catalogue=_catalogue_key(cat.id, cat.version),
                    catalogue_file=catalogue_file,
                )
        if self.cache is not None:
            entry = self.cache.load(doc.sha256) or {
                "sha256": doc.sha256,
                "catalogues": {},
            }
            entry["declared"] = model.catalogue
            entry["area"] = area_fields
            results = entry["catalogues"].setdefault(ward.catalogue.doc.sha256, {})
            results[self.key] = _to_json(outcome)
            self.cache.save(doc.sha256, entry)
        return self._filtered(outcome, area_fields)


def _to_json(outcome: Row | Missing) -> dict[str, Any]:
    if isinstance(outcome, Missing):
        return {"missing": True, "id": outcome.id, "name": outcome.name, "period": outcome.period}
    return {
        "id": outcome.id,
        "name": outcome.name,
        "area": [list(a) for a in outcome.area],
        "period": outcome.period,
        "met": outcome.met,
        "applicable": outcome.applicable,
        "share": [outcome.share.numerator, outcome.share.denominator],
        "score": outcome.score,
        "verdict": outcome.verdict,
        "verdict_index": outcome.verdict_index,
        "statuses": outcome.statuses,
        "catalogue": list(outcome.catalogue),
    }


def _from_json(data: dict[str, Any], path: str, sha256: str, catalogue_file: str) -> Row | Missing:
    if data.get("missing"):
        return Missing(
            path, sha256, str(data["id"]), str(data["name"]), str(data["period"]), catalogue_file
        )
    num, den = data["share"]
    cat_id, cat_version = data["catalogue"]
    catalogue_file = intern(catalogue_file)
    return Row(
        path=path,
        sha256=sha256,
        id=str(data["id"]),
        name=str(data["name"]),
        area=_shared(tuple((intern(str(k)), intern(str(v))) for k, v in data["area"])),
        period=intern(str(data["period"])),
        met=int(data["met"]),
        applicable=int(data["applicable"]),
        share=Fraction(int(num), int(den)),
        score=float(data["score"]),
        verdict=str(data["verdict"]),
        verdict_index=int(data["verdict_index"]),
        statuses=intern(_statuses(data["statuses"])),
        catalogue=_catalogue_key(str(cat_id), str(cat_version)),
        catalogue_file=catalogue_file,
    )


@lru_cache(maxsize=64)
def _catalogue_key(catalogue_id: str, version: str) -> tuple[str, str]:
    """One tuple per catalogue, shared by every row scored against it."""
    return (catalogue_id, version)


def _statuses(value: object) -> str:
    if isinstance(value, str) and all(c in CODE_STATUSES for c in value):
        return value
    raise ValueError(f"not statuses: {value!r}")


_areas: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}


def _shared(area: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """One tuple per distinct area, shared by every row in it (wards share cities)."""
    return _areas.setdefault(area, area)


# ---------------------------------------------------------------------------- many files at once

_worker: Summariser | None = None


_calls = 0


def _init_worker(summariser: Summariser) -> None:
    global _worker
    _worker = summariser
    # The main process answers Ctrl-C, SIGTERM and SIGHUP and then ends the pool: a worker
    # ignores Ctrl-C (the terminal sends it to all) and dies quietly on SIGTERM, instead of
    # each printing a traceback when the main process is gone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in _STOPPING:
        signal.signal(signum, signal.SIG_DFL)
    gc.disable()  # as in _collected: collected by hand every few hundred files
    if summariser.cache is not None:
        from multiprocessing.util import Finalize

        Finalize(summariser, summariser.cache.close, exitpriority=10)


def _work(path: Path | str) -> Outcome:
    global _calls
    assert _worker is not None
    _calls += 1
    if _calls % 256 == 0:
        gc.collect(0)
    return _worker(path)


def run(files: Sequence[Path | str], summariser: Summariser, jobs: int) -> Iterator[Outcome]:
    """Every file's outcome, in order; over ``jobs`` processes when more than one.

    Outcomes stream back as they are made, so memory holds rows, not wards. A ward whose id
    an earlier file already has is not ranked twice: its outcome is a ``Failed``.
    """
    yield from first_of_each_ward(_outcomes(files, summariser, jobs))


def _outcomes(files: Sequence[Path | str], summariser: Summariser, jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(files) < 2:
        yield from _collected(map(summariser, files))
        if summariser.cache is not None:
            summariser.cache.close()
        return
    if summariser.cache is not None:
        summariser.cache.close()  # the workers open their own: a connection must not cross a fork
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(summariser,))
    try:
        with _stopping_raises():
            yield from pool.imap(_work, files, chunksize=chunk)
        pool.close()  # workers leave normally, flushing their cache writes on the way out
        pool.join()
    finally:
        pool.terminate()


_STOPPING = {
    getattr(signal, name): code
    for name, code in (("SIGTERM", ExitCode.TERMINATED), ("SIGHUP", ExitCode.HANGUP))
    if hasattr(signal, name)
}


@contextlib.contextmanager
def _stopping_raises() -> Iterator[None]:
    """While workers run, SIGTERM and SIGHUP raise, so that the pool is ended with us.

    Left to their default action they would kill this process at once, and the workers
    would each print a traceback on finding no one to send their results to. Only in the
    main thread, and only for a signal at its default action.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        raise Interrupted([Problem("modelward", f"stopped by {name}")], _STOPPING[signum])

    installed = {
        signum: signal.signal(signum, stop)
        for signum in _STOPPING
        if signal.getsignal(signum) is signal.SIG_DFL
    }
    try:
        yield
    finally:
        for signum, previous in installed.items():
            signal.signal(signum, previous)


def first_of_each_ward(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """The outcomes, each ward id kept for the first file that has it (in the files' order).

    A later file with the same id (a copy, a backup) would count one ward twice: it is left
    out as a broken file is, its problem naming the file that came first. From the ids
    the outcomes carry, so no file is read again.
    """
    first: dict[str, str] = {}
    for outcome in outcomes:
        if isinstance(outcome, Row | Missing | Excluded) and outcome.id:
            earlier = first.get(outcome.id)
            if earlier is None:
                first[outcome.id] = outcome.path
            else:
                message = (
                    f"ward id '{outcome.id}' is already in {earlier}: a ward is ranked once; "
                    "remove the copy or give it its own id"
                )
                yield Failed(outcome.path, (Problem(outcome.path, message),))
                continue
        yield outcome


def _collected(outcomes: Iterator[Outcome], every: int = 256) -> Iterator[Outcome]:
    """Outcomes with Python's cycle collector paused, run by hand every few hundred files.

    A parse makes hundreds of thousands of small objects and no cycles, yet each burst of
    allocations wakes the collector to scan them all: a tenth of the time on thousands of
    wards. Collecting every ``every`` files keeps any cycle from piling up.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for count, outcome in enumerate(outcomes, start=1):
            if count % every == 0:
                gc.collect(0)
            yield outcome
    finally:
        if was_enabled:
            gc.enable()


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
            *(Path(f.path) for f in self.failed),
            Path(self.catalogue_path),
        ]

    def areas(self, kind: AreaKind | None = None) -> list[AreaRow]:
        """One row per area of ``kind`` (default ``--by``) against the target; [] without one."""
        from modelward.breakdown import as_fraction, by_area

        kind = kind or self.by
        if kind is None:
            return []
        top = self.catalogue.verdicts[0].id
        rows = ((r.row.area, r.row.verdict == top) for r in self.ranked)
        return by_area(rows, kind, as_fraction(self.target), fold)

    def criterion_counts(self) -> list[CriterionCount]:
        """Per criterion, in catalogue order, how many ranked wards have each status."""
        from modelward.breakdown import criterion_counts

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
) -> Summary:
    """Gather per-file outcomes into a ranked summary; wards on different catalogues are refused."""
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
        listed = ", ".join(f"{i} {v}" for i, v in sorted(kinds))
        raise InputError(
            f"the wards use different catalogues ({listed}): summarise each catalogue's wards "
            "separately, or name one with --criteria"
        )
    digests = _same_catalogue(rows)
    if criteria is not None:
        path = criteria
    elif rows or missing or excluded:
        path = Path((rows or missing or excluded)[0].catalogue_file)
    else:
        raise InputError([f.problems[0] for f in failed] or "no ward files to summarise")
    digest = digests[str(path)] if str(path) in digests else sha256_file(path)
    return Summary(load(path), str(path), digest or "", period, rank(rows), missing, failed, target)


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
            "the wards use catalogue files that differ but share an id and version "
            f"({cat_id} {version}: {', '.join(first.values())}): summarise each catalogue's "
            "wards separately, give the edited one its own version, or name one with --criteria"
        )
    return digests


def summarise(
    paths: tuple[Path, ...],
    *,
    period: str | None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    max_bytes: int,
    jobs: int | None,
    use_cache: bool,
    on_failed: Callable[[Failed], None],
    progress: Callable[[Iterator[Outcome], int], Iterable[Outcome]],
) -> Summary:
    """Read every ward under the paths into a ranked summary.

    ``on_failed`` hears of each broken file as it comes; ``progress`` may wrap the outcomes
    (a progress bar on a terminal) without changing them.
    """
    from modelward.cache import default_root
    from modelward.errors import UsageError
    from modelward.periods import PeriodError, parse_period

    if period is not None:
        try:
            period = str(parse_period(period))
        except PeriodError as exc:
            raise UsageError(str(exc), "--period") from None
    files = list(ward_files(paths, distinct=True))  # strings: lighter than Paths by the thousand
    if not files:
        raise ModelwardError([Problem(str(p), "no YAML files here") for p in paths])
    if criteria is not None:
        from modelward.loading import load_catalogue

        load_catalogue(criteria, max_bytes)  # a broken --criteria is reported once, up front
    cache = WardCache(default_root()) if use_cache else None
    summariser = Summariser(period, criteria, area, max_bytes, cache)
    workers = jobs if jobs is not None else default_jobs(files, summariser)
    outcomes = []
    for outcome in progress(run(files, summariser, workers), len(files)):
        if isinstance(outcome, Failed):
            on_failed(outcome)
        outcomes.append(outcome)

    def load(path: Path) -> Catalogue:
        from modelward.loading import load_catalogue

        return load_catalogue(path, max_bytes).model

    return collect(outcomes, period, target, criteria, load)


def default_jobs(files: list[str], summariser: Summariser) -> int:
    """One process per core for many files, unless the cache already holds them.

    Reading results from the cache is quicker than starting workers, so a handful of files
    spread over the list is looked up first: when all are cached, one process does it all.
    """
    if len(files) < SMALL_RUN:
        return 1
    if summariser.cache is not None:
        sample = files[:: max(1, len(files) // 8)][:8]
        if all(summariser.cached(Path(path))[0] for path in sample):
            return 1
    return cores()


def cores() -> int:
    """The cores this process may run on: the most worker processes worth starting."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
