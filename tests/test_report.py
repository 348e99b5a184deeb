"""``modelward report``: the ward's signed report as DOCX (read back), HTML (parsed) and Markdown (golden).

Regenerate the golden Markdown with ``MODELWARD_REGEN=1 pytest tests/test_report.py`` and
read the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from modelward.cli import main
from modelward.output.drawers.docx import sheet_widths
from modelward.output.formats import PaperFormat
from tests.conftest import CATALOGUE, DATA, SAMPLE

REGEN = os.environ.get("MODELWARD_REGEN") == "1"
GOLDEN = DATA / "report"

# Every evidence line of the sample's 2024, read from the file itself.
EVIDENCE = re.findall(r'^\s+- "(.+)"$', SAMPLE.read_text(encoding="utf-8"), re.MULTILINE)


def _report(runner: CliRunner, out: Path, *args: str, ward: Path = SAMPLE) -> None:
    result = runner.invoke(main, ["report", str(ward), *args, "-o", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    assert out.exists()


def _docx_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    """The body's paragraphs, and each table as rows of cell texts."""
    doc = Document(str(path))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return paragraphs, tables


@pytest.fixture(scope="module")
def docx_vi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "bao-cao.docx"
    _report(CliRunner(), out, "--period", "2024")
    return out


def test_docx_page_setup_is_a4_with_the_decrees_margins_and_font(docx_vi: Path) -> None:
    doc = Document(str(docx_vi))
    section = doc.sections[0]
    # Word stores lengths in twentieths of a point: compare to a tenth of a millimetre.
    setup = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(x.mm, 1) for x in setup if x is not None] == [210, 297, 20, 20, 30, 15]
    assert section.orientation == WD_ORIENT.PORTRAIT
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "cs")} == {
        "Times New Roman"
    }
    # No run anywhere names another font.
    names = {r.font.name for p in doc.paragraphs for r in p.runs} | {
        r.font.name
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    }
    assert names <= {None, "Times New Roman"}


