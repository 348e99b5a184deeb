"""Catalogues as versions: shipped with the package, named ``ID@VERSION``, looked up as
FORMAT.md section 6 says, a period on its own version (catalogues written for the tests)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.i18n import label
from modelward.loading.catalogues import shipped_folder
from tests.conftest import DATA, ROOT, SAMPLE

VERSIONS = DATA / "versions"
WARD = VERSIONS / "wards" / "two-versions.yaml"


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, [*args, "--lang", "en"] if args[0] != "criteria" else list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------------------- shipped copies


def test_the_shipped_catalogues_are_the_repositorys() -> None:
    """The package's copies cannot drift from criteria.yaml and catalogues/*.yaml."""
    shipped = {p.name: p.read_bytes() for p in shipped_folder().glob("*.yaml")}
    originals = {"cand-model-ward-2024.yaml": ROOT / "criteria.yaml"} | {
        p.name: p for p in (ROOT / "catalogues").glob("*.yaml")
    }
    assert set(shipped) == set(originals)
    for name, original in originals.items():
        assert shipped[name] == original.read_bytes(), f"{name}: copy {original} into the package"


def test_the_repositorys_catalogues_are_valid_and_linked(runner: CliRunner) -> None:
    code, out, err = _run(runner, "validate", str(ROOT / "criteria.yaml"), str(ROOT / "catalogues"))
    assert code == 0, err
    assert "cand-model-ward-pilot 2022" in out
    doc = json.loads(
        runner.invoke(
            main, ["criteria", "--criteria", str(ROOT / "criteria.yaml"), "--format", "json"]
        ).stdout
    )
    assert doc["status"] == "draft"
    assert doc["replaces"]["catalogue"] == "cand-model-ward-pilot@2022"
    assert any("124/2021/TT-BCA" in s for s in doc["sources"])


# ---------------------------------------------------------------------------- two versions


def test_each_period_is_scored_on_its_own_version(runner: CliRunner) -> None:
    code, out, err = _run(runner, "assess", str(WARD), "--period", "2023", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["catalogue"] == {"id": "test-pilot", "version": "2022", "status": "illustrative"}
    assert [c["id"] for g in doc["groups"] for c in g["criteria"]] == [
        "P01",
        "P02",
        "P03",
        "P04",
        "P05",
    ]
    code, out, _ = _run(runner, "assess", str(WARD), "--format", "json")
    doc = json.loads(out)
    assert doc["catalogue"] == {"id": "test-set", "version": "2024", "status": "draft"}
    assert doc["totals"]["met"] == 4
    incidents = next(i for i in doc["indicators"] if i["id"] == "incidents")
    assert (incidents["value"], incidents["previous"]) == (4, 6)  # 2023 through the crosswalk


def test_compare_across_versions_through_the_crosswalk(runner: CliRunner) -> None:
    code, out, err = _run(runner, "compare", str(WARD), "2023", "2024", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["crosswalk"] == {"from": "test-pilot@2022", "to": "test-set@2024"}
    rows = {r["id"]: (r["from"], r["to"], r["change"], r["from_ids"]) for r in doc["criteria"]}
    assert rows == {
        "C01": ("met", "met", "same", ["P01"]),
        "C02": ("not_met", "met", "gained", ["P02", "P03"]),
        "C03": ("not_met", "met", "gained", ["P05"]),
        "C04": (None, "met", "new", []),
        "P04": ("met", None, "dropped", []),
    }
    code, out, _ = _run(runner, "compare", str(WARD), "2023", "2024")
    assert "Compared through the crosswalk" in out
    assert "New criterion" in out
    assert "Dropped" in out
    code, out, _ = _run(runner, "history", str(WARD), "--format", "json")
    assert [p["catalogue"]["id"] for p in json.loads(out)["periods"]] == ["test-pilot", "test-set"]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "versions"
    shutil.copytree(VERSIONS, folder)
    return folder


def test_unlinked_versions_stay_an_error(runner: CliRunner, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    criteria = folder / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(
        text.replace("  catalogue: test-pilot@2022", "  catalogue: other@1"), "utf-8"
    )
    code, _, err = _run(
        runner, "compare", str(folder / "wards" / "two-versions.yaml"), "2023", "2024"
    )
    assert code == 1
    assert "neither replaces the other" in err
    assert "Traceback" not in err


def _unlinked(tmp_path: Path) -> Path:
    """The versions folder with test-set@2024 no longer replacing test-pilot@2022, and its
    C03 a rule on the change of incidents (which needs the year before)."""
    folder = _copy(tmp_path)
    criteria = folder / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    for old, new in (
        ("  catalogue: test-pilot@2022", "  catalogue: other@1"),
        ("rule: {value: incidents, at_most: 5}", "rule: {change: incidents, below: 0}"),
    ):
        assert old in text
        text = text.replace(old, new)
    criteria.write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_before_on_an_unlinked_version_is_not_the_comparison_period(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """QA2 #7: the ward's 2023 is on a version no `replaces` links to its 2024's. It is not
    presented as the comparison period and then called missing: outputs say why."""
    ward = _unlinked(tmp_path) / "wards" / "two-versions.yaml"
    result = runner.invoke(main, ["assess", str(ward), "--period", "2024", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    said = {
        "vi": "Kỳ 2024, kỳ 2023 được chấm theo bộ tiêu chí khác (test-pilot@2022), không liên "
        "kết với bộ này bằng replaces: không so sánh",
        "en": "Period 2024, 2023 is on another catalogue (test-pilot@2022), not linked to "
        "this one by replaces: not compared",
    }[lang]
    assert said in out
    assert ("so với cùng kỳ" if lang == "vi" else "against the same period") not in out
    assert ("không có số liệu 2023" if lang == "vi" else "no 2023 figures") not in out
    doc = json.loads(
        runner.invoke(
            main, ["assess", str(ward), "--period", "2024", "--format", "json", "--lang", lang]
        ).stdout
    )
    assert doc["compared_to"] is None
    assert doc["not_compared"] == {
        "period": "2023",
        "reason": "other_catalogue",
        "catalogue": "test-pilot@2022",
    }
    (c03,) = [c for g in doc["groups"] for c in g["criteria"] if c["id"] == "C03"]
    assert c03["status"] == "unknown"
    assert "test-pilot@2022" in c03["reason"]
    assert ("không liên kết" if lang == "vi" else "not linked") in c03["reason"]
    report = tmp_path / "r.md"
    result = runner.invoke(
        main, ["report", str(ward), "--period", "2024", "-o", str(report), "--lang", lang]
    )
    assert result.exit_code == 0, result.stderr
    assert said.split(", ", 1)[1][0].upper() + said.split(", ", 1)[1][1:] in " ".join(
        report.read_text(encoding="utf-8").split()
    )
    # the figures section is headed as the period's own figures, not "against 2023"
    heads = re.findall(r"^## (.*)$", report.read_text(encoding="utf-8"), re.M)
    assert ("II. SỐ LIỆU NĂM 2024" if lang == "vi" else "II. FIGURES FOR 2024") in heads, heads
    assert not any("2023" in h for h in heads), heads


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_unlinked_versions_are_refused_where_the_catalogue_is_named(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """QA2 #7: the refusal points at periods.2023.catalogue, or at the period's key where
    2023 is on the file's own catalogue."""
    folder = _unlinked(tmp_path)
    ward = folder / "wards" / "two-versions.yaml"
    result = runner.invoke(main, ["compare", str(ward), "2023", "2024", "--lang", lang])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{ward}:7:16: periods.2023.catalogue: ")
    assert "test-pilot@2022" in result.stderr
    flipped = folder / "wards" / "flipped.yaml"
    flipped.write_text(
        "id: flipped\nname: F\ncatalogue: test-pilot@2022\nperiods:\n"
        "  2023:\n    indicators: {incidents: 6}\n"
        "  2024:\n    catalogue: test-set@2024\n    indicators: {incidents: 4}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["compare", str(flipped), "2023", "2024", "--lang", lang])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{flipped}:5:3: periods.2023: "), result.stderr


# ---------------------------------------------------------------------------- crosswalk ids


def _crosswalk_edited(tmp_path: Path, old: str, new: str) -> Path:
    folder = _copy(tmp_path)
    criteria = folder / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    assert old in text
    criteria.write_text(text.replace(old, new), "utf-8")
    return criteria


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_crosswalk_key_must_be_an_id_of_the_old_catalogue(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    criteria = _crosswalk_edited(
        tmp_path,
        "criteria: {P01: C01, P02: C02, P03: C02, P04: null, P05: C03}\n  indicators: {arrests",
        "criteria: {P01: C01, P02: C02, P33: C02, P04: null, P05: C03}\n  indicators: {arests",
    )
    result = runner.invoke(main, ["validate", str(criteria), "--lang", lang])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    if lang == "en":
        assert lines[:2] == [
            f"{criteria}:9:34: replaces.criteria.P33: 'P33' is not a criterion of "
            "test-pilot@2022, the catalogue this one replaces (did you mean 'P03'?)",
            f"{criteria}:10:16: replaces.indicators.arests: 'arests' is not an indicator of "
            "test-pilot@2022, the catalogue this one replaces (did you mean 'arrests'?)",
        ]
    else:
        assert lines[0] == (
            f"{criteria}:9:34: replaces.criteria.P33: 'P33' không phải là tiêu chí của "
            "test-pilot@2022, bộ tiêu chí mà bộ này thay thế (có phải là 'P03'?)"
        )
    assert len(lines) == 3  # and the count of files with errors
    # `criteria` shows no catalogue with errors either
    result = runner.invoke(main, ["criteria", "--criteria", str(criteria), "--lang", lang])
    assert result.exit_code == 1
    assert "replaces.criteria.P33" in result.stderr


def test_a_ward_on_both_versions_is_refused_with_a_bad_crosswalk_said_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Both catalogues are read already: the check costs no look-up, and a comparison
    through a crosswalk naming an id the old catalogue lacks would be silently wrong."""
    criteria = _crosswalk_edited(tmp_path, "P03: C02", "P33: C02")
    ward = criteria.parent / "wards" / "two-versions.yaml"
    code, _, err = _run(runner, "assess", str(ward))
    assert code == 1
    assert err.splitlines() == [
        f"{criteria}:9:34: replaces.criteria.P33: 'P33' is not a criterion of test-pilot@2022, "
        "the catalogue this one replaces (did you mean 'P03'?)",
        f"{ward}: its catalogue {criteria} has errors (listed above)",
    ]
    second = ward.with_name("again.yaml")
    second.write_text(ward.read_text(encoding="utf-8").replace("two-versions", "again"), "utf-8")
    code, _, err = _run(runner, "validate", str(ward), str(second))
    assert code == 1
    assert err.count("replaces.criteria.P33") == 1
    for each in (ward, second):  # each ward named once, the first too
        assert err.count(f"{each}: its catalogue {criteria} has errors (listed above)") == 1


def test_a_bad_crosswalk_key_comes_in_the_same_round_as_shape_problems(
    runner: CliRunner, tmp_path: Path
) -> None:
    criteria = _crosswalk_edited(tmp_path, "P03: C02", "P93: C02")
    text = criteria.read_text(encoding="utf-8").replace("better: lower}", "better: fewer}", 1)
    criteria.write_text(text, "utf-8")
    code, _, err = _run(runner, "validate", str(criteria))
    assert code == 1
    assert "indicators.0.better: expected lower or higher, got 'fewer'" in err
    assert "replaces.criteria.P93: 'P93' is not a criterion of test-pilot@2022" in err


def test_an_old_catalogue_not_found_is_said_once_and_does_not_fail(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The catalogue scores wards as it is; a comparison across versions fails on its own."""
    criteria = _crosswalk_edited(
        tmp_path, "  catalogue: test-pilot@2022", "  catalogue: other-pilot@2020"
    )
    code, out, err = _run(runner, "validate", str(criteria), str(criteria.parent / "catalogues"))
    assert code == 0, err
    assert err.splitlines() == [
        f"{criteria}:8:14: replaces.catalogue: warning: other-pilot@2020 is not found beside "
        "this file (criteria.yaml, catalogues/) or shipped with modelward: the crosswalk's old "
        "ids are not checked; comparing a ward across the two versions needs it"
    ]
    assert out.count("ok: ") == 2
    result = runner.invoke(main, ["criteria", "--criteria", str(criteria)])
    assert result.exit_code == 0
    assert "cảnh báo: không tìm thấy other-pilot@2020" in result.stderr


def test_an_old_catalogue_with_errors_leaves_the_crosswalk_unchecked(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _copy(tmp_path)
    pilot = folder / "catalogues" / "test-pilot.yaml"
    pilot.write_text(pilot.read_text(encoding="utf-8").replace("at_most: 5", "at_most: five"))
    code, _, err = _run(runner, "validate", str(folder / "criteria.yaml"))
    assert code == 0, err
    assert f"warning: test-pilot@2022 ({pilot}) has errors of its own (validate it)" in err


# ---------------------------------------------------------------------------- lookup


def test_shipped_catalogues_are_found_from_any_folder(runner: CliRunner, tmp_path: Path) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text(
        'id: w\nname: "Phường W"\ncatalogue: cand-model-ward@2024\nperiods:\n'
        "  2023:\n    catalogue: cand-model-ward-pilot@2022\n    criteria: {P01: met}\n"
        "  2024:\n    criteria: {C01: met}\n",
        encoding="utf-8",
    )
    code, out, err = _run(runner, "validate", str(ward))
    assert code == 0, err
    code, out, err = _run(runner, "compare", str(ward), "2023", "2024", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["crosswalk"]["from"] == "cand-model-ward-pilot@2022"


def test_two_files_claiming_one_version_are_an_error(runner: CliRunner, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    twin = folder / "catalogues" / "twin.yaml"
    twin.write_text(
        (folder / "criteria.yaml").read_text(encoding="utf-8").replace("Nhóm 1", "Nhóm một"),
        encoding="utf-8",
    )
    code, _, err = _run(runner, "validate", str(folder / "wards" / "two-versions.yaml"))
    assert code == 1
    assert "two different files claim catalogue test-set@2024" in err
    assert str(folder / "criteria.yaml") in err
    assert str(twin) in err
    assert err.startswith(f"{folder / 'wards' / 'two-versions.yaml'}:4:12: catalogue: ")


def test_criteria_option_that_is_not_the_catalogue_named(runner: CliRunner) -> None:
    code, _, err = _run(runner, "validate", str(WARD), "--criteria", str(ROOT / "criteria.yaml"))
    assert code == 1
    assert (
        f"--criteria {ROOT / 'criteria.yaml'} is catalogue cand-model-ward@2024, not test-set@2024"
        in err
    )
    # The file's own version named on the command line is fine; the period on the pilot
    # is then the one that names another.
    code, _, err = _run(
        runner, "validate", str(WARD), "--criteria", str(VERSIONS / "criteria.yaml")
    )
    assert code == 1
    assert "periods.2023.catalogue: --criteria" in err
    assert "not test-pilot@2022 named here" in err


OTHER_VI = (
    "periods.2023.catalogue: --criteria {criteria} là bộ tiêu chí test-set@2024, "
    "không phải test-pilot@2022 ghi ở đây"
)
OTHER_EN = (
    "periods.2023.catalogue: --criteria {criteria} is catalogue test-set@2024, "
    "not test-pilot@2022 named here"
)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "command",
    [
        ["assess", str(WARD), "--period", "2023"],
        ["report", str(WARD), "--period", "2023", "-o", "-"],
        ["compare", str(WARD), "2023", "2024"],
        ["compare", str(WARD), "2024"],
        ["history", str(WARD)],
        ["validate", str(WARD)],
    ],
)
def test_criteria_option_is_an_error_where_a_period_on_another_is_scored(
    runner: CliRunner, command: list[str], lang: str
) -> None:
    """FORMAT.md section 6: --criteria FILE that is not the catalogue a period names is an
    error naming both, wherever that period is scored."""
    criteria = str(VERSIONS / "criteria.yaml")
    result = runner.invoke(main, [*command, "--criteria", criteria, "--lang", lang])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    said = (OTHER_VI if lang == "vi" else OTHER_EN).format(criteria=criteria)
    assert result.stderr.startswith(f"{WARD}:7:16: {said}"), result.stderr


def test_criteria_option_scores_the_periods_on_it_and_reads_the_others_figures(
    runner: CliRunner,
) -> None:
    """A period on the --criteria catalogue is scored on it; the year before, on another
    version, is still its year-over-year figures (through the crosswalk), as without it."""
    criteria = str(VERSIONS / "criteria.yaml")
    args = ["assess", str(WARD), "--period", "2024", "--format", "json"]
    code, out, err = _run(runner, *args, "--criteria", criteria)
    assert code == 0, err
    assert out == _run(runner, *args)[1]
    doc = json.loads(out)
    assert doc["catalogue"]["id"] == "test-set"
    assert doc["compared_to"] == "2023"
    incidents = next(r for r in doc["indicators"] if r["id"] == "incidents")
    assert (incidents["value"], incidents["previous"]) == (4, 6)


def test_summary_with_criteria_leaves_out_a_ward_whose_period_is_on_another(
    runner: CliRunner,
) -> None:
    criteria = str(VERSIONS / "criteria.yaml")
    base = ["summary", str(WARD), "--criteria", criteria, "--format", "json"]
    code, out, err = _run(runner, *base, "--period", "2024")
    assert code == 0, err
    assert [w["id"] for w in json.loads(out)["wards"]] == ["two-versions"]
    code, out, err = _run(runner, *base, "--period", "2023")
    assert code == 1
    assert OTHER_EN.format(criteria=criteria) in err
    assert json.loads(out)["wards"] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_unknown_version_is_named_with_those_known(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    folder = _copy(tmp_path)
    ward = folder / "wards" / "two-versions.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8").replace("test-pilot@2022", "test-pilot@2021"), "utf-8"
    )
    result = runner.invoke(main, ["validate", str(ward), "--lang", lang])
    assert result.exit_code == 1
    assert f"{ward}:7:16: periods.2023.catalogue: " in result.stderr
    assert "test-pilot@2021" in result.stderr
    assert "test-pilot@2022" in result.stderr  # among those known
    if lang == "vi":
        assert "không tìm thấy" in result.stderr


def test_criteria_list_and_a_version_by_name(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_copy(tmp_path))
    result = runner.invoke(main, ["criteria", "--list", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    found = [
        (c["id"], c["version"], c["status"], c["found"])
        for c in json.loads(result.stdout)["catalogues"]
    ]
    assert found[:2] == [
        ("test-set", "2024", "draft", "local"),
        ("test-pilot", "2022", "illustrative", "local"),
    ]
    assert ("cand-model-ward", "2024", "draft", "shipped") in found
    result = runner.invoke(main, ["criteria", "--list", "--lang", "en"])
    assert "test-pilot@2022" in result.stdout
    assert "shipped with" in result.stdout
    result = runner.invoke(main, ["criteria", "--criteria", "test-pilot@2022", "--format", "json"])
    assert json.loads(result.stdout)["id"] == "test-pilot"
    result = runner.invoke(main, ["criteria", "--criteria", "nope@1", "--lang", "en"])
    assert result.exit_code == 2
    assert "no catalogue nope@1 found" in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_criteria_list_marks_two_files_claiming_one_version(
    lang: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both are listed (the user must see which files), marked, and named under the table."""
    folder = _copy(tmp_path)
    monkeypatch.chdir(folder)
    edited = folder / "catalogues" / "edited.yaml"
    text = (folder / "criteria.yaml").read_text(encoding="utf-8")
    edited.write_text(text + "# edited\n", encoding="utf-8")
    (folder / "catalogues" / "same.yaml").write_text(
        (folder / "catalogues" / "test-pilot.yaml").read_text(encoding="utf-8"), "utf-8"
    )  # an identical copy is one catalogue: not a conflict
    result = runner.invoke(main, ["criteria", "--list", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len([r for r in lines if re.match(r"⚠ test-set@2024 {2,}", r)]) == 2  # table rows
    assert not [r for r in lines if re.match(r"⚠ test-pilot", r)]
    last = " ".join(result.stdout.split())
    assert "⚠ test-set@2024: " in last
    assert "(criteria.yaml; catalogues/edited.yaml)" in last
    assert ("gets an error" if lang == "en" else "sẽ bị báo lỗi") in last
    assert "test-pilot@2022: " not in last
    doc = json.loads(runner.invoke(main, ["criteria", "--list", "--format", "json"]).stdout)
    by_path = {Path(c["path"]).name: c["conflicts_with"] for c in doc["catalogues"]}
    assert by_path["criteria.yaml"] == [str(edited)]
    assert by_path["edited.yaml"] == [str(folder / "criteria.yaml")]
    assert by_path["same.yaml"] == by_path["test-pilot.yaml"] == []


def test_new_writes_the_catalogue_by_name_and_the_file_travels(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a folder with no catalogue at all: new, then validate after moving the file."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        main, ["new", "w.yaml", "--id", "w", "--name", "Phường W", "--period", "2024"]
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "w.yaml").read_text(encoding="utf-8")
    assert 'catalogue: "cand-model-ward@2024"' in text
    moved = tmp_path / "elsewhere" / "w.yaml"
    moved.parent.mkdir()
    (tmp_path / "w.yaml").rename(moved)
    result = runner.invoke(main, ["validate", str(moved)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["criteria", "--format", "json"])
    assert json.loads(result.stdout)["id"] == "cand-model-ward"  # the shipped one


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_criteria_by_name_is_taken_wherever_criteria_is(
    lang: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA2 #10: ``--criteria ID@VERSION`` on new, assess, compare, history, report, summary,
    export, validate and schema, looked up from the paths given (here is a folder with no
    catalogue), as on ``criteria``."""
    folder = _copy(tmp_path)
    solo = folder / "solo"
    solo.mkdir()
    ward = solo / "one.yaml"
    ward.write_text(
        "id: one\nname: One\nperiods:\n  2023:\n    indicators: {incidents: 6}\n"
        "  2024:\n    indicators: {incidents: 3}\n    criteria: {C01: met}\n",
        encoding="utf-8",
    )
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    by_name = ["--criteria", "test-set@2024", "--lang", lang]
    for args in (
        ["validate", str(solo)],
        ["assess", str(ward)],
        ["compare", str(ward), "2023", "2024"],
        ["history", str(ward)],
        ["report", str(ward), "-o", str(here / "r.md")],
        ["summary", str(solo)],
        ["export", str(solo), "-o", str(here / "s.csv")],
        ["schema", "ward"],
    ):
        if args[0] == "schema":  # no path given: looked up from here, where it is not
            result = runner.invoke(main, [*args, "--criteria", "test-set@2024"])
            assert result.exit_code == 2, result.stderr
            assert "test-set@2024" in result.stderr
            monkeypatch.chdir(solo)
        result = runner.invoke(main, [*args, *by_name])
        assert result.exit_code == 0, (args, result.stderr)
        assert "test-set@2024" not in result.stderr, args
    result = runner.invoke(main, ["assess", str(ward), "--format", "json", *by_name])
    assert json.loads(result.stdout)["catalogue"]["id"] == "test-set"
    new = solo / "new.yaml"
    result = runner.invoke(
        main, ["new", str(new), "--id", "n", "--name", "N", "--criteria", "test-pilot@2022"]
    )
    assert result.exit_code == 0, result.stderr
    assert 'catalogue: "test-pilot@2022"' in new.read_text(encoding="utf-8")
    assert runner.invoke(main, ["validate", str(new)]).exit_code == 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_criteria_file_not_found_is_said_once(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """QA2 #10: a missing --criteria file is one problem, not one per ward followed by
    "the catalogue of this file has errors" (it has none: it is not there)."""
    folder = _copy(tmp_path)
    for name in ("a", "b"):
        shutil.copy(WARD, folder / "wards" / f"{name}.yaml")
    missing = str(folder / "nosuch.yaml")
    result = runner.invoke(
        main, ["validate", str(folder / "wards"), "--criteria", missing, "--lang", lang]
    )
    assert result.exit_code == 1
    said = "no such file" if lang == "en" else "không có tệp này"
    assert result.stderr.splitlines() == [f"{missing}: {said}"]
    assert ("has errors" if lang == "en" else "có lỗi") not in result.stderr
    result = runner.invoke(main, ["assess", str(WARD), "--criteria", "nope@1", "--lang", lang])
    assert result.exit_code == 2
    assert "nope@1" in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_catalogue_not_read_is_not_said_to_have_errors(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """A catalogue that cannot be read (here: larger than --max-size) has no errors of its
    own to point at: each ward is told it could not be read, never that it "has errors"."""
    folder = _copy(tmp_path)
    solo = folder / "solo"
    solo.mkdir()
    for name in ("a", "b"):
        (solo / f"{name}.yaml").write_text(
            f"id: {name}\nname: {name}\ncatalogue: ../criteria.yaml\nperiods: {{2024: {{}}}}\n",
            encoding="utf-8",
        )
    result = runner.invoke(main, ["validate", str(solo), "--max-size", "200", "--lang", lang])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    unread = "could not be read" if lang == "en" else "không đọc được"
    for name in ("a", "b"):
        assert [x for x in lines if x.startswith(str(solo / f"{name}.yaml"))] == [
            f"{solo / name}.yaml: "
            + (
                f"its catalogue {folder / 'criteria.yaml'} could not be read (why is said above)"
                if lang == "en"
                else f"không đọc được bộ tiêu chí {folder / 'criteria.yaml'} của tệp này (lý do ở trên)"
            )
        ]
    assert unread in result.stderr
    assert ("has errors" if lang == "en" else "có lỗi (xem") not in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("beside", [False, True])
def test_new_with_a_catalogue_not_found_from_its_folder_says_where_to_put_it(
    lang: str, beside: bool, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA2 #2: ``new --criteria FILE`` writes ``ID@VERSION`` (never a path); where that name
    would not find FILE from the new file's folder, it says so at the catalogue line and
    names the copy to make. Doing exactly what it says makes the file validate."""
    elsewhere = tmp_path / "cw"
    elsewhere.mkdir()
    given = elsewhere / "criteria.yaml"
    text = (VERSIONS / "criteria.yaml").read_text(encoding="utf-8")
    given.write_text(text.replace("id: test-set", "id: test-std", 1), encoding="utf-8")
    work = tmp_path / "e2"
    work.mkdir()
    if beside:  # a criteria.yaml above the new file: its catalogues/ folder is where to look
        (work / "criteria.yaml").write_text(
            SAMPLE.parent.parent.joinpath("criteria.yaml").read_text(encoding="utf-8"), "utf-8"
        )
        (work / "wards").mkdir()
        target = work / "wards" / "w3.yaml"
    else:
        target = work / "w3.yaml"
    monkeypatch.chdir(work)
    result = runner.invoke(
        main,
        [
            "new",
            str(target.relative_to(work)),
            "--id",
            "c",
            "--name",
            "C",
            "--criteria",
            str(given),
            "--lang",
            lang,
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert 'catalogue: "test-std@2024"' in target.read_text(encoding="utf-8")
    (said,) = result.stderr.splitlines()
    assert said.startswith(f"{target.relative_to(work)}:7:12: catalogue: ")
    assert ("warning" if lang == "en" else "cảnh báo") in said
    copy = "catalogues/test-std-2024.yaml"
    assert f"(mkdir -p catalogues && cp {given} {copy})" in said
    assert runner.invoke(main, ["validate", str(target)]).exit_code == 1  # not yet
    command = said[said.rindex("(") + 1 : -1]
    subprocess.run(command, shell=True, check=True, cwd=work)
    result = runner.invoke(main, ["validate", str(target)])
    assert result.exit_code == 0, result.stderr
    # Once the copy is there, a second new file from the same catalogue is not warned.
    result = runner.invoke(
        main,
        [
            "new",
            str(target.with_name("w4.yaml")),
            "--id",
            "d",
            "--name",
            "D",
            "--criteria",
            str(given),
        ],
    )
    assert result.exit_code == 0
    assert result.stderr == ""


def test_new_warns_where_its_name_finds_another_catalogue(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An edited copy of a catalogue given to new, where the name finds the original."""
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        (ROOT / "criteria.yaml").read_text(encoding="utf-8") + "# edited\n", encoding="utf-8"
    )
    target = tmp_path / "w.yaml"
    result = runner.invoke(
        main,
        ["new", str(target), "--id", "w", "--name", "W", "--criteria", str(edited), "--lang", "en"],
    )
    assert result.exit_code == 0
    assert f"{target}:7:12: catalogue: warning: " in result.stderr
    assert f"not {edited}: the file will be scored on " in result.stderr


# ---------------------------------------------------------------------------- spans of days


def test_police_years_and_29_february_compare_with_a_year_earlier(
    runner: CliRunner, tmp_path: Path
) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text(
        'id: w\nname: "Phường W"\ncatalogue: cand-model-ward@2024\nperiods:\n'
        "  2022-12-15..2023-12-14:\n    indicators: {incidents: 24}\n"
        "  2023-12-15..2024-12-14:\n    indicators: {incidents: 10}\n"
        "  2022-12-15..2023-02-28:\n    indicators: {incidents: 5}\n"
        "  2023-12-15..2024-02-29:\n    indicators: {incidents: 4}\n",
        encoding="utf-8",
    )
    code, out, err = _run(runner, "assess", str(ward), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["period"], doc["compared_to"]) == (
        "2023-12-15..2024-12-14",  # ends last: the latest
        "2022-12-15..2023-12-14",
    )
    incidents = next(i for i in doc["indicators"] if i["id"] == "incidents")
    assert (incidents["value"], incidents["previous"], incidents["change"]) == (10, 24, -0.5833)
    code, out, err = _run(
        runner, "compare", str(ward), "2023-12-15..2024-02-29", "--format", "json"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2022-12-15..2023-02-28", "2023-12-15..2024-02-29")
    assert doc["spans_differ"] is False  # the same span, a leap day apart
    code, out, _ = _run(runner, "compare", str(ward), "2023-12-15..2024-02-29")
    assert "15 Dec 2022 – 28 Feb 2023" in out
    assert "15 Dec 2023 – 29 Feb 2024" in out
    result = runner.invoke(main, ["assess", str(ward)])
    assert "15/12/2023–14/12/2024" in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_end_of_february_the_year_after_a_leap_year(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """QA2 #6: 15/12/2024–28/02/2025 finds 15/12/2023–29/02/2024, the same campaign to the
    end of February; a period with none names it as reports write it, not as a raw key."""
    ward = tmp_path / "z.yaml"
    ward.write_text(
        'id: z\nname: "Phường Z"\ncatalogue: cand-model-ward@2024\nperiods:\n'
        "  2023-12-15..2024-02-29:\n    indicators: {incidents: 8}\n"
        "  2024-12-15..2025-02-28:\n    indicators: {incidents: 4}\n",
        encoding="utf-8",
    )
    later = "2024-12-15..2025-02-28"
    doc = json.loads(
        runner.invoke(
            main, ["assess", str(ward), "--period", later, "--format", "json", "--lang", lang]
        ).stdout
    )
    assert doc["compared_to"] == "2023-12-15..2024-02-29"
    incidents = next(i for i in doc["indicators"] if i["id"] == "incidents")
    assert (incidents["previous"], incidents["change"]) == (8, -0.5)
    result = runner.invoke(main, ["assess", str(ward), "--period", later, "--lang", lang])
    assert {
        "vi": "so với cùng kỳ 15/12/2023–29/02/2024",
        "en": "against the same period of 15 Dec 2023 – 29 Feb 2024",
    }[lang] in " ".join(result.stdout.split())
    result = runner.invoke(main, ["compare", str(ward), later, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["from"] == "2023-12-15..2024-02-29"
    result = runner.invoke(main, ["compare", str(ward), "2023-12-15..2024-02-29", "--lang", lang])
    assert result.exit_code == 2
    assert {
        "vi": "không có kỳ 15/12/2022–28/02/2023, cùng kỳ năm trước của 15/12/2023–29/02/2024",
        "en": "has no 15 Dec 2022 – 28 Feb 2023, the same period a year before "
        "15 Dec 2023 – 29 Feb 2024",
    }[lang] in result.stderr
    assert "2022-12-15" not in result.stderr


def test_exports_say_the_catalogue_is_a_draft(runner: CliRunner, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "s.csv"
    result = runner.invoke(main, ["export", str(ROOT / "wards"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows
    assert {r["catalogue_status"] for r in rows} == {"draft"}
    out = tmp_path / "s.json"
    runner.invoke(main, ["export", str(ROOT / "wards"), "-o", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["catalogue"]["status"] == "draft"


def _ward_beside(folder: Path, criteria_text: str) -> Path:
    (folder / "criteria.yaml").write_text(criteria_text, encoding="utf-8")
    ward = folder / "tx.yaml"
    ward.write_text(
        'id: tx\nname: "Phường TX"\ncatalogue: cand-model-ward@2024\n'
        "periods:\n  2023:\n    indicators: {incidents: 3}\n",
        encoding="utf-8",
    )
    return ward


def test_an_edited_local_copy_of_a_shipped_catalogue_is_an_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An edited criteria.yaml claiming a shipped ID@VERSION never silently overrides it."""
    text = (ROOT / "criteria.yaml").read_text(encoding="utf-8")
    assert text.count("min_share: 1.0") == 1
    ward = _ward_beside(tmp_path, text.replace("min_share: 1.0", "min_share: 0.5"))
    shipped = shipped_folder() / "cand-model-ward-2024.yaml"
    for command in (["validate", str(ward)], ["assess", str(ward), "--period", "2023"]):
        code, out, err = _run(runner, *command)
        assert code == 1, out
        assert "two different files claim catalogue cand-model-ward@2024" in err
        assert str(tmp_path / "criteria.yaml") in err
        assert str(shipped) in err
        assert err.startswith(f"{ward}:3:12: catalogue: ")


def test_an_identical_local_copy_of_a_shipped_catalogue_is_fine(
    runner: CliRunner, tmp_path: Path
) -> None:
    ward = _ward_beside(tmp_path, (ROOT / "criteria.yaml").read_text(encoding="utf-8"))
    code, out, err = _run(runner, "assess", str(ward), "--period", "2023", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["catalogue"]["id"] == "cand-model-ward"


def test_a_ward_with_no_catalogue_anywhere_near_uses_the_shipped_default(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward = tmp_path / "tx.yaml"
    ward.write_text(
        'id: tx\nname: "Phường TX"\nperiods:\n  2023:\n    indicators: {incidents: 3}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(runner, "validate", "tx.yaml")
    assert code == 0, err
    code, out, err = _run(runner, "assess", "tx.yaml", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["catalogue"]["id"] == "cand-model-ward"
    code, out, err = _run(runner, "assess", "tx.yaml")
    assert code == 0, err
    assert "Catalogue cand-model-ward@2024" in out


def test_history_takes_each_periods_key_figures_from_its_own_catalogue_by_id(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Two versions not linked by ``replaces``, the newer one titling ``incidents`` anew and
    reading a figure the pilot's rules do not: each period keeps the key figures of its own
    catalogue, and the ward's page of a site charts ``incidents`` over both years."""
    folder = _copy(tmp_path)
    criteria = folder / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    for old, new in (
        ("  catalogue: test-pilot@2022", "  catalogue: other@1"),
        ('{id: incidents, title: "Vụ việc"', '{id: incidents, title: "Số vụ việc"'),
        (
            '{id: C04, title: "Tiêu chí mới"}',
            "{id: C04, title: T, rule: {value: tips_share, at_least: 0.9}}",
        ),
    ):
        assert old in text
        text = text.replace(old, new)
    criteria.write_text(text, "utf-8")
    ward = folder / "wards" / "two-versions.yaml"
    ward.write_text(ward.read_text("utf-8").replace("C02: met, C04: met}", "C02: met}"), "utf-8")
    code, out, err = _run(runner, "history", str(ward), "--format", "json")
    assert code == 0, err
    periods = {p["period"]: p["indicators"] for p in json.loads(out)["periods"]}
    assert {k: {i: f["value"] for i, f in v.items()} for k, v in periods.items()} == {
        "2023": {"incidents": 6},
        "2024": {"incidents": 4, "tips_share": 1.0},
    }
    # The table too: a figure only the later version's rules read gets its line, by id.
    code, out, err = _run(runner, "history", str(ward), "--format", "markdown")
    assert code == 0, err
    assert "| Vụ việc | 6 | 4 |" in out
    assert "| Tỷ lệ tin báo được xử lý | 75% | 100% |" in out
    site = tmp_path / "site"
    code, _, err = _run(runner, "export", str(ward), "-o", f"{site}/", "--no-cache")
    assert code == 0, err
    page = (site / "wards" / "two-versions.html").read_text("utf-8")
    assert 'aria-label="2023: 6, 2024: 4"' in page
    assert 'aria-label="2024: 100%"' in page  # a key figure of the later version only


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Catalogue of each period: 2023: test-pilot@2022 (5 criteria); 2024: test-set@2024"),
        ("vi", "Bộ tiêu chí của từng kỳ: 2023: test-pilot@2022 (5 tiêu chí); 2024: test-set@2024"),
    ],
)
def test_periods_on_two_versions_say_which_each_is_on(
    runner: CliRunner, lang: str, line: str
) -> None:
    """Their counts of criteria met are of different sets: the table says which, and the
    change in criteria met is not worked out across them."""
    for command in (["history", str(WARD)], ["compare", str(WARD), "2023", "2024"]):
        result = runner.invoke(
            main, [*command, "--lang", lang, "--format", "markdown"], env={"NO_COLOR": "1"}
        )
        assert result.exit_code == 0, result.output
        assert line in result.stdout
    change = label("change", "en" if lang == "en" else "vi")
    (row,) = [r for r in result.stdout.splitlines() if r.startswith(f"| **{change}** |")]
    assert row.split("|")[2].strip() == "**—**"
    # One catalogue for every period: no such line, and the change is worked out.
    one = DATA / "wards" / "two-years.yaml"
    result = runner.invoke(main, ["compare", str(one), "2023", "2024", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert line.split(":")[0] not in result.stdout
    result = runner.invoke(
        main, ["compare", str(one), "2023", "2024", "--lang", lang, "--format", "markdown"]
    )
    (row,) = [r for r in result.stdout.splitlines() if r.startswith(f"| **{change}** |")]
    assert row.split("|")[2].strip() == "**+1**"  # W1 gained: 2/3 → 3/3


# ---------------------------------------------------------------------------- the sample


def test_the_samples_2023_is_scored_on_the_pilot_and_2024_reads_it_through_the_crosswalk(
    runner: CliRunner,
) -> None:
    code, out, err = _run(runner, "assess", str(SAMPLE), "--period", "2023", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["catalogue"] == {
        "id": "cand-model-ward-pilot",
        "version": "2022",
        "status": "illustrative",
    }
    statuses = {c["id"]: c["status"] for g in doc["groups"] for c in g["criteria"]}
    assert sorted(statuses) == [f"P{i:02d}" for i in range(1, 23)]
    assert {k: v for k, v in statuses.items() if v != "met"} == {
        "P10": "not_met",  # the note the sample gives
        "P13": "unknown",  # no 2022 figures
    }
    assert (doc["totals"]["met"], doc["totals"]["criteria"]) == (20, 22)
    table = runner.invoke(main, ["assess", str(SAMPLE), "--period", "2023"]).stdout
    assert "Bộ tiêu chí cand-model-ward-pilot@2022: bộ minh họa" in table
    for lang, change in (("vi", "▼ −58,3%"), ("en", "▼ −58.3%")):
        result = runner.invoke(
            main,
            ["assess", str(SAMPLE), "--period", "2024", "--lang", lang],
            env={"COLUMNS": "120"},
        )
        assert result.exit_code == 0, result.output
        assert "20/20" in result.stdout
        row = next(r for r in result.stdout.splitlines() if r.startswith(("Vụ việc", "Security")))
        assert change in row, row


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sample_with_criteria_yaml(runner: CliRunner, lang: str) -> None:
    """`--criteria criteria.yaml` is the catalogue 2024 is on: 2024 is scored as without it;
    2023 names the pilot: scoring it is the error naming both."""
    criteria = str(ROOT / "criteria.yaml")
    plain = ["assess", str(SAMPLE), "--period", "2024", "--lang", lang]
    with_it = runner.invoke(main, [*plain, "--criteria", criteria])
    assert with_it.exit_code == 0, with_it.output
    assert with_it.stdout == runner.invoke(main, plain).stdout
    result = runner.invoke(
        main, ["assess", str(SAMPLE), "--period", "2023", "--criteria", criteria, "--lang", lang]
    )
    assert result.exit_code == 1
    said = {
        "vi": f"--criteria {criteria} là bộ tiêu chí cand-model-ward@2024, "
        "không phải cand-model-ward-pilot@2022 ghi ở đây",
        "en": f"--criteria {criteria} is catalogue cand-model-ward@2024, "
        "not cand-model-ward-pilot@2022 named here",
    }[lang]
    assert re.match(rf"{re.escape(str(SAMPLE))}:\d+:\d+: periods\.2023\.catalogue: ", result.stderr)
    assert said in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_unknown_ratio_part_and_a_missing_better_in_one_round(
    lang: str, runner: CliRunner, tmp_path: Path
) -> None:
    """QA2 #12: the ratio's names are readable, so they are checked though the indicator
    fails its shape; likewise a rule's names in a criterion that fails its own."""
    catalogue = tmp_path / "criteria.yaml"
    catalogue.write_text(
        'id: t\nversion: "1"\ntitle: T\nindicators:\n'
        "  - {id: incidents, title: I, better: lower}\n"
        "  - {id: share, title: S, ratio: [incidents, nosuch]}\n"
        "groups:\n  - id: G1\n    title: G\n    criteria:\n"
        "      - {id: C01, title: 5, rule: {value: fires, at_most: 0}}\n"
        "verdicts:\n  - {id: ok, title: OK}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(catalogue), "--lang", lang])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [x.split(": ")[0:2] for x in lines[:-1]] == [
        [f"{catalogue}:6:5", "indicators.1.better"],
        [f"{catalogue}:6:46", "indicators.1.ratio.1"],
        [f"{catalogue}:11:26", "groups.0.criteria.0.title"],
        [f"{catalogue}:11:43", "groups.0.criteria.0.rule.value"],
    ]
    assert "'nosuch'" in lines[1]
    assert "'fires'" in lines[3]


def test_a_site_of_a_ward_on_two_unlinked_versions(runner: CliRunner, tmp_path: Path) -> None:
    """The ward page's charts take each key figure from the periods that have it: a period
    on another catalogue version without it is left out of that chart (was a KeyError)."""
    folder = _unlinked(tmp_path)
    ward = folder / "wards" / "y.yaml"
    ward.write_text(
        "id: y\nname: Y\ncatalogue: cand-model-ward@2024\nperiods:\n"
        "  2023:\n    indicators: {incidents: 24}\n"
        "  2024:\n    catalogue: test-set@2024\n    indicators: {incidents: 10}\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = runner.invoke(main, ["export", str(ward), "-o", f"{site}/", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    page = (site / "wards" / "y.html").read_text(encoding="utf-8")
    assert "Y — 2024" in page
