"""Each ranked ward's full detail (for a site's page per ward), from the cache where it is.

A ranking needs one small row per ward; a page per ward needs the ward read in full. That
detail is made by a function the caller gives (``make``, a plain JSON-ready document), once
per ward content, catalogue, period and language: later exports read it from the cache like
the rows. Misses are made over worker processes when there are many.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
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


def details(
    wanted: Sequence[Wanted], make: Make, *, salt: str, use_cache: bool, jobs: int | None
) -> list[dict[str, Any]]:
    """Each ward's detail document, in order: from the cache, else made (and then kept).

    ``salt`` names everything else the detail depends on (the catalogue's SHA-256, the
    language, the stage asked for), so a detail is never reused for another of them.
    """
    cache = WardCache(default_root()) if use_cache else None
    out: list[dict[str, Any] | None] = [None] * len(wanted)
    todo: list[int] = []
    for n, want in enumerate(wanted):
        entry = cache.load(_key(want, salt)) if cache is not None and want.cacheable else None
        detail = entry.get("detail") if entry is not None else None
        if isinstance(detail, dict):
            out[n] = detail
        else:
            todo.append(n)
    made = _made([(wanted[n].path, wanted[n].period) for n in todo], make, jobs)
    for n, detail in zip(todo, made, strict=True):
        out[n] = detail
        if cache is not None and wanted[n].cacheable:
            key = _key(wanted[n], salt)
            cache.save(key, {"sha256": key, "catalogues": {}, "detail": detail})
    if cache is not None:
        cache.close()
    return [d for d in out if d is not None]


def _made(todo: list[tuple[str, str]], make: Make, jobs: int | None) -> list[dict[str, Any]]:
    workers = jobs if jobs is not None else (cores() if len(todo) >= SMALL_RUN else 1)
    if workers <= 1 or len(todo) < 2:
        return [make(path, period) for path, period in todo]
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(64, len(todo) // (workers * 8)))
    with context.Pool(workers, initializer=_init, initargs=(make,)) as pool:
        return list(pool.imap(_one, todo, chunksize=chunk))