def test_docx_holds_the_header_and_signature_blocks(docx_vi: Path) -> None:
    text, tables = _docx_text(docx_vi)
    head = tables[0]
    assert head[0][0] == "CÔNG AN TP THANH HÓA\nCÔNG AN PHƯỜNG TÀO XUYÊN\n"
    assert head[0][1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert head[1] == ["Số: …/BC-…", "Tào Xuyên, ngày … tháng … năm 2025"]
    assert "BÁO CÁO\n" in text
    assert "Kết quả tự đánh giá theo tiêu chí “Công an phường điển hình" in text
    assert "năm 2024" in text
    foot = tables[-1]
    recipients, signer = foot[0]
    assert recipients.splitlines() == [
        "Nơi nhận:",
        "- Công an TP Thanh Hóa (để báo cáo)",
        "- Đảng ủy, UBND phường Tào Xuyên",
        "- Lưu: VT.",
    ]
    lines = [x for x in signer.splitlines() if x]
    assert lines == ["TRƯỞNG CÔNG AN PHƯỜNG", "Lê Trung Dũng"]


def test_docx_holds_every_criterion_its_evidence_and_the_figures(docx_vi: Path) -> None:
    text, tables = _docx_text(docx_vi)
    cells = "\n".join(c for t in tables for row in t for c in row)
    for n in range(1, 21):
        assert f"\nC{n:02d}\n" in f"\n{cells}\n", f"C{n:02d}"
    # A long criterion title, whole, with its diacritics.
    assert (
        "Phong trào Toàn dân bảo vệ an ninh Tổ quốc được duy trì; mô hình tự quản và lực lượng "
        "tham gia bảo vệ an ninh, trật tự ở cơ sở hoạt động hiệu quả"
    ) in cells
    assert EVIDENCE
    assert all(e in cells for e in EVIDENCE)
    assert "−58,3%" in cells
    assert "Vụ việc về an ninh, trật tự: 10 vụ, giảm 58,3% so với cùng kỳ năm 2023 (24 vụ)." in text
    assert "Số tiêu chí đạt: 20/20 (điểm 100)." in text
    assert "tạm tính" not in text


def test_docx_tables_repeat_their_header_row_and_never_split_a_row(docx_vi: Path) -> None:
    doc = Document(str(docx_vi))
    bordered = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(bordered) == 8  # seven groups and the figures
    for table in bordered:
        rows = [r._tr for r in table.rows]
        assert rows[0].trPr.xpath("./w:tblHeader"), "the header row repeats on each page"
        assert all(r.trPr.xpath("./w:cantSplit") for r in rows)
        assert not any(r.trPr.xpath("./w:tblHeader") for r in rows[1:])


def test_docx_in_english(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    _report(runner, out, "--period", "2024", "--lang", "en")
    text, tables = _docx_text(out)
    assert tables[0][0][1].startswith("SOCIALIST REPUBLIC OF VIET NAM")
    assert "REPORT" in text
    cells = "\n".join(c for t in tables for row in t for c in row)
    assert "−58.3%" in cells
    assert "Head of the ward police".upper() in tables[-1][0][1]


@pytest.mark.parametrize(
    ("lang", "title", "line"),
    [
        (
            "vi",
            "III. SỐ LIỆU NĂM 2023",
            "Không có số liệu cùng kỳ năm 2022 để so sánh: bảng chỉ có số liệu năm 2023.",
        ),
        (
            "en",
            "III. FIGURES FOR 2023",
            "There are no figures for 2022, the same period a year earlier, to compare with: "
            "the table shows 2023 only.",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".html", ".md"])
def test_a_period_without_a_year_earlier_shows_its_own_figures_and_says_so(
    runner: CliRunner, tmp_path: Path, lang: str, title: str, line: str, suffix: str
) -> None:
    """The sample has no 2022: its 2023's figures section is not titled 'against 2022'."""
    out = tmp_path / f"report{suffix}"
    _report(runner, out, "--period", "2023", "--lang", lang)
    if suffix == ".docx":
        said = _docx_text(out)[0]
    else:
        said = re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8")).replace("## ", "")
    assert title in said.splitlines()
    assert line in said
    assert "2022" not in said.split(title)[1].split("IV.")[0].replace(line, "")


def test_provisional_verdict_says_so(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "q.md"
    _report(runner, out, "--period", "2025-01..2025-02")
    shown = out.read_text(encoding="utf-8")
    assert "Xếp loại: Chưa đạt (tạm tính: còn 16 tiêu chí chưa đánh giá)" in shown
    assert "Tiêu chí chưa đánh giá (16): C01, C02, C03" in shown


class _Resources(HTMLParser):
    """Every reference to something outside the page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "poster", "data") and value:
                self.found.append(f"{tag} {name}={value}")
        if tag in ("link", "script", "iframe", "object", "embed", "img"):
            self.found.append(tag)


def test_html_is_one_self_contained_a4_page(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.html"
    _report(runner, out, "--period", "2024")
    page = out.read_text(encoding="utf-8")
    parser = _Resources()
    parser.feed(page)
    assert parser.found == []
    assert "url(" not in page
    assert "@import" not in page
    assert "@page { size: A4;" in page
    assert '<html lang="vi">' in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Nơi nhận:" in page
    assert all(f'<td data-h="Mã"><span>C{n:02d}</span></td>' in page for n in range(1, 21))
    assert "−58,3%" in page
    assert parser.tags.count("table") == 8
    assert parser.tags.count("thead") == 8


@pytest.mark.parametrize(
    ("ward", "period", "lang"),
    [
        (SAMPLE, "2024", "vi"),
        (SAMPLE, "2024", "en"),
        (SAMPLE, "2023", "vi"),
        (SAMPLE, "2025-01..2025-02", "vi"),
        (DATA / "cycle" / "phuong-mau.yaml", "2024", "vi"),
        (DATA / "cycle" / "phuong-mau.yaml", "2024", "en"),
    ],
)
def test_markdown_golden(
    runner: CliRunner, tmp_path: Path, ward: Path, period: str, lang: str
) -> None:
    out = tmp_path / "r.md"
    _report(runner, out, "--period", period, "--lang", lang, ward=ward)
    got = out.read_text(encoding="utf-8")
    expected = GOLDEN / f"{ward.stem}_{period}_{lang}.md"
    if REGEN:
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_markdown_to_stdout_is_the_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    _report(runner, out, "--period", "2024")
    result = runner.invoke(main, ["report", str(SAMPLE), "--period", "2024", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == out.read_text(encoding="utf-8")


def _ward(tmp_path: Path, extra: str) -> Path:
    ward = tmp_path / "w.yaml"
    ward.write_text(
        f"id: w\nname: Phường Mẫu\ncatalogue: {CATALOGUE}\n{extra}"
        "periods:\n  2024:\n    indicators: {incidents: 3}\n    criteria: {C01: met}\n",
        encoding="utf-8",
    )
    return ward


def test_without_report_fields_the_blanks_are_left_to_fill(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "r.docx"
    _report(runner, out, ward=_ward(tmp_path, ""))
    _, tables = _docx_text(out)
    assert tables[0][0][0] == "CÔNG AN PHƯỜNG MẪU\n"  # no city: no superior unit line
    assert tables[0][1] == ["Số: …/BC-…", "Mẫu, ngày … tháng … năm 2025"]
    recipients, signer = tables[-1][0]
    assert recipients.splitlines() == ["Nơi nhận:", "- …………;", "- Lưu: VT."]
    assert [x for x in signer.splitlines() if x] == [
        "…………",
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "…………",
    ]


def test_report_fields_fill_the_frame(runner: CliRunner, tmp_path: Path) -> None:
    ward = _ward(
        tmp_path,
        'report:\n  number: "07/BC-CAP"\n  place: "Thanh Hóa"\n  parent: "Công an tỉnh Thanh Hóa"\n'
        "  title: Phó Trưởng Công an phường\n  signer: Nguyễn Văn A\n"
        "  recipients: [Công an tỉnh, {vi: Lưu hồ sơ, en: File}]\n",
    )
    out = tmp_path / "r.md"
    _report(runner, out, ward=ward)
    shown = out.read_text(encoding="utf-8")
    for part in (
        "**CÔNG AN TỈNH THANH HÓA**",
        "Số: 07/BC-CAP",
        "*Thanh Hóa, ngày … tháng … năm 2025*",
        "**PHÓ TRƯỞNG CÔNG AN PHƯỜNG**",
        "**Nguyễn Văn A**",
        "- Công an tỉnh\n- Lưu hồ sơ\n",
    ):
        assert part in shown


def test_report_fields_are_checked_at_their_line(runner: CliRunner, tmp_path: Path) -> None:
    ward = _ward(tmp_path, "report:\n  signer: A\n  signr: B\n  recipients: [x, 3]\n")
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["report", str(ward), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{ward}:6:3: report.signr:" in result.stderr
    assert f"{ward}:7:19: report.recipients.1: expected text, got 3" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


CYCLE = DATA / "cycle" / "phuong-mau.yaml"


def test_inspection_and_decision_are_shown(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    _report(runner, out, "--period", "2024", ward=CYCLE)
    text, tables = _docx_text(out)
    # The latest stage by default: the inspection's findings in place of the ward's.
    assert "Kết quả đánh giá theo tiêu chí “Công an phường điển hình" in text
    assert "năm 2024 (sau kiểm tra)" in text
    assert "Số tiêu chí đạt: 18/20 (điểm 90)." in text
    assert "Kiểm tra của Công an tỉnh Thanh Hóa, ngày 10/03/2025." in text
    found = next(
        t for t in tables if t[0][:4] == ["Mã", "Nội dung", "Tự đánh giá", "Kết quả kiểm tra"]
    )
    assert found[1:] == [
        [
            "C06",
            "Trụ sở làm việc, trang thiết bị, phương tiện bảo đảm yêu cầu theo quy định của Bộ Công an",
            "Đạt",
            "Chưa đạt",
            "Phòng tiếp công dân chưa đủ trang thiết bị theo quy định",
        ],
        [
            "C11",
            "Vụ việc về an ninh, trật tự và vụ phạm pháp hình sự, tệ nạn xã hội giảm so với cùng kỳ",
            "Đạt",
            "Chưa đạt",
            "",
        ],
        ["", "Vụ việc về an ninh, trật tự", "10", "25", ""],
    ]
    assert (
        "Quyết định số 123/QĐ-BCA ngày 22/04/2025 của Bộ trưởng Bộ Công an: không công nhận" in text
    )


def test_the_self_stage_keeps_the_inspection_section(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    _report(runner, out, "--period", "2024", "--stage", "self", ward=CYCLE)
    shown = out.read_text(encoding="utf-8")
    assert "**Kết quả tự đánh giá theo tiêu chí" in shown
    assert "Số tiêu chí đạt: 20/20 (điểm 100)." in shown
    assert "| C06 | Trụ sở làm việc" in shown
    assert "## V. KẾT QUẢ KIỂM TRA" in shown


def test_a_stage_the_period_lacks_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = runner.invoke(
        main, ["report", str(SAMPLE), "--period", "2024", "--stage", "inspection", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "--stage" in result.stderr
    assert not out.exists()


def test_an_inspection_without_differences_says_so(runner: CliRunner, tmp_path: Path) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text(
        f"id: w\nname: Phường Mẫu\ncatalogue: {CATALOGUE}\nperiods:\n  2024:\n"
        "    criteria: {C01: met}\n"
        "    inspection: {by: Công an tỉnh Thanh Hóa, on: 2025-03-10}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.md"
    _report(runner, out, ward=ward)
    shown = out.read_text(encoding="utf-8")
    assert "Kết quả kiểm tra không khác kết quả tự đánh giá." in shown
    assert "QUYẾT ĐỊNH" not in shown


def test_other_extensions_are_refused_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(tmp_path / "missing.yaml"), "-o", "x.pdf"])
    assert result.exit_code == 2
    assert "x.pdf: báo cáo được ghi ra tệp .docx, .html hoặc .md" in result.stderr
    result = runner.invoke(
        main, ["report", str(tmp_path / "missing.yaml"), "-o", "x.pdf", "--lang", "en"]
    )
    assert "x.pdf: the report is written as .docx, .html or .md" in result.stderr


def test_the_ward_file_is_never_overwritten(runner: CliRunner, tmp_path: Path) -> None:
    ward = tmp_path / "w.md"
    shutil.copy(SAMPLE, ward)
    before = ward.read_bytes()
    result = runner.invoke(
        main, ["report", str(ward), "--criteria", str(CATALOGUE), "-o", str(ward)]
    )
    assert result.exit_code == 1
    assert ward.read_bytes() == before


@pytest.mark.parametrize("kind", list(PaperFormat))
def test_every_format_is_chosen_by_its_extension(kind: PaperFormat, tmp_path: Path) -> None:
    assert PaperFormat.from_path(tmp_path / f"x.{kind.value}") is kind


def test_tables_with_the_same_columns_share_their_widths() -> None:
    from modelward.output.blocks import Sheet

    a = Sheet(["Mã", "Tiêu chí", "Kết quả"], wide=frozenset({1}))
    a.add("C01", "ngắn", "Đạt")
    b = Sheet(["Mã", "Tiêu chí", "Kết quả"], wide=frozenset({1}))
    b.add("C02", "một tiêu chí dài " * 10, "Chưa đánh giá")
    widths = sheet_widths([a, b], total=165)
    assert sum(widths) == pytest.approx(165)
    assert widths[2] > widths[0]  # "Chưa đánh giá" is longer than "C01"
    assert min(widths) >= 12


def test_figures_not_from_a_report_are_marked_and_the_catalogue_status_said(
    runner: CliRunner, tmp_path: Path
) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text(
        f"id: w\nname: Phường Mẫu\ncatalogue: {CATALOGUE}\nperiods:\n"
        "  2023:\n    indicators: {incidents: 24}\n"
        "  2024:\n    indicators: {incidents: {value: 10, source: illustrative}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.docx"
    _report(runner, out, ward=ward)
    text, tables = _docx_text(out)
    figures = next(t for t in tables if t[0][0] == "Chỉ số")
    assert ["Vụ việc về an ninh, trật tự", "10*", "24", "−58,3%", "tốt hơn"] in figures
    assert "Ký hiệu số liệu: * minh họa, không phải số liệu thật" in text
    assert "Tình trạng: bản dự thảo, chưa phải văn bản chính thức." in text


def test_the_signature_never_stands_alone_on_a_page(docx_vi: Path, tmp_path: Path) -> None:
    """The last section is kept with the signature block: DOCX "keep with next" on each of
    its paragraphs, HTML one block that is not broken across pages."""
    doc = Document(str(docx_vi))
    paragraphs = doc.paragraphs
    last = max(i for i, p in enumerate(paragraphs) if p.text.startswith("V. BỘ TIÊU CHÍ"))
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[last:])
    assert not paragraphs[last - 2].paragraph_format.keep_with_next  # the verdict's lines
    out = tmp_path / "r.html"
    _report(CliRunner(), out, "--period", "2024")
    page = out.read_text(encoding="utf-8")
    closing = page[page.index('<div class="closing">') :]
    assert closing.startswith('<div class="closing">\n<h2>V. BỘ TIÊU CHÍ ÁP DỤNG</h2>')
    assert '<footer class="foot">' in closing
    assert ".closing { break-inside: avoid; }" in page


def test_a_merged_wards_baseline_is_said_to_be_combined(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    _report(runner, out, ward=SAMPLE.parent / "ham-rong.yaml")
    text, tables = _docx_text(out)
    assert (
        "Cùng kỳ 2024 là số liệu cộng gộp của các phường trước sắp xếp: "
        "tao-xuyen, dong-cuong, dong-tho"
    ) in text
    figures = next(t for t in tables if t[0][0] == "Chỉ số")
    assert figures[0][2] == "Năm 2024 (cộng gộp)"
    assert ["Vụ việc về an ninh, trật tự", "25", "36", "−30,6%", "tốt hơn"] in figures
    assert "Số liệu cùng kỳ 2024 không cộng gộp được" in text


def test_pages_are_numbered_from_the_second(docx_vi: Path, tmp_path: Path) -> None:
    section = Document(str(docx_vi)).sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]._p
    assert [f.get(f"{{{header.nsmap['w']}}}instr") for f in header.xpath(".//w:fldSimple")] == [
        "PAGE"
    ]
    assert not section.first_page_header.paragraphs[0].text
    out = tmp_path / "r.html"
    _report(CliRunner(), out, "--period", "2024")
    page = out.read_text(encoding="utf-8")
    assert "@top-center { content: counter(page);" in page
    assert "@page :first { @top-center { content: none; } }" in page


def test_a_profile_key_the_tool_does_not_know_reads_as_words() -> None:
    """A key of the user's own is read as written, its underscores as spaces, a capital
    first; a known key with a year after it is said in words with the year."""
    from modelward.output.layouts.report import _profile_line

    assert _profile_line("so_ho_ngheo", "12", "vi") == "So ho ngheo: 12"
    assert _profile_line("Số hộ nghèo", "12", "vi") == "Số hộ nghèo: 12"
    assert _profile_line("schools", "3", "en") == "Schools: 3"
    assert _profile_line("reported_result_2024", "20/20", "vi") == (
        "Kết quả đã công bố năm 2024: 20/20"
    )
    assert _profile_line("reported_result_2024", "20/20", "en") == (
        "Result reported for 2024: 20/20"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_profile_key_of_the_repositorys_wards_is_said_in_words(lang: str) -> None:
    """Every key of the shipped ward files' profiles has its words in both languages (none
    falls back to the key as written), and no line of section I shows an underscore."""
    import yaml

    from modelward.output.layouts.report import (
        _YEARLY,
        PROFILE_KEYS,
        PROFILE_YEARLY,
        _profile_entries,
    )

    def keys(profile: dict[str, object]) -> list[str]:
        inner = [k for v in profile.values() if isinstance(v, dict) for k in keys(v)]
        return [*profile, *inner]

    for path in sorted((SAMPLE.parent).glob("*.yaml")):
        profile = yaml.safe_load(path.read_text(encoding="utf-8")).get("profile", {})
        for key in keys(profile):
            yearly = _YEARLY.fullmatch(key)
            assert (
                key in PROFILE_KEYS
                or (yearly is not None and yearly["key"] in PROFILE_YEARLY)
                or (key.endswith("_en") and key[:-3] in keys(profile))
            ), f"{path.name}: profile.{key}"
        for line in _profile_entries(profile, lang):
            assert "_" not in line, f"{path.name}: {line}"
