"""`modelward validate` end to end on the repository's own files."""

from __future__ import annotations

from pathlib import Path

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
        # their 2023 (figures only) on the pilot, as the sample's
        f"ok: {WARDS / 'dong-cuong.yaml'} (ward dong-cuong: 2 periods, catalogues "
        "cand-model-ward-pilot 2022, cand-model-ward 2024)",
        f"ok: {WARDS / 'dong-tho.yaml'} (ward dong-tho: 2 periods, catalogues "
        "cand-model-ward-pilot 2022, cand-model-ward 2024)",
        f"ok: {WARDS / 'ham-rong.yaml'} (ward ham-rong: 1 period, catalogue cand-model-ward 2024)",
        # its 2023 on the pilot, its other periods on the 2024 set
        f"ok: {SAMPLE} (ward tao-xuyen: 3 periods, catalogues cand-model-ward-pilot 2022, "
        "cand-model-ward 2024)",
    ]


def test_an_empty_folder_is_reported_not_skipped(runner: CliRunner, tmp_path: object) -> None:
    from pathlib import Path

    empty = Path(str(tmp_path)) / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["validate", str(CATALOGUE), str(empty), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{empty}: no YAML files found in {empty}"


def test_validate_json_gives_each_problem_its_stable_code(
    runner: CliRunner, tmp_path: Path
) -> None:
    import json

    from modelward.messages.catalogue import MESSAGES

    ward = tmp_path / "x.yaml"
    ward.write_text(
        f"id: x\nname: X\ncatalogue: {CATALOGUE}\ncolour: red\nperiods:\n  2024:\n"
        "    indicators: {incidents: 12.000}\n    criteria: {C01: đạt}\n",
        encoding="utf-8",
    )
    good = tmp_path / "ok.yaml"
    good.write_text(f"id: ok\nname: OK\ncatalogue: {CATALOGUE}\nperiods: {{2024: {{}}}}\n", "utf-8")
    said = {}
    for lang in ("en", "vi"):
        result = runner.invoke(
            main, ["validate", str(ward), str(good), "--format", "json", "--lang", lang]
        )
        assert result.exit_code == 1
        doc = json.loads(result.stdout)
        assert doc["schema"] == "modelward.validation/1"
        assert doc["files"] == [
            {"path": str(good), "ok": True},
            {"path": str(ward), "ok": False},
        ] or doc["files"] == [{"path": str(ward), "ok": False}, {"path": str(good), "ok": True}]
        said[lang] = doc["problems"]
    codes = [p["code"] for p in said["en"]]
    assert codes == ["unknown_key", "count_thousands", "expected_status"]
    assert codes == [p["code"] for p in said["vi"]]  # the code is the same in every language
    assert all(code in MESSAGES for code in codes)
    first = said["en"][0]
    assert (first["line"], first["column"], first["loc"]) == (4, 1, "colour")
    assert first["message"].startswith("unknown key 'colour'")
    assert said["vi"][0]["message"].startswith("khóa 'colour' không hợp lệ")


def test_verdicts_must_go_best_first(runner: CliRunner, tmp_path: Path) -> None:
    """A verdict's min_share below the next one's is refused at that min_share."""
    text = CATALOGUE.read_text(encoding="utf-8")
    assert text.count("min_share: 1.0") == 1
    bad = tmp_path / "criteria.yaml"
    bad.write_text(text.replace("min_share: 1.0", "min_share: 0.5"), encoding="utf-8")
    line = text.splitlines().index("    min_share: 1.0") + 1
    result = runner.invoke(main, ["validate", str(bad), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{bad}:{line}:16: verdicts.0.min_share: verdicts go best first: min_share 0.5 of "
        "'model' is below min_share 0.8 of the verdict after it, 'nearly': reorder them or "
        "fix the threshold"
    )
    # Equal thresholds are not out of order.
    bad.write_text(text.replace("min_share: 1.0", "min_share: 0.8"), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(bad)]).exit_code == 0


def test_one_of_a_thing_is_said_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    """English counts take the singular at one: '1 group, 1 criterion', '1 period'."""
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(
        'id: one\nversion: "1"\ntitle: "Một"\n'
        "indicators:\n  - {id: incidents, title: V, better: lower}\n"
        'groups:\n  - {id: G1, title: "N", criteria: [{id: C01, title: "T"}]}\n'
        'verdicts:\n  - {id: model, title: "Đạt", min_share: 1.0}\n  - {id: not_yet, title: "Chưa"}\n',
        encoding="utf-8",
    )
    ward = tmp_path / "w.yaml"
    ward.write_text('id: w\nname: "W"\nperiods:\n  2024:\n    criteria: {C01: met}\n', "utf-8")
    result = runner.invoke(main, ["validate", str(criteria), str(ward), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"ok: {criteria} (catalogue one 1: 1 group, 1 criterion)",
        f"ok: {ward} (ward w: 1 period, catalogue one 1)",
    ]
    result = runner.invoke(main, ["validate", str(criteria), str(ward)])
    assert result.stdout.splitlines() == [
        f"hợp lệ: {criteria} (bộ tiêu chí one 1: 1 nhóm, 1 tiêu chí)",
        f"hợp lệ: {ward} (phường w: 1 kỳ, bộ tiêu chí one 1)",
    ]
