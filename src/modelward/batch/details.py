"""Each ranked ward's full detail (for a site's page per ward), from the cache where it is.

A ranking needs one small row per ward; a page per ward needs the ward read in full. That
detail is made by a function the caller gives (``make``, a plain JSON-ready document), once
per ward content, catalogue, period and language: later exports read it from the cache like
the rows. Misses are made over worker processes when there are many.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from modelward.batch.cache.store import WardCache, default_root
from modelward.batch.pool import cores
from modelward.limits import SMALL_RUN

Make = Callable[[str, str], dict[str, Any]]
"""From a ward file's path and the period shown to its detail document."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """One ward whose detail is wanted: its file, its content's SHA-256, the period shown,
    and whether its detail may be cached (not when it rests on other files, as a merged
    ward's baseline does)."""

    path: str
    sha256: str
    period: str
    cacheable: bool = True


def _key(want: Wanted, salt: str) -> str:
    return "detail:" + hashlib.sha256(f"{want.sha256}|{want.period}|{salt}".encode()).hexdigest()


_make: Make | None = None


def _init(make: Make) -> None:
    global _make
    _make = make


def _one(want: tuple[str, str]) -> dict[str, Any]:
    assert _make is not None
    return _make(*want)


CHUNK = 256
"""Ward details read from the cache per query: a warm site export holds no more than this
many at once (a drawn page is some 40 KB in memory), yet asks SQLite once per chunk."""


def details(
    wanted: Sequence[Wanted], make: Make, *, salt: str, use_cache: bool, jobs: int | None
) -> Generator[tuple[int, dict[str, Any]], None, None]:
    """Each ward's detail document with its place in ``wanted``: from the cache, else made
    (and then kept). Yielded as they come, not in order: those in the cache first, a chunk
    at a time, then those made; none is held once the caller has taken it.

    ``salt`` names everything else the detail depends on (the catalogue's SHA-256, the
    language, the stage asked for), so a detail is never reused for another of them.
    """
    cache = WardCache(default_root()) if use_cache else None
    try:
        todo: list[int] = []
        for start in range(0, len(wanted), CHUNK):
            chunk = range(start, min(start + CHUNK, len(wanted)))
            keys = {n: _key(wanted[n], salt) for n in chunk if wanted[n].cacheable}
            found = cache.load_many(list(keys.values())) if cache is not None and keys else {}
            for n in chunk:
                entry = found.get(keys[n]) if n in keys else None
                detail = entry.get("detail") if entry is not None else None
                if isinstance(detail, dict):
                    yield n, detail
                else:
                    todo.append(n)
        made = _made([(wanted[n].path, wanted[n].period) for n in todo], make, jobs)
        for n, detail in zip(todo, made, strict=True):
            if cache is not None and wanted[n].cacheable:
                key = _key(wanted[n], salt)
                cache.save(key, {"sha256": key, "catalogues": {}, "detail": detail})
            yield n, detail
    finally:
        if cache is not None:
            cache.close()


def _made(todo: list[tuple[str, str]], make: Make, jobs: int | None) -> Iterator[dict[str, Any]]:
    """Each detail made, in order, as it is made (over worker processes when many)."""
    workers = jobs if jobs is not None else (cores() if len(todo) >= SMALL_RUN else 1)
    if workers <= 1 or len(todo) < 2:
        yield from (make(path, period) for path, period in todo)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(64, len(todo) // (workers * 8)))
    with context.Pool(workers, initializer=_init, initargs=(make,)) as pool:
        yield from pool.imap(_one, todo, chunksize=chunk)
