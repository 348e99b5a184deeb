"""Parsed documents to validated catalogues and wards; catalogues read once per run."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from modelward.errors import InputError, Issue, Loc, Problem
from modelward.limits import MAX_BYTES
from modelward.loading.catalogues import AmbiguousReference, Finder, default_catalogue
from modelward.loading.positions import Document
from modelward.loading.problems import validation_issues
from modelward.loading.yamlwalk import parse
from modelward.messages import Message, Text, shown
from modelward.models import (
    CATALOGUE_KEYS,
    WARD_KEYS,
    Catalogue,
    PeriodData,
    Replaces,
    Ward,
    split_reference,
)
from modelward.periods import Period


@dataclass(slots=True)
class LoadedCatalogue:
    """A validated catalogue and where it came from."""

    path: Path
    model: Catalogue
    doc: Document
    warnings: list[Problem] = field(default_factory=list)
    """What was said without failing: the catalogue it replaces could not be found."""


@dataclass(slots=True)
class LoadedWard:
    """A validated ward file, checked against its catalogue, with its figures as numbers."""

    path: Path
    model: Ward
    catalogue: LoadedCatalogue
    periods: dict[Period, PeriodData] = field(default_factory=dict)
    figures: dict[Period, dict[str, float]] = field(default_factory=dict)
    doc_sha256: str = ""
    """The SHA-256 of the ward file's bytes."""
    inspected: dict[Period, dict[str, float]] = field(default_factory=dict)
    """The figures each period's inspection found otherwise (only those it names)."""
    keys: dict[Period, str] = field(default_factory=dict)
    """Each period's key as the file writes it."""
    doc: Document | None = None
    """The parsed file, to place warnings at their line and column."""
    own: dict[Period, LoadedCatalogue] = field(default_factory=dict)
    """The periods scored on a catalogue of their own (a period's ``catalogue`` key)."""
    other_criteria: dict[Period, Problem] = field(default_factory=dict)
    """The periods that name another catalogue than ``--criteria``: an error where such a
    period is scored (``refuse_other_criteria``), not where only its figures are read."""

    def refuse_other_criteria(self, periods: Iterable[Period]) -> None:
        """FORMAT.md section 6: ``--criteria FILE`` that is not the catalogue a period names
        is an error naming both, for each of these periods that does."""
        found = [self.other_criteria[p] for p in periods if p in self.other_criteria]
        if found:
            raise InputError(found)

    def at_catalogue(self, period: Period, message: Text) -> Problem:
        """A problem about the catalogue a period is scored on, placed where that catalogue
        is named: ``periods.KEY.catalogue``, or the period's key where the period is on the
        file's catalogue."""
        key = self.keys.get(period)
        if self.doc is None or key is None:
            return Problem(str(self.path), message)
        data = self.periods.get(period)
        if data is not None and data.catalogue is not None:
            return self.doc.problem(Issue(("periods", key, "catalogue"), message))
        return self.doc.problem(Issue(("periods", key), message, at_key=True))

    @property
    def versions(self) -> dict[Period, Catalogue] | None:
        """Every period's catalogue, where a period is on another than the file's; else None."""
        if not self.own:
            return None
        return {p: self.catalogue_of(p).model for p in self.periods}

    def catalogue_of(self, period: Period) -> LoadedCatalogue:
        """The catalogue a period is scored on."""
        return self.own.get(period, self.catalogue)

    def period(self, key: str | Period) -> Period | None:
        """The ward's period that a key spells, if the ward has it."""
        from modelward.periods import parse_period

        wanted = key if isinstance(key, Period) else parse_period(key)
        return next((p for p in self.periods if p == wanted), None)


