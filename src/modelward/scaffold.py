"""New ward files and new periods, ready to fill in: every judged criterion and raw figure as a comment.

Adding a period to an existing file inserts lines and changes nothing else: comments,
quoting and line ends stay byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from modelward.errors import InputError, Issue, Problem
from modelward.i18n import Lang, label, text
from modelward.loading import Document, parse
from modelward.messages import Message
from modelward.models import Catalogue
from modelward.periods import Period, parse_period


def period_lines(catalogue: Catalogue, period: Period, indent: str, lang: Lang) -> list[str]:
    """The lines of one empty period: its key, then figures and judged criteria as comments."""
    step = "  "
    inner, leaf = indent + step, indent + step * 2
    lines = [
        f'{indent}"{period}":',
        f"{inner}# assessed_on: {period.end // 12 + 1}-01-15",
        f'{inner}# assessed_by: ""',
        f"{inner}indicators:  # {label('new_figures', lang)}",
    ]
    raw = [i for i in catalogue.indicators if i.ratio is None]
    width = max((len(i.id) for i in raw), default=0) + 1
    for ind in raw:
        unit = text(ind.unit, lang)
        hint = label("new_percent", lang) if ind.kind == "percent" else unit
        title = text(ind.title, lang) + (f" ({hint})" if hint else "")
        lines.append(f"{leaf}# {ind.id + ':':<{width}}  # {title}")
    lines.append(f"{inner}criteria:  # {label('new_criteria', lang)}")
    judged = [c for c in catalogue.criteria() if not c.computed]
    for crit in judged:
        lines.append(f"{leaf}# {crit.id}: met  # {text(crit.title, lang)}")
    computed = [c.id for c in catalogue.criteria() if c.computed]
    if computed:
        lines.append(f"{leaf}# {label('new_computed', lang, ids=', '.join(computed))}")
    return lines


def unit_of(name: str) -> str:
    """The police unit of a ward as reports write it: Phường Đông Thọ -> Công an phường Đông Thọ."""
    for kind in ("Phường ", "Xã ", "Thị trấn "):
        if name.startswith(kind):
            return "Công an " + kind.lower() + name[len(kind) :]
    return "Công an " + name


def new_ward(
    path: Path,
    ward_id: str,
    name: str,
    catalogue: Catalogue,
    catalogue_ref: str | None,
    period: Period,
    lang: Lang,
) -> str:
    """The text of a new ward file with one empty period."""
    quoted = json.dumps(name, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    lines = [
        label("new_header", lang, name=name),
        label("new_howto", lang, file=path),  # as given: the command works from here
        f"id: {ward_id}",
        f"name: {quoted}",
        f"# unit: {json.dumps(unit_of(name), ensure_ascii=False)}",
        '# area: {city: "", province: ""}',
    ]
    if catalogue_ref is not None:
        lines.append(f"catalogue: {json.dumps(catalogue_ref, ensure_ascii=False)}")
    lines.append("periods:")
    lines += period_lines(catalogue, period, "  ", lang)
    return "\n".join(lines) + "\n"


def _periods_node(doc: Document) -> tuple[yaml.Node, yaml.Node]:
    root = doc.root
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "periods":
                return key, value
    raise doc.fail([Issue((), Message("no_periods_key"))])


def add_period(path: Path, raw: bytes, catalogue: Catalogue, period: Period, lang: Lang) -> bytes:
    """The file with an empty period inserted at the end of its periods, all else unchanged."""
    doc = parse(path)
    key, value = _periods_node(doc)
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    lines = raw.splitlines(keepends=True)
    if isinstance(value, yaml.MappingNode) and value.flow_style:
        raise doc.fail([Issue(("periods",), Message("periods_inline"))])
    if isinstance(value, yaml.MappingNode) and value.value:
        existing = [k for k, _ in value.value if isinstance(k, yaml.ScalarNode)]
        for k in existing:
            try:
                if parse_period(k.value) == period:
                    raise InputError(
                        [
                            Problem(
                                str(path),
                                Message("has_period", period=k.value),
                                line=k.start_mark.line + 1,
                                column=k.start_mark.column + 1,
                            )
                        ]
                    )
            except ValueError:
                continue
        indent = existing[0].start_mark.column
        end = value.end_mark
        at = end.line if end.column == 0 or end.line >= len(lines) else end.line + 1
        # Comments and blank lines that belong to what follows stay after the new period.
        while at > key.start_mark.line + 1:
            previous = lines[at - 1].decode("utf-8", "replace")
            stripped = previous.strip()
            if stripped and not (
                stripped.startswith("#") and len(previous) - len(previous.lstrip()) < indent
            ):
                break
            at -= 1
    elif isinstance(value, yaml.ScalarNode) and value.value == "":
        indent = key.start_mark.column + 2
        at = key.start_mark.line + 1
    else:
        raise doc.fail([Issue(("periods",), Message("periods_not_mapping"))])
    if at > 0 and not lines[at - 1].endswith((b"\n", b"\r")):
        lines[at - 1] += newline
    block = period_lines(catalogue, period, " " * indent, lang)
    inserted = [(line.encode("utf-8") + newline) for line in block]
    return b"".join(lines[:at] + inserted + lines[at:])
