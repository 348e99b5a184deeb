"""Golden files: `modelward assess` on the sample ward, as a table and as Markdown, in vi and en.

Each file in tests/data/render/ is one case, named ``<ward>_<period>_<lang>.<format>.<ext>``
(``tao-xuyen_2024_vi.table.txt``, ``tao-xuyen_2025-01..2025-02_en.markdown.md``). The table is
drawn 100 columns wide with colour off. To rewrite every file from the current output after
a deliberate change, run ``MODELWARD_REGEN=1 pytest tests/test_render.py`` and read the diff;
to add a case, create an empty file with the case's name and regenerate.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA, ROOT, golden

GOLDEN = DATA / "render"
NAME = re.compile(
    r"(?P<ward>[a-z0-9-]+)_(?P<period>[^_]+)_(?P<lang>vi|en)\.(?P<fmt>table|markdown)\.(txt|md)"
)

# Everything that could change how rich draws, pinned; unset where its mere presence counts.
ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "LINES": "50",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "TERM": "dumb",
    "MODELWARD_LANG": None,
}

CASES = sorted(p.name for p in GOLDEN.iterdir() if NAME.fullmatch(p.name))


def render(name: str) -> str:
    """The command's output for a golden file's case, run from the repository's root."""
    case = NAME.fullmatch(name)
    assert case is not None, name
    ward = Path("wards") / f"{case['ward']}.yaml"
    args = ["assess", str(ward), "--period", case["period"], "--lang", case["lang"]]
    args += ["--format", case["fmt"]]
    result = CliRunner().invoke(main, args, env=ENV)
    assert result.exit_code == 0, result.output
    # 2023's short-form statuses carry no evidence: warned of, on stderr only.
    warning = ": warning: " if case["lang"] == "en" else ": cảnh báo: "
    assert all(warning in line for line in result.stderr.splitlines()), result.stderr
    return result.stdout


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # any path in the output is as a user in the repository types it
    path = GOLDEN / name
    actual = render(name)
    assert actual == golden(path, actual)


def test_every_case_has_a_golden_file() -> None:
    expected = {
        f"tao-xuyen_{period}_{lang}.{fmt}"
        for period in ("2023", "2024", "2025-01..2025-02")
        for lang in ("vi", "en")
        for fmt in ("table.txt", "markdown.md")
    }
    assert expected <= set(CASES)
    assert all(NAME.fullmatch(p.name) for p in GOLDEN.iterdir()), "a stray file in the folder"


def test_tables_fit_the_width() -> None:
    for name in CASES:
        if ".table." in name:
            text = (GOLDEN / name).read_text(encoding="utf-8")
            assert max(len(line) for line in text.splitlines()) <= 100, name


def test_markdown_tables_have_even_columns() -> None:
    for name in CASES:
        if ".markdown." not in name:
            continue
        table: list[int] = []
        for line in [*(GOLDEN / name).read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith("|"):
                table.append(len(re.findall(r"(?<!\\)\|", line)))
            elif table:
                assert len(set(table)) == 1, (name, table)
                table = []


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_narrow_table_wraps_its_cells_never_cuts_them(
    columns: int, lang: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every word of every change cell (and of every header) is on the screen, whole."""
    monkeypatch.chdir(ROOT)
    ward = ["assess", "wards/ham-rong.yaml", "--lang", lang]
    # The cells as drawn whole, by another drawer: the last column of the indicator table.
    markdown = tmp_path / "a.md"
    assert CliRunner().invoke(main, [*ward, "-o", str(markdown)], env=ENV).exit_code == 0
    head = "| Chỉ số |" if lang == "vi" else "| Indicator |"
    lines = markdown.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    table = [line.strip("|").split(" | ") for line in lines[start:] if line.startswith("|")]
    table = table[:1] + table[2:]  # without the |---| line
    change = [row[-1].strip() for row in table[1:] if row[-1].strip()]
    assert any("(" in cell for cell in change), change  # "(better)", "(tốt hơn)"
    wanted = [word for row in table[:1] for cell in row for word in cell.split()]
    wanted += [word for cell in change for word in cell.split()]
    result = CliRunner().invoke(main, ward, env={**ENV, "COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    drawn = result.stdout.split()
    for word in set(wanted):
        assert drawn.count(word) >= wanted.count(word), (word, result.stdout)
