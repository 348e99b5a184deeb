"""The command line speaks the chosen language: click's own words, usage errors and help."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.messages.commandline import CLICK_VI, METAVARS_VI, scan
from modelward.messages.helptext import HELP_VI
from tests.conftest import SAMPLE

# click's strings no run of modelward can print: its own programming errors, prompts,
# editors and shell completion, which the tool does not use.
NOT_SAID = {
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Shell completion is not supported for Bash versions older than 4.4.",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Name '{name}' defined twice",
    "Confirm the action without prompting.",
    "Do you want to continue?",
    "Press any key to continue...",
    "Repeat for confirmation",
    "Error: The two entered values do not match.",
    "Error: invalid input",
    "{editor}: Editing failed",
    "{editor}: Editing failed: {e}",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "Invalid start character for option ({option})",
    "Choice({choices})",
    "{value!r} is not a valid UUID.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ),
}


def _click_msgids() -> set[str | tuple[str, str]]:
    """Every string click passes to gettext, read from its source."""
    found: set[str | tuple[str, str]] = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        if source.name.startswith("_win"):
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
                texts = [t for t in texts if isinstance(t, str)]
                if node.func.id == "_" and len(texts) == 1 and len(texts[0]) > 1:
                    found.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) == 2:
                    found.add((texts[0], texts[1]))
    return found


def test_every_string_click_can_say_has_vietnamese() -> None:
    msgids = _click_msgids()
    assert len(msgids) > 50  # the reading works
    missing = msgids - set(CLICK_VI) - NOT_SAID
    assert not missing, missing


def _helps(command: click.Command) -> list[str]:
    texts = [command.help] if command.help else []
    for param in command.params:
        texts += [t for t in (getattr(param, "help", None),) if t]
        default = getattr(param, "show_default", None)
        texts += [default] if isinstance(default, str) else []
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            texts += _helps(sub)
    return texts


def test_every_help_text_has_vietnamese() -> None:
    missing = [t for t in _helps(main) if inspect.cleandoc(t) not in HELP_VI]
    assert not missing, (
        "add the Vietnamese of these help texts to src/modelward/messages/helptext.py",
        missing,
    )


ENGLISH_OF_CLICK = ("Usage", "Options", "Commands", "Error", "Try ", "Show this", "default:")


@pytest.mark.parametrize("name", ["", *sorted(main.commands)])
def test_help_in_vietnamese_and_english(name: str, runner: CliRunner) -> None:
    args = [name, "--help"] if name else ["--help"]
    vi = runner.invoke(main, args, env={"MODELWARD_LANG": None})
    assert vi.exit_code == 0
    assert vi.output.startswith("Cách dùng:")
    assert not [w for w in ENGLISH_OF_CLICK if w in vi.output]
    placeholders = [
        e
        for e, v in METAVARS_VI.items()
        if e != v and re.search(rf"(?<![\w\[]){re.escape(e)}(?![\w])", vi.output)
    ]
    assert not placeholders, vi.output  # WARD, PATHS…: TỆP_PHƯỜNG, ĐƯỜNG_DẪN…
    for other in (
        [*args, "--lang", "en"],
        ["--lang", "en", *args],
        [*args[:-1], "--lang=en", "--help"],
    ):
        en = runner.invoke(main, other)
        assert en.output.startswith("Usage:"), other
        assert "Show this message" in en.output
    assert runner.invoke(main, args, env={"MODELWARD_LANG": "en"}).output.startswith("Usage:")


USAGE_ERRORS = [
    ["assess", str(SAMPLE), "--period", "2031"],
    ["assess", str(SAMPLE), "--bogus"],
    ["asess", str(SAMPLE)],
    ["assess"],
    ["summary", "wards", "--target", "30"],
    ["summary", "wards", "--jobs", "0"],
    ["summary", "wards", "--format", "xml"],
    ["compare", str(SAMPLE), "2023", "2024", "2025"],
    ["validate", "--max-size"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a[:1] + a[2:]) for a in USAGE_ERRORS])
def test_usage_errors_in_the_chosen_language(args: list[str], runner: CliRunner) -> None:
    vi = runner.invoke(main, args, env={"MODELWARD_LANG": None})
    assert vi.exit_code == 2
    # click shows no usage line for an option missing its value.
    assert "Cách dùng:" in vi.stderr or args[-1] == "--max-size"
    assert "Lỗi:" in vi.stderr
    assert not [w for w in ENGLISH_OF_CLICK if w in vi.stderr], vi.stderr
    en = runner.invoke(main, [*args, "--lang", "en"])
    assert en.exit_code == 2
    assert "Usage:" in en.stderr
    assert "Error:" in en.stderr


def test_a_missing_argument_is_named_in_the_chosen_language(runner: CliRunner) -> None:
    vi = runner.invoke(main, ["assess"], env={"MODELWARD_LANG": None})
    assert "Thiếu đối số 'TỆP_PHƯỜNG'" in vi.stderr
    assert "WARD" not in vi.stderr
    en = runner.invoke(main, ["assess", "--lang", "en"])
    assert "Missing argument 'WARD'" in en.stderr
    assert "TỆP_PHƯỜNG" not in en.stderr
    vi = runner.invoke(main, ["compare", str(SAMPLE), "2024", "2019"], env={"MODELWARD_LANG": None})
    assert "Giá trị không hợp lệ cho ĐẾN:" in vi.stderr
    en = runner.invoke(main, ["compare", str(SAMPLE), "2024", "2019", "--lang", "en"])
    assert "Invalid value for TO:" in en.stderr


def test_the_version_in_each_language(runner: CliRunner) -> None:
    assert "phiên bản" in runner.invoke(main, ["--version"], env={"MODELWARD_LANG": None}).output
    assert ", version " in runner.invoke(main, ["--version", "--lang", "en"]).output


def test_the_group_lang_reaches_the_command(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    en = runner.invoke(main, ["--lang", "en", "validate", missing], env={"MODELWARD_LANG": None})
    assert "no such file" in en.stderr
    # The command's own --lang wins over the group's.
    vi = runner.invoke(main, ["--lang", "en", "validate", missing, "--lang", "vi"])
    assert "không có tệp này" in vi.stderr


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["assess", "x", "--lang", "en"], {}, "en"),
        (["--lang=en", "assess"], {"MODELWARD_LANG": "vi"}, "en"),
        (["assess"], {"MODELWARD_LANG": "en"}, "en"),
        (["assess", "--lang", "en", "--lang", "vi"], {}, "vi"),
        (["assess", "--", "--lang", "en"], {}, None),
    ],
)
def test_the_language_is_read_before_click_parses(
    args: list[str], env: dict[str, str], lang: str | None
) -> None:
    assert scan(args, env) == lang


def test_an_internal_error_is_said_in_the_chosen_language(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from modelward.cli import files

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(files, "_validate_one", broken)
    monkeypatch.delenv("MODELWARD_DEBUG", raising=False)
    ward = tmp_path / "w.yaml"
    ward.write_text("id: w\n", encoding="utf-8")
    vi = runner.invoke(main, ["validate", str(ward)], env={"MODELWARD_LANG": None})
    assert vi.exit_code == 1
    assert vi.stderr.startswith("modelward: lỗi nội bộ (RuntimeError: boom)")
    en = runner.invoke(main, ["validate", str(ward), "--lang", "en"])
    assert en.stderr.startswith("modelward: internal error (RuntimeError: boom)")
