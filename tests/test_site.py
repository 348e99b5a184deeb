"""`export -o FOLDER/`: a static site, read back as a browser would, and written whole or not at all."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from modelward.cli import main
from tests.conftest import DATA, ROOT, golden

PROVINCE = DATA / "province"
GOLDEN = DATA / "site"
IDS = sorted(p.stem for p in PROVINCE.glob("*.yaml"))


class Page(HTMLParser):
    """Every tag, attribute and text of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())

    def urls(self) -> list[str]:
        return [
            v
            for _, attrs in self.tags
            for k, v in attrs.items()
            if k in ("href", "src", "action", "data", "poster") and v
        ]


def _site(runner: CliRunner, out: str, *args: str) -> Path:
    result = runner.invoke(main, ["export", str(PROVINCE), "-o", out, "--target", "30%", *args])
    assert result.exit_code == 0, result.output
    return Path(out)


def test_site_pages_read_back_with_nothing_from_the_network(
    runner: CliRunner, tmp_path: Path
) -> None:
    site = _site(runner, f"{tmp_path}/site/", "--area", "thanh hoa")
    assert sorted(p.stem for p in (site / "wards").glob("*.html")) == IDS
    index = Page((site / "index.html").read_text(encoding="utf-8"))
    texts = " ".join(index.texts)
    assert "Tổng hợp 7 phường — kỳ gần nhất của từng phường — địa bàn “thanh hoa”" in texts
    assert "Theo thành phố, so với mục tiêu" in texts  # the areas, by city without --by
    assert "Tiêu chí bị thiếu nhiều nhất" not in texts  # the site shows every criterion
    assert "Từng tiêu chí trên 7 phường được xếp hạng" in texts
    links = [u for u in index.urls() if u.startswith("wards/")]
    assert sorted(links) == [f"wards/{i}.html" for i in IDS]
    sortable = [a for t, a in index.tags if t == "th" and "data-sort" in a]
    assert len(sortable) == 7
    svgs = [a for t, a in index.tags if t == "svg"]
    assert len(svgs) == 3
    assert all(a.get("role") == "img" and a.get("aria-label") for a in svgs)
    for page in [site / "index.html", *(site / "wards").glob("*.html")]:
        parsed = Page(page.read_text(encoding="utf-8"))
        external = [u for u in parsed.urls() if re.match(r"[a-z]+:|//", u)]
        assert external == [], page
        assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe")]
        assert not [a for t, a in parsed.tags if t == "script" and a.get("src")]
        for url in parsed.urls():  # every link leads to a page of the site
            assert (page.parent / url).resolve().is_file(), url


def test_a_ward_page_shows_evidence_differences_decision_and_figures(
    runner: CliRunner, tmp_path: Path
) -> None:
    site = _site(runner, f"{tmp_path}/s/", "--lang", "en")
    page = Page((site / "wards" / "an-hoach.html").read_text(encoding="utf-8"))
    texts = " ".join(page.texts)
    assert "Phường An Hoạch — 2024" in texts
    assert "Where the inspection differs from the self-assessment" in texts
    assert (
        "Recognised (Decision 123/QĐ-CAT of 22 Apr 2025, Giám đốc Công an tỉnh Thanh Hóa)" in texts
    )
    assert "Biên bản kiểm tra C01 năm 2024 (minh họa)" in page.texts
    assert "✔ Met ✎" in page.texts  # C12, overridden
    assert "Key figures period by period" in texts
    charts = [a for t, a in page.tags if t == "svg"]
    assert len(charts) >= 3
    assert [t for t, _ in page.tags].count("polyline") == len(charts)
    back = [a["href"] for t, a in page.tags if t == "a"]
    assert back[0] == "../index.html"
    quang_hung = " ".join(Page((site / "wards" / "quang-hung.html").read_text("utf-8")).texts)
    assert "provisional: 1 criterion not yet assessed" in quang_hung


def _stable(page: str) -> str:
    """A page with the moment and the version it was made at (the provenance) blanked."""
    return re.sub(r"(Tạo bởi|Made by) modelward [^ ]+ (lúc|at) [^<]+", r"\1 modelward … \2 …", page)


