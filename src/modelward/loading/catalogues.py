"""Finding a catalogue named ``ID@VERSION`` (FORMAT.md section 6), and every catalogue in sight.

First match wins: the ``--criteria`` file if it is that catalogue; the nearest
``criteria.yaml`` (the ward file's folder or a parent) and the ``*.yaml`` catalogues of a
``catalogues/`` folder beside it; the catalogues shipped inside the installed package. Two
files found (shipped ones included) claiming one ``ID@VERSION`` with different content are
an error naming both; identical copies are one catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from modelward.messages import Message
from modelward.reading import find_catalogue, read_raw

SHIPPED_PACKAGE = "modelward.catalogues"
"""Where the installed package keeps its catalogues (the repository's criteria.yaml among them)."""


SHIPPED_DEFAULT = "cand-model-ward-2024.yaml"
"""The shipped copy of the repository's criteria.yaml: the catalogue used where none is near."""


def default_catalogue(near: Path) -> Path:
    """The nearest criteria.yaml to a file (a file in the folder, or the folder's own), else
    the shipped copy of the repository's: every command works from any folder."""
    found = find_catalogue(near)
    return found if found is not None else shipped_folder() / SHIPPED_DEFAULT


def shipped_folder() -> Path:
    """The folder of the catalogues shipped with the package."""
    return Path(str(resources.files(SHIPPED_PACKAGE)))


@dataclass(frozen=True, slots=True)
class Claim:
    """A file that says it is a catalogue: its ``ID@VERSION`` and where it is."""

    reference: str
    path: Path
    place: str
    """``criteria``, ``local`` or ``shipped``: which step of the lookup found it."""
    content: bytes


def _claim(path: Path, place: str) -> Claim | None:
    """The ``ID@VERSION`` a file says it is, read cheaply (only its top-level keys)."""
    try:
        raw = read_raw(path)
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:  # a file that cannot be read or parsed claims nothing
        return None
    if not isinstance(data, dict) or "groups" not in data:
        return None
    ident, version = data.get("id"), data.get("version")
    if not isinstance(ident, str) or isinstance(version, bool) or version is None:
        return None
    return Claim(f"{ident}@{version}", path, place, raw)


def _yaml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError:
        return []


class AmbiguousReference(LookupError):
    """Two files found claim the same ``ID@VERSION`` with different content."""

    def __init__(self, reference: str, first: Path, second: Path) -> None:
        self.message = Message(
            "two_files_claim", reference=reference, first=str(first), second=str(second)
        )
        super().__init__(str(self.message))


class Finder:
    """The catalogues a run can find by ``ID@VERSION``, each folder listed once per run."""

    def __init__(self) -> None:
        self._local: dict[Path, list[Claim]] = {}
        self._shipped: list[Claim] | None = None
        self._criteria: dict[Path, Claim | None] = {}

    def local(self, ward_path: Path) -> list[Claim]:
        """The nearest criteria.yaml to a ward file and the catalogues/ folder beside it."""
        found = find_catalogue(ward_path)
        folder = found.parent if found is not None else _catalogues_folder(ward_path)
        if folder is None:
            return []
        if folder not in self._local:
            files = [folder / "criteria.yaml"] if found is not None else []
            files += _yaml_files(folder / "catalogues")
            self._local[folder] = [c for f in files if (c := _claim(f, "local")) is not None]
        return self._local[folder]

    def shipped(self) -> list[Claim]:
        """The catalogues shipped with the package."""
        if self._shipped is None:
            self._shipped = [
                c for f in _yaml_files(shipped_folder()) if (c := _claim(f, "shipped")) is not None
            ]
        return self._shipped

    def criteria(self, path: Path) -> Claim | None:
        """What a ``--criteria`` file claims to be."""
        if path not in self._criteria:
            self._criteria[path] = _claim(path, "criteria")
        return self._criteria[path]

    def find(self, reference: str, ward_path: Path) -> Path | None:
        """The file of a catalogue named ``ID@VERSION``, or None; AmbiguousReference when two
        files found claim it with different content, wherever each was found (an edited copy
        beside the wards does not silently override the shipped one; an identical copy, the
        repository's criteria.yaml and its shipped twin, is fine)."""
        matching = [
            c for c in (*self.local(ward_path), *self.shipped()) if c.reference == reference
        ]
        for other in matching[1:]:
            if other.content != matching[0].content:
                raise AmbiguousReference(reference, matching[0].path, other.path)
        return matching[0].path if matching else None

    def every(self, start: Path) -> list[Claim]:
        """Every catalogue found from a folder, nearest first, shipped last."""
        return [*self.local(start / "_"), *self.shipped()]


def home_for(ward_path: Path) -> Path:
    """The ``catalogues/`` folder where a catalogue put for a ward file is found by name:
    beside the nearest criteria.yaml, else the nearest existing ``catalogues/`` folder, else
    one in the ward file's own folder (to be made)."""
    found = find_catalogue(ward_path)
    base = found.parent if found is not None else _catalogues_folder(ward_path)
    return (base or ward_path.resolve().parent) / "catalogues"


def not_found_from(reference: str, given: Path, ward_path: Path) -> Message | None:
    """Why ``ID@VERSION`` (the catalogue of the file ``given``) would not name that catalogue
    from a ward file at ``ward_path``, and where to put a copy so that it does; None when it
    would. ``new`` writes the name, never a path (FORMAT.md section 6), so it says this."""
    from modelward.reading import read_raw

    try:
        found = Finder().find(reference, ward_path)
    except AmbiguousReference as exc:
        return Message("warning", text=exc.message)
    content = _claim(given, "criteria")
    if found is not None and (content is None or read_raw(found) == content.content):
        return None
    home = home_for(ward_path)
    copy = home / (reference.replace("@", "-") + ".yaml")
    if found is not None:
        return Message(
            "new_catalogue_other", reference=reference, given=str(given), found=str(found)
        )
    return Message(
        "new_catalogue_not_here",
        reference=reference,
        given=_shown(given),
        folder=_shown(home),
        copy=_shown(copy),
    )


def _shown(path: Path) -> str:
    """A path relative to the current folder where it is under it, else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _catalogues_folder(ward_path: Path) -> Path | None:
    """The nearest folder with a ``catalogues/`` folder, where there is no criteria.yaml."""
    folder = ward_path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / "catalogues").is_dir():
            return candidate
    return None
