"""Reading input files safely: bounded in size, never written; and finding a ward's catalogue.

Kept apart from the loader so that the cache can read and hash a file without importing
YAML or pydantic.
"""

from __future__ import annotations

import errno
import os
import stat
from decimal import Decimal
from pathlib import Path

from modelward.errors import InputError, Problem
from modelward.limits import MAX_BYTES
from modelward.messages import Message


def _too_big(shown: str, size: int | None, max_bytes: int) -> InputError:
    # Decimals: numbers the message states, their thousands grouped as the language does.
    limit = Decimal(max_bytes)
    if size is None:
        return InputError([Problem(shown, Message("file_over_limit", limit=limit))])
    message = Message("file_too_big", size=Decimal(size), limit=limit)
    return InputError([Problem(shown, message)])


def read_raw(path: Path | str, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing a folder, a missing or unreadable file, or one over the limit.

    The file is only ever opened for reading. At most ``max_bytes + 1`` bytes are read, so
    a file that grows after its size was checked, or a device such as ``/dev/zero`` whose
    size says nothing, cannot take more memory than the limit.
    """
    shown = str(path)
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise InputError([Problem(shown, Message("is_a_folder"))])
        if stat.S_ISFIFO(status.st_mode) or stat.S_ISSOCK(status.st_mode):
            # Opening a named pipe waits for a writer, for ever if none comes.
            raise InputError([Problem(shown, Message("not_a_regular_file"))])
        if status.st_size > max_bytes:
            raise _too_big(shown, status.st_size, max_bytes)
        # A regular file is read in one go at its size (plus one byte, to see it grew);
        # asking for the whole limit would allocate megabytes for every small file.
        regular = stat.S_ISREG(status.st_mode)
        with open(path, "rb") as handle:
            raw = handle.read(status.st_size + 1 if regular else max_bytes + 1)
            if regular and len(raw) > status.st_size:  # it grew since: read on to the limit
                raw += handle.read(max_bytes + 1 - len(raw))
    except FileNotFoundError:
        if os.path.islink(path):  # a link whose target is gone: say where it points
            target = os.readlink(path)
            raise InputError([Problem(shown, Message("link_nowhere", target=target))]) from None
        raise InputError([Problem(shown, Message("no_such_file"))]) from None
    except PermissionError:
        raise InputError([Problem(shown, Message("permission_denied"))]) from None
    except IsADirectoryError:  # a folder that appeared after the check
        raise InputError([Problem(shown, Message("is_a_folder"))]) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link that leads back to itself
            raise InputError([Problem(shown, Message("link_loops"))]) from None
        raise InputError(
            [Problem(shown, Message("cannot_read", reason=exc.strerror or str(exc)))]
        ) from None
    except ValueError:  # a path with a NUL in it: no file can have that name
        raise InputError([Problem(shown, Message("no_such_file"))]) from None
    if len(raw) > max_bytes:
        raise _too_big(shown, None, max_bytes)
    return raw


def find_catalogue(ward_path: Path) -> Path | None:
    """The nearest ``criteria.yaml`` in the ward file's folder or a parent folder."""
    folder = ward_path.resolve().parent
    for candidate in (folder, *folder.parents):
        found = candidate / "criteria.yaml"
        if found.is_file():
            return found
    return None
