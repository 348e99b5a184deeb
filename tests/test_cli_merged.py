"""Wards that merged, end to end: the worked example in wards/ (FORMAT.md section 10)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, ROOT

WARDS = ROOT / "wards"
EXAMPLE = ("ham-rong", "tao-xuyen", "dong-cuong", "dong-tho")


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the worked example: the catalogue and the four ward files."""
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    (tmp_path / "wards").mkdir()
    for name in EXAMPLE:
        shutil.copy(WARDS / f"{name}.yaml", tmp_path / "wards" / f"{name}.yaml")
    return tmp_path / "wards"


def _indicators(doc: dict[str, object]) -> dict[str, dict[str, object]]:
    rows = doc["indicators"]
    assert isinstance(rows, list)
    return {row["id"]: row for row in rows}


def test_a_formed_ward_compares_its_2025_with_its_predecessors_2024_added_up(
    runner: CliRunner,
) -> None:
    code, out, _ = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2025", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2024", "2025")
    rows = _indicators(doc)
    assert (rows["incidents"]["from"], rows["incidents"]["to"]) == (36, 25)  # 10 + 14 + 12
    assert rows["incidents"]["change"] == -0.3056
    assert rows["tips_handled_share"]["from"] == 0.9643  # 27/28, from the summed parts
    assert rows["admin_online_share"]["from"] is None  # dong-tho did not report a part
    # Criteria are never combined: the old wards' statuses are not the new ward's.
    assert {c["from"] for c in doc["criteria"]} == {"unknown"}


def test_assess_of_a_formed_ward_measures_2025_against_the_combined_2024(
    runner: CliRunner,
) -> None:
    code, out, _ = _run(runner, "assess", str(WARDS / "ham-rong.yaml"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["period"], doc["compared_to"]) == ("2025", "2024")
    rows = _indicators(doc)
    assert (rows["incidents"]["previous"], rows["incidents"]["change"]) == (36, -0.3056)
    c11 = next(c for g in doc["groups"] for c in g["criteria"] if c["id"] == "C11")
    assert c11["status"] == "met"  # down on the combined year


def test_compare_from_a_year_only_the_predecessors_have(runner: CliRunner) -> None:
    code, out, _ = _run(
        runner, "compare", str(WARDS / "ham-rong.yaml"), "2023", "2025", "--format", "json"
    )
    assert code == 0
    assert _indicators(json.loads(out))["incidents"]["from"] == 24 + 18 + 15
    code, _, err = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2019", "2025")
    assert code == 2
    assert "2019" in err


@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"], ["history"]])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "formed.from.2: predecessor dong-tho not found: no ward file with id dong-tho in "),
        ("vi", "formed.from.2: không tìm thấy phường trước sắp xếp dong-tho: không có tệp phường "),
    ],
)
def test_a_predecessor_that_cannot_be_found_is_named_and_positioned(
    runner: CliRunner, example: Path, command: list[str], lang: str, said: str
) -> None:
    (example / "dong-tho.yaml").unlink()
    ward = example / "ham-rong.yaml"
    code, out, err = _run(runner, command[0], str(ward), *command[1:], "--lang", lang)
    assert code == 1
    assert out == ""
    rows = ward.read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(rows, 1) if row.startswith("formed:"))
    column = rows[line - 1].index("dong-tho") + 1
    assert err.startswith(f"{ward}:{line}:{column}: {said}")
