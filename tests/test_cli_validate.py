"""`modelward validate` end to end on the repository's own files."""

from __future__ import annotations

from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, SAMPLE

WARDS = SAMPLE.parent


def test_sample_files_are_valid(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(CATALOGUE), str(WARDS), "--lang", "en"])
    assert result.exit_code == 0, result.output
    # The sample, and the worked example of a merger: ham-rong formed from it and two
    # neighbours (illustrative figures).
    assert result.stdout.splitlines() == [
        f"ok: {CATALOGUE} (catalogue cand-model-ward 2024: 7 groups, 20 criteria)",
        f"ok: {WARDS / 'dong-cuong.yaml'} (ward dong-cuong: 2 periods, catalogue cand-model-ward 2024)",
        f"ok: {WARDS / 'dong-tho.yaml'} (ward dong-tho: 2 periods, catalogue cand-model-ward 2024)",
        f"ok: {WARDS / 'ham-rong.yaml'} (ward ham-rong: 1 periods, catalogue cand-model-ward 2024)",
        f"ok: {SAMPLE} (ward tao-xuyen: 3 periods, catalogue cand-model-ward 2024)",
    ]


def test_an_empty_folder_is_reported_not_skipped(runner: CliRunner, tmp_path: object) -> None:
    from pathlib import Path

    empty = Path(str(tmp_path)) / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["validate", str(CATALOGUE), str(empty), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{empty}: no YAML files found in {empty}"
