"""Decoding a file and walking its YAML nodes once into plain data, refusing what must not pass."""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from pathlib import Path
from typing import Any, ClassVar

import yaml

from modelward.errors import InputError, Problem
from modelward.limits import ALIAS_ALLOWANCE, MAX_BYTES, MAX_DEPTH
from modelward.loading.characters import INVISIBLE, LINE_BREAKS
from modelward.loading.positions import Document, line_col, position
from modelward.loading.problems import TOO_DEEP, reader_problem, syntax_problem
from modelward.messages import Message, Text
from modelward.models import CommaSplit, Written
from modelward.reading import read_raw

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
                        Message("utf16"),
                        line=1,
                        column=1,
                    )
                ]
            ) from None
        # Columns count characters, as YAML's do: decode the (valid) text before the byte.
        before = raw[: exc.start].decode("utf-8-sig", "replace")
        if "\x00" in before:  # a binary file: say so, not which of its bytes came first
            raise _nul(shown, before) from None
        line, column = line_col(before)
        raise InputError(
            [
                Problem(
                    shown,
                    Message("not_utf8", byte=f"0x{raw[exc.start]:02X}"),
                    line=line,
                    column=column,
                )
            ]
        ) from None
    if "\x00" in text:
        raise _nul(shown, text)
    odd = next((c for c in LINE_BREAKS if c in text), None)
    if odd is not None:
        at = min(text.index(c) for c in LINE_BREAKS if c in text)
        line, column = line_col(text[:at])
        raise InputError(
            [
                Problem(
                    shown,
                    Message(
                        "line_break_character",
                        code=f"U+{ord(text[at]):04X}",
                        name=Message(LINE_BREAKS[text[at]]),
                    ),
                    line=line,
                    column=column,
                )
            ]
        )
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _nul(shown: str, text: str) -> InputError:
    line, column = line_col(text[: text.index("\x00")])
    return InputError(
        [
            Problem(
                shown,
                Message("nul_character"),
                line=line,
                column=column,
            )
        ]
    )


