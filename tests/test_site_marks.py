"""A site's ward page marks each figure of its charts whose source is not the ward's report
and says what the marks mean, as every other output does (FORMAT.md section 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA, ROOT

WARDS = ROOT / "wards"


def _page(runner: CliRunner, tmp_path: Path, folder: Path, ward: str, lang: str) -> str:
    site = tmp_path / "site"
    result = runner.invoke(main, ["export", str(folder), "-o", f"{site}/", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return (site / "wards" / f"{ward}.html").read_text(encoding="utf-8")


def _charts(page: str) -> dict[str, list[str]]:
    """Each key figure's chart: its caption, and the labels over its points."""
    section = page[page.index('<section class="charts">') :]
    section = section[: section.index("</section>")]
    return {
        caption: re.findall(r'<text [^>]*text-anchor="middle">([^<]*)</text>', svg)
        for caption, svg in re.findall(
            r"<figure><figcaption>([^<]*)</figcaption>(.*?)</figure>", section, re.S
        )
    }


@pytest.mark.parametrize(
    ("lang", "incidents", "offences", "legend"),
    [
        (
            "vi",
            "Vụ việc về an ninh, trật tự",
            "Vụ phạm pháp hình sự và tệ nạn xã hội",
            "Ký hiệu số liệu: † theo bài báo; ‡ suy ra từ số liệu khác; "
            "* minh họa, không phải số liệu thật",
        ),
        (
            "en",
            "Security and order incidents",
            "Criminal offences and social evils",
            "Marks on figures: † from a press article; ‡ derived from other figures; "
            "* illustrative, not a real figure",
        ),
    ],
)
def test_the_key_figures_carry_their_marks_and_the_page_says_what_they_mean(
    runner: CliRunner, tmp_path: Path, lang: str, incidents: str, offences: str, legend: str
) -> None:
    page = _page(runner, tmp_path, WARDS / "tao-xuyen.yaml", "tao-xuyen", lang)
    charts = _charts(page)
    # 2023 on the pilot: 24 worked out from the article (‡), 12 illustrative (*); 2024: 10 from
    # the article (†), 3 illustrative; their 2025 months have neither figure
    points = {k: [p for p in v if re.match(r"[\d,.]+", p)] for k, v in charts.items()}
    assert points[incidents][:2] == ["24‡", "10†"], charts
    assert points[offences][:2] == ["12*", "3*"]
    text = re.sub(r"<[^>]+>", "", page[page.index('<section class="charts">') :])
    assert legend in text


def test_a_page_whose_figures_are_all_reported_has_no_marks_and_no_legend(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = _page(runner, tmp_path, DATA / "province", "an-hoach", "en")
    assert '<section class="charts">' in page
    assert "Marks on figures" not in page
    assert not re.search(r"<text [^>]*>[^<]*[†‡*~]</text>", page)


def test_history_json_gives_each_key_figure_its_source(runner: CliRunner) -> None:
    result = runner.invoke(main, ["history", str(WARDS / "tao-xuyen.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    periods = {p["period"]: p["indicators"] for p in json.loads(result.stdout)["periods"]}
    assert periods["2023"]["incidents"]["source"] == "derived"
    assert periods["2024"]["incidents"]["source"] == "article"
    assert periods["2024"]["crimes_social_evils"]["source"] == "illustrative"
