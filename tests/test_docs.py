"""The README tells the truth: its set-up commands, its command reference, every command's help."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None, "the README starts with a sh block of set-up commands"
    return block.group(1).strip().splitlines()


def test_readme_starts_with_exactly_two_setup_commands() -> None:
    first, second = _setup_commands()
    assert README.index("```sh") < README.index("\n## ")
    assert "modelward assess wards/tao-xuyen.yaml" in first
    assert "'.[test]'" in second
    assert "pytest" in second


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci.splitlines()


def test_command_reference_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", str(ROOT / "README.md")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, "README is out of date: run cog -r README.md\n" + result.stdout


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help", "--lang", "en"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"modelward {name}" in result.output.split("Example:")[1]
    result = CliRunner().invoke(main, [name, "--help"])
    assert "Ví dụ:" in result.output
    assert f"modelward {name}" in result.output.split("Ví dụ:")[1]


# ---------------------------------------------------------------------------- shown examples

EXAMPLES = ROOT / "tests" / "data" / "readme"
"""Files a README example names that the repository does not hold (``wards/x.yaml``, the
file with mistakes); its examples run in the repository, else here."""

WIDTH = "100"
"""The terminal width the README's examples are shown at."""


def _shown_examples() -> list[tuple[str, list[str]]]:
    """Each ``$ modelward …`` of a console block and the lines shown after it. A command
    with a comment is a what-if (not run); one whose files are nowhere is left out."""
    examples = []
    for block in re.findall(r"^ *```console\n(.*?)^ *```", README, re.S | re.M):
        lines = [
            line.strip() if line.lstrip().startswith("$ ") else line for line in block.splitlines()
        ]
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        command = None
        shown: list[str] = []
        for line in [*(x[indent:] for x in lines), "$ end"]:
            if line.startswith("$ "):
                if command is not None and "#" not in command:
                    examples.append((command, shown))
                command, shown = line[2:], []
            else:
                shown.append(line.rstrip())
    return examples


def _where(args: list[str]) -> Path | None:
    for folder in (ROOT, EXAMPLES):
        if all((folder / a).exists() for a in args if "/" in a and not a.startswith("-")):
            return folder
    return None


def _unshown(shown: list[str], printed: list[str]) -> str | None:
    """The first shown line the printed output lacks where it is shown, else None.

    Lines between two "…" are printed one after the other, in order; the first line is the
    first printed unless "…" comes before it.
    """
    at, anchored, run = 0, True, []
    for line in [*shown, "…"]:
        if line.strip() != "…":
            run.append(line)
            continue
        if run:
            starts = [at] if anchored else range(at, len(printed) - len(run) + 1)
            found = next((i for i in starts if printed[i : i + len(run)] == run), None)
            if found is None:
                if anchored:
                    return next(
                        (x for x, y in zip(run, printed[at:], strict=False) if x != y), run[-1]
                    )
                return next((x for x in run if x not in printed[at:]), run[0])
            at = found + len(run)
        anchored, run = False, []
    return None


@pytest.mark.parametrize(
    ("command", "shown"), _shown_examples(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_a_readme_example_shows_what_the_tool_prints(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = shlex.split(command)
    assert args[0] == "modelward"
    folder = _where(args[1:])
    assert folder is not None, (
        f"{command}: its files are neither in the repository nor in {EXAMPLES}"
    )
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COLUMNS", WIDTH)
    result = CliRunner().invoke(main, args[1:])
    printed = [line.rstrip() for line in (result.output + result.stderr).splitlines()]
    missing = _unshown(shown, printed)
    assert missing is None, f"$ {command}\nnot printed: {missing!r}\n" + "\n".join(printed)
