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


def _bounded_ward(tmp_path: Path) -> Path:
    """phuong-mau with its 2024 satisfaction published only as "above 90%" and the
    inspection's incidents taken from a press article."""
    text = (DATA / "cycle" / "phuong-mau.yaml").read_text(encoding="utf-8")
    text = text.replace("../../../criteria.yaml", str(ROOT / "criteria.yaml"))
    text = text.replace(
        "      resident_satisfaction: 0.95",
        "      resident_satisfaction: {value: 90%, bound: above}",
    )
    text = text.replace(
        "indicators: {incidents: 25}", "indicators: {incidents: {value: 25, source: article}}"
    )
    folder = tmp_path / "wards"
    folder.mkdir()
    (folder / "phuong-mau.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("lang", "satisfaction", "above", "self_word", "legend"),
    [
        ("vi", "Tỷ lệ người dân hài lòng", "trên 90%", "tự đánh giá", "† theo bài báo"),
        ("en", "Residents satisfied", "above 90%", "self-assessment", "† from a press article"),
    ],
)
def test_a_bounded_figure_is_drawn_with_its_bound_and_the_differences_carry_their_marks(
    runner: CliRunner,
    tmp_path: Path,
    lang: str,
    satisfaction: str,
    above: str,
    self_word: str,
    legend: str,
) -> None:
    site = tmp_path / "site"
    result = runner.invoke(
        main,
        [
            "export",
            str(_bounded_ward(tmp_path)),
            "--period",
            "2024",
            "-o",
            f"{site}/",
            "--lang",
            lang,
        ],
    )
    assert result.exit_code == 0, result.stderr
    page = (site / "wards" / "phuong-mau.html").read_text(encoding="utf-8")
    charts = _charts(page)
    chart = next(v for k, v in charts.items() if k.startswith(satisfaction))
    assert chart[:2] == ["91%", above], charts  # the label over the point
    # ... and what a screen reader is told of the chart
    assert re.search(rf'aria-label="2023: 91%, 2024: {above}"', page), page
    # the inspection's figure from an article carries its mark, the legend says it
    rows = re.findall(r'<td data-h="([^"]*)">([^<]*)</td>', page)
    assert (self_word, "10") in rows
    assert any(v == "25†" for _, v in rows), rows
    assert legend in re.sub(r"<[^>]+>", "", page)