def kind_of(doc: Document) -> str:
    """``catalogue`` or ``ward``, told by the top-level keys; an InputError if neither fits."""
    if not isinstance(doc.data, dict):
        raise doc.fail([Issue((), Message("top_not_mapping", got=shown(doc.data)))])
    keys = set(doc.data)
    # `indicators` alone does not make a catalogue: a ward's `indicators:` block that
    # slipped to the top level must still be read (and reported) as a ward.
    if keys & CATALOGUE_KEYS - {"indicators"}:
        return "catalogue"
    if keys & WARD_KEYS:
        return "ward"
    if keys & CATALOGUE_KEYS:
        return "catalogue"
    raise doc.fail([Issue((), Message("unknown_file_kind"))])


def load_catalogue(path: Path, max_bytes: int = MAX_BYTES, linked: bool = False) -> LoadedCatalogue:
    """Read and validate a catalogue; every problem of the file at once.

    ``linked``: also check its crosswalk's old ids against the catalogue it replaces, found
    as ``ID@VERSION`` is from the catalogue's folder (``validate`` and ``criteria`` do; a
    ward's scoring does not pay for the look-up).
    """
    doc = parse(path, max_bytes)
    return catalogue_from(doc, path, CatalogueCache(max_bytes) if linked else None)


def catalogue_from(
    doc: Document, path: Path, linked: CatalogueCache | None = None
) -> LoadedCatalogue:
    """Validate a parsed document as a catalogue, every problem in one round.

    Where the shape fails, the checks across keys still run on the parts that passed
    (``checks.Parts``). ``linked``: where to find the catalogue it replaces, to check the
    crosswalk's old ids against it; None skips that check.
    """
    from modelward import checks

    if not isinstance(doc.data, dict):
        raise doc.fail([Issue((), Message("catalogue_top_not_mapping", got=shown(doc.data)))])
    try:
        model = Catalogue.model_validate(doc.data)
    except ValidationError as exc:
        issues = validation_issues(doc, exc, Catalogue)
        parts = checks.Parts.salvaged(doc.data)
        issues += checks.catalogue_issues(parts)
        if linked is not None and parts.replaces is not None:
            wrong, warned = _crosswalk(parts.replaces, parts.reference, path, linked)
            issues += wrong + warned
        raise doc.fail(issues) from None
    issues = checks.catalogue_issues(model)
    warnings: list[Issue] = []
    if linked is not None and model.replaces is not None:
        wrong, warnings = _crosswalk(model.replaces, model.reference, path, linked)
        issues += wrong
    if issues or doc.problems:
        raise doc.fail(issues + warnings)
    return LoadedCatalogue(path, model, doc, [doc.problem(w) for w in warnings])


def _crosswalk(
    replaces: Replaces, reference: str | None, path: Path, linked: CatalogueCache
) -> tuple[list[Issue], list[Issue]]:
    """The crosswalk's old ids that the catalogue it replaces lacks; and, where that
    catalogue cannot be read, one warning saying why (the check is then skipped).

    A warning, not an error: the catalogue itself scores wards as it is, and a comparison
    across the two versions still fails on its own where the old one cannot be found.
    """
    from modelward import checks

    loc: Loc = ("replaces", "catalogue")
    named = replaces.catalogue
    if named == reference:
        return [], []  # said as "cannot replace itself"
    try:
        found = linked.finder.find(named, path)
    except AmbiguousReference as exc:
        said = Message("old_catalogue_ambiguous", problem=exc.message)
        return [], [Issue(loc, Message("warning", text=said))]
    if found is None:
        said = Message("old_catalogue_not_found", reference=named)
        return [], [Issue(loc, Message("warning", text=said))]
    try:
        old = linked.get(found)
    except InputError:
        said = Message("old_catalogue_has_errors", reference=named, path=str(found))
        return [], [Issue(loc, Message("warning", text=said))]
    return checks.crosswalk_issues(replaces, old.model), []


