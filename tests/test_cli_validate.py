"""`modelward validate` end to end on the repository's own files."""

from __future__ import annotations

from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, SAMPLE


def test_sample_files_are_valid(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(CATALOGUE), str(SAMPLE.parent), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"ok: {CATALOGUE} (catalogue cand-model-ward 2024: 7 groups, 20 criteria)",
        f"ok: {SAMPLE} (ward tao-xuyen: 3 periods, catalogue cand-model-ward 2024)",
    ]


def test_an_empty_folder_is_reported_not_skipped(runner: CliRunner, tmp_path: object) -> None:
    from pathlib import Path

    empty = Path(str(tmp_path)) / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["validate", str(CATALOGUE), str(empty), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{empty}: no YAML files found in {empty}"
