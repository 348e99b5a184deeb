"""Shared fixtures: the repository's own catalogue and sample ward, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "criteria.yaml"
SAMPLE = ROOT / "wards" / "tao-xuyen.yaml"
DATA = Path(__file__).resolve().parent / "data"


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
