"""Finding the ward files under the paths a user names, each once, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


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
    """The ``*.yaml`` and ``*.yml`` files below a folder (links to folders not followed).

    A link that cannot be followed because it loops (or a folder on its way cannot be
    entered), or that points nowhere, is found like a file, so that reading it reports it;
    one entry never hides the rest of its folder.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return  # a folder that cannot be listed is passed over, as rglob does
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # from the listing: no stat
            _yaml_below(entry.path, found, links)
        elif os.path.splitext(entry.name)[1] in (".yaml", ".yml"):
            try:
                # A link that points nowhere is found too, so that reading it reports it.
                dangling = entry.is_symlink() and not os.path.exists(entry.path)
                if not dangling and not entry.is_file():  # from the listing, unless a link
                    continue
            except OSError:
                pass  # a link that loops: read with the others, and reported
            found.append(entry.path)
            if links is not None and entry.is_symlink():
                links.add(entry.path)
