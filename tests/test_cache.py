"""The summary cache: never serves a changed file, survives renames, catalogue edits and corruption."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward import __version__
from modelward.batch.cache import store as cache_module
from modelward.cli import main


def _wards(runner: CliRunner, *args: str) -> list[tuple[str, int, str]]:
    result = runner.invoke(main, ["summary", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [(w["id"], w["met"], Path(w["path"]).name) for w in json.loads(result.stdout)["wards"]]


def _database(cache: Path) -> Path | None:
    found = sorted(cache.rglob(cache_module.FILE))
    assert len(found) <= 1, found
    return found[0] if found else None


def _entries(cache: Path) -> dict[str, str]:
    """The cache's entries by ward SHA-256, as the JSON text stored."""
    file = _database(cache)
    if file is None:
        return {}
    with closing(sqlite3.connect(file)) as db:
        return dict(db.execute("SELECT sha256, entry FROM wards"))


def _set_entries(cache: Path, text: Iterator[str | bytes]) -> None:
    file = _database(cache)
    assert file is not None
    with closing(sqlite3.connect(file)) as db, db:
        for sha, value in zip(sorted(_entries(cache)), text, strict=False):
            db.execute("UPDATE wards SET entry = ? WHERE sha256 = ?", (value, sha))


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per transaction the cache writes."""
    made: list[int] = []
    real = cache_module._transaction

    def counted(db: sqlite3.Connection) -> object:
        made.append(1)
        return real(db)

    monkeypatch.setattr(cache_module, "_transaction", counted)
    return made


def test_a_rerun_is_served_from_the_cache(
    runner: CliRunner, wards: Path, cache_dir: Path, writes: list[int]
) -> None:
    first = _wards(runner, str(wards), "--period", "2023")
    assert len(_entries(cache_dir)) == 3
    assert writes == [1]  # three entries, one transaction
    assert _wards(runner, str(wards), "--period", "2023") == first
    assert writes == [1]  # read, not rewritten


def test_a_changed_file_is_never_served_from_the_cache(runner: CliRunner, wards: Path) -> None:
    # The sample's 2023 is scored on the pilot (22 criteria): 20 met.
    assert ("alpha", 20, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")
    path = wards / "alpha.yaml"
    path.write_text(  # 6 of 10 areas safe: the pilot's P22 (at least 70%) is no longer met
        path.read_text(encoding="utf-8").replace(
            "residential_areas_safe: {value: 8", "residential_areas_safe: {value: 6"
        ),
        encoding="utf-8",
    )
    assert ("alpha", 19, "alpha.yaml") in _wards(runner, str(wards), "--period", "2023")


def test_a_renamed_file_keeps_its_result_under_its_new_name(runner: CliRunner, wards: Path) -> None:
    _wards(runner, str(wards), "--period", "2023")
    (wards / "alpha.yaml").rename(wards / "zulu.yaml")
    got = _wards(runner, str(wards), "--period", "2023")
    assert ("alpha", 20, "zulu.yaml") in got
    assert all(name != "alpha.yaml" for _, _, name in got)


def test_a_changed_catalogue_rescores(runner: CliRunner, wards: Path) -> None:
    # 2024 is on the file's catalogue, criteria.yaml (2023 is on the pilot: see the test of
    # a period on its own catalogue above).
    assert ("alpha", 20, "alpha.yaml") in _wards(runner, str(wards), "--period", "2024")
    catalogue = wards.parent / "criteria.yaml"
    text = catalogue.read_text(encoding="utf-8")
    rule = "{value: resident_satisfaction, at_least: 0.9}"
    assert rule in text  # C17; the sample's 2024 has 95% satisfied
    catalogue.write_text(text.replace(rule, rule.replace("0.9", "0.96"), 1), encoding="utf-8")
    assert ("alpha", 19, "alpha.yaml") in _wards(runner, str(wards), "--period", "2024")


def test_a_period_on_its_own_catalogue_is_served_from_the_cache_until_that_catalogue_changes(
    runner: CliRunner, tmp_path: Path, writes: list[int]
) -> None:
    # Its 2023 is scored on test-pilot@2022 (catalogues/), not on the file's criteria.yaml.
    folder = tmp_path / "versions"
    shutil.copytree(Path(__file__).parent / "data" / "versions", folder)
    ward = folder / "wards" / "two-versions.yaml"
    text = ward.read_text(encoding="utf-8")
    ward.write_text(
        text.replace("catalogue: test-set@2024", "catalogue: ../criteria.yaml", 1), encoding="utf-8"
    )
    wards = str(folder / "wards")
    first = _wards(runner, wards, "--period", "2023")
    assert first == [("two-versions", 3, "two-versions.yaml")]
    assert _wards(runner, wards, "--period", "2023") == first
    assert writes == [1]  # the second run read the cache
    pilot = folder / "catalogues" / "test-pilot.yaml"
    text = pilot.read_text(encoding="utf-8")
    assert "at_most: 5" in text
    pilot.write_text(text.replace("at_most: 5", "at_most: 6", 1), encoding="utf-8")
    assert _wards(runner, wards, "--period", "2023") == [("two-versions", 4, "two-versions.yaml")]


def test_a_ward_naming_its_catalogue_by_id_and_version_is_served_from_the_cache(
    runner: CliRunner, tmp_path: Path, writes: list[int]
) -> None:
    """`catalogue: test-set@2024` (the form `new` writes) is looked up as FORMAT.md section 6
    says, not read as a path that never exists (which left every such ward uncached)."""
    folder = tmp_path / "versions"
    shutil.copytree(Path(__file__).parent / "data" / "versions", folder)
    wards = str(folder / "wards")
    assert "catalogue: test-set@2024" in (folder / "wards" / "two-versions.yaml").read_text(
        encoding="utf-8"
    )
    first = _wards(runner, wards, "--period", "2024")
    assert first == [("two-versions", 4, "two-versions.yaml")]
    assert _wards(runner, wards, "--period", "2024") == first
    assert writes == [1]  # the second run read the cache
    catalogue = folder / "criteria.yaml"  # test-set@2024, found beside the wards
    text = catalogue.read_text(encoding="utf-8")
    assert "at_most: 5" in text
    catalogue.write_text(text.replace("at_most: 5", "at_most: 3", 1), encoding="utf-8")
    assert _wards(runner, wards, "--period", "2024") == [("two-versions", 3, "two-versions.yaml")]


def test_a_corrupt_cache_is_ignored_and_rebuilt(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    shas = sorted(_entries(cache_dir))
    _set_entries(
        cache_dir,
        iter(["{not json", json.dumps({"sha256": "x", "catalogues": []}), b"\xff\xfe\x00garbage"]),
    )
    assert _wards(runner, str(wards), "--period", "2024") == first
    rebuilt = _entries(cache_dir)
    assert sorted(rebuilt) == shas
    for sha, text in rebuilt.items():
        assert json.loads(text)["sha256"] == sha  # written again, whole


@pytest.mark.parametrize(
    "garbage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_a_cache_file_that_is_no_database_is_started_afresh(
    runner: CliRunner, wards: Path, cache_dir: Path, garbage: bytes
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    file = _database(cache_dir)
    assert file is not None
    for extra in file.parent.glob(f"{file.name}-*"):
        extra.unlink()
    file.write_bytes(garbage)
    assert _wards(runner, str(wards), "--period", "2024") == first
    assert len(_entries(cache_dir)) == 3
    assert _wards(runner, str(wards), "--period", "2024") == first


def test_an_entry_of_another_shape_is_rescored(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    changed = []
    for text in _entries(cache_dir).values():
        data = json.loads(text)
        for results in data["catalogues"].values():
            for result in results.values():
                result["share"] = "lots"
        changed.append(json.dumps(data))
    _set_entries(cache_dir, iter(changed))
    assert _wards(runner, str(wards), "--period", "2024") == first
    assert all('"lots"' not in text for text in _entries(cache_dir).values())


def test_no_cache_neither_reads_nor_writes(runner: CliRunner, wards: Path, cache_dir: Path) -> None:
    _wards(runner, str(wards), "--no-cache")
    assert _database(cache_dir) is None


def test_an_unwritable_cache_does_not_stop_the_summary(
    runner: CliRunner, wards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MODELWARD_CACHE_DIR", str(blocker))
    assert len(_wards(runner, str(wards))) == 3


def test_two_jobs_give_the_same_result_as_one(runner: CliRunner, wards: Path) -> None:
    _many(wards, 20)  # each with its own id: a copy under the same id is ranked once
    one = _wards(runner, str(wards), "--period", "2023", "--no-cache", "-j", "1")
    two = _wards(runner, str(wards), "--period", "2023", "--no-cache", "-j", "2")
    assert one == two
    assert len(one) == 23


def _assess(runner: CliRunner, ward: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["assess", str(ward), *args], env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_assess_keeps_no_cache_and_a_rerun_prints_the_same(
    runner: CliRunner, wards: Path, writes: list[int], cache_dir: Path
) -> None:
    ward = wards / "alpha.yaml"
    for args in (
        [],
        ["--format", "json"],
        ["--format", "markdown", "--lang", "en"],
        ["--period", "2023"],
    ):
        first = _assess(runner, ward, *args)
        assert first[0] == 0
        assert _assess(runner, ward, *args) == first
        assert first == _assess(runner, ward, *args, "--no-cache")
    assert writes == []  # worked out afresh each time: nothing written, nothing read
    assert _database(cache_dir) is None


def test_assess_after_an_edit_is_worked_out_again(runner: CliRunner, wards: Path) -> None:
    ward = wards / "alpha.yaml"
    _, before, _ = _assess(runner, ward, "--period", "2024", "--format", "json")
    assert json.loads(before)["totals"]["met"] == 20
    ward.write_text(  # 85% satisfied: C17 (at least 90%) no longer met
        ward.read_text(encoding="utf-8").replace(
            "resident_satisfaction: {value: 0.95", "resident_satisfaction: {value: 0.85"
        ),
        encoding="utf-8",
    )
    _, after, _ = _assess(runner, ward, "--period", "2024", "--format", "json")
    assert json.loads(after)["totals"]["met"] == 19
    assert json.loads(after)["verdict"]["id"] == "nearly"  # 19/20 = 95% >= 80%
    catalogue = wards.parent / "criteria.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace("min_share: 0.8", "min_share: 0.96"),
        encoding="utf-8",
    )
    _, again, _ = _assess(runner, ward, "--period", "2024", "--format", "json")
    assert json.loads(again)["verdict"]["id"] == "not_yet"


def test_assess_require_works_from_the_cache(runner: CliRunner, wards: Path) -> None:
    ward = wards / "alpha.yaml"
    for _ in range(2):  # the first run fills the cache, the second reads it
        code, _, err = _assess(runner, ward, "--period", "2023", "--require", "model")
        assert code == 3
        assert "Cơ bản đạt" in err
        code, _, err = _assess(
            runner, ward, "--period", "2023", "--require", "perfect", "--lang", "en"
        )
        assert code == 2
        assert "no verdict 'perfect'" in err
        assert _assess(runner, ward, "--period", "2023", "--require", "nearly")[0] == 0


def _many(wards: Path, count: int) -> None:
    """``count`` more ward files, each of its own content."""
    text = (wards / "alpha.yaml").read_text(encoding="utf-8")
    for i in range(count):
        (wards / f"w{i:03d}.yaml").write_text(
            text.replace("id: alpha", f"id: w{i:03d}", 1), encoding="utf-8"
        )


def test_two_jobs_fill_the_cache_and_a_rerun_reads_it(
    runner: CliRunner, wards: Path, cache_dir: Path
) -> None:
    _many(wards, 40)
    first = _wards(runner, str(wards), "--period", "2023", "-j", "2")
    entries = _entries(cache_dir)
    assert len(entries) == 43  # every worker's entries written on its way out
    assert _wards(runner, str(wards), "--period", "2023", "-j", "2") == first
    assert _entries(cache_dir) == entries
    assert first == _wards(runner, str(wards), "--period", "2023", "--no-cache", "-j", "1")


def test_two_commands_at_once_share_the_cache(wards: Path, cache_dir: Path) -> None:
    _many(wards, 30)
    command = [sys.executable, "-m", "modelward", "summary", str(wards), "--format", "json"]
    env = {**os.environ, cache_module.ENV: str(cache_dir)}
    procs = [
        subprocess.Popen([*command, "-j", "1"], env=env, stdout=subprocess.PIPE),
        subprocess.Popen([*command, "-j", "2"], env=env, stdout=subprocess.PIPE),
    ]
    outputs = [proc.communicate(timeout=120)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0]
    rows = [json.loads(out)["wards"] for out in outputs]
    assert rows[0] == rows[1]
    assert len(_entries(cache_dir)) == 33


@pytest.mark.parametrize("damage", ["database is a folder", "version folder is a file", "log"])
def test_a_damaged_cache_folder_never_stops_a_summary(
    runner: CliRunner, wards: Path, cache_dir: Path, damage: str
) -> None:
    first = _wards(runner, str(wards), "--period", "2024")
    file = _database(cache_dir)
    assert file is not None
    if damage == "log":  # a write-ahead log of garbage: SQLite's checksums pass it over
        (file.parent / f"{file.name}-wal").write_bytes(b"\x00garbage" * 1000)
    else:
        shutil.rmtree(file.parent)
        if damage == "database is a folder":
            (file / "inside").mkdir(parents=True)
        else:
            file.parent.write_text("not a folder", encoding="utf-8")
    assert _wards(runner, str(wards), "--period", "2024") == first
    assert _wards(runner, str(wards), "--period", "2024") == first
    if damage == "log":
        assert len(_entries(cache_dir)) == 3


def test_a_python_without_sqlite_runs_without_the_cache(
    runner: CliRunner, wards: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _wards(runner, str(wards), "--period", "2024", "--no-cache")
    monkeypatch.setattr(cache_module, "sqlite3", None)
    assert _wards(runner, str(wards), "--period", "2024") == expected
    assert _wards(runner, str(wards), "--period", "2024", "-j", "2") == expected
    code, out, _ = _assess(runner, wards / "alpha.yaml", "--format", "json")
    assert code == 0
    assert json.loads(out)["ward"]["id"] == "alpha"
    assert _database(cache_dir) is None


def test_results_are_kept_apart_per_code(
    runner: CliRunner, wards: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check tightened without a new version number never sees the old code's results."""
    _wards(runner, str(wards), "--period", "2024")
    first = _database(cache_dir)
    assert first is not None
    assert first.parent.name == f"v{__version__}-{cache_module.code_stamp()}"
    monkeypatch.setattr(cache_module, "code_stamp", lambda: "0123456789ab")
    _wards(runner, str(wards), "--period", "2024")
    second = sorted(cache_dir.rglob(cache_module.FILE))
    assert [p.parent.name for p in second] == sorted(
        [first.parent.name, f"v{__version__}-0123456789ab"]
    )


def test_entries_read_many_at_once_are_those_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``load_many`` finds written and still pending entries alike, a query per ``BATCH``
    keys, and leaves out what is missing, unreadable or another content's."""
    monkeypatch.setattr(cache_module, "BATCH", 3)
    cache = cache_module.WardCache(tmp_path)
    for n in range(7):
        cache.save(f"k{n}", {"sha256": f"k{n}", "catalogues": {}, "n": n})
    cache.save("other", {"sha256": "k1", "catalogues": {}})  # kept under another key
    cache.flush()
    cache.save("k7", {"sha256": "k7", "catalogues": {}, "n": 7})  # pending, not yet written
    with closing(sqlite3.connect(cache.file)) as db, db:
        db.execute("INSERT OR REPLACE INTO wards VALUES ('k3', '{not json')")
    found = cache.load_many([f"k{n}" for n in range(9)] + ["other", "k0"])
    assert sorted(found) == ["k0", "k1", "k2", "k4", "k5", "k6", "k7"]
    assert all(found[k]["n"] == int(k[1:]) for k in found)
    cache.close()
