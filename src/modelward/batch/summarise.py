"""A summary of every ward under some paths: discovery, the pool, the cache and the ranking together."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from modelward.batch.cache.store import WardCache, default_root
from modelward.batch.discovery import ward_files
from modelward.batch.pool import default_jobs, run
from modelward.batch.ranking import Summary, collect
from modelward.batch.rows import Failed, Outcome
from modelward.batch.summariser import Summariser
from modelward.errors import ModelwardError, Problem, UsageError
from modelward.messages import Message

if TYPE_CHECKING:  # at run time only the full way imports pydantic: a warm run stays light
    from modelward.models import Catalogue, Stage


def summarise(
    paths: tuple[Path, ...],
    *,
    period: str | None,
    stage: Stage | None = None,
    criteria: Path | None,
    area: str | None,
    target: float | None,
    max_bytes: int,
    jobs: int | None,
    use_cache: bool,
    on_failed: Callable[[Failed], None],
    progress: Callable[[Iterator[Outcome], int], Iterable[Outcome]],
    on_cache_held: Callable[[Path], None] = lambda folder: None,
) -> Summary:
    """Read every ward under the paths into a ranked summary.

    ``on_failed`` hears of each broken file as it comes; ``progress`` may wrap the outcomes
    (a progress bar on a terminal) without changing them.
    """
    from modelward.periods import PeriodError, parse_period

    if period is not None:
        try:
            period = str(parse_period(period))
        except PeriodError as exc:
            raise UsageError(exc.message, "--period") from None
    files = list(ward_files(paths, distinct=True))  # strings: lighter than Paths by the thousand
    if not files:
        raise ModelwardError([Problem(str(p), Message("no_yaml_here")) for p in paths])
    if criteria is not None:
        from modelward.loading import load_catalogue

        load_catalogue(criteria, max_bytes)  # a broken --criteria is reported once, up front
    cache = WardCache(default_root()) if use_cache else None
    if cache is not None and cache.held_by_another():
        on_cache_held(cache.folder)  # said once, up front; the run goes on without it
        cache = None
    summariser = Summariser(period, criteria, area, max_bytes, cache, files, stage)
    workers = jobs if jobs is not None else default_jobs(files, summariser)
    outcomes = []
    said: set[str] = set()
    for outcome in progress(run(files, summariser, workers), len(files)):
        if isinstance(outcome, Failed):
            on_failed(_unsaid(outcome, said))
        outcomes.append(outcome)
    if cache is not None and cache.held:  # taken by another process during the run
        on_cache_held(cache.folder)

    def load(path: Path) -> Catalogue:
        from modelward.loading import load_catalogue

        return load_catalogue(path, max_bytes).model

    def shared(wards: list[tuple[str, str]], asked: str | None) -> tuple[str, str] | None:
        return shared_period(wards, asked, criteria, max_bytes)

    return collect(outcomes, period, target, criteria, load, shared)


READ_AGAIN = 1000
"""The most wards read again to find a period they share one catalogue in (a refusal's
hint): beyond it, the hint names none rather than keep the user waiting."""


def shared_period(
    wards: list[tuple[str, str]], asked: str | None, criteria: Path | None, max_bytes: int
) -> tuple[str, str] | None:
    """A ``--period`` that a summary of these wards takes, and its catalogue (``id
    version``): a period, other than the one asked, in which wards now on different
    catalogues (``wards``: each file and the catalogue it is on) are on one, every ward that
    has it on that one; of those, the one most wards have (the latest of equals). None where
    there is none, or where a ward cannot be read again."""
    from modelward.loading import CatalogueCache
    from modelward.loading.load import load_ward
    from modelward.periods import Period

    if len(wards) > READ_AGAIN:
        return None
    catalogues = CatalogueCache(max_bytes)
    on: dict[Period, set[str]] = {}
    had: dict[Period, int] = {}
    now: dict[Period, set[str]] = {}  # the catalogues its wards are on in the summary refused
    for path, current in wards:
        try:
            ward = load_ward(Path(path), criteria, catalogues, max_bytes)
        except ModelwardError:
            return None
        for p in ward.periods:
            model = ward.catalogue_of(p).model
            on.setdefault(p, set()).add(f"{model.id} {model.version}")
            had[p] = had.get(p, 0) + 1
            now.setdefault(p, set()).add(current)
    fits = [p for p in on if len(on[p]) == 1 and len(now[p] - {""}) > 1 and str(p) != asked]
    if not fits:
        return None
    best = max(fits, key=lambda p: (had[p], p))
    return str(best), next(iter(on[best]))


def _unsaid(failed: Failed, said: set[str]) -> Failed:
    """A broken file's problems less those said already in this run.

    A catalogue's own problems come with the first ward that uses it in each worker
    process (each reads it once): said once, and every ward gets its own line pointing up.
    """
    fresh = []
    for problem in failed.problems:
        key = repr(problem)
        if key not in said:
            said.add(key)
            fresh.append(problem)
    return Failed(failed.path, tuple(fresh))
