"""The wording of problems: YAML syntax errors and pydantic's validation errors, for people."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import yaml
from pydantic import BaseModel, ValidationError

from modelward.errors import Issue, Loc, Problem
from modelward.limits import MAX_DEPTH
from modelward.loading.characters import INVISIBLE
from modelward.loading.positions import Document, file_loc, line_col, line_text, scalar_text
from modelward.messages import (
    Message,
    MessageError,
    Text,
    did_you_mean,
    shown,
    status_meant,
    word,
)

_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab"
TOO_DEEP = Message("too_deep", depth=MAX_DEPTH)


def reader_problem(path: str, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML refuses (a control character), at its line and column."""
    # libyaml counts the position in bytes of UTF-8; lines and columns count characters.
    at = len(text.encode("utf-8")[: int(exc.position)].decode("utf-8", "replace"))
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    line, column = line_col(text[:at])
    return Problem(
        path,
        Message("yaml_syntax", problem=Message("control_character", code=f"U+{code:04X}")),
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
            Message("yaml_syntax", problem=Message("second_document")),
            line=line,
            column=column,
        )
    if mark is not None:
        slip = _colon_slip(text, mark.line, mark.column, problem)
        if slip is not None:
            message, at_line, at_column = slip
            return Problem(
                path, Message("yaml_syntax", problem=message), line=at_line, column=at_column
            )
    said = exc.problem or exc.context
    message = _libyaml(said) if said else Message("yaml_cannot_be_read")
    if exc.context and exc.problem and exc.context_mark is not None:
        message = message.add(
            Message("yaml_context", context=_libyaml(exc.context), line=exc.context_mark.line + 1)
        )
    # libyaml's message does not name the character, so look at the line itself.
    if mark is not None:
        row = line_text(text, mark.line)
        here = row[max(0, mark.column - 1) : mark.column + 1]
        invisible = next((c for c in here if c in INVISIBLE), None)
        if "\t" in _indent(row, mark.column) or row[mark.column : mark.column + 1] == "\t":
            message = message.add(Message("tab_indent_hint"))
        elif invisible is not None:
            message = message.add(
                Message(
                    "invisible_here",
                    code=f"U+{ord(invisible):04X}",
                    name=Message(INVISIBLE[invisible]),
                )
            )
    return Problem(path, Message("yaml_syntax", problem=message), line=line, column=column)


_LIBYAML = {
    "found character that cannot start any token": "yaml_cannot_start_token",
    "mapping values are not allowed here": "yaml_mapping_values",
    "mapping values are not allowed in this context": "yaml_mapping_values",
    "did not find expected key": "yaml_expected_key",
    "could not find expected ':'": "yaml_expected_colon",
    "did not find expected ',' or '}'": "yaml_expected_comma_or_brace",
    "did not find expected ',' or ']'": "yaml_expected_comma_or_bracket",
    "did not find expected '-' indicator": "yaml_expected_dash",
    "found a tab character where an indentation space is expected": "yaml_tab_indent",
    "found a tab character that violates indentation": "yaml_tab_violates_indent",
    "did not find expected hexdecimal number": "yaml_expected_hex",
    "did not find expected <document start>": "yaml_expected_document_start",
    "did not find expected comment or line break": "yaml_expected_line_break",
    "did not find expected node content": "yaml_expected_node",
    "did not find expected alphabetic or numeric character": "yaml_expected_name",
    "found unknown escape character": "yaml_unknown_escape",
    "found an indentation indicator equal to 0": "yaml_indentation_zero",
    "did not find expected tag URI": "yaml_expected_tag_uri",
    "found undefined tag handle": "yaml_undefined_tag_handle",
    "block sequence entries are not allowed in this context": "yaml_dash_not_allowed",
    "found unexpected ':'": "yaml_unexpected_colon",
    "did not find expected whitespace or line break": "yaml_expected_space",
    "mapping keys are not allowed in this context": "yaml_key_not_allowed",
    "could not find expected directive name": "yaml_expected_directive",
    "found unexpected non-alphabetical character": "yaml_expected_directive",
    "found unknown directive name": "yaml_unknown_directive",
    "found invalid Unicode character escape code": "yaml_bad_unicode_escape",
    "found unexpected document indicator": "yaml_unexpected_document_indicator",
    "found unexpected end of stream": "yaml_unclosed_quote",
    "while scanning for the next token": "yaml_while_next_token",
    "while parsing a block mapping": "yaml_while_block_mapping",
    "while parsing a flow mapping": "yaml_while_flow_mapping",
    "while parsing a flow sequence": "yaml_while_flow_sequence",
    "while scanning a block scalar": "yaml_while_block_scalar",
    "while parsing a block collection": "yaml_while_block_collection",
    "while scanning a quoted scalar": "yaml_while_quoted_scalar",
    "while scanning a simple key": "yaml_while_simple_key",
    "while scanning a plain scalar": "yaml_while_plain_scalar",
    "while parsing a block node": "yaml_while_block_node",
    "while parsing a flow node": "yaml_while_flow_node",
    "while scanning an anchor": "yaml_while_anchor",
    "while scanning an alias": "yaml_while_alias",
    "while parsing a quoted scalar": "yaml_while_quoted_scalar",
    "while parsing a tag": "yaml_while_tag",
    "while scanning a tag": "yaml_while_tag",
    "while parsing a node": "yaml_while_node",
    "while scanning a directive": "yaml_while_directive",
    "while scanning a tag directive": "yaml_while_tag_directive",
    "did not find expected '!'": "yaml_expected_bang",
}
"""libyaml's problems and contexts by their words; one not listed is quoted as libyaml words it."""


