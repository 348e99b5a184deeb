"""The README tells the truth: its set-up commands, its command reference, every command's help."""

from __future__ import annotations

import re
import subprocess
import sys

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