class CatalogueCache:
    """Catalogues read in this run, by resolved path, so many wards share one read.

    A catalogue that failed is remembered too: its problems are reported once, and every
    ward that uses it gets one line pointing back at them.
    """

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._by_path: dict[Path, LoadedCatalogue | InputError] = {}
        self._resolved: dict[Path, Path] = {}
        self.max_bytes = max_bytes
        self.finder = Finder()
        """Catalogues named ``ID@VERSION``, found once per folder per run."""
        self._crosswalks: dict[tuple[Path, Path], list[Problem]] = {}

    def crosswalk_problems(self, used: list[LoadedCatalogue], for_ward: Path) -> list[Problem]:
        """The crosswalk's old ids that are not in the catalogue it replaces, where a ward's
        periods use both (no look-up: both are read already). Said in full once per run;
        every later ward gets one line pointing back at them, as a catalogue's own errors."""
        from modelward import checks

        out: list[Problem] = []
        for new in used:
            replaces = new.model.replaces
            if replaces is None:
                continue
            old = next((c for c in used if c.model.reference == replaces.catalogue), None)
            if old is None:
                continue
            key = (new.path, old.path)
            if key not in self._crosswalks:
                issues = checks.crosswalk_issues(replaces, old.model)
                self._crosswalks[key] = new.doc.fail(issues).problems if issues else []
                out += self._crosswalks[key]
            if self._crosswalks[key]:
                out += _pointer(new.path, for_ward)
        return out

    def get(self, path: Path, for_ward: Path | None = None) -> LoadedCatalogue:
        """The catalogue at this path, read once."""
        key = self._resolved.get(path)
        if key is None:  # resolving asks the file system: once per path named, not per ward
            key = self._resolved[path] = path.resolve()
        if key not in self._by_path:
            try:
                self._by_path[key] = load_catalogue(path, self.max_bytes)
            except InputError as exc:
                self._by_path[key] = exc
                # Its problems are the catalogue's; the ward gets the line every later
                # ward using it gets, so that each ward of a batch is named once.
                raise InputError([*exc.problems, *_pointer(path, for_ward, exc)]) from None
        found = self._by_path[key]
        if isinstance(found, InputError):
            raise InputError(_pointer(path, for_ward, found) or _pointer(path, path, found))
        return found

    def loaded(self) -> list[LoadedCatalogue]:
        """The catalogues read without problems so far."""
        return [c for c in self._by_path.values() if isinstance(c, LoadedCatalogue)]

    def remember(self, path: Path, doc: Document) -> LoadedCatalogue:
        """Validate an already parsed catalogue and keep it for the wards that use it."""
        key = path.resolve()
        try:
            loaded = catalogue_from(doc, path, self)
        except InputError as exc:
            self._by_path[key] = exc
            raise
        self._by_path[key] = loaded
        return loaded


def _pointer(catalogue: Path, ward: Path | None, failed: InputError | None = None) -> list[Problem]:
    """The line that tells a ward its catalogue has errors, said above it; none without a ward.

    A catalogue not read at all (missing, unreadable: no problem has a line) has no errors
    of its own to point at: the ward is told it could not be read.
    """
    if ward is None:
        return []
    unread = failed is not None and all(p.line is None for p in failed.problems)
    said = "catalogue_not_read" if unread else "catalogue_has_errors"
    return [Problem(str(ward), Message(said, path=str(catalogue)))]


def _code(issue: Issue) -> str | None:
    return issue.message.id if isinstance(issue.message, Message) else None


def _wrong_with(path: Path) -> Message | None:
    """What keeps a path from being read as a file (``not found``, ``is a folder``...), or None.

    ``Path.is_file`` raises on some names (too long, say); a name in a ward file is the
    user's to spell, so this never does.
    """
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return Message("catalogue_not_found")
    except OSError as exc:
        return Message("catalogue_unreadable", reason=exc.strerror or str(exc))
    return Message("catalogue_is_folder") if stat.S_ISDIR(status.st_mode) else None


def load_ward(
    path: Path,
    criteria: Path | None = None,
    catalogues: CatalogueCache | None = None,
    max_bytes: int = MAX_BYTES,
) -> LoadedWard:
    """Read a ward file, find its catalogue as FORMAT.md says, and check one against the other."""
    doc = parse(path, max_bytes)
    return ward_from(doc, path, criteria, catalogues or CatalogueCache(max_bytes))


