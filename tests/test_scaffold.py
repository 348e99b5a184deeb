"""`modelward new`: a new ward file, and a new period added without touching anything else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.scaffold import unit_of
from tests.conftest import CATALOGUE, SAMPLE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copyfile(CATALOGUE, tmp_path / "criteria.yaml")
    return tmp_path


def _fill(text: str) -> str:
    """What an officer does: uncomment the lines and put in figures and statuses."""
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if stripped.startswith("# C") and ": met" in stripped:
            out.append(indent + stripped[2:].split("  #")[0])
        elif stripped.startswith("# ") and stripped.split()[1].endswith(":") and "  # " in stripped:
            key = stripped[2:].split(":")[0]
            if key in {
                "incidents",
                "crimes_social_evils",
                "serious_crimes",
                "drug_hotspots",
                "tips_received",
                "tips_handled",
                "cases",
                "cases_cleared",
            }:
                out.append(f"{indent}{key}: 0")
            elif key == "resident_satisfaction":
                out.append(f'{indent}{key}: "95%"')
            elif key == "reception_room_area":
                out.append(f"{indent}{key}: 30")
            elif key in {"residential_areas", "residential_areas_safe"}:
                out.append(f"{indent}{key}: 10")
            else:
                out.append(line)
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_new_file_validates_and_assesses_once_filled(runner: CliRunner, folder: Path) -> None:
    ward = folder / "dong-tho.yaml"
    result = runner.invoke(
        main,
        ["new", str(ward), "--id", "dong-tho", "--name", "Phường Đông Thọ", "--period", "2024"],
    )
    assert result.exit_code == 0, result.output
    text = ward.read_text(encoding="utf-8")
    assert 'name: "Phường Đông Thọ"' in text
    assert '# unit: "Công an phường Đông Thọ"' in text  # as reports write the unit
    assert f"modelward validate {ward} " in text  # a command that works from here
    assert "# C01: met  # " in text
    assert "# incidents:" in text
    assert "Vụ việc về an ninh, trật tự (vụ)" in text
    assert runner.invoke(main, ["validate", str(ward)]).exit_code == 0
    ward.write_text(_fill(text), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(ward)]).exit_code == 0
    result = runner.invoke(main, ["assess", str(ward), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    statuses = {c["id"]: c["status"] for g in doc["groups"] for c in g["criteria"]}
    assert statuses["C01"] == "met"
    assert statuses["C12"] == "met"  # no serious crime, computed from the figure filled in
    assert statuses["C11"] == "met"  # incidents 0: the rule's "or none now" holds
    assert doc["totals"]["met"] == 20


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Phường Tào Xuyên", "Công an phường Tào Xuyên"),
        ("Xã Quảng Tâm", "Công an xã Quảng Tâm"),
        ("Thị trấn Rừng Thông", "Công an thị trấn Rừng Thông"),
        ("Tào Xuyên", "Công an Tào Xuyên"),
    ],
)
def test_the_unit_is_written_as_reports_write_it(name: str, unit: str) -> None:
    assert unit_of(name) == unit


def test_new_never_overwrites(runner: CliRunner, folder: Path) -> None:
    ward = folder / "w.yaml"
    ward.write_text("id: w\nname: W\n", encoding="utf-8")
    result = runner.invoke(main, ["new", str(ward), "--id", "w", "--name", "W", "--lang", "en"])
    assert result.exit_code == 2
    assert "never overwritten" in result.stderr
    assert ward.read_text(encoding="utf-8") == "id: w\nname: W\n"


def test_new_checks_the_id(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(
        main, ["new", str(folder / "x.yaml"), "--id", "Tao Xuyen", "--name", "X"]
    )
    assert result.exit_code == 2
    assert not (folder / "x.yaml").exists()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_adding_a_period_keeps_every_other_byte(
    runner: CliRunner, folder: Path, newline: str
) -> None:
    original = SAMPLE.read_text(encoding="utf-8").replace(
        "catalogue: ../criteria.yaml", "catalogue: criteria.yaml"
    )
    original = original.replace("\n", newline)
    ward = folder / "tao-xuyen.yaml"
    ward.write_bytes(original.encode("utf-8"))
    result = runner.invoke(main, ["new", str(ward), "--period", "2025"])
    assert result.exit_code == 0, result.output
    after = ward.read_bytes().decode("utf-8")
    assert after.startswith(original)  # periods is the last key: the new one goes at the end
    added = after[len(original) :]
    assert added.startswith(f'  "2025":{newline}')
    assert all(line == "" or line.startswith("  ") for line in added.split(newline))
    result = runner.invoke(main, ["validate", str(ward)])
    assert result.exit_code == 0, result.output
    assert "4 periods" in runner.invoke(main, ["validate", str(ward), "--lang", "en"]).stdout


def test_adding_a_period_in_the_middle_of_the_file(runner: CliRunner, folder: Path) -> None:
    ward = folder / "w.yaml"
    head = "id: w\nname: W\nperiods:\n  2023:\n    indicators: {incidents: 3}  # kept\n"
    tail = "# about the profile\nprofile: {population: 1}\n"
    ward.write_text(head + tail, encoding="utf-8")
    assert runner.invoke(main, ["new", str(ward), "--period", "2024"]).exit_code == 0
    text = ward.read_text(encoding="utf-8")
    assert text.startswith(head + '  "2024":\n')
    assert text.endswith(tail)
    assert runner.invoke(main, ["validate", str(ward)]).exit_code == 0


def test_adding_a_period_the_file_has_is_refused(runner: CliRunner, folder: Path) -> None:
    ward = folder / "w.yaml"
    ward.write_text("id: w\nname: W\nperiods:\n  2025-Q1: {}\n", encoding="utf-8")
    result = runner.invoke(main, ["new", str(ward), "--period", "2025-01..2025-03"])
    assert result.exit_code == 1
    assert f"{ward}:4:3: tệp đã có kỳ 2025-Q1" in result.stderr  # Vietnamese by default
    assert ward.read_text(encoding="utf-8") == "id: w\nname: W\nperiods:\n  2025-Q1: {}\n"
