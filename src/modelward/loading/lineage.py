"""The wards a merged ward was formed from, found by id (FORMAT.md section 10).

A ward file that says ``formed: {on, from: [ids]}`` names its predecessors by id. Each is
looked for among the wards given to the command, then in the ward file's own folder: first
``<id>.yaml`` (the usual name), then any other ward file there whose ``id`` is that id. One
that cannot be found is an error at its entry in ``from``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from modelward.baselines import Lineage, Predecessor
from modelward.errors import InputError, Issue
from modelward.limits import MAX_BYTES
from modelward.loading.load import CatalogueCache, LoadedWard, load_ward
from modelward.loading.yamlwalk import parse
from modelward.messages import Message

_ID_LINE = re.compile(rb"^id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_SUFFIXES = (".yaml", ".yml")


def _declared_id(path: Path) -> str | None:
    """The ``id:`` at the top of a file, read without parsing it (None where there is none)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(MAX_BYTES)
    except OSError:
        return None
    found = _ID_LINE.search(head)
    return found.group(1).decode() if found else None


def _in_folder(folder: Path, wanted: str, exclude: Path) -> Path | None:
    """The ward file with this id in the folder: ``<id>.yaml`` first, then by its ``id:``."""
    for suffix in _SUFFIXES:
        named = folder / f"{wanted}{suffix}"
        if named.is_file() and named.resolve() != exclude:
            return named
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return None
    for entry in entries:
        if (
            entry.suffix in _SUFFIXES
            and entry.resolve() != exclude
            and entry.is_file()
            and _declared_id(entry) == wanted
        ):
            return entry
    return None


def find_predecessors(
    ward: LoadedWard,
    given: Mapping[str, LoadedWard] | None = None,
    *,
    candidates: Mapping[str, str] | None = None,
    criteria: Path | None = None,
    catalogues: CatalogueCache | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[LoadedWard]:
    """The predecessors of a formed ward, in the order its ``from`` names them.

    ``given``: the wards read from the paths given to the command, by id; ``candidates``:
    files given to the command, by the id their name spells (``<id>.yaml``), tried next;
    then the ward's own folder. Every predecessor
    that cannot be found, or names the ward itself, is reported at its entry in ``from``;
    a predecessor whose file has errors brings its own problems, then one line at the entry.
    """
    formed = ward.model.formed
    if formed is None:
        return []
    catalogues = catalogues or CatalogueCache(max_bytes)
    folder = ward.path.parent
    itself = ward.path.resolve()
    found: list[LoadedWard] = []
    issues: list[Issue] = []
    problems = []
    for index, wanted in enumerate(formed.predecessors):
        at = ("formed", "from", index)
        if wanted == ward.model.id:
            issues.append(Issue(at, Message("formed_from_itself", ward=wanted)))
            continue
        if given and wanted in given:
            found.append(given[wanted])
            continue
        named = candidates.get(wanted) if candidates else None
        path = Path(named) if named is not None else _in_folder(folder, wanted, itself)
        if path is None:
            code = "predecessor_missing_given" if given or candidates else "predecessor_missing"
            issues.append(Issue(at, Message(code, ward=wanted, folder=str(folder))))
            continue
        try:
            loaded = load_ward(path, criteria, catalogues, max_bytes)
        except InputError as exc:
            problems += exc.problems
            issues.append(Issue(at, Message("predecessor_has_errors", ward=wanted, path=str(path))))
            continue
        if loaded.model.id != wanted:  # named <id>.yaml, with another id inside
            issues.append(
                Issue(
                    at,
                    Message(
                        "predecessor_other_id", ward=wanted, path=str(path), other=loaded.model.id
                    ),
                )
            )
            continue
        found.append(loaded)
    if issues:
        doc = parse(ward.path, max_bytes)
        raise InputError([*problems, *doc.fail(issues).problems])
    return found


def lineage_of(ward: LoadedWard, predecessors: list[LoadedWard]) -> Lineage | None:
    """The pure view of a formed ward's predecessors: their ids and figures by period."""
    formed = ward.model.formed
    if formed is None:
        return None
    return Lineage(
        formed.on,
        tuple(
            Predecessor(p.model.id, {period: p.figures.get(period, {}) for period in p.periods})
            for p in predecessors
        ),
    )


def load_formed(
    path: Path,
    criteria: Path | None = None,
    max_bytes: int = MAX_BYTES,
    catalogues: CatalogueCache | None = None,
) -> tuple[LoadedWard, Lineage | None]:
    """Read a ward file and, where it was formed by merging others, its predecessors.

    ``catalogues``: catalogues already read (many wards read in turn share them)."""
    catalogues = catalogues or CatalogueCache(max_bytes)
    ward = load_ward(path, criteria, catalogues, max_bytes)
    if ward.model.formed is None:
        return ward, None
    found = find_predecessors(ward, criteria=criteria, catalogues=catalogues, max_bytes=max_bytes)
    return ward, lineage_of(ward, found)
