"""`modelward assess` end to end on the sample ward (Tào Xuyên)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import SAMPLE


def _json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(main, ["assess", str(SAMPLE), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def test_2024_meets_all_twenty_criteria(runner: CliRunner) -> None:
    doc = _json(runner, "--period", "2024")
    assert doc["period"] == "2024"
    assert doc["compared_to"] == "2023"
    assert doc["totals"] == {
        "criteria": 20,
        "applicable": 20,
        "met": 20,
        "not_met": 0,
        "not_applicable": 0,
        "unknown": 0,
        "score": 100.0,
    }
    assert doc["verdict"] == {
        "id": "model",
        "title": "Đủ điều kiện đề nghị công nhận",
        "provisional": False,
    }


def test_2024_incidents_against_2023(runner: CliRunner) -> None:
    doc = _json(runner, "--period", "2024")
    indicators = {i["id"]: i for i in doc["indicators"]}  # type: ignore[attr-defined]
    assert indicators["incidents"] == {
        "id": "incidents",
        "value": 10,
        "previous": 24,
        "change": -0.5833,
        "better": "lower",
        "improved": True,
        "source": "article",  # the seed article's figure
        "previous_source": "derived",  # worked out from it
    }


def test_table_says_the_change_in_each_language(runner: CliRunner) -> None:
    vi = runner.invoke(main, ["assess", str(SAMPLE), "--period", "2024"], env={"COLUMNS": "120"})
    en = runner.invoke(
        main, ["assess", str(SAMPLE), "--period", "2024", "--lang", "en"], env={"COLUMNS": "120"}
    )
    assert vi.exit_code == en.exit_code == 0
    assert "▼ −58,3%" in vi.stdout
    assert "Đạt 20/20 tiêu chí" in vi.stdout
    assert "▼ −58.3%" in en.stdout
    assert "20/20 criteria met" in en.stdout


def test_require_exits_3_below_the_required_verdict(runner: CliRunner) -> None:
    result = runner.invoke(main, ["assess", str(SAMPLE), "--period", "2023", "--require", "model"])
    assert result.exit_code == 3
    assert "Cơ bản đạt" in result.stderr
    reached = runner.invoke(main, ["assess", str(SAMPLE), "--period", "2024", "--require", "model"])
    assert reached.exit_code == 0
