"""A cache of scored wards under the user's cache folder, so a rerun over unchanged files is near instant.

Entries are JSON (never pickle), one per ward file *content*, keyed by the SHA-256 of the
file's bytes; inside an entry, results are kept per SHA-256 of the catalogue they were
scored against, and per period asked for. A changed ward file has another SHA-256 and so
another entry; a changed catalogue, another key; a new tool version or a change to its
code, another folder. A renamed or copied file finds its entry by content, and takes its
new path. An entry that cannot be read is ignored and written again.

The entries live in one SQLite file per tool version and code digest
(``v0.1.0-<digest>/cache.sqlite``), as JSON text. A first run over thousands of wards
writes them in a few transactions: one file per ward cost a file creation each, which on
a cold run weighed as much as a tenth of the parsing. SQLite also keeps several processes
(``--jobs``, or two commands at once) from tearing an entry. A cache file that is not a
database is deleted and started afresh; a table of another shape is made again.

Another process holding the cache's write lock is waited for a moment (``LOCK_WAIT``), then
the run goes on without the cache (``held``: the command says so once) rather than
waiting at every batch.

This module reads no YAML and imports neither pydantic nor rich: a warm run stays light.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelward import __version__
from modelward.errors import InputError
from modelward.limits import MAX_BYTES
from modelward.reading import find_catalogue, read_raw

if TYPE_CHECKING:
    from modelward.loading.catalogues import Finder

try:
    import sqlite3
except ImportError:  # pragma: no cover - a Python built without SQLite (some pyenv builds)
    sqlite3 = None  # type: ignore[assignment]  # then there is no cache: the same results, slower

ENV = "MODELWARD_CACHE_DIR"
FILE = "cache.sqlite"
BATCH = 256
"""Entries written per transaction: few transactions, and little held in memory."""

LOCK_WAIT = 2.0
"""Seconds to wait for another process's hold on the cache before going on without it."""

_TABLE = "CREATE TABLE wards (sha256 TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID"
_SHAPE = [("sha256", 1), ("entry", 0)]
"""The table's columns and which is its key, as ``PRAGMA table_info`` lists them."""

_SCHEMA = (
    "PRAGMA synchronous=NORMAL",  # a crash may lose the last entries, never tear the file
    _TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"),
)


