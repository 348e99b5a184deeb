"""Where things are in a YAML file: the parsed document, node positions, dotted paths, lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from modelward.errors import InputError, Issue, Loc, Problem
from modelward.loading.characters import visible
from modelward.messages import Text

_BREAK = re.compile(r"\r\n|\r|\n")


def line_col(before: str) -> tuple[int, int]:
    """The 1-based line and column just after some text, counting line ends as YAML does."""
    lines = _BREAK.split(before)
    return len(lines), len(lines[-1]) + 1


def line_text(text: str, line: int) -> str:
    """One line of the text (0-based), split where YAML splits lines."""
    lines = _BREAK.split(text)
    return lines[line] if 0 <= line < len(lines) else ""


@dataclass(slots=True)
class Document:
    """A parsed YAML file: its plain data and the node tree that knows every position."""

    path: str
    data: Any
    root: yaml.Node
    problems: list[tuple[yaml.Node, Text]] = field(default_factory=list)
    """Problems the walk found (repeated keys, refused tags), at their nodes."""
    sha256: str = ""
    """The SHA-256 of the file's bytes, for provenance and the cache."""

    def problem(self, issue: Issue) -> Problem:
        """Place an issue at the line and column of the key or value it names."""
        node, dotted, key_node = locate(self.root, issue.loc)
        target = key_node if issue.at_key and key_node is not None else node
        return Problem(self.path, issue.message, dotted, *position(target))

    def fail(self, issues: list[Issue]) -> InputError:
        """An error carrying every issue, in file order."""
        found = [
            Problem(self.path, message, dotted_path(self.root, node), *position(node))
            for node, message in self.problems
        ]
        # A value the walk refused (an unsafe tag) was not read: what validation then says
        # about it ("expected text, got nothing") is a consequence, not a second problem.
        # The same for a key refused where it stands (an invisible character in it): what
        # validation says about that key ("unknown key '\xa02024'") is the same problem.
        refused = {id(node) for node, _ in self.problems}
        issues = [i for i in issues if not refused & placed_ids(self.root, i.loc)]
        problems = sorted(
            [*found, *(self.problem(i) for i in issues)],
            key=lambda p: (p.line or 0, p.column or 0),
        )
        return InputError(problems)


def placed_ids(root: yaml.Node, loc: Loc) -> set[int]:
    """The ids of the value node and of the key node a data path leads to."""
    node, _, key_node = locate(root, loc)
    return {id(node)} if key_node is None else {id(node), id(key_node)}


def position(node: yaml.Node) -> tuple[int, int]:
    """A node's 1-based line and column."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def dotted_path(root: yaml.Node, target: yaml.Node) -> str:
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
                step = (*path, visible(key.value) if isinstance(key, yaml.ScalarNode) else "?")
                if key is target:
                    return ".".join(step)
                stack.append((value, step))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, str(i))) for i, item in enumerate(node.value))
    return ""


def locate(root: yaml.Node, loc: Loc) -> tuple[yaml.Node, str, yaml.Node | None]:
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
                    parts.append(visible(str(seg)))
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


def file_loc(root: yaml.Node, loc: Loc, kind: str) -> Loc:
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


def scalar_text(root: yaml.Node, loc: Loc) -> str | None:
    """The text of the scalar at a data path as written in the file, if it is a scalar."""
    node, _, _ = locate(root, loc)
    return node.value if isinstance(node, yaml.ScalarNode) else None