def _libyaml(problem: str) -> Message:
    known = _LIBYAML.get(problem)
    return Message(known) if known else Message("yaml_other", text=problem)


_KEY = re.compile(r"\w[\w.-]*")
_NO_SPACE = re.compile(r"^(\s*(?:- )?)([A-Za-z0-9_][^:#'\"]*?):(?![\s/])([^#]*?)\s*(?:#.*)?$")
"""A ``key:value`` line: YAML needs a space after the colon, or it is one plain string."""


_SLIP_PROBLEMS = (
    "did not find expected key",
    "could not find expected ':'",
    "mapping values are not allowed",
    "did not find expected '-' indicator",
)


def _colon_slip(text: str, line: int, column: int, problem: str) -> tuple[Message, int, int] | None:
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
                Message("no_space_after_colon", written=f"{key}:{value}", fixed=f"{key}: {value}"),
                back + 1,
                len(match.group(1)) + len(match.group(2)) + 1,  # the colon
            )
    row = line_text(text, line)
    if "mapping values are not allowed" in problem and row[column : column + 1] == ":":
        head, _, rest = row.partition(": ")
        key, words = head.strip(), rest.split("#")[0].strip()
        # Plain text after a key as written by hand: not a flow mapping, a quoted value or a
        # line a slip has run together, which quotes around it would not mend.
        plain = not words.startswith(("{", "[", ":", "'", '"')) and '"' not in words
        if _KEY.fullmatch(key.removeprefix("- ")) and ": " in rest and plain:
            return (
                Message("second_colon", key=key, fixed=f'{key}: "{words}"'),
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
            message = Message("unknown_key", key=key)
            known = _fields_at(model, raw[:-1])
            if known:
                close = did_you_mean(key, known)
                message = message.add(close)
                message = message.add(Message("expected_one_of", allowed=known))
                if not close and key in _BELONGS:
                    message = message.add(
                        Message("indented_too_little", key=key, place=Message(_BELONGS[key]))
                    )
            issues.append(Issue(loc, message, at_key=True))
            continue
        issues.append(Issue(loc, _message(err, doc, loc), at_key=raw[-1:] == ("[key]",)))
    return issues


# Keys that are right somewhere else: found one level too high, the indentation slipped.
_BELONGS = {
    **dict.fromkeys(
        ("indicators", "criteria", "assessed_on", "assessed_by", "catalogue_version"),
        "place_period",
    ),
    **dict.fromkeys(("status", "evidence", "override"), "place_criterion"),
    **dict.fromkeys(("city", "province", "district"), "place_area"),
    **dict.fromkeys(("rule", "weight", "guidance"), "place_group_criterion"),
}

_STATUSES = "met, not_met or not_applicable"


def _message(err: Any, doc: Document, loc: Loc) -> Text:
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    got = shown(value)
    message: Text
    if kind == "missing":
        if isinstance(loc[-1], int):
            return Message("missing_items", n=loc[-1] + 1)
        return Message("missing_key", key=str(loc[-1]))
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        if expected == _STATUSES:
            message = Message("expected_status", got=got)
        else:
            *first, last = expected.replace(" or ", ", ").split(", ")
            message = Message("expected_choice", choices=(*first, last), got=got)
    elif kind == "string_pattern_mismatch":
        if str(ctx.get("pattern", "")) == "^[a-z]{2,3}$":
            message = Message("expected_language", got=got)
        elif "a-z0-9][a-z0-9-" in str(ctx.get("pattern", "")):
            message = Message("expected_slug", got=got)
        else:
            message = Message("expected_id", got=got)
    elif kind in ("string_type", "str_type"):
        message = Message("expected_text", got=got)
    elif kind in ("float_type", "float_parsing", "int_type", "int_parsing"):
        message = Message("expected_number", got=got)
    elif kind == "bool_type":
        message = Message("expected_bool", got=got)
    elif kind == "finite_number":
        message = Message("expected_finite_number", got=got)
    elif kind == "greater_than":
        message = Message("must_be_greater", bound=ctx.get("gt"), got=got)
    elif kind == "greater_than_equal":
        message = Message("must_be_at_least", bound=ctx.get("ge"), got=got)
    elif kind == "less_than_equal":
        message = Message("must_be_at_most", bound=ctx.get("le"), got=got)
    elif kind in ("too_short", "string_too_short"):
        message = Message("must_not_be_empty")
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = Message("expected_mapping", got=got)
    elif kind in ("list_type", "tuple_type"):
        message = Message("expected_list", got=got)
    elif kind in ("too_long",):
        message = Message("too_many_items", n=ctx.get("max_length"))
    elif kind.startswith("date"):
        message = Message("expected_date", got=got).add(_date_meant(value))
    elif kind == "value_error":
        error = ctx.get("error")
        message = error.message if isinstance(error, MessageError) else str(error or err["msg"])
    elif kind == "union_tag_invalid":
        message = Message("expected_rule", got=got)
    else:
        msg = str(err["msg"])
        message = Message("invalid_value", detail=msg[:1].lower() + msg[1:])
    hint: Message | None = None
    if isinstance(message, Message) and message.id == "expected_status":
        # A status in other words (Đạt, Met, not met, yes): the one it means, to write.
        written = scalar_text(doc.root, loc) if isinstance(value, bool) else value
        curly = isinstance(value, str) and value[:1] in _CURLY_QUOTES
        meant = status_meant(value.strip(_CURLY_QUOTES) if curly else written)
        if curly:
            message = message.add(Message("curly_quotes"))
        if isinstance(value, bool) and written is not None:
            message = message.add(
                Message("yaml_reads_bool", written=written, value=str(value).lower())
            )
        return message.add(Message("did_you_mean_status", fix=meant) if meant else None)
    if isinstance(value, bool):
        written = scalar_text(doc.root, loc)
        if written is not None and written.lower() in _YAML11_BOOLS:
            read = "true" if value else "false"
            # Quoting helps only where text is expected; a number quoted is still no number.
            wants_number = isinstance(message, Message) and message.id == "expected_number"
            hint = Message(
                "yaml_reads_bool" if wants_number else "yaml_reads_bool_quote",
                written=written,
                value=read,
            )
    if isinstance(value, str) and value and value[0] in _CURLY_QUOTES:
        # Word and phones "smarten" quotes; YAML reads the curly ones as part of the text.
        hint = Message("curly_quotes")
    if hint is None:
        return message
    if isinstance(message, str):
        return message + word(hint, "en")
    return message.add(hint)


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$")


def _date_meant(value: object) -> Message | None:
    """The date to write for one written day first, as Vietnamese writes it: 15/01/2025."""
    import datetime as dt

    m = _DAY_FIRST.match(value) if isinstance(value, str) else None
    if m is None:
        return None
    try:
        day = dt.date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:
        return None  # 31/02/2025, or month first (01/15/2025): no guess
    return Message("date_write", fix=day.isoformat())


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
            # A key as the file spells it: ``from``, not the field's Python name.
            keys = (info.alias or name for name, info in cand.model_fields.items())
            fields.extend(f for f in keys if f not in fields)
    return fields
