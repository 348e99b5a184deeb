"""What a province reads: areas against the target and criteria counts, in every output."""

from __future__ import annotations

import json

from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA

PROVINCE = DATA / "province"


def _json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(main, ["summary", str(PROVINCE), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


def test_json_by_city_against_the_target(runner: CliRunner) -> None:
    doc = _json(runner, "--by", "city", "--target", "30%")
    assert doc["by"] == "city"
    assert doc["by_area"] == [
        {"area": "TP Sầm Sơn", "wards": 3, "top": 0, "share": 0.0, "needed": 1},
        {"area": "TP Thanh Hóa", "wards": 4, "top": 2, "share": 0.5, "needed": 0},
    ]


def test_json_by_province_without_a_target_needs_nothing(runner: CliRunner) -> None:
    doc = _json(runner, "--by", "province")
    assert doc["by_area"] == [
        {"area": "Thanh Hóa", "wards": 7, "top": 2, "share": 0.2857, "needed": 0}
    ]


def test_json_criteria_counts_over_the_ranked_wards(runner: CliRunner) -> None:
    doc = _json(runner, "--area", "sam son")
    assert doc["area"] == "sam son"
    assert "by_area" not in doc
    counts = {c["id"]: c for c in doc["criteria"]}  # type: ignore[union-attr]
    assert len(counts) == 20
    # three wards in Sầm Sơn: C20 missed by all, C09 by two, C14 by Bắc Sơn (7 of 9 tips)
    assert counts["C20"] == {"id": "C20", "met": 0, "not_met": 3, "not_applicable": 0, "unknown": 0}
    assert counts["C09"]["not_met"] == 2
    assert counts["C14"]["not_met"] == 1
    for c in counts.values():
        assert c["met"] + c["not_met"] + c["not_applicable"] + c["unknown"] == 3


def test_unknown_counted_apart(runner: CliRunner) -> None:
    doc = _json(runner, "--area", "tp thanh hoa", "--by", "city")
    assert [a["area"] for a in doc["by_area"]] == ["TP Thanh Hóa"]  # type: ignore[union-attr]
    counts = {c["id"]: c for c in doc["criteria"]}  # type: ignore[union-attr]
    assert counts["C16"]["unknown"] == 1
