"""Shared test helpers: the repository's catalogue and sample ward, copies of it as a folder of
wards, a CLI runner, each test's own cache, the golden-file switch, and views of the label
table."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.messages.labels import COUNTED_BY, LABELS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "criteria.yaml"
SAMPLE = ROOT / "wards" / "tao-xuyen.yaml"
PILOT = ROOT / "catalogues" / "cand-model-ward-pilot-2022.yaml"
"""The illustrative pilot (22 criteria) the sample's 2023 is scored on (its ``catalogue``)."""
DATA = Path(__file__).resolve().parent / "data"

REGEN = os.environ.get("MODELWARD_REGEN") == "1"
"""``MODELWARD_REGEN=1 python -m pytest ...`` rewrites the golden files from what the code
makes now; read the diff before committing it."""


def golden(path: Path, actual: str) -> str:
    """A golden file's expected text; under MODELWARD_REGEN=1, first rewritten as ``actual``."""
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    return path.read_text(encoding="utf-8")


def generated_wards(out: Path, count: int) -> Path:
    """``out/wards``: ``count`` wards made by ``benchmarks/make_wards.py`` (each in its own
    city), beside ``out/criteria.yaml``."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "make_wards.py"),
            "--wards",
            str(count),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return out / "wards"


def copy_wards(root: Path, idents: Iterable[str], names: Mapping[str, str] | None = None) -> Path:
    """``root/wards/<id>.yaml``: the sample ward under each id (and name, when given), each
    finding ``root/criteria.yaml``, a copy of the repository's catalogue, as its nearest."""
    folder = root / "wards"
    folder.mkdir()
    (root / "criteria.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    text = SAMPLE.read_text(encoding="utf-8").replace("catalogue: ../criteria.yaml\n", "")
    for ident in idents:
        ward = text.replace("id: tao-xuyen", f"id: {ident}", 1)
        if names is not None and ident in names:
            ward = ward.replace('name: "Phường Tào Xuyên"', f'name: "{names[ident]}"', 1)
        (folder / f"{ident}.yaml").write_text(ward, encoding="utf-8")
    return folder


@pytest.fixture
def wards(tmp_path: Path) -> Path:
    """Three copies of the sample ward, ``alpha``, ``bravo`` and ``charlie``, in ``tmp_path/wards``."""
    return copy_wards(tmp_path, ("alpha", "bravo", "charlie"))


@pytest.fixture
def runner() -> CliRunner:
    """A click runner; stderr is kept apart from stdout (click 8.2+)."""
    return CliRunner()


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own summary cache: none reads or fills the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("MODELWARD_CACHE_DIR", str(folder))
    return folder


def _other(template: str | tuple[str, str]) -> str:
    return template[1] if isinstance(template, tuple) else template


# The label table (messages/labels.py) as the label tests read it: key -> (vi, English
# other form), and, for English labels that count, key -> (the counting argument, one form).
_LABELS: dict[str, tuple[str, str]] = {
    key: (_other(entry["vi"]), _other(entry["en"])) for key, entry in LABELS.items()
}
_ONE_EN: dict[str, tuple[str, str]] = {
    key: (COUNTED_BY.get(key, "n"), entry["en"][0])
    for key, entry in LABELS.items()
    if isinstance(entry["en"], tuple)
}
