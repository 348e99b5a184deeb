"""Writing results: to stdout, or to a file written whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from modelward.errors import ExitCode, InputError, Interrupted, Problem
from modelward.messages import Message

SLOW_WRITE_ENV = "MODELWARD_TEST_SLOW_WRITE"
"""Test hook: seconds to pause halfway through writing the temporary file, so that a test
can interrupt a real export while it writes. Never set outside the tests."""

# Signals whose default action ends the process without running ``finally`` blocks: while a
# temporary file exists they raise instead, so that it is removed. SIGINT needs no help: Python
# already turns it into KeyboardInterrupt.
STOPPING = {
    getattr(signal, name): code
    for name, code in (("SIGTERM", ExitCode.TERMINATED), ("SIGHUP", ExitCode.HANGUP))
    if hasattr(signal, name)
}


def blocking(signals: set[signal.Signals]) -> contextlib.AbstractContextManager[object]:
    """Hold these signals back (delivered on leaving) where a signal would leave a file behind."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def held() -> Iterator[None]:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    return held()


@contextlib.contextmanager
def _signals_raise(path: Path) -> Iterator[set[signal.Signals]]:
    """While writing, turn SIGTERM and SIGHUP into an exception, restoring the old handlers after.

    Only in the main thread (the only one Python delivers signals to), and only for a signal
    still at its default action: a handler someone else installed is left alone. Yields the
    signals to hold back around the steps that must not be cut in two.
    """
    if threading.current_thread() is not threading.main_thread():
        yield set()
        return
    installed: dict[int, object] = {}

    def stop(signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        raise Interrupted(
            [Problem(str(path), Message("stopped_writing", signal=name))],
            STOPPING[signum],
        )

    for signum in STOPPING:
        if signal.getsignal(signum) is signal.SIG_DFL:
            installed[signum] = signal.signal(signum, stop)
    held = {signal.Signals(s) for s in installed} | {signal.SIGINT}
    try:
        yield held
    finally:
        with blocking(held):
            for signum, previous in installed.items():
                signal.signal(signum, previous)  # type: ignore[arg-type]


def _slow_write_pause() -> float:
    try:
        return max(0.0, float(os.environ.get(SLOW_WRITE_ENV, "0")))
    except ValueError:
        return 0.0


Data = str | bytes | Iterable[bytes]
"""What can be written: text, bytes, or bytes in chunks (a large export, made as it goes)."""


def _chunks(data: Data) -> Iterator[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, bytes):
        yield data
    else:
        yield from data


def create_atomic(path: Path, data: str | bytes) -> None:
    """Create a new file whole or not at all; an existing file is never overwritten."""
    write_atomic(path, data, exclusive=True)


def write_atomic(path: Path, data: Data, *, exclusive: bool = False) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename.

    ``exclusive``: the file must not exist yet; the temporary file is linked to its name,
    which fails, leaving everything as it was, if something is already there.

    A reader never sees half a file; an interrupted write (an error, Ctrl-C, SIGTERM,
    SIGHUP) leaves the previous file as it was and removes the temporary file; two writers
    at once each rename a whole file, so the last one wins and nothing is mixed. A symbolic
    link is written through, to the file it points to.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o777  # an existing file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what a plain open() would give a new file
    pause = _slow_write_pause()
    with _signals_raise(path) as held:
        tmp: str | None = None
        try:
            # No signal between creating the temporary file and knowing its name.
            with blocking(held):
                try:
                    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
                except OSError as exc:
                    raise InputError(
                        [Problem(str(path), Message("cannot_write_here", reason=_reason(exc)))]
                    ) from None
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), mode)  # mkstemp makes it private (0600)
                for chunk in _chunks(data):
                    if pause and chunk:  # the test hook: stop with part of the file written
                        half = max(1, len(chunk) // 2)
                        handle.write(chunk[:half])
                        handle.flush()
                        time.sleep(pause)
                        chunk, pause = chunk[half:], 0.0
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if exclusive:
                os.link(tmp, target)  # fails if the name is taken: never overwrites
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except BaseException as exc:
            if tmp is not None:
                with blocking(held), contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(exc, FileExistsError):
                raise InputError([Problem(str(path), Message("never_overwritten"))]) from None
            if isinstance(exc, OSError):
                raise InputError([Problem(str(path), _cannot_write(exc))]) from None
            raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def emit(
    data: Data, output: Path | None, inputs: list[Path] | None = None, *, force: bool = False
) -> None:
    """Send text to stdout (no output, or ``-``) or write it to a file atomically.

    Chunks go out as they are made, so a large export never sits whole in memory. An
    output path that is one of the inputs is refused: the tool never writes its inputs.
    An existing read-only file is refused unless ``force`` (as ``cp`` refuses it without
    ``-f``); a device or a pipe (``/dev/null``, ``>(gzip)``) is written through, never
    replaced by a file; a block device or a socket is refused.
    """
    if output is None or str(output) == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.flush()
            for chunk in _chunks(data):
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        sys.stdout.flush()
        return
    for source in inputs or []:
        if source.exists() and output.exists() and os.path.samefile(source, output):
            raise InputError([Problem(str(output), Message("output_is_input"))])
    try:
        status = os.stat(output)  # through a link, to what would be written
    except OSError:
        write_atomic(output, data)  # nothing there yet (or nothing we can see: said on writing)
        return
    if stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
        _write_through(output, data)
    elif not stat.S_ISREG(status.st_mode):
        raise InputError([Problem(str(output), Message("output_not_regular"))])
    elif not force and _read_only(output, status.st_mode):
        raise InputError([Problem(str(output), Message("output_read_only"))])
    else:
        write_atomic(output, data)


def _read_only(path: Path, mode: int) -> bool:
    """Whether a file says it is not to be written: no write permission in its mode (which
    holds for root too, who may write anything), or none for this user."""
    return not mode & 0o222 or not os.access(path, os.W_OK)


def _write_through(output: Path, data: Data) -> None:
    """Write into a device or a pipe as it is: there is no file to keep whole."""
    try:
        with open(output, "wb") as handle:
            for chunk in _chunks(data):
                handle.write(chunk)
    except OSError as exc:
        raise InputError([Problem(str(output), _cannot_write(exc))]) from None


def _cannot_write(exc: OSError) -> Message:
    """Why a write failed, in words a user acts on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Message("disk_full")
    return Message("cannot_write", reason=_reason(exc))


_REASONS = {
    errno.ENOENT: "os_no_folder",
    errno.EACCES: "os_permission",
    errno.EPERM: "os_permission",
    errno.EROFS: "os_read_only",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_disk_full",
    errno.EISDIR: "os_is_folder",
    errno.ENOTDIR: "os_not_a_folder",
}


def _reason(exc: OSError) -> Message:
    """Why the system refused, in the catalogue's words where it has them."""
    known = _REASONS.get(exc.errno or 0)
    return Message(known) if known else Message("yaml_other", text=exc.strerror or str(exc))
