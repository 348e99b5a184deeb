"""Many files at once: over worker processes when there are many, with the collector paused."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from modelward.batch.rows import Deferred, Excluded, Failed, Missing, Outcome, Row
from modelward.batch.summariser import Summariser
from modelward.errors import Interrupted, Problem
from modelward.limits import SMALL_RUN
from modelward.messages import Message
from modelward.output.writing import STOPPING, blocking

_worker: Summariser | None = None


_calls = 0


def _init_worker(summariser: Summariser, held: Any) -> None:
    global _worker
    _worker = summariser
    if summariser.cache is not None:
        summariser.cache.tell = held  # a cache held by another process: said once, by the main
    # The main process answers Ctrl-C, SIGTERM and SIGHUP and then ends the pool: a worker
    # ignores Ctrl-C (the terminal sends it to all) and dies quietly on SIGTERM, instead of
    # each printing a traceback when the main process is gone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(STOPPING))  # held back while forking
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
    yield from first_of_each_ward(_in_two_passes(files, summariser, jobs))


def _in_two_passes(
    files: Sequence[Path | str], summariser: Summariser, jobs: int
) -> Iterator[Outcome]:
    """Every file, then the wards formed by merging others that were put off (``Deferred``):
    by then their predecessors' figures are in the cache."""
    later: list[str] = []
    for outcome in _outcomes(files, summariser, jobs):
        if isinstance(outcome, Deferred):
            later.append(outcome.path)
        else:
            yield outcome
    if later:
        summariser.defer = False
        yield from _outcomes(later, summariser, jobs)


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
    pool = None
    held = context.Value("b", False, lock=False)  # shared: set by a worker whose cache is held
    with _stopping_raises():
        try:
            # A stop while the pool is being made would leave its workers without anyone
            # to end them: held back until it is made (the workers let it through).
            with blocking(set(STOPPING)):
                pool = context.Pool(jobs, initializer=_init_worker, initargs=(summariser, held))
            yield from pool.imap(_work, files, chunksize=chunk)
            pool.close()  # workers leave normally, flushing their cache writes on the way out
            pool.join()
            if held.value and summariser.cache is not None:
                summariser.cache.held = True
        finally:
            if pool is not None:
                pool.terminate()


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
        stopped = Message("stopped_by_signal", signal=name)
        raise Interrupted([Problem("modelward", stopped)], STOPPING[signum])

    installed = {
        signum: signal.signal(signum, stop)
        for signum in STOPPING
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
                message = Message("ward_twice", ward=outcome.id, earlier=earlier)
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
