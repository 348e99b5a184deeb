"""`modelward compare` and `modelward history` on the sample ward, with golden output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from modelward.cli import main
from modelward.comparison import classify
from modelward.rules import Status
from tests.conftest import DATA, ROOT, golden

GOLDEN = DATA / "compare"
STATUSES: list[Status] = ["met", "not_met", "not_applicable", "unknown"]


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_2023_to_2024_incidents_and_gains(runner: CliRunner) -> None:
    code, out, _ = _run(
        runner, "compare", "wards/tao-xuyen.yaml", "2023", "2024", "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "modelward.comparison/1"
    assert (doc["from"], doc["to"]) == ("2023", "2024")
    incidents = next(i for i in doc["indicators"] if i["id"] == "incidents")
    assert incidents["from"] == 24
    assert incidents["to"] == 10
    assert incidents["change"] == -0.5833
    assert incidents["improved"] is True
    # 2023 is on the pilot (22 criteria), 2024 on the 2024 set: lined up through its crosswalk.
    assert doc["crosswalk"] == {"from": "cand-model-ward-pilot@2022", "to": "cand-model-ward@2024"}
    assert doc["catalogue_from"]["status"] == "illustrative"
    assert doc["totals"]["from"]["criteria"] == 22
    assert doc["totals"]["to"]["criteria"] == 20
    by_change: dict[str, list[str]] = {}
    for c in doc["criteria"]:
        by_change.setdefault(c["change"], []).append(c["id"])
    assert by_change["gained"] == ["C09", "C11"]  # P10 not met, P13 unknown (no 2022)
    assert by_change["new"] == ["C20"]  # no predecessor: no status in 2023
    assert by_change["dropped"] == ["P21"]
    assert "lost" not in by_change
    assert len(by_change["same"]) == 17
    # Every row of the newer set names the pilot ids criteria.yaml's `replaces` maps onto it.
    crosswalk = yaml.safe_load((ROOT / "criteria.yaml").read_text(encoding="utf-8"))
    mapped = crosswalk["replaces"]["criteria"]
    for c in doc["criteria"]:
        if c["change"] != "dropped":
            assert c["from_ids"] == sorted(old for old, new in mapped.items() if new == c["id"])
    rows = {c["id"]: c for c in doc["criteria"]}
    assert rows["C07"]["from_ids"] == ["P07", "P08"]  # two pilot criteria into one
    assert (rows["C20"]["from"], rows["P21"]["to"]) == (None, None)
    assert doc["verdict"]["from"]["id"] == "nearly"
    assert doc["verdict"]["to"]["id"] == "model"


def test_one_period_is_compared_with_a_year_earlier(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "compare", "wards/tao-xuyen.yaml", "2024", "--format", "json")
    assert code == 0
    assert json.loads(out)["from"] == "2023"
    code, _, err = _run(runner, "compare", "wards/tao-xuyen.yaml", "2025-01..2025-02")
    assert code == 2
    assert (
        "không có kỳ tháng 1–2/2024, cùng kỳ năm trước của tháng 1–2/2025" in err
    )  # as reports write it


# Two periods on one catalogue: 2024 meets W1 that 2023 did not, and nothing else changes.
TWO_YEARS = DATA / "wards" / "two-years.yaml"


def test_fail_on_regression(runner: CliRunner) -> None:
    code, _, _ = _run(runner, "compare", str(TWO_YEARS), "2024", "2023")
    assert code == 0
    code, _, err = _run(runner, "compare", str(TWO_YEARS), "2024", "2023", "--fail-on-regression")
    assert code == 3
    assert "two-years" in err
    code, _, _ = _run(runner, "compare", str(TWO_YEARS), "2023", "2024", "--fail-on-regression")
    assert code == 0
    # The sample's 2023 (pilot) to 2024 (2024 set) gains, through the crosswalk.
    code, _, _ = _run(
        runner, "compare", "wards/tao-xuyen.yaml", "2023", "2024", "--fail-on-regression"
    )
    assert code == 0


def test_different_spans_are_compared_with_a_warning(runner: CliRunner) -> None:
    code, out, _ = _run(
        runner, "compare", "wards/tao-xuyen.yaml", "2024", "2025-01..2025-02", "--lang", "en"
    )
    assert code == 0
    assert "the periods differ in length (12 and 2 months)" in out


def test_different_catalogue_versions_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    text = TWO_YEARS.read_text(encoding="utf-8")
    text = text.replace("\n  2023:\n", '\n  2023:\n    catalogue_version: "2021"\n', 1)
    text = text.replace("\n  2024:\n", '\n  2024:\n    catalogue_version: "2024"\n', 1)
    ward = tmp_path / "w.yaml"
    ward.write_text(text, encoding="utf-8")
    criteria = str(TWO_YEARS.parent / "weighted-criteria.yaml")
    code, _, err = _run(runner, "compare", str(ward), "2023", "2024", "--criteria", criteria)
    assert code == 1
    assert "hai phiên bản bộ tiêu chí khác nhau (2021 và 2024)" in err  # vi by default


@given(st.sampled_from(STATUSES), st.sampled_from(STATUSES))
def test_classification_of_changes(before: Status, after: Status) -> None:
    change = classify(before, after)
    assert (change == "gained") == (before != "met" and after == "met")
    assert (change == "lost") == (before == "met" and after != "met")
    assert classify(after, before) == {"gained": "lost", "lost": "gained", "same": "same"}[change]


CASES = sorted(p.name for p in GOLDEN.glob("*.txt")) if GOLDEN.is_dir() else []


def _golden_args(name: str) -> list[str]:
    # compare_2023_2024_vi.table.txt, history_vi.markdown.txt
    stem, fmt, _ = name.split(".")
    parts = stem.split("_")
    lang = parts[-1]
    if parts[0] == "compare":
        return ["compare", "wards/tao-xuyen.yaml", *parts[1:-1], "--lang", lang, "--format", fmt]
    return ["history", "wards/tao-xuyen.yaml", "--lang", lang, "--format", fmt]


@pytest.mark.parametrize("name", CASES)
def test_golden(runner: CliRunner, name: str) -> None:
    code, out, err = _run(runner, *_golden_args(name))
    assert code == 0, err
    expected = GOLDEN / name
    assert out == golden(expected, out)


def test_goldens_cover_both_languages_and_formats() -> None:
    assert {n.split(".")[0].rsplit("_", 1)[1] for n in CASES} == {"vi", "en"}
    assert {n.split(".")[1] for n in CASES} == {"table", "markdown"}
