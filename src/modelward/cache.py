"""A cache of scored wards under the user's cache folder, so a rerun over unchanged files is near instant.

An entry is JSON (never pickle), one file per ward *content*: its name is the SHA-256 of the
ward file's bytes, inside a folder named for the tool version; inside, results are kept per
SHA-256 of the catalogue they were scored against, and per period asked for. A changed
ward file has another SHA-256 and so another entry; a changed catalogue, another key; a new
tool version, another folder. A renamed or copied file finds its entry by content, and takes
its new path. An entry that cannot be read is ignored and written again.

This module reads no YAML and imports neither pydantic nor rich: a warm run stays light.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import threading
from pathlib import Path
from typing import Any

from modelward import __version__
from modelward.errors import InputError
from modelward.limits import MAX_BYTES
from modelward.reading import find_catalogue, read_raw

ENV = "MODELWARD_CACHE_DIR"


def default_root() -> Path:
    """``$MODELWARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/modelward``, else ``~/.cache/modelward``."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "modelward"


def resolve_catalogue(ward: Path, criteria: Path | None, declared: object) -> Path | None:
    """The catalogue a ward file is scored against, as FORMAT.md orders it, without reading YAML."""
    if criteria is not None:
        return criteria
    if isinstance(declared, str):
        return Path(os.path.normpath(ward.parent / declared))
    return find_catalogue(ward)


class WardCache:
    """Entries by ward content; every failure to read or write one is silent (it is a cache)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / f"v{__version__}"
        self._made: set[Path] = set()
        self._queue: queue.Queue[tuple[Path, bytes] | None] | None = None
        self._thread: threading.Thread | None = None
        self._pid = 0

    def _path(self, ward_sha: str) -> Path:
        return self.folder / ward_sha[:2] / f"{ward_sha}.json"

    def load(self, ward_sha: str) -> dict[str, Any] | None:
        """The entry for this content, or None when there is none or it is unreadable."""
        try:
            entry = json.loads(self._path(ward_sha).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("sha256") != ward_sha:
            return None
        if not isinstance(entry.get("catalogues"), dict):
            return None
        return entry

    def view(
        self, ward: Path, criteria: Path | None, max_bytes: int, key: str
    ) -> dict[str, Any] | None:
        """A command's finished output for this ward file's content, if it was made before."""
        ward_sha = sha256_file(ward, max_bytes)
        if ward_sha is None:
            return None
        entry = self.load(ward_sha)
        if entry is None:
            return None
        catalogue = resolve_catalogue(ward, criteria, entry.get("declared"))
        catalogue_sha = sha256_file(catalogue) if catalogue is not None else None
        views = entry.get("views")
        if catalogue_sha is None or not isinstance(views, dict):
            return None
        found = views.get(catalogue_sha, {}).get(key)
        return found if isinstance(found, dict) else None

    def store_view(
        self,
        ward_sha: str,
        declared: str | None,
        catalogue_sha: str,
        key: str,
        view: dict[str, Any],
    ) -> None:
        """Keep a command's finished output for this content, catalogue and options."""
        entry = self.load(ward_sha) or {"sha256": ward_sha, "catalogues": {}}
        entry["declared"] = declared
        views = entry.get("views")
        if not isinstance(views, dict):
            views = {}
        views.setdefault(catalogue_sha, {})[key] = view
        entry["views"] = views
        self.save(ward_sha, entry)

    def save(self, ward_sha: str, entry: dict[str, Any]) -> None:
        """Write an entry whole (temporary file, rename) or not at all, on a writer thread.

        A first run over thousands of wards writes one entry per ward: a thread of this
        process writes them while the next ward is read (file system calls release the
        GIL). ``flush`` waits for the writes; a process that exits without it may lose the
        last few entries, which only means a miss next time.
        """
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._pending().put((self._path(ward_sha), data))

    def flush(self) -> None:
        """Wait until every entry given to ``save`` in this process is written."""
        if self._queue is not None and self._thread is not None and self._pid == os.getpid():
            self._queue.put(None)
            self._thread.join()
        self._queue, self._thread = None, None

    def _pending(self) -> queue.Queue[tuple[Path, bytes] | None]:
        # A process forked from this one starts its own queue and thread: the parent's
        # thread is not there, and its queue's lock may have been held at the fork.
        if self._queue is None or self._pid != os.getpid():
            self._pid = os.getpid()
            self._queue = queue.Queue(maxsize=512)
            self._thread = threading.Thread(
                target=self._drain, args=(self._queue,), name="modelward-cache", daemon=True
            )
            self._thread.start()
        return self._queue

    def _drain(self, pending: queue.Queue[tuple[Path, bytes] | None]) -> None:
        while (item := pending.get()) is not None:
            self._write(*item)

    def _write(self, target: Path, data: bytes) -> None:
        tmp = f"{target}.{os.getpid()}.tmp"
        try:
            if target.parent not in self._made:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(target.parent)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except OSError:
            return
        try:
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def sha256_file(path: Path, max_bytes: int = MAX_BYTES) -> str | None:
    """A file's SHA-256, or None when it cannot be read or is over the size limit."""
    try:
        return hashlib.sha256(read_raw(path, max_bytes)).hexdigest()
    except InputError:
        return None
