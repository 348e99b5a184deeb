"""The package's modules import one another without a cycle, counting every import.

Imports inside functions (the lazy ones that keep ``--help`` fast) and those made only for
type checking count too: a cycle hidden in them still ties two roles together.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "modelward"


def _module(path: Path) -> str:
    parts = ("modelward", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The package's modules one module imports, anywhere in it."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).rstrip(".")
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # `from pkg import module`
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _cycle() -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for nxt in sorted(GRAPH[name]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(GRAPH):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return None


def test_the_checker_sees_imports() -> None:
    assert "modelward.output.blocks" in GRAPH["modelward.output.drawers.terminal"]
    assert "modelward.loading.yamlwalk" in GRAPH["modelward.loading.load"]
    assert "modelward.cli.ward" in GRAPH["modelward.cli"]


def test_no_import_cycle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


@pytest.mark.parametrize("name", ["modelward.cli", "modelward.output.drawers.terminal"])
def test_a_module_imports_alone(name: str) -> None:
    """Importing a module first, in a fresh interpreter, works (no order it relies on)."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {name}"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


HEAVY = ("pydantic", "rich", "yaml", "openpyxl", "docx", "sqlite3")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["assess", "--help"]])
def test_the_command_line_starts_without_the_heavy_libraries(args: list[str]) -> None:
    """``--help`` and ``--version`` stay instant: only click is imported before a command runs."""
    script = (
        "import sys\n"
        "from modelward.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
