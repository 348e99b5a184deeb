"""Writing results: to stdout, or to a file written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from modelward.errors import InputError, Problem


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename.

    A reader never sees half a file, an interrupted write leaves the previous file as it
    was, and the temporary file is removed on any failure.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(
            [Problem(str(path), f"cannot write here: {exc.strerror or exc}")]
        ) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError([Problem(str(path), f"cannot write: {exc.strerror or exc}")]) from None
        raise


def emit(data: str | bytes, output: Path | None, inputs: list[Path] | None = None) -> None:
    """Send text to stdout (no output, or ``-``) or write it to a file atomically.

    An output path that is one of the inputs is refused: the tool never writes its inputs.
    """
    if output is None or str(output) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    for source in inputs or []:
        if source.exists() and output.exists() and os.path.samefile(source, output):
            raise InputError(
                [Problem(str(output), "is one of the input files: refusing to overwrite it")]
            )
    write_atomic(output, data)
