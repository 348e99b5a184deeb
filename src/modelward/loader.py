"""YAML files to validated models; every ``PATH:LINE:COL`` a user sees is made here.

The file is composed into PyYAML nodes with the C parser, then walked once into plain data
(catching what a plain loader lets through: repeated keys, unsafe tags, alias bombs). The
nodes are kept beside the data; positions are looked up in them only when there is a
problem to place, so the happy path pays nothing for them.
"""

from __future__ import annotations

import hashlib
import math
import operator
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin, get_type_hints

import yaml
from pydantic import BaseModel, ValidationError

from modelward.errors import InputError, Issue, Loc, Problem
from modelward.limits import ALIAS_ALLOWANCE, MAX_BYTES, MAX_DEPTH
from modelward.models import CATALOGUE_KEYS, WARD_KEYS, Catalogue, PeriodData, Ward
from modelward.periods import Period
from modelward.reading import find_catalogue, read_raw

try:  # libyaml is several times faster and keeps marks; the pure parser is the fallback
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader with a leaner resolver: libyaml calls it in Python for every scalar.

    Same tags as PyYAML's, without the path resolvers that a safe loader never has, which
    saves a tenth of the parse on a large folder of wards.
    """

    _by_first: ClassVar[dict[str, tuple[tuple[str, re.Pattern[str]], ...]]] = {
        first: tuple(resolvers) for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    # libyaml's composer calls these two around every node, for path resolvers a safe
    # loader never has. Builtins that take the same arguments and do nothing cost no
    # Python frame: a twentieth of the parse.
    descend_resolver = staticmethod(operator.is_)  # (node, index) -> bool, ignored
    ascend_resolver = staticmethod(tuple)  # () -> (), ignored

    _plain: ClassVar[dict[str, str]] = {}
    """Tags of short plain scalars seen before: keys and statuses recur in every file."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                known = self._plain.get(value)
                if known is not None:
                    return known
                tag = _STR
                for candidate, regexp in self._by_first.get(value[:1], ()):
                    if regexp.match(value):
                        tag = str(candidate)
                        break
                if len(value) <= 32 and len(self._plain) < 65_536:
                    self._plain[value] = tag
                return tag
            return _STR
        if kind is yaml.SequenceNode:
            return str(self.DEFAULT_SEQUENCE_TAG)
        return str(self.DEFAULT_MAPPING_TAG)


_T = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _T + "str", _T + "map", _T + "seq"
_MERGE = _T + "merge"
_SCALAR_TAGS = frozenset(_T + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_INT = _T + "int"
_NUMBER_TAGS = frozenset({_INT, _T + "float"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab"
_INVISIBLE = {
    "\u00a0": "a non-breaking space, as pasted from Word or a web page",
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2007": "a figure space",
    "\u202f": "a narrow non-breaking space",
    "\u2060": "a word joiner",
    "\u3000": "an ideographic space",
    "\ufeff": "a byte-order mark",
}
"""Characters that look like nothing (or like a space) but make a key another key."""
_LINE_BREAKS = {
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u0085": "a next-line character (NEL)",
}
"""Characters YAML counts as line breaks and editors do not: every line number after one
would be off, so they are refused where they stand."""


@dataclass(slots=True)
class Document:
    """A parsed YAML file: its plain data and the node tree that knows every position."""

    path: str
    data: Any
    root: yaml.Node
    problems: list[tuple[yaml.Node, str]] = field(default_factory=list)
    """Problems the walk found (repeated keys, refused tags), at their nodes."""
    sha256: str = ""
    """The SHA-256 of the file's bytes, for provenance and the cache."""

    def problem(self, issue: Issue) -> Problem:
        """Place an issue at the line and column of the key or value it names."""
        node, dotted, key_node = _locate(self.root, issue.loc)
        target = key_node if issue.at_key and key_node is not None else node
        return Problem(self.path, issue.message, dotted, *_position(target))

    def fail(self, issues: list[Issue]) -> InputError:
        """An error carrying every issue, in file order."""
        found = [
            Problem(self.path, message, _dotted_path(self.root, node), *_position(node))
            for node, message in self.problems
        ]
        # A value the walk refused (an unsafe tag) was not read: what validation then says
        # about it ("expected text, got nothing") is a consequence, not a second problem.
        # The same for a key refused where it stands (an invisible character in it): what
        # validation says about that key ("unknown key '\xa02024'") is the same problem.
        refused = {id(node) for node, _ in self.problems}
        issues = [i for i in issues if not refused & _placed(self.root, i.loc)]
        problems = sorted(
            [*found, *(self.problem(i) for i in issues)],
            key=lambda p: (p.line or 0, p.column or 0),
        )
        return InputError(problems)


# ---------------------------------------------------------------------------- reading


_BREAK = re.compile(r"\r\n|\r|\n")


def _line_col(before: str) -> tuple[int, int]:
    """The 1-based line and column just after some text, counting line ends as YAML does."""
    lines = _BREAK.split(before)
    return len(lines), len(lines[-1]) + 1


_SAVE_AS_UTF8 = (
    "save the file as UTF-8 (legacy Vietnamese encodings such as TCVN3, VNI or "
    "Windows-1258 are not read)"
)


def decode(raw: bytes, shown: str) -> str:
    """Bytes as text: UTF-8 only (the position of the first bad byte otherwise), NFC."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            # Notepad's "Unicode" and Excel's "Unicode text": every other byte is a NUL.
            raise InputError(
                [
                    Problem(
                        shown,
                        'not UTF-8: the file is UTF-16 ("Unicode" in Notepad); save it as UTF-8',
                        line=1,
                        column=1,
                    )
                ]
            ) from None
        # Columns count characters, as YAML's do: decode the (valid) text before the byte.
        before = raw[: exc.start].decode("utf-8-sig", "replace")
        if "\x00" in before:  # a binary file: say so, not which of its bytes came first
            raise _nul(shown, before) from None
        line, column = _line_col(before)
        raise InputError(
            [
                Problem(
                    shown,
                    f"not UTF-8: byte 0x{raw[exc.start]:02X} here is not part of a UTF-8 character; "
                    + _SAVE_AS_UTF8,
                    line=line,
                    column=column,
                )
            ]
        ) from None
    if "\x00" in text:
        raise _nul(shown, text)
    odd = next((c for c in _LINE_BREAKS if c in text), None)
    if odd is not None:
        at = min(text.index(c) for c in _LINE_BREAKS if c in text)
        line, column = _line_col(text[:at])
        raise InputError(
            [
                Problem(
                    shown,
                    f"the invisible character U+{ord(text[at]):04X} ({_LINE_BREAKS[text[at]]}) "
                    "is here; YAML would count it as a new line and editors do not: delete it",
                    line=line,
                    column=column,
                )
            ]
        )
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _nul(shown: str, text: str) -> InputError:
    line, column = _line_col(text[: text.index("\x00")])
    return InputError(
        [
            Problem(
                shown,
                "contains a NUL character: this is not a text file",
                line=line,
                column=column,
            )
        ]
    )


_EMPTY = "the file is empty: expected a catalogue or a ward file"
_TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep: a catalogue or ward file needs far fewer "
    "(is a bracket left open?)"
)


def parse(path: Path, max_bytes: int = MAX_BYTES, raw: bytes | None = None) -> Document:
    """Read and parse one YAML file into plain data, refusing what the tool must not accept.

    ``raw``: the file's bytes, when the caller has read them already (to hash them).
    """
    shown = str(path)
    if raw is None:
        raw = read_raw(path, max_bytes)
    text = decode(raw, shown)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(shown, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        raise InputError([_reader_problem(shown, exc, text)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(shown, f"YAML syntax: {exc}")]) from None
    # Only the pure-Python composer recurses this deep; libyaml stops at 1000 levels.
    except RecursionError:  # pragma: no cover - depends on how PyYAML was built
        raise InputError([Problem(shown, _TOO_DEEP)]) from None
    finally:
        loader.dispose()
    if root is None or (
        isinstance(root, yaml.ScalarNode) and root.tag == _T + "null" and root.value == ""
    ):
        # No content at all, or a lone `---`: the same mistake for whoever wrote it.
        raise InputError([Problem(shown, _EMPTY)])
    walker = _Walker(shown, budget=ALIAS_ALLOWANCE + len(text) // 4, aliases="&" in text)
    try:
        data = walker.value(root)
    except RecursionError:  # pragma: no cover - MAX_DEPTH is far below the recursion limit
        raise InputError([Problem(shown, _TOO_DEEP)]) from None
    return Document(shown, data, root, walker.problems, hashlib.sha256(raw).hexdigest())


def _reader_problem(path: str, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML refuses (a control character), at its line and column."""
    # libyaml counts the position in bytes of UTF-8; lines and columns count characters.
    at = len(text.encode("utf-8")[: int(exc.position)].decode("utf-8", "replace"))
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    line, column = _line_col(text[:at])
    return Problem(
        path,
        f"YAML syntax: the invisible character U+{code:04X} is not allowed in a YAML file; delete it",
        line=line,
        column=column,
    )


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem = exc.problem or ""
    if "maximum nesting depth" in problem:
        # libyaml's own limit (1000 levels): the same words as the walker's, lower, limit.
        return Problem(path, _TOO_DEEP, line=line, column=column)
    if "another document" in problem:
        return Problem(
            path,
            "YAML syntax: a second document starts here (---), but a modelward file holds "
            "one: remove the --- line, or split the file",
            line=line,
            column=column,
        )
    if mark is not None:
        slip = _colon_slip(text, mark.line, mark.column, problem)
        if slip is not None:
            message, at_line, at_column = slip
            return Problem(path, f"YAML syntax: {message}", line=at_line, column=at_column)
    message = exc.problem or exc.context or "cannot be read"
    if exc.context and exc.problem and exc.context_mark is not None:
        message = f"{message} ({exc.context} at line {exc.context_mark.line + 1})"
    # libyaml's message does not name the character, so look at the line itself.
    if mark is not None:
        row = _row(text, mark.line)
        here = row[max(0, mark.column - 1) : mark.column + 1]
        invisible = next((c for c in here if c in _INVISIBLE), None)
        if "\t" in _indent(row, mark.column) or row[mark.column : mark.column + 1] == "\t":
            message += "; a tab is used to indent here: YAML indents with spaces only"
        elif invisible is not None:
            message += (
                f"; the invisible character U+{ord(invisible):04X} ({_INVISIBLE[invisible]}) "
                "is here: delete it"
            )
    return Problem(path, f"YAML syntax: {message}", line=line, column=column)


_NO_SPACE = re.compile(r"^(\s*(?:- )?)([A-Za-z0-9_][^:#'\"]*?):(?![\s/])([^#]*?)\s*(?:#.*)?$")
"""A ``key:value`` line: YAML needs a space after the colon, or it is one plain string."""


_SLIP_PROBLEMS = (
    "did not find expected key",
    "could not find expected ':'",
    "mapping values are not allowed",
    "did not find expected '-' indicator",
)


def _colon_slip(text: str, line: int, column: int, problem: str) -> tuple[str, int, int] | None:
    """The two colon slips hand-editors make, which libyaml reports vaguely or a line late.

    ``C01:met`` (no space after the colon) reads as one string, and the error comes at the
    next key; ``note: Ghi chú: xong`` (a colon in unquoted text) reads as a second key.
    Returns the message and the (1-based) line and column of the slip itself.
    """
    if not any(p in problem for p in _SLIP_PROBLEMS):
        return None
    for back in range(line, max(-1, line - 3), -1):
        row = _row(text, back)
        match = _NO_SPACE.match(row)
        if match is not None and match.group(3):
            key, value = match.group(2).strip(), match.group(3).strip()
            return (
                f"no space after the colon in '{key}:{value}': write '{key}: {value}'",
                back + 1,
                len(match.group(1)) + len(match.group(2)) + 1,  # the colon
            )
    row = _row(text, line)
    if "mapping values are not allowed" in problem and row[column : column + 1] == ":":
        head, _, rest = row.partition(": ")
        if head.strip() and ": " in rest:
            key = head.strip()
            words = rest.split("#")[0].strip()
            return (
                f"a second ': ' on this line, inside the value of {key}: if the colon is part "
                f'of the text, put the text in quotes: {key}: "{words}"',
                line + 1,
                column + 1,
            )
    return None


def _row(text: str, line: int) -> str:
    """One line of the text (0-based), split where YAML splits lines."""
    lines = _BREAK.split(text)
    return lines[line] if 0 <= line < len(lines) else ""


def _indent(row: str, column: int) -> str:
    """The whitespace that starts a line, up to and including a column."""
    start = row[: column + 1]
    return start[: len(start) - len(start.lstrip(" \t"))]


def _misread(node: yaml.ScalarNode, value: object) -> str | None:
    """Why a plain number YAML 1.1 read is not the number its writer meant, if it is not.

    ``010`` is octal (8) and ``1:20`` is base 60 (80) to YAML 1.1: silently wrong figures.
    """
    text = str(node.value)
    if ":" in text:
        return (
            f"YAML 1.1 reads {text} as {value} (a base-60 number): write the number you mean, "
            f"or quote it if it is text: '{text}'"
        )
    digits = text.lstrip("+-").replace("_", "")
    if (
        node.tag == _INT
        and len(digits) > 1
        and digits[0] == "0"
        and digits.isdigit()
        and isinstance(value, int)
        and int(digits) != abs(value)
    ):
        return (
            f"YAML 1.1 reads {text} as {value} (an octal number): write {int(digits)}, "
            f"or quote it if it is text: '{text}'"
        )
    return None


_CONSTRUCTOR = yaml.SafeLoader("")
"""PyYAML's scalar constructors (int, float, bool, timestamp), shared: they keep no state
between scalars, and making a loader per file costs more than reading a small file."""


class _Walker:
    """Turns a node tree into dicts, lists and scalars in one pass, noting every problem.

    It refuses what a plain loader would let through or choke on: repeated keys, unsafe
    tags, numbers YAML 1.1 misreads, nesting deeper than ``MAX_DEPTH``, an alias that
    contains itself, and aliases that expand past a budget (every value an alias repeats
    costs one).
    """

    def __init__(self, path: str, budget: int, aliases: bool = True) -> None:
        self.path = path
        self.aliases = aliases
        """Whether the file may repeat a node: without an anchor (``&``) it cannot."""
        self.problems: list[tuple[yaml.Node, str]] = []
        self.budget = budget
        self.constructor = _CONSTRUCTOR
        self.depth = 0
        self.seen: set[int] = set()
        """Mappings and lists walked once: meeting one again is an alias being expanded."""
        self.open: set[int] = set()
        """Mappings and lists being walked: meeting one of them again is a loop."""
        self.expanding: list[yaml.Node] = []
        """The aliased mappings and lists being expanded, outermost first."""

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append((node, message))

    def _stop(self, node: yaml.Node, message: str) -> InputError:
        """One problem that ends the walk: nothing after it could be read sensibly."""
        return InputError([Problem(self.path, message, "", *_position(node))])

    def value(self, node: yaml.Node) -> Any:
        if self.expanding:
            self.budget -= 1
            if self.budget < 0:
                raise self._stop(
                    self.expanding[0],
                    "too many aliases: the anchor here is repeated so often that the file "
                    "would expand far beyond its size",
                )
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            text = node.value
            if tag == _INT and text.isdigit() and (text[0] != "0" or len(text) == 1):
                return int(text)  # the common count, plainly decimal: nothing to misread
            if tag in _SCALAR_TAGS:
                try:
                    value = self.constructor.yaml_constructors[tag](self.constructor, node)
                except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
                    # A date that is none (2024-02-30), or an explicit tag on the wrong text.
                    if tag == _T + "timestamp":
                        reason = f" ({exc})" if isinstance(exc, ValueError) else ""
                        self._problem(node, f"{node.value} is not a real date{reason}")
                    else:
                        self._problem(node, f"{node.value!r} cannot be read as {_short_tag(tag)}")
                    return None
                if tag in _NUMBER_TAGS and not node.style:  # plain: None, or "" from libyaml
                    misread = _misread(node, value)
                    if misread is not None:
                        self._problem(node, misread)
                        return None
                return value
            self._problem(node, f"YAML tag {_short_tag(tag)} is not allowed here")
            return None
        key = id(node)
        if self.aliases and key in self.open:
            self._problem(
                node, "this value holds an alias to itself (*name inside &name): it would never end"
            )
            return None
        if self.depth >= MAX_DEPTH:
            raise self._stop(node, _TOO_DEEP)
        again = False
        if self.aliases:  # only a file with an anchor (&) can repeat a node
            again = key in self.seen
            self.seen.add(key)
            self.open.add(key)
            if again:
                self.expanding.append(node)
        self.depth += 1
        out: Any
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                self._problem(node, f"YAML tag {_short_tag(tag)} is not allowed here")
            out = [self.value(item) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                self._problem(node, f"YAML tag {_short_tag(tag)} is not allowed here")
            out = self._mapping(node)
        else:  # pragma: no cover - PyYAML has no other node kind
            raise AssertionError(f"unknown node {node!r}")
        if again:
            self.expanding.pop()
        self.depth -= 1
        if self.aliases:
            self.open.discard(key)
        return out

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        plain = not self.expanding  # no alias budget to count: a text value is taken as it is
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                self._problem(key_node, "a key must be a plain value, not a list or mapping")
                continue
            if key_node.tag == _MERGE:
                self._problem(key_node, "merge keys (<<) are not supported: write the keys out")
                continue
            key = key_node.value
            if not key.isascii():
                odd = next((c for c in key if c in _INVISIBLE), None)
                if odd is not None:
                    self._problem(
                        key_node,
                        f"the key {key!r} holds the invisible character U+{ord(odd):04X} "
                        f"({_INVISIBLE[odd]}): retype the key",
                    )
            if key in out:
                first = _first_key(node, key).start_mark
                self._problem(
                    key_node,
                    f"key {key!r} is repeated (first at line {first.line + 1}); "
                    "a plain YAML reader would silently keep only the last one",
                )
                continue
            if plain and value_node.tag == _STR and value_node.__class__ is yaml.ScalarNode:
                out[key] = value_node.value  # the common case of value(), without the call
            else:
                out[key] = self.value(value_node)
        return out


def _first_key(node: yaml.MappingNode, key: str) -> yaml.Node:
    """The first key node of a mapping that reads ``key`` (only looked up for a message)."""
    return next(
        k
        for k, _ in node.value
        if k.__class__ is yaml.ScalarNode and k.tag != _MERGE and k.value == key
    )


def _placed(root: yaml.Node, loc: Loc) -> set[int]:
    """The ids of the value node and of the key node a data path leads to."""
    node, _, key_node = _locate(root, loc)
    return {id(node)} if key_node is None else {id(node), id(key_node)}


def _position(node: yaml.Node) -> tuple[int, int]:
    """A node's 1-based line and column."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _dotted_path(root: yaml.Node, target: yaml.Node) -> str:
    """The dotted data path of a node (a key node names its own key); searched only on error."""
    stack: list[tuple[yaml.Node, tuple[str, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return ".".join(path)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                step = (*path, _visible(key.value) if isinstance(key, yaml.ScalarNode) else "?")
                if key is target:
                    return ".".join(step)
                stack.append((value, step))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, str(i))) for i, item in enumerate(node.value))
    return ""


_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in (*_INVISIBLE, *_LINE_BREAKS)}


def _visible(segment: str) -> str:
    """A key as a dotted path shows it: an invisible character spelt out."""
    return segment if segment.isascii() else segment.translate(_ESCAPES)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


def _locate(root: yaml.Node, loc: Loc) -> tuple[yaml.Node, str, yaml.Node | None]:
    """The node a data path names, its dotted spelling, and the key node it hangs from.

    Segments that do not navigate (pydantic's union tags, or a missing field) are skipped
    in the walk; a missing field is still named in the dotted path, at its parent.
    """
    node: yaml.Node = root
    key_node: yaml.Node | None = None
    parts: list[str] = []
    for i, seg in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(seg):
                    node, key_node = v, k
                    parts.append(_visible(str(seg)))
                    break
            else:
                if i == len(loc) - 1 and isinstance(seg, str):
                    parts.append(seg)  # a missing key: name it, point at its parent
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(seg, int)
            and 0 <= seg < len(node.value)
        ):
            node = node.value[seg]
            parts.append(str(seg))
    return node, ".".join(parts), key_node


def _child(node: yaml.Node, seg: str | int) -> yaml.Node | None:
    """The node one step of a data path leads to from a node, if the file has it."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(seg):
                found: yaml.Node = v
                return found
    elif isinstance(node, yaml.SequenceNode) and isinstance(seg, int):
        items: list[yaml.Node] = node.value
        return items[seg] if 0 <= seg < len(items) else None
    return None


def _file_loc(root: yaml.Node, loc: Loc, kind: str) -> Loc:
    """The steps of a pydantic ``loc`` that are places in the file: union tags dropped.

    A tag names a union member (``comparison``, ``constrained-str``, ``[key]``), not a
    key; the rule tags ``all`` and ``any`` are spelt like the list field they select, so a
    step into a list is a tag too when a key follows it (no key can index a list). A missing
    field (the last step of a ``missing`` error) is kept so that the message can name it.
    """
    node, out = root, []
    for i, seg in enumerate(loc):
        nxt = _child(node, seg)
        if nxt is None:
            if kind == "missing" and i == len(loc) - 1:
                out.append(seg)
            continue
        after = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(nxt, yaml.SequenceNode) and isinstance(after, str):
            continue
        node = nxt
        out.append(seg)
    return tuple(out)


_TYPE_ERRORS = frozenset(
    {"string_type", "dict_type", "model_type", "model_attributes_type", "list_type", "tuple_type"}
    | {"float_type", "int_type", "bool_type", "literal_error"}
)
"""Errors that only say a value has the wrong shape for one member of a union."""


def scalar_text(root: yaml.Node, loc: Loc) -> str | None:
    """The text of the scalar at a data path as written in the file, if it is a scalar."""
    node, _, _ = _locate(root, loc)
    return node.value if isinstance(node, yaml.ScalarNode) else None


# ---------------------------------------------------------------------------- validation


def validation_issues(doc: Document, exc: ValidationError, model: type[BaseModel]) -> list[Issue]:
    """Pydantic's errors in words a person editing the file understands, one per place."""
    issues: list[Issue] = []
    placed: set[Loc] = set()
    errors = exc.errors(include_url=False)
    locs = [_file_loc(doc.root, tuple(err["loc"]), err["type"]) for err in errors]
    for err, loc in zip(errors, locs, strict=True):
        raw: Loc = tuple(err["loc"])
        kind = err["type"]
        if kind in _TYPE_ERRORS and any(len(o) > len(loc) and o[: len(loc)] == loc for o in locs):
            continue  # a union member the value does not fit; the one it fits says what is wrong
        if loc in placed:
            continue  # the other members of a union said the same thing at the same place
        placed.add(loc)
        if kind == "extra_forbidden":
            key = str(raw[-1])
            message = f"unknown key {key!r}"
            known = _fields_at(model, raw[:-1])
            if known:
                close = get_close_matches(key, known, n=1, cutoff=0.6)
                message += f" (did you mean {close[0]!r}?)" if close else ""
                message += f"; expected one of: {', '.join(known)}"
                if not close and key in _BELONGS:
                    message += f" ({key} belongs {_BELONGS[key]}: is it indented too little?)"
            issues.append(Issue(loc, message, at_key=True))
            continue
        issues.append(Issue(loc, _message(err, doc, loc), at_key=raw[-1:] == ("[key]",)))
    return issues


# Keys that are right somewhere else: found one level too high, the indentation slipped.
_BELONGS = {
    **dict.fromkeys(
        ("indicators", "criteria", "assessed_on", "assessed_by", "catalogue_version"),
        "under a period (periods: 2024: ...)",
    ),
    **dict.fromkeys(("status", "evidence", "override"), "under a criterion (criteria: C01: ...)"),
    **dict.fromkeys(("city", "province", "district"), "under area"),
    **dict.fromkeys(("rule", "weight", "guidance"), "under a criterion of a group"),
}


def _message(err: Any, doc: Document, loc: Loc) -> str:
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        if isinstance(loc[-1], int):
            return f"expected at least {loc[-1] + 1} items"
        return f"missing required key {loc[-1]!r}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        message = f"expected {expected}, got {_show(value)}"
    elif kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")) == "^[a-z]{2,3}$":
            message = f"expected a language code such as vi or en, got {_show(value)}"
        elif "a-z0-9][a-z0-9-" in str(ctx.get("pattern", "")):
            message = (
                f"expected an id of lowercase letters, digits and hyphens (like tao-xuyen), "
                f"got {_show(value)}"
            )
        else:
            message = f"expected an id of letters, digits, '_', '-' or '.', got {_show(value)}"
    elif kind in ("string_type", "str_type"):
        message = f"expected text, got {_show(value)}"
    elif kind in ("float_type", "float_parsing", "int_type", "int_parsing"):
        message = f"expected a number, got {_show(value)}"
    elif kind == "finite_number":
        message = f"expected a finite number, got {_show(value)}"
    elif kind == "greater_than":
        message = f"must be greater than {ctx.get('gt')}, got {_show(value)}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"must be {word} {bound}, got {_show(value)}"
    elif kind in ("too_short", "string_too_short"):
        message = "must not be empty"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"expected a mapping (key: value), got {_show(value)}"
    elif kind in ("list_type", "tuple_type"):
        message = f"expected a list, got {_show(value)}"
    elif kind in ("too_long",):
        message = f"expected at most {ctx.get('max_length')} items"
    elif kind.startswith("date"):
        message = f"expected a date such as 2025-01-15, got {_show(value)}"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    elif kind == "union_tag_invalid":
        message = f"expected a rule, got {_show(value)}"
    else:
        msg = str(err["msg"])
        message = msg[:1].lower() + msg[1:]
    if isinstance(value, bool):
        written = scalar_text(doc.root, loc)
        if written is not None and written.lower() in _YAML11_BOOLS:
            read = f"YAML reads {written} as {'true' if value else 'false'}"
            # Quoting helps only where text is expected; a number quoted is still no number.
            wants_number = message.startswith("expected a number")
            message += f" ({read})" if wants_number else f" ({read}; write it quoted: '{written}')"
    if isinstance(value, str) and value and value[0] in _CURLY_QUOTES:
        # Word and phones "smarten" quotes; YAML reads the curly ones as part of the text.
        message += " (curly quotes are text to YAML: use straight quotes \" or ')"
    return message


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return {math.inf: ".inf", -math.inf: "-.inf"}.get(value, ".nan")
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _candidates(annotation: Any) -> Iterator[Any]:
    """The concrete types an annotation can take: Annotated, Optional and unions unwrapped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _candidates(get_args(annotation)[0])
    elif origin is Union or origin is UnionType:
        for arg in get_args(annotation):
            yield from _candidates(arg)
    else:
        yield annotation


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed in the mapping a data path names, by walking the model's types."""
    current: list[Any] = [model]
    for seg in loc:
        nxt: list[Any] = []
        for cand in (c for a in current for c in _candidates(a)):
            if isinstance(cand, type) and issubclass(cand, BaseModel):
                if isinstance(seg, str) and seg in cand.model_fields:
                    # Type hints, not the field's annotation: that stays a forward
                    # reference for the recursive rules (``all: list[Rule]``).
                    nxt.append(get_type_hints(cand, include_extras=True)[seg])
            elif get_origin(cand) in (list, tuple) and isinstance(seg, int):
                nxt.extend(get_args(cand)[:1])
            elif get_origin(cand) is dict and isinstance(seg, str):
                nxt.append(get_args(cand)[1])
        current = nxt or current  # a union tag or a short form: stay where we are
    fields: list[str] = []
    for cand in (c for a in current for c in _candidates(a)):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            fields.extend(f for f in cand.model_fields if f not in fields)
    return fields


# ---------------------------------------------------------------------------- documents


@dataclass(slots=True)
class LoadedCatalogue:
    """A validated catalogue and where it came from."""

    path: Path
    model: Catalogue
    doc: Document


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

    def period(self, key: str | Period) -> Period | None:
        """The ward's period that a key spells, if the ward has it."""
        from modelward.periods import parse_period

        wanted = key if isinstance(key, Period) else parse_period(key)
        return next((p for p in self.periods if p == wanted), None)


def kind_of(doc: Document) -> str:
    """``catalogue`` or ``ward``, told by the top-level keys; an InputError if neither fits."""
    if not isinstance(doc.data, dict):
        raise doc.fail(
            [
                Issue(
                    (),
                    f"expected a mapping at the top (a catalogue or a ward file), got {_show(doc.data)}",
                )
            ]
        )
    keys = set(doc.data)
    # `indicators` alone does not make a catalogue: a ward's `indicators:` block that
    # slipped to the top level must still be read (and reported) as a ward.
    if keys & CATALOGUE_KEYS - {"indicators"}:
        return "catalogue"
    if keys & WARD_KEYS:
        return "ward"
    if keys & CATALOGUE_KEYS:
        return "catalogue"
    raise doc.fail(
        [
            Issue(
                (),
                "cannot tell what this file is: a catalogue has groups and verdicts, "
                "a ward file has name and periods",
            )
        ]
    )


def load_catalogue(path: Path, max_bytes: int = MAX_BYTES) -> LoadedCatalogue:
    """Read and validate a catalogue; every problem of the file at once."""
    doc = parse(path, max_bytes)
    return catalogue_from(doc, path)


def catalogue_from(doc: Document, path: Path) -> LoadedCatalogue:
    """Validate a parsed document as a catalogue."""
    from modelward import checks

    if not isinstance(doc.data, dict):
        raise doc.fail(
            [Issue((), f"expected a catalogue mapping at the top, got {_show(doc.data)}")]
        )
    try:
        model = Catalogue.model_validate(doc.data)
    except ValidationError as exc:
        raise doc.fail(validation_issues(doc, exc, Catalogue)) from None
    issues = checks.catalogue_issues(model)
    if issues or doc.problems:
        raise doc.fail(issues)
    return LoadedCatalogue(path, model, doc)


class CatalogueCache:
    """Catalogues read in this run, by resolved path, so many wards share one read.

    A catalogue that failed is remembered too: its problems are reported once, and every
    ward that uses it gets one line pointing back at them.
    """

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._by_path: dict[Path, LoadedCatalogue | InputError] = {}
        self._resolved: dict[Path, Path] = {}
        self.max_bytes = max_bytes

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
                raise
        found = self._by_path[key]
        if isinstance(found, InputError):
            where = str(for_ward) if for_ward is not None else str(path)
            raise InputError([Problem(where, f"its catalogue {path} has errors (listed above)")])
        return found

    def loaded(self) -> list[LoadedCatalogue]:
        """The catalogues read without problems so far."""
        return [c for c in self._by_path.values() if isinstance(c, LoadedCatalogue)]

    def remember(self, path: Path, doc: Document) -> LoadedCatalogue:
        """Validate an already parsed catalogue and keep it for the wards that use it."""
        key = path.resolve()
        try:
            loaded = catalogue_from(doc, path)
        except InputError as exc:
            self._by_path[key] = exc
            raise
        self._by_path[key] = loaded
        return loaded


def _wrong_with(path: Path) -> str | None:
    """What keeps a path from being read as a file (``not found``, ``is a folder``...), or None.

    ``Path.is_file`` raises on some names (too long, say); a name in a ward file is the
    user's to spell, so this never does.
    """
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return "not found"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    return "is a folder" if stat.S_ISDIR(status.st_mode) else None


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
        raise doc.fail([Issue((), f"expected a ward mapping at the top, got {_show(data)}")])
    issues: list[Issue] = []
    model: Ward | None = None
    try:
        model = Ward.model_validate(data)
    except ValidationError as exc:
        issues += validation_issues(doc, exc, Ward)
    declared = data.get("catalogue")
    catalogue_path: Path | None
    if criteria is not None:
        catalogue_path = criteria
    elif isinstance(declared, str) and not declared.strip():
        issues.append(
            Issue(("catalogue",), "expected the catalogue's file name, such as ../criteria.yaml")
        )
        raise doc.fail(issues)
    elif isinstance(declared, str):
        catalogue_path = Path(os.path.normpath(path.parent / declared))
        wrong = _wrong_with(catalogue_path)
        if wrong is not None:
            message = f"catalogue {wrong}: {catalogue_path}"
            if wrong == "is a folder" and _wrong_with(catalogue_path / "criteria.yaml") is None:
                message += f"; did you mean {Path(declared) / 'criteria.yaml'}?"
            issues.append(Issue(("catalogue",), message))
            raise doc.fail(issues)
    elif declared is None:
        catalogue_path = find_catalogue(path)
        if catalogue_path is None:
            issues.append(
                Issue(
                    (),
                    "no criteria.yaml in the ward file's folder or any parent folder; "
                    "name one with --criteria FILE or the ward's catalogue key",
                )
            )
            raise doc.fail(issues)
    else:
        raise doc.fail(issues)  # a catalogue key of the wrong type is already among them
    try:
        catalogue = catalogues.get(catalogue_path, path)
    except InputError as exc:
        # The catalogue's problems, then this file's own: they are found without it.
        own = doc.fail(issues).problems if issues or doc.problems else []
        raise InputError([*exc.problems, *own]) from None
    checked = checks.ward_issues(data.get("periods"), catalogue.model)
    issues += checked.issues
    if issues or doc.problems or model is None:
        raise doc.fail(issues)
    periods = {p: model.periods[key] for p, key in checked.keys.items()}
    return LoadedWard(path, model, catalogue, periods, checked.figures, doc.sha256)