_EMPTY = Message("file_empty")


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
        raise InputError([syntax_problem(shown, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        raise InputError([reader_problem(shown, exc, text)]) from None
    except yaml.YAMLError as exc:
        raise InputError(
            [Problem(shown, Message("yaml_syntax", problem=Message("yaml_other", text=str(exc))))]
        ) from None
    # Only the pure-Python composer recurses this deep; libyaml stops at 1000 levels.
    except RecursionError:  # pragma: no cover - depends on how PyYAML was built
        raise InputError([Problem(shown, TOO_DEEP)]) from None
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
        raise InputError([Problem(shown, TOO_DEEP)]) from None
    return Document(shown, data, root, walker.problems, hashlib.sha256(raw).hexdigest())


_SPELT = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+\.\d*0$")
"""Numbers whose spelling says more than their value: thousands grouped by a dot (12.000),
or trailing zeros (12.0)."""
_DATE_UNIT = re.compile(r"^(year|month|day|hour|minute|second) must be in (\d+)\.\.(\d+)$")


def _date_reason(exc: ValueError) -> Message:
    """Why datetime refused a date, in words of the catalogue."""
    said = str(exc)
    if said == "day is out of range for month":
        reason = Message("date_day_out_of_range")
    elif (unit := _DATE_UNIT.match(said)) is not None:
        reason = Message(
            "date_unit_range", unit=Message(f"unit_{unit[1]}"), low=unit[2], high=unit[3]
        )
    else:
        reason = Message("yaml_other", text=said)
    return Message("date_reason", reason=reason)


def _misread(node: yaml.ScalarNode, value: object) -> Message | None:
    """Why a plain number YAML 1.1 read is not the number its writer meant, if it is not.

    ``010`` is octal (8) and ``1:20`` is base 60 (80) to YAML 1.1: silently wrong figures.
    """
    text = str(node.value)
    if ":" in text:
        return Message("yaml_base60", written=text, value=value)
    digits = text.lstrip("+-").replace("_", "")
    if (
        node.tag == _INT
        and len(digits) > 1
        and digits[0] == "0"
        and digits.isdigit()
        and isinstance(value, int)
        and int(digits) != abs(value)
    ):
        return Message("yaml_octal", written=text, value=value, fixed=int(digits))
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
        self.problems: list[tuple[yaml.Node, Text]] = []
        self.budget = budget
        self.constructor = _CONSTRUCTOR
        self.depth = 0
        self.seen: set[int] = set()
        """Mappings and lists walked once: meeting one again is an alias being expanded."""
        self.open: set[int] = set()
        """Mappings and lists being walked: meeting one of them again is a loop."""
        self.expanding: list[yaml.Node] = []
        """The aliased mappings and lists being expanded, outermost first."""

    def _problem(self, node: yaml.Node, message: Message) -> None:
        self.problems.append((node, message))

    def _stop(self, node: yaml.Node, message: Message) -> InputError:
        """One problem that ends the walk: nothing after it could be read sensibly."""
        return InputError([Problem(self.path, message, "", *position(node))])

    def value(self, node: yaml.Node) -> Any:
        if self.expanding:
            self.budget -= 1
            if self.budget < 0:
                raise self._stop(
                    self.expanding[0],
                    Message("alias_bomb"),
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
                        reason = _date_reason(exc) if isinstance(exc, ValueError) else ""
                        self._problem(
                            node, Message("not_a_real_date", written=node.value, reason=reason)
                        )
                    else:
                        self._problem(
                            node,
                            Message("cannot_be_read_as", written=node.value, tag=_short_tag(tag)),
                        )
                    return None
                if tag in _NUMBER_TAGS and not node.style:  # plain: None, or "" from libyaml
                    misread = _misread(node, value)
                    if misread is not None:
                        self._problem(node, misread)
                        return None
                    if type(value) is float and _SPELT.match(text):
                        return Written(value, text)  # 12.000: twelve thousand to its writer?
                return value
            self._problem(node, Message("tag_not_allowed", tag=_short_tag(tag)))
            return None
        key = id(node)
        if self.aliases and key in self.open:
            self._problem(node, Message("alias_loop"))
            return None
        if self.depth >= MAX_DEPTH:
            raise self._stop(node, TOO_DEEP)
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
                self._problem(node, Message("tag_not_allowed", tag=_short_tag(tag)))
            out = [self.value(item) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                self._problem(node, Message("tag_not_allowed", tag=_short_tag(tag)))
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
        pairs = node.value
        split = _comma_splits(pairs) if node.flow_style and len(pairs) > 1 else {}
        for at, (key_node, value_node) in enumerate(pairs):
            if at in split:
                if split[at] is None:
                    continue  # a blank key a comma made: joined to the figure before it
                out[key_node.value] = split[at]
                continue
            if key_node.__class__ is not yaml.ScalarNode:
                self._problem(key_node, Message("key_not_plain"))
                continue
            if key_node.tag == _MERGE:
                self._problem(key_node, Message("merge_key"))
                continue
            key = key_node.value
            if not key.isascii():
                odd = next((c for c in key if c in INVISIBLE), None)
                if odd is not None:
                    self._problem(
                        key_node,
                        Message(
                            "invisible_in_key",
                            key=key,
                            code=f"U+{ord(odd):04X}",
                            name=Message(INVISIBLE[odd]),
                        ),
                    )
            if key in out:
                first = _first_key(node, key).start_mark
                self._problem(
                    key_node,
                    Message("repeated_key", key=key, first=first.line + 1),
                )
                continue
            if plain and value_node.tag == _STR and value_node.__class__ is yaml.ScalarNode:
                out[key] = value_node.value  # the common case of value(), without the call
            else:
                out[key] = self.value(value_node)
        return out


_DIGITS = re.compile(r"^\d+$")
_SPLIT_KEY = re.compile(r"^\d+%?$")


def _comma_splits(pairs: list[tuple[yaml.Node, yaml.Node]]) -> dict[int, CommaSplit | None]:
    """Figures a comma split inside ``{ }``: ``{a: 1,234}`` is ``a: 1`` and a blank ``234``.

    By pair index: the figure joined back as written, and None for each blank key it made.
    A split is a plain number followed at once (no space after the comma) by a plain key of
    digits (``5`` or ``5%``) with nothing after it.
    """
    found: dict[int, CommaSplit | None] = {}
    for at, (key_node, value_node) in enumerate(pairs):
        if (
            at in found
            or key_node.__class__ is not yaml.ScalarNode
            or value_node.__class__ is not yaml.ScalarNode
            or value_node.style
            or not _DIGITS.match(value_node.value)
        ):
            continue
        end, keys = value_node.end_mark, []
        for next_key, next_value in pairs[at + 1 :]:
            start = next_key.start_mark
            if not (
                next_key.__class__ is yaml.ScalarNode
                and not next_key.style
                and _SPLIT_KEY.match(next_key.value)
                and next_value.__class__ is yaml.ScalarNode
                and next_value.tag == _T + "null"
                and next_value.value == ""
                and start.line == end.line
                and start.column == end.column + 1
            ):
                break
            keys.append(next_key.value)
            end = next_key.end_mark
        if keys:
            written = ",".join((value_node.value, *keys))
            found[at] = CommaSplit(written, value_node.value, tuple(keys))
            found.update(dict.fromkeys(range(at + 1, at + 1 + len(keys))))
    return found


def _first_key(node: yaml.MappingNode, key: str) -> yaml.Node:
    """The first key node of a mapping that reads ``key`` (only looked up for a message)."""
    return next(
        k
        for k, _ in node.value
        if k.__class__ is yaml.ScalarNode and k.tag != _MERGE and k.value == key
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag
