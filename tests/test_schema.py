"""The JSON Schemas accept the sample files and reject what a schema can express."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, ROOT, SAMPLE


def _json_like(value: Any) -> Any:
    """What an editor's YAML server sees: string keys, dates as strings."""
    if isinstance(value, dict):
        return {str(k): _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _load(path: Path) -> Any:
    return _json_like(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))


def _schema(runner: CliRunner, tmp_path: Path, kind: str) -> jsonschema.Draft202012Validator:
    out = tmp_path / f"{kind}.schema.json"
    result = runner.invoke(main, ["schema", kind, "--criteria", str(CATALOGUE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_samples_are_accepted(runner: CliRunner, tmp_path: Path) -> None:
    assert not list(_schema(runner, tmp_path, "ward").iter_errors(_load(SAMPLE)))
    assert not list(_schema(runner, tmp_path, "catalogue").iter_errors(_load(CATALOGUE)))


def _period(doc: dict[str, Any]) -> dict[str, Any]:
    period: dict[str, Any] = doc["periods"]["2024"]
    return period


WARD_BREAKS = {
    "unknown key": lambda d: d.update(titel="x"),
    "unknown criterion": lambda d: _period(d)["criteria"].update(C99="met"),
    "unknown indicator": lambda d: _period(d)["indicators"].update(foo=1),
    "bad status": lambda d: _period(d)["criteria"].update(C01="done"),
    "status on a computed criterion": lambda d: _period(d)["criteria"].update(C12="met"),
    "override without a reason": lambda d: _period(d)["criteria"].update(
        C12={"override": {"status": "met"}}
    ),
    "negative figure": lambda d: _period(d)["indicators"].update(incidents=-1),
    "fractional count": lambda d: _period(d)["indicators"].update(incidents=1.5),
    "bare percent": lambda d: _period(d)["indicators"].update(resident_satisfaction=97.96),
    "bare percent for a ratio": lambda d: _period(d)["indicators"].update(tips_handled_share=95),
    "bound nothing lies beyond": lambda d: _period(d)["indicators"].update(
        incidents={"value": 1, "bound": "somewhere"}
    ),
    "bad period key": lambda d: d["periods"].update({"2024-13": {}}),
    "words for a period": lambda d: d["periods"].update({"năm 2024": {}}),
    "number as words": lambda d: _period(d)["indicators"].update(incidents="ten"),
    "bad id": lambda d: d.update(id="Tao Xuyen"),
    # FORMAT §9: an inspection's own criteria and indicators, on the period's catalogue.
    "unknown criterion in an inspection": lambda d: _inspected(d, criteria={"C99": "met"}),
    "unknown indicator in an inspection": lambda d: _inspected(d, indicators={"foo": 1}),
    "bad status in an inspection": lambda d: _inspected(d, criteria={"C01": "done"}),
    "status on a computed criterion in an inspection": lambda d: _inspected(
        d, criteria={"C12": "met"}
    ),
    "bare percent in an inspection": lambda d: _inspected(
        d, indicators={"resident_satisfaction": 97.96}
    ),
}


def _inspected(doc: dict[str, Any], **found: Any) -> None:
    _period(doc)["inspection"] = {"by": "Công an tỉnh Thanh Hóa", "on": "2025-03-10", **found}


@pytest.mark.parametrize("case", sorted(WARD_BREAKS))
def test_broken_ward_is_rejected(case: str, runner: CliRunner, tmp_path: Path) -> None:
    doc = copy.deepcopy(_load(SAMPLE))
    WARD_BREAKS[case](doc)
    assert list(_schema(runner, tmp_path, "ward").iter_errors(doc)), case


CATALOGUE_BREAKS = {
    "no groups": lambda d: d.update(groups=[]),
    "min_share above 1": lambda d: d["verdicts"][0].update(min_share=1.5),
    "weight 0": lambda d: d["groups"][0]["criteria"][0].update(weight=0),
    "unknown key": lambda d: d.update(titel="x"),
    "bad better": lambda d: d["indicators"][0].update(better="up"),
}


@pytest.mark.parametrize("case", sorted(CATALOGUE_BREAKS))
def test_broken_catalogue_is_rejected(case: str, runner: CliRunner, tmp_path: Path) -> None:
    doc = copy.deepcopy(_load(CATALOGUE))
    CATALOGUE_BREAKS[case](doc)
    assert list(_schema(runner, tmp_path, "catalogue").iter_errors(doc)), case


def test_readme_shows_the_editor_header() -> None:
    assert "# yaml-language-server: $schema=" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_blank_criterion_is_accepted_as_the_loader_accepts_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Blank: not assessed yet (a judged criterion) or left to its rule (a computed one).
    ward = _load(SAMPLE)
    _period(ward)["criteria"].update(C01=None, C12=None)
    assert not list(_schema(runner, tmp_path, "ward").iter_errors(ward))


@pytest.mark.parametrize(
    "key", ["2024", "2025-Q1", "2025-H2", "2025-03", "2025-01..2025-02", "2023-12-15..2024-12-14"]
)
def test_every_period_spelling_is_accepted(key: str, runner: CliRunner, tmp_path: Path) -> None:
    # FORMAT §7: a span of days, the police statistical year, is a period key too.
    ward = _load(SAMPLE)
    ward["periods"] = {key: ward["periods"]["2024"]}
    assert not list(_schema(runner, tmp_path, "ward").iter_errors(ward))


@pytest.mark.parametrize("key", ["2024-13", "2023-12-15..2024-12", "2023-12-32..2024-12-14"])
def test_a_period_key_of_no_spelling_is_refused(
    key: str, runner: CliRunner, tmp_path: Path
) -> None:
    ward = _load(SAMPLE)
    ward["periods"] = {key: ward["periods"]["2024"]}
    assert list(_schema(runner, tmp_path, "ward").iter_errors(ward))


def test_a_day_span_ward_file_validates_against_the_schema(
    runner: CliRunner, tmp_path: Path
) -> None:
    # The whole sample with its years as police statistical years, as mw validate takes it.
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("\n  2024:", "\n  2023-12-15..2024-12-14:")
    text = text.replace("\n  2023:", "\n  2022-12-15..2023-12-14:")
    path = tmp_path / "ds.yaml"
    path.write_text(text.replace("../criteria.yaml", str(CATALOGUE)), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    assert "2023-12-15..2024-12-14" in _load(path)["periods"]
    assert not list(_schema(runner, tmp_path, "ward").iter_errors(_load(path)))


def test_an_inspection_is_accepted_as_the_loader_accepts_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Short forms, an override with its reason, figures in every spelling, blanks."""
    inspection = {
        "by": "Công an tỉnh Thanh Hóa",
        "on": dt.date(2025, 3, 10),
        "indicators": {"incidents": 11, "resident_satisfaction": "91%", "fires": None},
        "criteria": {
            "C06": {"status": "not_met", "note": "thiếu trang thiết bị"},
            "C07": "met",
            "C12": {"override": {"status": "not_met", "reason": "tin báo tồn đọng"}},
            "C01": None,
        },
    }
    text = SAMPLE.read_text(encoding="utf-8").replace("../criteria.yaml", str(CATALOGUE))
    doc = yaml.load(text, Loader=yaml.CSafeLoader)
    doc["periods"][2024]["inspection"] = inspection
    path = tmp_path / "inspected.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.stderr
    assert _errors(_schema(runner, tmp_path, "ward"), _load(path)) == []


# ---------------------------------------------------------------------------- per-period catalogues

VERSIONS = ROOT / "tests" / "data" / "versions"


def _versions_schema(runner: CliRunner, tmp_path: Path) -> jsonschema.Draft202012Validator:
    out = tmp_path / "ward.schema.json"
    criteria = VERSIONS / "criteria.yaml"
    result = runner.invoke(main, ["schema", "ward", "--criteria", str(criteria), "-o", str(out)])
    assert result.exit_code == 0, result.output
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(validator: jsonschema.Draft202012Validator, doc: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(doc)]


def test_a_period_on_another_version_takes_that_versions_ids(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The ward written for the tests: 2023 on test-pilot@2022 (P01…), 2024 on test-set@2024."""
    validator = _versions_schema(runner, tmp_path)
    ward = _load(VERSIONS / "wards" / "two-versions.yaml")
    assert runner.invoke(main, ["validate", str(VERSIONS / "wards")]).exit_code == 0
    assert _errors(validator, ward) == []
    # The pilot's ids in the pilot period only; the newer set's elsewhere.
    pilot_with_new_id = copy.deepcopy(ward)
    pilot_with_new_id["periods"]["2023"]["criteria"]["C04"] = "met"
    assert _errors(validator, pilot_with_new_id)
    new_with_pilot_id = copy.deepcopy(ward)
    new_with_pilot_id["periods"]["2024"]["criteria"]["P01"] = "met"
    assert _errors(validator, new_with_pilot_id)
    pilot_figure = copy.deepcopy(ward)
    pilot_figure["periods"]["2024"]["indicators"]["arrests"] = 2  # a pilot figure, dropped since
    assert _errors(validator, pilot_figure)
    # A period naming the catalogue the file is on is on it too.
    same = copy.deepcopy(ward)
    same["periods"]["2024"]["catalogue"] = "test-set@2024"
    assert _errors(validator, same) == []
    same["periods"]["2024"]["criteria"]["P01"] = "met"
    assert _errors(validator, same)
    # An inspection takes the ids of its period's version.
    inspected = copy.deepcopy(ward)
    inspected["periods"]["2023"]["inspection"] = {"criteria": {"P03": "met"}}
    inspected["periods"]["2024"]["inspection"] = {"indicators": {"incidents": 5}}
    assert _errors(validator, inspected) == []
    inspected["periods"]["2023"]["inspection"]["criteria"]["C04"] = "met"
    assert _errors(validator, inspected)
    inspected["periods"]["2023"]["inspection"]["criteria"] = {"P03": "met"}
    inspected["periods"]["2024"]["inspection"]["indicators"]["arrests"] = 2
    assert _errors(validator, inspected)


def test_a_period_on_a_version_in_sight_or_unknown(runner: CliRunner, tmp_path: Path) -> None:
    validator = _versions_schema(runner, tmp_path)
    ward = _load(VERSIONS / "wards" / "two-versions.yaml")
    # A shipped version is in sight from anywhere: its ids, and only its.
    ward["periods"]["2022"] = {
        "catalogue": "cand-model-ward-pilot@2022",
        "criteria": {"P21": "met"},
    }
    assert _errors(validator, ward) == []
    ward["periods"]["2022"]["criteria"]["P01x"] = "met"
    assert _errors(validator, ward)
    # A version not in sight, or a path: the shape of any catalogue, never a false alarm.
    ward["periods"]["2022"] = {"catalogue": "other-set@2019", "criteria": {"X1": "met"}}
    assert _errors(validator, ward) == []
    ward["periods"]["2022"] = {"catalogue": "../old.yaml", "indicators": {"anything": 3}}
    assert _errors(validator, ward) == []
    ward["periods"]["2022"]["criteria"] = {"X1": "done"}  # a bad status is still bad
    assert _errors(validator, ward)
    # An editor offers the versions in sight for a period's catalogue.
    schema = validator.schema
    examples = schema["$defs"]["PeriodData"]["properties"]["catalogue"]["anyOf"][0]["examples"]
    assert examples[:2] == ["test-set@2024", "test-pilot@2022"]
    assert "cand-model-ward-pilot@2022" in examples
