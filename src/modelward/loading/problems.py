"""The wording of problems: YAML syntax errors and pydantic's validation errors, for people."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from difflib import get_close_matches
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import yaml
from pydantic import BaseModel, ValidationError

from modelward.errors import Issue, Loc, Problem
from modelward.limits import MAX_DEPTH
from modelward.loading.characters import INVISIBLE
from modelward.loading.positions import Document, file_loc, line_col, line_text, scalar_text

_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab"
TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep: a catalogue or ward file needs far fewer "
    "(is a bracket left open?)"
)


def reader_problem(path: str, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML refuses (a control character), at its line and column."""
    # libyaml counts the position in bytes of UTF-8; lines and columns count characters.
    at = len(text.encode("utf-8")[: int(exc.position)].decode("utf-8", "replace"))
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    line, column = line_col(text[:at])
    return Problem(
        path,
        f"YAML syntax: the invisible character U+{code:04X} is not allowed in a YAML file; delete it",
        line=line,
        column=column,
    )


def syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem = exc.problem or ""
    if "maximum nesting depth" in problem:
        # libyaml's own limit (1000 levels): the same words as the walker's, lower, limit.
        return Problem(path, TOO_DEEP, line=line, column=column)
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
        row = line_text(text, mark.line)
        here = row[max(0, mark.column - 1) : mark.column + 1]
        invisible = next((c for c in here if c in INVISIBLE), None)
        if "\t" in _indent(row, mark.column) or row[mark.column : mark.column + 1] == "\t":
            message += "; a tab is used to indent here: YAML indents with spaces only"
        elif invisible is not None:
            message += (
                f"; the invisible character U+{ord(invisible):04X} ({INVISIBLE[invisible]}) "
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
        row = line_text(text, back)
        match = _NO_SPACE.match(row)
        if match is not None and match.group(3):
            key, value = match.group(2).strip(), match.group(3).strip()
            return (
                f"no space after the colon in '{key}:{value}': write '{key}: {value}'",
                back + 1,
                len(match.group(1)) + len(match.group(2)) + 1,  # the colon
            )
    row = line_text(text, line)
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


def _indent(row: str, column: int) -> str:
    """The whitespace that starts a line, up to and including a column."""
    start = row[: column + 1]
    return start[: len(start) - len(start.lstrip(" \t"))]


_TYPE_ERRORS = frozenset(
    {"string_type", "dict_type", "model_type", "model_attributes_type", "list_type", "tuple_type"}
    | {"float_type", "int_type", "bool_type", "literal_error"}
)
"""Errors that only say a value has the wrong shape for one member of a union."""


def validation_issues(doc: Document, exc: ValidationError, model: type[BaseModel]) -> list[Issue]:
    """Pydantic's errors in words a person editing the file understands, one per place."""
    issues: list[Issue] = []
    placed: set[Loc] = set()
    errors = exc.errors(include_url=False)
    locs = [file_loc(doc.root, tuple(err["loc"]), err["type"]) for err in errors]
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
        message = f"expected {expected}, got {show(value)}"
    elif kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")) == "^[a-z]{2,3}$":
            message = f"expected a language code such as vi or en, got {show(value)}"
        elif "a-z0-9][a-z0-9-" in str(ctx.get("pattern", "")):
            message = (
                f"expected an id of lowercase letters, digits and hyphens (like tao-xuyen), "
                f"got {show(value)}"
            )
        else:
            message = f"expected an id of letters, digits, '_', '-' or '.', got {show(value)}"
    elif kind in ("string_type", "str_type"):
        message = f"expected text, got {show(value)}"
    elif kind in ("float_type", "float_parsing", "int_type", "int_parsing"):
        message = f"expected a number, got {show(value)}"
    elif kind == "finite_number":
        message = f"expected a finite number, got {show(value)}"
    elif kind == "greater_than":
        message = f"must be greater than {ctx.get('gt')}, got {show(value)}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"must be {word} {bound}, got {show(value)}"
    elif kind in ("too_short", "string_too_short"):
        message = "must not be empty"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"expected a mapping (key: value), got {show(value)}"
    elif kind in ("list_type", "tuple_type"):
        message = f"expected a list, got {show(value)}"
    elif kind in ("too_long",):
        message = f"expected at most {ctx.get('max_length')} items"
    elif kind.startswith("date"):
        message = f"expected a date such as 2025-01-15, got {show(value)}"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    elif kind == "union_tag_invalid":
        message = f"expected a rule, got {show(value)}"
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


def show(value: Any) -> str:
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