@pytest.mark.parametrize(
    ("lang", "pages"),
    [("vi", None), ("en", ("index", "an-hoach", "quang-hung"))],
)
def test_the_site_is_byte_for_byte_as_golden_made_afresh_and_from_the_cache(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    pages: tuple[str, ...] | None,
) -> None:
    """Every page whole, against golden files (``MODELWARD_REGEN=1`` rewrites them): a
    faster way of drawing the pages must draw the same bytes. The second export reads the
    ward pages from the cache and must write the same site. Paths are relative to the
    repository, so the provenance is the same in any checkout."""
    monkeypatch.chdir(ROOT)
    for run in ("afresh", "cached"):
        result = runner.invoke(
            main,
            [
                "export",
                str(PROVINCE.relative_to(ROOT)),
                "-o",
                f"{tmp_path}/{run}/",
                "--target",
                "30%",
                "--lang",
                lang,
            ],
        )
        assert result.exit_code == 0, result.output
        site = tmp_path / run
        made = {"index": site / "index.html"} | {
            p.stem: p for p in sorted((site / "wards").glob("*.html"))
        }
        assert sorted(made) == sorted(["index", *IDS])
        assert (site / ".modelward-site").read_text(encoding="utf-8") == "modelward site\n"
        for name in pages or made:
            got = _stable(made[name].read_bytes().decode("utf-8"))
            assert got == golden(GOLDEN / lang / f"{name}.html", got), (run, name)


