"""The summary cache: never serves a changed file, survives renames, catalogue edits and corruption."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, SAMPLE


@pytest.fixture
def wards(tmp_path: Path) -> Path:
    folder = tmp_path / "wards"
    folder.mkdir()
    shutil.copyfile(CATALOGUE, tmp_path / "criteria.yaml")
    for ident in ("alpha", "bravo", "charlie"):
        text = SAMPLE.read_text(encoding="utf-8").replace("id: tao-xuyen", f"id: {ident}", 1)
        (folder / f"{ident}.yaml").write_text(
            text.replace("catalogue: ../criteria.yaml\n", ""), encoding="utf-8"
        )
    return folder


def _wards(runner: CliRunner, *args: str) -> list[tuple[str, int, str]]:
    result = runner.invoke(main, ["summary", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [(w["id"], w["met"], Path(w["path"]).name) for w in json.loads(result.stdout)["wards"]]


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_a_rerun_is_served_from_the_cache(runner: CliRunner, wards: Path, cache_dir: Path) -> None:
    first = _wards(runner, str(wards), "--period", "2023")
    assert len(_entries(cache_dir)) == 3
    stamps = [p.stat().st_mtime_ns for p in _entries(cache_dir)]
    assert _wards(runner, str(wards), "--period", "2023") == first
    assert [p.stat().st_mtime_ns for p in _entries(cache_dir)] == stamps  # read, not rewritten


def test_a_changed_file_is_never_served_from_the_cache(runner: CliRunner, wards: Path) -> None:
    assert ("alpha", 16, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")
    path = wards / "alpha.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("tips_handled: 11", "tips_handled: 12"),
        encoding="utf-8",
    )
    assert ("alpha", 17, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")


def test_a_renamed_file_keeps_its_result_under_its_new_name(runner: CliRunner, wards: Path) -> None:
    _wards(runner, str(wards), "--period", "2023")
    (wards / "alpha.yaml").rename(wards / "zulu.yaml")
    got = _wards(runner, str(wards), "--period", "2023")
    assert ("alpha", 16, "zulu.yaml") in got
    assert all(name != "alpha.yaml" for _, _, name in got)


def test_a_changed_catalogue_rescores(runner: CliRunner, wards: Path) -> None:
    assert ("alpha", 16, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")
    catalogue = wards.parent / "criteria.yaml"
    text = catalogue.read_text(encoding="utf-8")
    assert "at_least: 1.0" in text
    catalogue.write_text(text.replace("at_least: 1.0", "at_least: 0.9", 1), encoding="utf-8")
    assert ("alpha", 17, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")


def test_a_corrupt_cache_is_ignored_and_rebuilt(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    entries = _entries(cache_dir)
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text(json.dumps({"sha256": "x", "catalogues": []}), encoding="utf-8")
    entries[2].write_bytes(b"\xff\xfe\x00garbage")
    assert _wards(runner, str(wards), "--period", "2024") == first
    for entry in _entries(cache_dir):
        json.loads(entry.read_text(encoding="utf-8"))  # rewritten whole


def test_an_entry_of_another_shape_is_rescored(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    for entry in _entries(cache_dir):
        data = json.loads(entry.read_text(encoding="utf-8"))
        for results in data["catalogues"].values():
            for result in results.values():
                result["share"] = "lots"
        entry.write_text(json.dumps(data), encoding="utf-8")
    assert _wards(runner, str(wards), "--period", "2024") == first


def test_no_cache_neither_reads_nor_writes(runner: CliRunner, wards: Path, cache_dir: Path) -> None:
    _wards(runner, str(wards), "--no-cache")
    assert _entries(cache_dir) == []


def test_an_unwritable_cache_does_not_stop_the_summary(
    runner: CliRunner, wards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MODELWARD_CACHE_DIR", str(blocker))
    assert len(_wards(runner, str(wards))) == 3


def test_two_jobs_give_the_same_result_as_one(runner: CliRunner, wards: Path) -> None:
    for i in range(20):
        shutil.copyfile(wards / "alpha.yaml", wards / f"copy-{i:02d}.yaml")
    one = _wards(runner, str(wards), "--period", "2023", "--no-cache", "-j", "1")
    two = _wards(runner, str(wards), "--period", "2023", "--no-cache", "-j", "2")
    assert one == two
    assert len(one) == 23


def _assess(runner: CliRunner, ward: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["assess", str(ward), *args], env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_assess_rerun_prints_the_same_from_the_cache(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    ward = wards / "alpha.yaml"
    for args in (
        [],
        ["--format", "json"],
        ["--format", "markdown", "--lang", "en"],
        ["--period", "2023"],
    ):
        first = _assess(runner, ward, *args)
        entries = _entries(cache_dir)
        stamps = [p.stat().st_mtime_ns for p in entries]
        assert _assess(runner, ward, *args) == first
        assert [p.stat().st_mtime_ns for p in _entries(cache_dir)] == stamps
        assert first == _assess(runner, ward, *args, "--no-cache")


def test_assess_after_an_edit_is_worked_out_again(runner: CliRunner, wards: Path) -> None:
    ward = wards / "alpha.yaml"
    _, before, _ = _assess(runner, ward, "--period", "2023", "--format", "json")
    assert json.loads(before)["totals"]["met"] == 16
    ward.write_text(
        ward.read_text(encoding="utf-8").replace("tips_handled: 11", "tips_handled: 12"),
        encoding="utf-8",
    )
    _, after, _ = _assess(runner, ward, "--period", "2023", "--format", "json")
    assert json.loads(after)["totals"]["met"] == 17
    catalogue = wards.parent / "criteria.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace("min_share: 0.8", "min_share: 0.9"),
        encoding="utf-8",
    )
    _, again, _ = _assess(runner, ward, "--period", "2023", "--format", "json")
    assert json.loads(again)["verdict"]["id"] == "not_yet"


def test_assess_require_works_from_the_cache(runner: CliRunner, wards: Path) -> None:
    ward = wards / "alpha.yaml"
    for _ in range(2):  # the first run fills the cache, the second reads it
        code, _, err = _assess(runner, ward, "--period", "2023", "--require", "model")
        assert code == 3
        assert "Cơ bản đạt" in err
        code, _, err = _assess(runner, ward, "--period", "2023", "--require", "perfect")
        assert code == 2
        assert "no verdict 'perfect'" in err
        assert _assess(runner, ward, "--period", "2023", "--require", "nearly")[0] == 0
