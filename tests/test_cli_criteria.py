"""`modelward criteria`: the catalogue as a tree with rules in words."""

from __future__ import annotations

import json

from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE


def test_rules_in_words_in_both_languages(runner: CliRunner) -> None:
    vi = runner.invoke(main, ["criteria", "--criteria", str(CATALOGUE), "--format", "markdown"])
    en = runner.invoke(
        main, ["criteria", "--criteria", str(CATALOGUE), "--format", "markdown", "--lang", "en"]
    )
    assert vi.exit_code == en.exit_code == 0
    assert "| C14 |" in vi.stdout
    assert "Tỷ lệ tin báo, tố giác được xử lý ≥ 100% (không tính được thì đạt)" in vi.stdout
    assert "Tips and denunciations handled ≥ 100% (if undefined, met)" in en.stdout
    assert "Citizen reception room area ≥ 24 m²" in en.stdout
    assert (
        "| model | Meets the criteria (eligible for recognition) | share of criteria met ≥ 100% |"
        in en.stdout
    )
    assert "| not_yet | Chưa đạt | còn lại |" in vi.stdout


def test_json_lists_every_criterion_with_its_kind(runner: CliRunner) -> None:
    result = runner.invoke(main, ["criteria", "--criteria", str(CATALOGUE), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    criteria = [c for g in doc["groups"] for c in g["criteria"]]
    assert len(doc["groups"]) == 7
    assert [c["id"] for c in criteria] == [f"C{i:02d}" for i in range(1, 21)]
    c14 = next(c for c in criteria if c["id"] == "C14")
    assert c14["source"] == "computed"
    assert c14["rule"] == {"value": "tips_handled_share", "at_least": 1.0, "if_undefined": "met"}
    assert next(c for c in criteria if c["id"] == "C01")["rule"] is None