def ward_from(
    doc: Document, path: Path, criteria: Path | None, catalogues: CatalogueCache
) -> LoadedWard:
    """Validate a parsed document as a ward file, against its catalogue.

    Every problem of the file is reported at once: when the file's shape is wrong in one
    period, the other periods are still checked against the catalogue.
    """
    from modelward import checks

    data = doc.data
    if not isinstance(data, dict):
        raise doc.fail([Issue((), Message("ward_top_not_mapping", got=shown(data)))])
    issues: list[Issue] = []
    model: Ward | None = None
    try:
        model = Ward.model_validate(data)
    except ValidationError as exc:
        issues += validation_issues(doc, exc, Ward)
    declared = data.get("catalogue")
    catalogue_path: Path | None
    if isinstance(declared, str) and split_reference(declared) is not None:
        found = _by_reference(declared.strip(), ("catalogue",), path, criteria, catalogues)
        if isinstance(found, Issue):
            issues.append(found)
            raise doc.fail(issues)
        catalogue_path = found
    elif criteria is not None:
        catalogue_path = criteria
    elif isinstance(declared, str) and not declared.strip():
        issues.append(
            Issue(("catalogue",), Message("catalogue_name_empty", example="../criteria.yaml"))
        )
        raise doc.fail(issues)
    elif isinstance(declared, str):
        catalogue_path = Path(os.path.normpath(path.parent / declared))
        wrong = _wrong_with(catalogue_path)
        if wrong is not None:
            message = Message(
                wrong.id, path=str(catalogue_path), written=declared, **wrong.arguments
            )
            inside = catalogue_path / "criteria.yaml"
            if wrong.id == "catalogue_is_folder" and _wrong_with(inside) is None:
                message = message.add(
                    Message("did_you_mean_path", path=str(Path(declared) / "criteria.yaml"))
                )
            issues.append(Issue(("catalogue",), message))
            raise doc.fail(issues)
    elif declared is None:
        # Nothing nearer: the shipped default, the one `new` writes (FORMAT 6: every command
        # works from any folder after pip install); outputs name the catalogue used.
        catalogue_path = default_catalogue(path)
    else:
        raise doc.fail(issues)  # a catalogue key of the wrong type is already among them
    try:
        catalogue = catalogues.get(catalogue_path, path)
    except InputError as exc:
        # The catalogue's problems, then this file's own: they are found without it.
        own = doc.fail(issues).problems if issues or doc.problems else []
        raise InputError([*exc.problems, *own]) from None
    named, failed, other = _own_catalogues(
        data.get("periods"), path, criteria, catalogue, catalogues
    )
    issues += [i for i in named.values() if isinstance(i, Issue)]
    chosen = {k: c for k, c in named.items() if isinstance(c, LoadedCatalogue)}
    checked = checks.ward_issues(
        {k: v for k, v in _periods(data).items() if k not in named or k in chosen},
        catalogue.model,
        {k: c.model for k, c in chosen.items()},
    )
    # A status on a computed criterion: its override is the fix, not a better status.
    overridden = {i.loc for i in checked.issues if _code(i) == "computed_needs_override"}
    issues = [i for i in issues if i.loc not in overridden or _code(i) != "expected_status"]
    issues += checked.issues
    used = {id(c): c for c in (catalogue, *chosen.values())}
    if len(used) > 1:
        failed += catalogues.crosswalk_problems(list(used.values()), path)
    if failed:
        placed = doc.fail(issues).problems if issues or doc.problems else []
        raise InputError([*failed, *placed])
    if issues or doc.problems or model is None:
        raise doc.fail(issues)
    periods = {p: model.periods[key] for p, key in checked.keys.items()}
    by_key = {key: doc.problem(issue) for key, issue in other.items()}
    return LoadedWard(
        path,
        model,
        catalogue,
        periods,
        checked.figures,
        doc.sha256,
        checked.inspected,
        checked.keys,
        doc,
        {
            p: chosen[key]
            for p, key in checked.keys.items()
            if key in chosen and chosen[key].model.reference != catalogue.model.reference
        },
        {p: by_key[key] for p, key in checked.keys.items() if key in by_key},
    )


