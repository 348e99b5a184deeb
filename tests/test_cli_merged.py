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


@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"]])
def test_json_says_the_baseline_is_combined_and_what_it_cannot_combine(
    runner: CliRunner, command: list[str]
) -> None:
    code, out, _ = _run(
        runner,
        command[0],
        str(WARDS / "ham-rong.yaml"),
        *command[1:],
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert code == 0
    base = json.loads(out)["baseline"]
    assert base["combined_from"] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    undefined = {u["id"]: u for u in base["undefined"]}
    share = undefined["admin_online_share"]
    assert (share["why"], share["wards"]) == ("predecessor_missing", ["dong-tho"])
    assert "not reported by dong-tho" in share["reason"]
    assert undefined["resident_satisfaction"]["why"] == "not_combined"
    assert "incidents" not in undefined


def test_a_wards_own_baseline_has_no_baseline_key(runner: CliRunner) -> None:
    for command in (["assess"], ["compare", "2024"]):
        code, out, _ = _run(
            runner, command[0], str(WARDS / "tao-xuyen.yaml"), *command[1:], "--format", "json"
        )
        assert code == 0
        assert "baseline" not in json.loads(out)


def test_compare_json_has_no_totals_or_verdict_for_the_combined_year(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2025", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["totals"]["from"], doc["verdict"]["from"]) == (None, None)
    assert doc["verdict"]["to"]["id"] == "nearly"


@pytest.mark.parametrize(
    ("lang", "combined", "named", "gap"),
    [
        (
            "vi",
            "Cùng kỳ 2024 là số liệu cộng gộp của các phường trước sắp xếp: tao-xuyen, "
            "dong-cuong, dong-tho",
            "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến — Hồ sơ thủ tục hành chính giải quyết "
            "trực tuyến kỳ 2024: thiếu số liệu của dong-tho",
            "Số liệu cùng kỳ 2024 không cộng gộp được",
        ),
        (
            "en",
            "The same period of 2024 is the figures of the wards merged into this one, added "
            "up: tao-xuyen, dong-cuong, dong-tho",
            "Share of administrative procedures handled online — Administrative procedures "
            "handled online for 2024: not reported by dong-tho",
            "Figures of 2024 that cannot be combined",
        ),
    ],
)
@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"]])
def test_text_and_markdown_say_the_baseline_is_combined_and_name_the_gap(
    runner: CliRunner, command: list[str], lang: str, combined: str, named: str, gap: str
) -> None:
    for fmt in ("table", "markdown"):
        code, out, _ = _run(
            runner,
            command[0],
            str(WARDS / "ham-rong.yaml"),
            *command[1:],
            "--lang",
            lang,
            "--format",
            fmt,
        )
        assert code == 0
        flat = " ".join(out.split())
        for said in (combined, named, gap):
            assert said in flat, (fmt, said)


def test_history_shows_the_combined_years_before_the_merger_marked(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "history", str(WARDS / "ham-rong.yaml"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert [p["period"] for p in doc["periods"]] == ["2025"]
    combined = {c["period"]: c for c in doc["combined"]}
    assert list(combined) == ["2023", "2024"]  # 2025-01..2025-02: only tao-xuyen has it
    assert combined["2024"]["combined_from"] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    assert combined["2023"]["indicators"]["incidents"]["value"] == 24 + 18 + 15
    assert combined["2024"]["indicators"]["incidents"]["value"] == 36
    code, out, _ = _run(runner, "history", str(WARDS / "ham-rong.yaml"), "--lang", "en")
    flat = " ".join(out.split())
    assert "Periods marked “combined” are the figures of tao-xuyen, dong-cuong, dong-tho" in flat
    assert "on 1 Jul 2025" in flat
    assert "2024 (combined)" in flat
    code, out, _ = _run(runner, "history", str(WARDS / "tao-xuyen.yaml"), "--format", "json")
    assert "combined" not in json.loads(out)
