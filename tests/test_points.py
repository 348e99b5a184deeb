"""A share's change is said in percentage points in every human-readable output (91,67% →
100%: "+8,3 điểm %", "+8.3 pp"), the same way as ``compare`` says its difference; other
figures keep their relative change. JSON ``change`` stays relative (FORMAT.md section 5)."""

from __future__ import annotations

import json
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from modelward import explain
from modelward.cli import main

CATALOGUE = """\
id: points-test
version: "1"
status: official
title: "Bộ tiêu chí kiểm thử điểm phần trăm"
indicators:
  - {id: incidents, title: "Vụ việc", better: lower}
  - {id: tips_received, title: "Tin báo tiếp nhận", better: lower}
  - {id: tips_handled, title: "Tin báo đã xử lý", better: higher}
  - {id: tips_share, title: "Tỷ lệ tin báo được xử lý", ratio: [tips_handled, tips_received], better: higher}
  - {id: cleared, title: "Tỷ lệ khám phá án", format: percent, better: higher}
groups:
  - id: G1
    title: "Nhóm 1"
    criteria:
      - {id: C01, title: "Tin báo", rule: {value: tips_share, at_least: 0.9}}
      - {id: C02, title: "Khám phá án", rule: {value: cleared, at_least: 0.5}}
      - {id: C03, title: "Ít vụ việc", rule: {value: incidents, at_most: 5}}
verdicts:
  - {id: model, title: "Đạt", min_share: 1.0}
  - {id: not_yet, title: "Chưa đạt"}
"""

WARD = """\
id: phuong-diem
name: "Phường Điểm"
periods:
  2023:
    indicators: {incidents: 6, tips_received: 12, tips_handled: 11, cleared: 0%}
  2024:
    indicators: {incidents: 4, tips_received: 9, tips_handled: 9, cleared: 60%}
"""

SAID = {
    "vi": {"share": "+8,3 điểm %", "zero": "+60,0 điểm %", "count": "−33,3%", "old": "+9,1%"},
    "en": {"share": "+8.3 pp", "zero": "+60.0 pp", "count": "−33.3%", "old": "+9.1%"},
}


def _oracle(delta: Fraction, lang: str) -> str:
    """Points to one decimal, rounded half away from zero, worked out in integers."""
    tenths = floor(abs(delta) * 1000 + Fraction(1, 2))
    sign = "" if tenths == 0 else ("+" if delta > 0 else "−")
    mark = "," if lang == "vi" else "."
    return f"{sign}{tenths // 10}{mark}{tenths % 10} " + ("điểm %" if lang == "vi" else "pp")


shares = st.builds(
    lambda d, n: Fraction(n, d),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=0, max_value=5000),
).filter(lambda f: f <= 1)


@given(shares, shares, st.sampled_from(["vi", "en"]))
def test_points_are_the_exact_difference_rounded(
    before: Fraction, now: Fraction, lang: str
) -> None:
    assert explain.points(now - before, lang) == _oracle(now - before, lang)  # type: ignore[arg-type]


def test_eleven_of_twelve_to_nine_of_nine() -> None:
    assert explain.points(Fraction(9, 9) - Fraction(11, 12), "vi") == "+8,3 điểm %"
    assert explain.points(Fraction(11, 12) - Fraction(9, 9), "en") == "−8.3 pp"
    assert explain.points(Fraction(0), "vi") == "0,0 điểm %"


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    (tmp_path / "criteria.yaml").write_text(CATALOGUE, encoding="utf-8")
    path = tmp_path / "phuong-diem.yaml"
    path.write_text(WARD, encoding="utf-8")
    return path


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args), env={"COLUMNS": "120"})  # a row on one line
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _rows(out: str) -> dict[str, str]:
    """Each line of an output by the figure it starts with (the share, the cleared rate, the
    incidents), so that a figure's change is read from its own row."""
    names = {"Tỷ lệ tin báo": "share", "Tỷ lệ khám phá": "zero", "Vụ việc": "count"}
    rows: dict[str, str] = {}
    for line in out.splitlines():
        for start, key in names.items():
            if line.lstrip("| ").startswith(start):
                rows.setdefault(key, line)
    return rows


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_terminal_and_markdown_say_points(
    runner: CliRunner, ward: Path, lang: str, fmt: str
) -> None:
    said = SAID[lang]
    better = "tốt hơn" if lang == "vi" else "better"
    for command in (
        ["assess", str(ward)],
        ["compare", str(ward), "2023", "2024"],
        ["history", str(ward)],
    ):
        out = _run(runner, "--lang", lang, *command, "--format", fmt)
        rows = _rows(out)
        assert f"▲ {said['share']} ({better})" in rows["share"], command
        assert said["old"] not in out, command
        # from 0%: a relative change is undefined, the points are not
        assert f"▲ {said['zero']} ({better})" in rows["zero"], command
        assert said["count"] in rows["count"], command


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reports_say_points(runner: CliRunner, ward: Path, tmp_path: Path, lang: str) -> None:
    said = SAID[lang]
    for ext in ("md", "html"):
        out = tmp_path / f"r.{ext}"
        _run(runner, "--lang", lang, "report", str(ward), "-o", str(out))
        page = out.read_text(encoding="utf-8")
        assert said["share"] in page, ext
        assert said["zero"] in page, ext
        assert said["old"] not in page, ext
    out = tmp_path / "r.docx"
    _run(runner, "--lang", lang, "report", str(ward), "-o", str(out))
    cells = [[c.text for c in row.cells] for t in Document(str(out)).tables for row in t.rows]
    share = next(r for r in cells if r[0].startswith("Tỷ lệ tin báo"))
    assert share[1:] == [
        "100%",
        "91,67%" if lang == "vi" else "91.67%",
        said["share"],
        "tốt hơn" if lang == "vi" else "better",
    ]
    zero = next(r for r in cells if r[0].startswith("Tỷ lệ khám phá"))
    assert zero[3] == said["zero"]


def test_json_change_stays_relative(runner: CliRunner, ward: Path) -> None:
    doc = json.loads(_run(runner, "assess", str(ward), "--format", "json"))
    rows = {r["id"]: r for r in doc["indicators"]}
    assert rows["tips_share"]["change"] == 0.0909  # (1 − 11/12) / (11/12), relative
    assert rows["cleared"]["change"] is None  # undefined from 0
    assert rows["incidents"]["change"] == -0.3333