def _periods(data: dict[str, object]) -> dict[object, object]:
    periods = data.get("periods")
    return periods if isinstance(periods, dict) else {}


def _by_reference(
    reference: str, loc: Loc, ward: Path, criteria: Path | None, catalogues: CatalogueCache
) -> Path | Issue:
    """The file of the catalogue ``ID@VERSION`` names, looked up as FORMAT.md section 6 says."""
    finder = catalogues.finder
    if criteria is not None:
        claim = finder.criteria(criteria)
        if claim is None or claim.reference == reference:
            return criteria  # a --criteria file that is no catalogue: reading it says why
        return Issue(
            loc,
            Message(
                "criteria_is_other", criteria=str(criteria), given=claim.reference, named=reference
            ),
        )
    try:
        found = finder.find(reference, ward)
    except AmbiguousReference as exc:
        return Issue(loc, exc.message)
    if found is not None:
        return found
    known = sorted({c.reference for c in (*finder.local(ward), *finder.shipped())})
    return Issue(
        loc,
        Message("no_catalogue_named", reference=reference, known=known or [Message("none")]),
    )


def _own_catalogues(
    periods: object,
    ward: Path,
    criteria: Path | None,
    default: LoadedCatalogue,
    catalogues: CatalogueCache,
) -> tuple[dict[object, LoadedCatalogue | Issue], list[Problem], dict[object, Issue]]:
    """The catalogue each period names for itself (by its key as written), or what is wrong
    with the name; the problems of a catalogue named that has errors of its own; and the
    periods whose catalogue is not ``--criteria`` (each is scored on the one it names, found
    as if ``--criteria`` were not given; scoring it is the error)."""
    out: dict[object, LoadedCatalogue | Issue] = {}
    failed: list[Problem] = []
    other: dict[object, Issue] = {}
    if not isinstance(periods, dict):
        return out, failed, other
    for key, data in periods.items():
        named = data.get("catalogue") if isinstance(data, dict) else None
        if not isinstance(named, str) or not named.strip():
            continue  # absent, or of the wrong type (validation says so)
        loc: Loc = ("periods", key, "catalogue")
        path: Path | Issue
        if split_reference(named) is not None:
            path = _by_reference(named.strip(), loc, ward, criteria, catalogues)
            if _code_of(path) == "criteria_is_other":
                assert isinstance(path, Issue)
                other[key] = path
                path = _by_reference(named.strip(), loc, ward, None, catalogues)
        else:
            path = Path(os.path.normpath(ward.parent / named))
            wrong = _wrong_with(path)
            if wrong is not None:
                shown_path = str(path)
                path = Issue(
                    loc, Message(wrong.id, path=shown_path, written=named, **wrong.arguments)
                )
        if isinstance(path, Issue):
            out[key] = path
            continue
        try:
            loaded = catalogues.get(path, ward)
        except InputError as exc:
            failed += exc.problems
            out[key] = Issue(loc, Message("named_catalogue_has_errors", path=str(path)))
            continue
        if criteria is not None and loaded.path != criteria:
            given = catalogues.get(criteria, ward).model.reference
            if given != loaded.model.reference:
                other[key] = Issue(
                    loc,
                    Message(
                        "criteria_is_other",
                        criteria=str(criteria),
                        given=given,
                        named=loaded.model.reference,
                    ),
                )
        out[key] = loaded if loaded.model.reference != default.model.reference else default
    return out, failed, other


def _code_of(found: Path | Issue) -> str | None:
    return _code(found) if isinstance(found, Issue) else None