def test_an_existing_site_is_replaced_and_nothing_else_is_ever_deleted(
    runner: CliRunner, tmp_path: Path
) -> None:
    # no slash and no such folder: a file name without an extension, refused
    result = runner.invoke(
        main, ["export", str(PROVINCE), "-o", str(tmp_path / "site"), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "a folder ending in / for a site" in result.stderr
    site = _site(runner, f"{tmp_path}/site/")
    (site / "wards" / "stale.html").write_text("old", encoding="utf-8")
    _site(runner, str(site))  # an existing folder, no slash needed
    assert not (site / "wards" / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(main, ["export", str(PROVINCE), "-o", f"{mine}/", "--lang", "en"])
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_site_folder_holding_the_users_own_files_is_refused_and_kept(
    runner: CliRunner, tmp_path: Path
) -> None:
    site = _site(runner, f"{tmp_path}/site/")
    (site / "notes.txt").write_text("keep me", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (site / "wards" / "draft.docx").write_bytes(b"mine")
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    for lang, words in (("en", "3 things modelward did not write"), ("vi", "3 mục không do")):
        result = runner.invoke(main, ["export", str(PROVINCE), "-o", f"{site}/", "--lang", lang])
        assert result.exit_code == 2, result.output
        assert words in result.stderr
        assert ".git" in result.stderr
        assert "notes.txt" in result.stderr
        assert "wards/draft.docx" in result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert (site / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_site_over_its_own_inputs_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    import shutil

    wards = tmp_path / "wards"
    shutil.copytree(PROVINCE, wards)
    for f in wards.glob("*.yaml"):
        f.write_text(
            f.read_text("utf-8").replace(
                "../../../criteria.yaml", str(DATA.parent.parent / "criteria.yaml")
            ),
            encoding="utf-8",
        )
    (wards / "make.py").unlink()
    result = runner.invoke(main, ["export", str(wards), "-o", f"{tmp_path}/", "--lang", "en"])
    assert result.exit_code == 2
    assert "holds the input file" in result.stderr
    result = runner.invoke(main, ["export", str(wards), "-o", f"{tmp_path}/"])
    assert result.exit_code == 2
    assert "chứa tệp đầu vào" in result.stderr
    assert len(list(wards.glob("*.yaml"))) == 7


def test_a_failure_midway_leaves_no_site_and_no_temporary_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modelward.output import site as site_module

    def broken(*args: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(site_module, "ward_html", broken)
    result = runner.invoke(main, ["export", str(PROVINCE), "-o", f"{tmp_path}/site/"])
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_the_second_export_reads_the_ward_pages_from_the_cache(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _site(runner, f"{tmp_path}/a/")
    from modelward.output import site as site_module

    def not_again(*args: object) -> dict[str, object]:
        raise AssertionError("read from the cache, not made again")

    monkeypatch.setattr(site_module, "ward_detail", not_again)
    second = _site(runner, f"{tmp_path}/b/")
    for page in (first / "wards").glob("*.html"):
        assert page.read_bytes() == (second / "wards" / page.name).read_bytes()


def test_text_from_a_ward_file_is_escaped_on_every_page(runner: CliRunner, tmp_path: Path) -> None:
    """A name, a unit and evidence that look like markup or hold control and bidi characters
    are shown as text on the index and on the ward's page, the same when drawn afresh and
    when read from the cache: no tag, no script, no character that turns text around."""
    from tests.conftest import copy_wards

    hostile = '<script>alert(\\"x\\")</script> \\u202eA&B \\x1b[31m'  # YAML escapes
    folder = copy_wards(tmp_path, ("bad", "good"), {"bad": hostile})
    ward = folder / "bad.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8")
        .replace('unit: "Công an phường Tào Xuyên"', 'unit: "<img src=x onerror=alert(1)>"')
        .replace("(minh họa)", "</td><iframe src=//evil>"),
        encoding="utf-8",
    )
    pages = []
    for run in ("afresh", "cached"):
        result = runner.invoke(
            main, ["export", str(folder), "-o", f"{tmp_path}/{run}/", "--period", "2024"]
        )
        assert result.exit_code == 0, result.output
        pages.append((tmp_path / run / "wards" / "bad.html").read_text(encoding="utf-8"))
        index = (tmp_path / run / "index.html").read_text(encoding="utf-8")
        for page in (index, pages[-1]):
            parsed = Page(page)
            assert [t for t, _ in parsed.tags if t in ("img", "iframe")] == []
            assert len([t for t, _ in parsed.tags if t == "script"]) == (page is index)
            assert "\u202e" not in page
            assert "\x1b" not in page
            assert (
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; \\u202eA&amp;B \\x1b[31m" in page
            )
    assert pages[0] == pages[1]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert pages[0].count("&lt;/td&gt;&lt;iframe src=//evil&gt;") >= 10


def _own_province(root: Path) -> Path:
    """``root/wards``: a copy of the province's wards that may be changed, each finding
    ``root/criteria.yaml``, a copy of the repository's catalogue."""
    import shutil

    from tests.conftest import CATALOGUE

    folder = root / "wards"
    shutil.copytree(PROVINCE, folder)
    (folder / "make.py").unlink()
    (root / "criteria.yaml").write_text(CATALOGUE.read_text("utf-8"), encoding="utf-8")
    for f in folder.glob("*.yaml"):
        f.write_text(
            f.read_text("utf-8").replace("../../../criteria.yaml", "../criteria.yaml"), "utf-8"
        )
    return folder


def test_a_page_kept_in_the_cache_is_drawn_afresh_when_its_ward_or_catalogue_changes(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The cache keeps each ward's page drawn: a changed ward file, a changed catalogue and
    another language each draw it again, and the rank is filled in on every export."""
    folder = _own_province(tmp_path)

    def page(ward: str, *args: str) -> str:
        result = runner.invoke(main, ["export", str(folder), "-o", f"{tmp_path}/site/", *args])
        assert result.exit_code == 0, result.output
        return (tmp_path / "site" / "wards" / f"{ward}.html").read_text(encoding="utf-8")

    first = page("an-hoach")
    assert "<dt>Hạng</dt><dd>1/7</dd>" in first
    assert "Biên bản kiểm tra C01 năm 2024 (minh họa)" in first
    assert page("an-hoach") == first  # from the cache

    ward = folder / "an-hoach.yaml"
    ward.write_text(
        ward.read_text("utf-8").replace("Biên bản kiểm tra C01", "Biên bản số 2 kiểm tra C01"),
        "utf-8",
    )
    assert "Biên bản số 2 kiểm tra C01 năm 2024 (minh họa)" in page("an-hoach")

    catalogue = tmp_path / "criteria.yaml"
    title = "Đảng ủy phường ban hành nghị quyết"
    assert title in first
    catalogue.write_text(catalogue.read_text("utf-8").replace(title, "Đảng ủy ĐỔI"), "utf-8")
    assert "C01 Đảng ủy ĐỔI" in page("an-hoach")
    assert "<dt>Rank</dt><dd>1/7</dd>" in page("an-hoach", "--lang", "en")

    (folder / "truong-son.yaml").unlink()  # one ward fewer: every page's rank out of 6
    assert "1/6</dd>" in page("an-hoach")


def test_a_new_site_keeps_the_files_of_the_pages_that_did_not_change(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Over a site it wrote, an export links in the old file of each page that is the same
    byte for byte (same file, same time: a sync sees it unchanged) and writes the others;
    a page a user also linked elsewhere is written anew, the user's link left as it was."""
    import os

    folder = _own_province(tmp_path)
    site = tmp_path / "site"

    def export() -> dict[str, os.stat_result]:
        result = runner.invoke(main, ["export", str(folder), "-o", f"{site}/"])
        assert result.exit_code == 0, result.output
        return {p.name: p.stat() for p in (site / "wards").iterdir()}

    first = export()
    mine = tmp_path / "my-copy.html"
    os.link(site / "wards" / "ba-dinh.html", mine)  # a user's second name for a page
    ward = folder / "an-hoach.yaml"
    ward.write_text(
        ward.read_text("utf-8").replace("Biên bản kiểm tra C01", "Biên bản số 2 kiểm tra C01"),
        "utf-8",
    )
    second = export()
    assert sorted(second) == sorted(first)
    changed = {n for n in first if first[n].st_ino != second[n].st_ino}
    assert changed == {"an-hoach.html", "ba-dinh.html"}
    for name in set(first) - changed:
        assert second[name].st_mtime_ns == first[name].st_mtime_ns
        assert second[name].st_nlink == 1
    assert "Biên bản số 2" in (site / "wards" / "an-hoach.html").read_text("utf-8")
    assert mine.read_bytes() == (site / "wards" / "ba-dinh.html").read_bytes()
    assert mine.stat().st_nlink == 1  # the old site's name for it is gone, the user's kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "criteria.yaml",
        "my-copy.html",
        "site",
        "wards",
    ]


def test_a_failure_midway_over_an_old_site_leaves_it_as_it_was(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages linked into the new site before a failure are the old site's own files, never
    changed: the old site stays whole, and nothing is left beside it."""
    site = _site(runner, f"{tmp_path}/site/")
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    from modelward.output import site as site_module

    drawn = site_module.ward_html
    calls: list[int] = []

    def broken_later(*args: object) -> str:
        calls.append(1)
        if len(calls) > 3:
            raise OSError("disk full")
        return drawn(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_module, "ward_html", broken_later)
    result = runner.invoke(main, ["export", str(PROVINCE), "-o", f"{site}/", "--target", "30%"])
    assert result.exit_code != 0
    assert len(calls) == 4
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    assert after == before
    assert all(p.stat().st_nlink == 1 for p in site.rglob("*.html"))
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "Bộ tiêu chí của từng kỳ: 2023: cand-model-ward-pilot@2022 (22 tiêu chí); "),
        ("en", "Catalogue of each period: 2023: cand-model-ward-pilot@2022 (22 criteria); "),
    ],
)
def test_a_ward_page_on_two_catalogues_says_which_each_year_is_on_and_no_label_is_cut(
    runner: CliRunner, tmp_path: Path, lang: str, line: str
) -> None:
    """The sample's 2023 is on the pilot: its page says so as history does, and every
    period's name under a chart ("tháng 1–2/2025") lies inside the chart."""
    out = f"{tmp_path}/site/"
    args = ["export", str(ROOT / "wards" / "tao-xuyen.yaml"), "-o", out, "--lang", lang]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    html = (Path(out) / "wards" / "tao-xuyen.html").read_text(encoding="utf-8")
    assert any(t.startswith(line) for t in Page(html).texts)
    labels = re.findall(
        r'<text x="([\d.]+)" y="112" text-anchor="middle" class="muted">([^<]+)<', html
    )
    assert len(labels) >= 3
    for x, name in labels:  # 13 px characters are at most about 7 units wide
        assert float(x) - 3.5 * len(name) >= 0, name
        assert float(x) + 3.5 * len(name) <= 300, name
    assert "None" not in html


def test_pages_kept_in_the_cache_but_unreadable_are_drawn_again(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page kept in the cache that cannot be read back (a damaged entry) is drawn again
    and kept afresh; the site is the same."""
    import os
    import sqlite3

    from modelward.output import site as site_module

    first = _site(runner, f"{tmp_path}/a/")
    [db] = Path(os.environ["MODELWARD_CACHE_DIR"]).glob("*/cache.sqlite")
    with sqlite3.connect(db) as con:
        damaged = con.execute(
            "UPDATE wards SET entry = '{not json' WHERE sha256 IN "
            "(SELECT sha256 FROM wards WHERE sha256 LIKE 'detail:%' LIMIT 2)"
        ).rowcount
    con.close()
    assert damaged == 2
    drawn = site_module.ward_detail
    calls: list[str] = []

    def counted(*args: Any) -> Any:
        calls.append(args[-2])
        return drawn(*args)

    monkeypatch.setattr(site_module, "ward_detail", counted)
    second = _site(runner, f"{tmp_path}/b/")
    assert len(calls) == 2
    for page in (first / "wards").glob("*.html"):
        assert page.read_bytes() == (second / "wards" / page.name).read_bytes()
    _site(runner, f"{tmp_path}/c/")  # drawn again and kept: read from the cache now
    assert len(calls) == 2


def test_page_names_never_share_a_file_and_stay_put() -> None:
    """Ids that one disk or another takes for one file name (``a/b`` and ``a_b``, ``A_b``,
    a decomposed ``ệ``) get one page each: the first in sorted order the plain name, the
    others a suffix from their own id, the same whatever order the wards come in."""
    from modelward.output.site import page_names

    ids = ["a_b", "a/b", "A_b", "vi\u1ec7t", "vie\u0323\u0302t", "tao-xuyen"]
    names = page_names(ids)
    assert names["A_b"] == "A_b.html"  # first in sorted order: "A" < "a", "/" < "_"
    assert names["tao-xuyen"] == "tao-xuyen.html"
    assert re.fullmatch(r"a_b-[0-9a-f]{8}\.html", names["a/b"])
    assert re.fullmatch(r"a_b-[0-9a-f]{8}\.html", names["a_b"])
    import unicodedata

    folded = {unicodedata.normalize("NFC", n).casefold() for n in names.values()}
    assert len(folded) == len(ids)
    assert page_names(list(reversed(ids))) == names


_DEVICES = ["con", "prn", "aux", "nul", *(f"{k}{n}" for k in ("com", "lpt") for n in "123456789")]
"""Names Windows keeps for devices: no file ``con.html`` on a USB stick read there."""


def _device(name: str) -> bool:  # as Windows reads a file name: up to its first dot, any case
    stem = name.split(".", 1)[0].rstrip(" ").casefold()
    return stem in _DEVICES or bool(re.fullmatch(r"(com|lpt)[0\u00b9\u00b2\u00b3]", stem))


_IDS = st.lists(
    st.one_of(
        st.text(min_size=1, max_size=6),
        st.sampled_from(_DEVICES).flatmap(
            lambda d: st.sampled_from([d, d.upper(), d.capitalize(), f"{d}.x", f"{d}-1"])
        ),
    ),
    max_size=12,
)


@given(_IDS)
def test_page_names_are_distinct_safe_and_plain_for_slugs(ids: list[str]) -> None:
    import unicodedata

    from modelward.output.site import page_names

    names = page_names(ids)
    assert set(names) == set(ids)
    assert len({unicodedata.normalize("NFC", n).casefold() for n in names.values()}) == len(names)
    for name in names.values():
        assert name.endswith(".html")
        assert "/" not in name
        assert not name.startswith(".")
        assert not _device(name), name
    assert page_names(sorted(ids, reverse=True)) == names
    slugs = [i for i in ids if re.fullmatch(r"[a-z0-9][a-z0-9-]*", i)]  # ward ids as they are
    assert page_names(slugs) == {i: (f"{i}.html" if i not in _DEVICES else names[i]) for i in slugs}
    for i in slugs:  # a device's name takes a suffix from its id, the same on every export
        if i in _DEVICES:
            assert re.fullmatch(rf"{i}-[0-9a-f]{{8}}\.html", names[i]), names[i]


def test_a_ward_whose_id_windows_keeps_for_a_device_gets_a_page_it_can_open(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Wards ``con`` and ``com1`` (valid ids) get ``con-<hash>.html`` and ``com1-<hash>.html``,
    linked from the index; the other wards keep their plain names."""
    import shutil

    wards = tmp_path / "wards"
    shutil.copytree(PROVINCE, wards, ignore=shutil.ignore_patterns("*.py"))
    for old, new in (("an-hoach", "con"), ("ba-dinh", "com1")):
        text = (wards / f"{old}.yaml").read_text("utf-8").replace(f"id: {old}", f"id: {new}")
        text = text.replace("catalogue: ../../../criteria.yaml", f"catalogue: {ROOT}/criteria.yaml")
        (wards / f"{old}.yaml").unlink()
        (wards / f"{new}.yaml").write_text(text, "utf-8")
    for other in wards.glob("*.yaml"):
        other.write_text(
            other.read_text("utf-8").replace("../../../criteria.yaml", f"{ROOT}/criteria.yaml"),
            "utf-8",
        )
    out = tmp_path / "site"
    result = runner.invoke(main, ["export", str(wards), "-o", f"{out}/", "--lang", "en"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (out / "wards").glob("*.html"))
    assert not [p for p in pages if _device(p)]
    assert [p for p in pages if re.fullmatch(r"(con|com1)-[0-9a-f]{8}\.html", p)] == [
        p for p in pages if p.startswith("co")
    ]
    assert len([p for p in pages if p.startswith("co")]) == 2
    assert {p[:-5] for p in pages if not p.startswith("co")} == set(IDS) - {"an-hoach", "ba-dinh"}
    links = [u for u in Page((out / "index.html").read_text("utf-8")).urls() if "wards/" in u]
    assert sorted(links) == [f"wards/{p}" for p in pages]


def test_wards_whose_ids_come_to_one_file_name_get_a_page_each_linked_from_the_index(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from modelward.output import site as site_module

    monkeypatch.setattr(site_module, "_page_name", lambda ward_id: "ward.html")
    site = _site(runner, f"{tmp_path}/site/")
    pages = sorted(p.name for p in (site / "wards").glob("*.html"))
    assert len(pages) == len(IDS)
    assert "ward.html" in pages
    links = [u for u in Page((site / "index.html").read_text("utf-8")).urls() if "wards/" in u]
    assert sorted(links) == [f"wards/{p}" for p in pages]
    for link in links:  # each page is the ward its link is in the row of
        index = (site / "index.html").read_text("utf-8")
        row = index[index.rindex("<tr", 0, index.index(f'href="{link}"')) :]
        name = Page(row[: row.index("</tr>")]).texts[1]
        assert name in (site / link).read_text("utf-8")


def test_pages_read_from_the_cache_a_chunk_at_a_time_make_the_same_site(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm export reads the drawn pages a few at a time and writes them as they come:
    every page is there, the same bytes, one query per chunk, none drawn again."""
    from modelward.batch import details as details_module
    from modelward.batch.cache import store
    from modelward.output import site as site_module

    first = _site(runner, f"{tmp_path}/a/")
    monkeypatch.setattr(details_module, "CHUNK", 3)
    asked: list[int] = []
    load_many = store.WardCache.load_many

    def counted(self: store.WardCache, keys: Any) -> Any:
        asked.append(len(keys))
        return load_many(self, keys)

    def not_again(*args: object) -> dict[str, object]:
        raise AssertionError("read from the cache, not made again")

    monkeypatch.setattr(store.WardCache, "load_many", counted)
    monkeypatch.setattr(site_module, "ward_detail", not_again)
    second = _site(runner, f"{tmp_path}/b/")
    assert asked == [3, 3, 1]
    assert len(IDS) == 7
    for name in ["index.html", *(f"wards/{i}.html" for i in IDS)]:
        assert (first / name).read_bytes() == (second / name).read_bytes()
