"""Golden error cases: every broken input in tests/data/errors gives exactly its expected stderr.

The English is in ``<case>.expected``, the Vietnamese (the default language) in
``vi/<case>.expected``. Regenerate the expected files with ``MODELWARD_REGEN=1 python -m pytest tests/test_loader_golden.py``
and read every diff: each line must point at the right ``LINE:COL`` and say what to change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA, REGEN, golden

ERRORS = DATA / "errors"

# A case is a <case>.yaml, or a <case>.expected alone for a file that does not exist.
CASES = sorted(
    {p.stem for p in ERRORS.glob("*.yaml")} | {p.stem for p in ERRORS.glob("*.expected")}
)


def test_every_case_has_an_expected_file() -> None:
    missing = [c for c in CASES if not (ERRORS / f"{c}.expected").is_file()]
    assert REGEN or not missing, f"run with MODELWARD_REGEN=1 to write: {missing}"


def test_the_shared_catalogue_and_its_sample_ward_are_valid(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Otherwise a ward case could fail for a reason that is not its own.
    monkeypatch.chdir(ERRORS)
    result = runner.invoke(main, ["validate", "catalogue", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ok: catalogue/criteria.yaml (catalogue test-catalogue 1: 2 groups, 5 criteria)",
        "ok: catalogue/ward-ok.yaml (ward test-ward: 2 periods, catalogue test-catalogue 1)",
    ]


def expected_path(folder: Path, case: str, lang: str) -> Path:
    """Where a golden case's expected output in a language is kept."""
    return folder / f"{case}.expected" if lang == "en" else folder / lang / f"{case}.expected"


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("case", CASES)
def test_error_case(
    case: str, lang: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ERRORS)  # paths in the messages are relative to the case's folder
    result = runner.invoke(main, ["validate", f"{case}.yaml", "--lang", lang])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    expected_file = expected_path(ERRORS, case, lang)
    expected = golden(expected_file, result.stderr)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == expected


def test_a_python_tag_is_never_run(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    # file-python-tag.yaml asks os.system to write owned.txt; refusing must mean not running it.
    monkeypatch.chdir(ERRORS)
    runner.invoke(main, ["validate", "file-python-tag.yaml", "--lang", "en"])
    assert not Path("owned.txt").exists()


def test_cases_cover_every_message_kind() -> None:
    """A guard against losing a case: the kinds issue 2 lists all have an expected file."""
    text = "\n".join((ERRORS / f"{c}.expected").read_text(encoding="utf-8") for c in CASES)
    for needle in (
        "key '2024' is repeated",
        "did you mean",
        "no criterion 'C99'",
        "no indicator 'arrests'",
        "is computed from its rule",
        "missing required key 'reason'",
        "figures are never negative",
        "got .nan",
        "got .inf",
        "not a bare 97.96",
        "month 13 in '2024-13'",
        "got 'năm 2024'",
        "write it quoted: 'yes'",
        "write it quoted: 'no'",
        "indicator id 'incidents' is already used",
        "group id 'G1' is already used",
        "criterion id 'C01' is already used",
        "verdict id 'model' is already used",
        "no indicator 'tips_recieved'",
        "in a cycle",
        "exactly one operator",
        "must be at most 1,",
        "the last verdict (not_yet)",
        "must be greater than 0,",
        "groups: must not be empty",
        "catalogue not found: 'catalogue/criteria-2024.yaml', from this file's folder, is catalogue/criteria-2024.yaml",
        "YAML syntax",
        "YAML indents with spaces only",
        "the file is empty",
        "got a list",
        "cannot tell what this file is",
        "no such file",
        "!!python/object/apply",
        "is not a real date",
        "invisible character U+0007",
        "merge keys (<<) are not supported",
        "override.status: missing required key 'status'",
        "incidents is a count: '12.000' is 12000 if the separator groups thousands; write 12000",
        "a count is a whole number, got 0.75",
        "got 'done' (did you mean met?)",
        "tips_handled (19) is more than tips_received (9): tips_handled_share would be over 100%",
        "tips_handled (3) is more than tips_received (0)",
    ):
        assert needle in text, needle