def _busy(exc: Exception) -> bool:
    """Whether SQLite gave up waiting for another process's lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (5, 6) or "locked" in str(exc)  # SQLITE_BUSY, SQLITE_LOCKED


_inherited: list[sqlite3.Connection] = []
"""Connections a forked process found open: never used, and never closed, in the child
(closing one there could remove the parent's write-ahead log)."""


@functools.cache
def code_stamp() -> str:
    """A short digest of this package's code, read once per process (about a millisecond).

    Results are kept per tool version *and* per code: a check tightened without a new
    version number (a count written 12.000, say) is never answered from a result the old
    code made.
    """
    package = Path(__file__).parents[2]  # modelward/, not only this folder
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def default_root() -> Path:
    """``$MODELWARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/modelward``, else ``~/.cache/modelward``."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "modelward"


def _is_reference(text: str) -> bool:
    from modelward.models import split_reference

    return split_reference(text) is not None


def resolve_catalogue(
    ward: Path, criteria: Path | None, declared: object, finder: Finder | None = None
) -> Path | None:
    """The catalogue a ward file is scored against, as FORMAT.md orders it, without reading
    the ward's YAML. A catalogue named ``ID@VERSION`` (what ``new`` writes) is looked up with
    ``finder`` (each folder's catalogues read once per run); None where it is not found or
    is ambiguous (scoring the file in full then says why)."""
    if criteria is not None:
        return criteria
    if isinstance(declared, str):
        if "@" in declared and _is_reference(declared):
            from modelward.loading.catalogues import AmbiguousReference, Finder

            try:
                return (finder or Finder()).find(declared.strip(), ward)
            except AmbiguousReference:
                return None
        return Path(os.path.normpath(ward.parent / declared))
    return find_catalogue(ward)


class WardCache:
    """Entries by ward content; every failure to read or write one is silent (it is a cache).

    Entries given to ``save`` are written in batches, and by ``flush`` or ``close``; until
    then ``load`` finds them in memory. Each process opens its own connection.
    """

    def __init__(self, root: Path) -> None:
        self.folder = root / f"v{__version__}-{code_stamp()}"
        self.file = self.folder / FILE
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._off = sqlite3 is None
        """Set when the cache cannot be opened or written: the run goes on without it."""
        self._entries: dict[str, str] = {}
        self.held = False
        """Set when another process held the cache past ``LOCK_WAIT``: turned off since."""
        self.tell: Any = None
        """In a worker process: a flag shared with the main one, set with ``held``, so that
        the command says it once for all its workers."""

    def held_by_another(self) -> bool:
        """Whether another process holds the cache's write lock past a short wait (then
        this run goes on without it)."""
        db = self._connect()
        if db is not None:
            try:
                db.execute("BEGIN IMMEDIATE")  # the write lock, as a write would take it
                db.execute("ROLLBACK")  # and let go at once: nothing is written
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    self._let_go()
            except sqlite3.DatabaseError:
                pass  # not a database: made afresh on the first write
        return self.held

    def _let_go(self) -> None:
        """Another process holds the cache: this one goes on without it."""
        self.held, self._off = True, True
        if self.tell is not None:
            self.tell.value = True
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    # -- reading

    def load(self, ward_sha: str) -> dict[str, Any] | None:
        """The entry for this content, or None when there is none or it is unreadable."""
        text = self._own_pending().get(ward_sha) or self._one(
            "SELECT entry FROM wards WHERE sha256 = ?", (ward_sha,)
        )
        return _entry(text, ward_sha)

    def load_many(self, ward_shas: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The entries found for these contents, by content, read in one query (at most
        ``BATCH`` keys at a time): those missing or unreadable are left out."""
        pending = self._own_pending()
        texts = {k: pending[k] for k in ward_shas if k in pending}
        rest = [k for k in dict.fromkeys(ward_shas) if k not in texts]
        for start in range(0, len(rest), BATCH):
            keys = rest[start : start + BATCH]
            marks = ",".join("?" * len(keys))
            texts.update(
                self._rows(f"SELECT sha256, entry FROM wards WHERE sha256 IN ({marks})", keys)
            )
        found = {}
        for key, text in texts.items():
            entry = _entry(text, key)
            if entry is not None:
                found[key] = entry
        return found

    # -- writing

    def save(self, ward_sha: str, entry: dict[str, Any]) -> None:
        """Keep an entry, written with the next batch; a later save of it replaces it."""
        entries = self._own_pending()
        entries[ward_sha] = _dumps(entry)
        if len(entries) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write every entry saved in this process, in one transaction."""
        entries = self._own_pending()
        if not entries:
            return
        self._entries = {}
        for _ in range(2):  # a second time on a fresh file, when the first was no database
            db = self._connect(create=True)
            if db is None:
                return
            try:
                with _transaction(db):
                    db.executemany("INSERT OR REPLACE INTO wards VALUES (?, ?)", entries.items())
                return
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    self._let_go()
                return  # busy past the wait, a full disk, a read-only file: a miss next time
            except sqlite3.DatabaseError:
                self._discard()

    def close(self) -> None:
        """Write what is pending and close this process's connection."""
        self.flush()
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    # -- the database

    def _own_pending(self) -> dict[str, str]:
        # A process forked from this one starts with no pending entries and no connection:
        # the parent writes its own, and a connection must not cross a fork.
        if self._pid != os.getpid():
            if self._db is not None:
                _inherited.append(self._db)
            self._db, self._pid = None, os.getpid()
            self._entries = {}
        return self._entries

    def _one(self, sql: str, args: tuple[str, ...]) -> str | None:
        rows = self._query(sql, args)
        row = rows[0] if rows else None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def _rows(self, sql: str, args: Sequence[str]) -> dict[str, str]:
        """Key and entry text of each row a query finds (entries that are text only)."""
        return {k: v for k, v in self._query(sql, args) if isinstance(v, str)}

    def _query(self, sql: str, args: Sequence[str]) -> list[Any]:
        db = self._connect()
        if db is None:
            return []
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                self._let_go()
            return []
        except sqlite3.DatabaseError:
            self._discard()
            return []

    def _connect(self, create: bool = False) -> sqlite3.Connection | None:
        self._own_pending()
        if self._db is not None or self._off:
            return self._db
        if not create and not self.file.exists():
            return None  # nothing to read: the file is made by the first write
        try:
            self._db = self._open()
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                self._let_go()
            self._off = True  # a folder we cannot write, or a file we cannot open
        except sqlite3.DatabaseError:
            self._discard()
        return self._db

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise sqlite3.OperationalError(str(exc)) from None
        db = sqlite3.connect(self.file, timeout=LOCK_WAIT, isolation_level=None)
        try:
            for statement in _SCHEMA:
                db.execute(statement)
            shape = [(row[1], row[5]) for row in db.execute("PRAGMA table_info(wards)")]
            if shape != _SHAPE:  # a table of another shape would never serve nor keep a row
                with _transaction(db):
                    db.execute("DROP TABLE wards")
                    db.execute(_TABLE)
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                # Readers never wait for a writer. Switching waits for no one, and fails
                # while another process has the file open (two first runs at once): that
                # one switches it, or the next run does; until then the default works.
                with contextlib.suppress(sqlite3.OperationalError):
                    db.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        """The file is not a database, or a damaged one: delete it and start afresh, once."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.file}{suffix}")
        try:
            self._db = self._open()
        except sqlite3.Error:
            self._off = True


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")  # take the write lock now, waiting up to the timeout
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _entry(text: str | None, ward_sha: str) -> dict[str, Any] | None:
    """An entry read back, or None when it is not JSON of an entry for this content."""
    if text is None:
        return None
    try:
        entry = json.loads(text)
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("sha256") != ward_sha:
        return None
    if not isinstance(entry.get("catalogues"), dict):
        return None
    return entry


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sha256_file(path: Path, max_bytes: int = MAX_BYTES) -> str | None:
    """A file's SHA-256, or None when it cannot be read or is over the size limit."""
    try:
        return hashlib.sha256(read_raw(path, max_bytes)).hexdigest()
    except InputError:
        return None
