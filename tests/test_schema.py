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
}


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
