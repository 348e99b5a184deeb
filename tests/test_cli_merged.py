"""Wards that merged, end to end: the worked example in wards/ (FORMAT.md section 10)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import CATALOGUE, ROOT

WARDS = ROOT / "wards"
EXAMPLE = ("ham-rong", "tao-xuyen", "dong-cuong", "dong-tho")


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the worked example: the catalogue and the four ward files."""
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    (tmp_path / "wards").mkdir()
    for name in EXAMPLE:
        shutil.copy(WARDS / f"{name}.yaml", tmp_path / "wards" / f"{name}.yaml")
    return tmp_path / "wards"


def _indicators(doc: dict[str, object]) -> dict[str, dict[str, object]]:
    rows = doc["indicators"]
    assert isinstance(rows, list)
    return {row["id"]: row for row in rows}


def test_a_formed_ward_compares_its_2025_with_its_predecessors_2024_added_up(
    runner: CliRunner,
) -> None:
    code, out, _ = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2025", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2024", "2025")
    rows = _indicators(doc)
    assert (rows["incidents"]["from"], rows["incidents"]["to"]) == (36, 25)  # 10 + 14 + 12
    assert rows["incidents"]["change"] == -0.3056
    assert rows["tips_handled_share"]["from"] == 0.9643  # 27/28, from the summed parts
    assert rows["admin_online_share"]["from"] is None  # dong-tho did not report a part
    # Criteria are never combined: the old wards' statuses are not the new ward's.
    assert {c["from"] for c in doc["criteria"]} == {"unknown"}


def test_assess_of_a_formed_ward_measures_2025_against_the_combined_2024(
    runner: CliRunner,
) -> None:
    code, out, _ = _run(runner, "assess", str(WARDS / "ham-rong.yaml"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["period"], doc["compared_to"]) == ("2025", "2024")
    rows = _indicators(doc)
    assert (rows["incidents"]["previous"], rows["incidents"]["change"]) == (36, -0.3056)
    c11 = next(c for g in doc["groups"] for c in g["criteria"] if c["id"] == "C11")
    assert c11["status"] == "met"  # down on the combined year


def test_compare_from_a_year_only_the_predecessors_have(runner: CliRunner) -> None:
    code, out, _ = _run(
        runner, "compare", str(WARDS / "ham-rong.yaml"), "2023", "2025", "--format", "json"
    )
    assert code == 0
    assert _indicators(json.loads(out))["incidents"]["from"] == 24 + 18 + 15
    code, _, err = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2019", "2025")
    assert code == 2
    assert "2019" in err


@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"], ["history"]])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "formed.from.2: predecessor dong-tho not found: no ward file with id dong-tho in "),
        ("vi", "formed.from.2: không tìm thấy phường trước sắp xếp dong-tho: không có tệp phường "),
    ],
)
def test_a_predecessor_that_cannot_be_found_is_named_and_positioned(
    runner: CliRunner, example: Path, command: list[str], lang: str, said: str
) -> None:
    (example / "dong-tho.yaml").unlink()
    ward = example / "ham-rong.yaml"
    code, out, err = _run(runner, command[0], str(ward), *command[1:], "--lang", lang)
    assert code == 1
    assert out == ""
    rows = ward.read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(rows, 1) if row.startswith("formed:"))
    column = rows[line - 1].index("dong-tho") + 1
    assert err.startswith(f"{ward}:{line}:{column}: {said}")


@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"]])
def test_json_says_the_baseline_is_combined_and_what_it_cannot_combine(
    runner: CliRunner, command: list[str]
) -> None:
    code, out, _ = _run(
        runner,
        command[0],
        str(WARDS / "ham-rong.yaml"),
        *command[1:],
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert code == 0
    base = json.loads(out)["baseline"]
    assert base["combined_from"] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    undefined = {u["id"]: u for u in base["undefined"]}
    share = undefined["admin_online_share"]
    assert (share["why"], share["wards"]) == ("predecessor_missing", ["dong-tho"])
    assert "not reported by dong-tho" in share["reason"]
    assert undefined["resident_satisfaction"]["why"] == "not_combined"
    assert "incidents" not in undefined


def test_a_wards_own_baseline_has_no_baseline_key(runner: CliRunner) -> None:
    for command in (["assess"], ["compare", "2024"]):
        code, out, _ = _run(
            runner, command[0], str(WARDS / "tao-xuyen.yaml"), *command[1:], "--format", "json"
        )
        assert code == 0
        assert "baseline" not in json.loads(out)


def test_compare_json_has_no_totals_or_verdict_for_the_combined_year(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "compare", str(WARDS / "ham-rong.yaml"), "2025", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["totals"]["from"], doc["verdict"]["from"]) == (None, None)
    assert doc["verdict"]["to"]["id"] == "nearly"


@pytest.mark.parametrize(
    ("lang", "combined", "named", "gap"),
    [
        (
            "vi",
            "Cùng kỳ 2024 là số liệu cộng gộp của các phường trước sắp xếp: tao-xuyen, "
            "dong-cuong, dong-tho",
            "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến — Hồ sơ thủ tục hành chính giải quyết "
            "trực tuyến kỳ 2024: thiếu số liệu của dong-tho",
            "Số liệu cùng kỳ 2024 không cộng gộp được",
        ),
        (
            "en",
            "The same period of 2024 is the figures of the wards merged into this one, added "
            "up: tao-xuyen, dong-cuong, dong-tho",
            "Share of administrative procedures handled online — Administrative procedures "
            "handled online for 2024: not reported by dong-tho",
            "Figures of 2024 that cannot be combined",
        ),
    ],
)
@pytest.mark.parametrize("command", [["assess"], ["compare", "2025"]])
def test_text_and_markdown_say_the_baseline_is_combined_and_name_the_gap(
    runner: CliRunner, command: list[str], lang: str, combined: str, named: str, gap: str
) -> None:
    for fmt in ("table", "markdown"):
        code, out, _ = _run(
            runner,
            command[0],
            str(WARDS / "ham-rong.yaml"),
            *command[1:],
            "--lang",
            lang,
            "--format",
            fmt,
        )
        assert code == 0
        flat = " ".join(out.split())
        for said in (combined, named, gap):
            assert said in flat, (fmt, said)


def test_history_shows_the_combined_years_before_the_merger_marked(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "history", str(WARDS / "ham-rong.yaml"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert [p["period"] for p in doc["periods"]] == ["2025"]
    assert doc["periods"][0]["baseline"]["combined_from"] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    combined = {c["period"]: c for c in doc["combined"]}
    assert list(combined) == ["2023", "2024"]  # 2025-01..2025-02: only tao-xuyen has it
    assert combined["2024"]["combined_from"] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    assert combined["2023"]["indicators"]["incidents"]["value"] == 24 + 18 + 15
    assert combined["2024"]["indicators"]["incidents"]["value"] == 36
    code, out, _ = _run(runner, "history", str(WARDS / "ham-rong.yaml"), "--lang", "en")
    flat = " ".join(out.split())
    assert "Periods marked “combined” are the figures of tao-xuyen, dong-cuong, dong-tho" in flat
    assert "on 1 Jul 2025" in flat
    assert "2024 (combined)" in flat
    code, out, _ = _run(runner, "history", str(WARDS / "tao-xuyen.yaml"), "--format", "json")
    assert "combined" not in json.loads(out)


# ---------------------------------------------------------------------------- summary, export


def _summary(runner: CliRunner, *args: str) -> tuple[int, dict[str, object], str]:
    code, out, err = _run(runner, "summary", *args, "--format", "json")
    return code, json.loads(out) if out else {}, err


def _ranked(doc: dict[str, object]) -> list[str]:
    wards = doc["wards"]
    assert isinstance(wards, list)
    return [w["id"] for w in wards]


def test_a_summary_over_the_folder_ranks_the_new_ward_and_lists_the_old_as_merged(
    runner: CliRunner,
) -> None:
    code, doc, _ = _summary(runner, str(WARDS), "--target", "30%")
    assert code == 0
    assert _ranked(doc) == ["ham-rong"]
    assert doc["merged"] == [
        {"id": old, "into": "ham-rong", "on": "2025-07-01"}
        for old in ("dong-cuong", "dong-tho", "tao-xuyen")
    ]
    assert doc["wards"][0]["baseline"] == {  # type: ignore[index]
        "combined_from": ["tao-xuyen", "dong-cuong", "dong-tho"]
    }
    # The roll-out target counts the ranked wards only: 0 of 1 at the top verdict.
    assert doc["totals"] == {  # type: ignore[comparison-overlap]
        "wards": 1,
        "by_verdict": {"model": 0, "nearly": 1, "not_yet": 0},
    }
    assert doc["target"]["reached"] == 0.0  # type: ignore[index]


def test_a_period_before_the_merger_ranks_the_old_wards(runner: CliRunner) -> None:
    code, doc, _ = _summary(runner, str(WARDS), "--period", "2024")
    assert code == 0
    assert sorted(_ranked(doc)) == ["dong-cuong", "dong-tho", "tao-xuyen"]
    assert doc["merged"] == []
    assert [m["id"] for m in doc["missing"]] == ["ham-rong"]  # type: ignore[attr-defined]
    code, doc, _ = _summary(runner, str(WARDS), "--period", "2025")
    assert _ranked(doc) == ["ham-rong"]
    assert [m["id"] for m in doc["merged"]] == ["dong-cuong", "dong-tho", "tao-xuyen"]  # type: ignore[attr-defined]
    assert doc["missing"] == []


def test_the_pilot_year_ranks_the_old_wards_on_the_pilot(runner: CliRunner) -> None:
    """2023 was the pilot's year: the three old wards' 2023 are all on its set, so a
    summary of 2023 ranks them together (it was refused while two were on the 2024 set)."""
    code, doc, _ = _summary(runner, str(WARDS), "--period", "2023")
    assert code == 0
    assert doc["catalogue"] == {
        "id": "cand-model-ward-pilot",
        "version": "2022",
        "status": "illustrative",
    }
    assert _ranked(doc) == ["tao-xuyen", "dong-cuong", "dong-tho"]
    assert [m["id"] for m in doc["missing"]] == ["ham-rong"]  # type: ignore[attr-defined]


def test_a_summary_with_a_predecessor_missing_fails_the_new_ward_only(
    runner: CliRunner, example: Path
) -> None:
    (example / "dong-tho.yaml").unlink()
    code, doc, err = _summary(runner, str(example), "--lang", "en")
    assert code == 1
    assert sorted(_ranked(doc)) == ["dong-cuong", "tao-xuyen"]
    rows = (example / "ham-rong.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(rows, 1) if row.startswith("formed:"))
    column = rows[line - 1].index("dong-tho") + 1
    assert (
        f"{example / 'ham-rong.yaml'}:{line}:{column}: formed.from.2: predecessor dong-tho not found"
        in err
    )


def test_predecessors_are_found_among_the_paths_given(runner: CliRunner, example: Path) -> None:
    elsewhere = example.parent / "before-2025"
    elsewhere.mkdir()
    for old in ("tao-xuyen", "dong-cuong", "dong-tho"):
        (example / f"{old}.yaml").rename(elsewhere / f"{old}.yaml")
    shutil.copy(CATALOGUE, elsewhere / "criteria.yaml")
    code, doc, _ = _summary(runner, str(example / "ham-rong.yaml"), str(elsewhere))
    assert code == 0
    assert _ranked(doc) == ["ham-rong"]
    assert len(doc["merged"]) == 3  # type: ignore[arg-type]


def test_the_cache_knows_a_merged_wards_result_depends_on_its_predecessors(
    runner: CliRunner, example: Path
) -> None:
    _, first, _ = _summary(runner, str(example))
    assert first["wards"][0]["met"] == 19  # type: ignore[index]
    _, again, _ = _summary(runner, str(example))  # from the cache
    assert again["wards"] == first["wards"]
    # dong-tho's 2024 incidents and offences go: the combined 2024 is undefined, C11 unknown.
    path = example / "dong-tho.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      incidents: 12\n", "").replace("      crimes_social_evils: 5\n", "")
    path.write_text(text, encoding="utf-8")
    _, edited, _ = _summary(runner, str(example))
    assert edited["wards"][0]["met"] == 18  # type: ignore[index]
    _, fresh, _ = _summary(runner, str(example), "--no-cache")
    assert fresh["wards"] == edited["wards"]


def test_exports_list_the_merged_wards(runner: CliRunner, tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    code, _, _ = _run(runner, "export", str(WARDS), "-o", str(tmp_path / "s.csv"))
    assert code == 0
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert rows["ham-rong"]["rank"] == "1"
    assert rows["ham-rong"]["combined_from"] == "tao-xuyen dong-cuong dong-tho"
    assert (rows["tao-xuyen"]["rank"], rows["tao-xuyen"]["merged_into"]) == ("", "ham-rong")
    assert rows["dong-tho"]["merged_on"] == "2025-07-01"
    code, _, _ = _run(runner, "export", str(WARDS), "-o", str(tmp_path / "s.xlsx"), "--lang", "en")
    assert code == 0
    book = load_workbook(tmp_path / "s.xlsx")
    ranking = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    header = next(r for r in ranking if "ID" in r)
    ham = next(r for r in ranking if "ham-rong" in r)
    assert ham[header.index("Year before combined from")] == "tao-xuyen, dong-cuong, dong-tho"
    sheet = book["Not ranked"]
    assert [[c.value for c in row][:5] for row in sheet.iter_rows()] == [
        ["ID", "Ward", "Why", "Merged into", "From"],
        ["dong-cuong", "Phường Đông Cương", "Merged into ham-rong", "ham-rong", "2025-07-01"],
        ["dong-tho", "Phường Đông Thọ", "Merged into ham-rong", "ham-rong", "2025-07-01"],
        ["tao-xuyen", "Phường Tào Xuyên", "Merged into ham-rong", "ham-rong", "2025-07-01"],
    ]
    for suffix in ("md", "html"):
        code, _, _ = _run(runner, "export", str(WARDS), "-o", str(tmp_path / f"s.{suffix}"))
        assert code == 0
        said = (tmp_path / f"s.{suffix}").read_text(encoding="utf-8")
        assert "Đã sắp xếp vào phường khác trong tổng hợp này (không xếp hạng)" in said
        assert "Phường Tào Xuyên (tao-xuyen) → ham-rong, từ 01/07/2025" in said


def test_the_report_says_whose_figures_the_year_before_are(runner: CliRunner) -> None:
    code, out, _ = _run(runner, "report", str(WARDS / "ham-rong.yaml"), "-o", "-")
    assert code == 0
    flat = " ".join(out.split())
    assert (
        "Cùng kỳ 2024 là số liệu cộng gộp của các phường trước sắp xếp: tao-xuyen, dong-cuong, "
        "dong-tho" in flat
    )
    assert "thiếu số liệu của dong-tho" in flat
    assert "Vụ việc về an ninh, trật tự: 25 vụ, giảm 30,6% so với cùng kỳ năm 2024 (36 vụ)" in flat


def test_a_cold_run_reads_the_predecessors_once_and_agrees_with_no_cache(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, fresh, _ = _summary(runner, str(example), "--no-cache")
    from modelward.loading import lineage

    def not_again(*args: object, **kwargs: object) -> object:
        raise AssertionError("the predecessors were read a second time")

    # With the cache on, the merged ward is scored after the others, from their figures
    # as the cache keeps them: its predecessors' files are not parsed again.
    monkeypatch.setattr(lineage, "find_predecessors", not_again)
    code, cold, _ = _summary(runner, str(example), "-j", "1")
    assert code == 0
    assert (cold["wards"], cold["merged"]) == (fresh["wards"], fresh["merged"])
    code, warm, _ = _summary(runner, str(example), "-j", "2")
    assert (warm["wards"], warm["merged"]) == (fresh["wards"], fresh["merged"])


def test_two_jobs_on_a_cold_cache_agree_with_no_cache(runner: CliRunner, example: Path) -> None:
    _, fresh, _ = _summary(runner, str(example), "--no-cache")
    code, cold, _ = _summary(runner, str(example), "-j", "2")
    assert code == 0
    assert (cold["wards"], cold["merged"]) == (fresh["wards"], fresh["merged"])


def test_validate_finds_the_predecessors_and_names_one_missing(
    runner: CliRunner, example: Path
) -> None:
    code, out, _ = _run(runner, "validate", str(example), "--lang", "en")
    assert code == 0
    assert f"ok: {example / 'ham-rong.yaml'} (ward ham-rong" in out
    (example / "dong-tho.yaml").unlink()
    code, _, err = _run(runner, "validate", str(example), "--lang", "en")
    assert code == 1
    assert (
        f"{example / 'ham-rong.yaml'}:18:56: formed.from.2: predecessor dong-tho not found" in err
    )


def test_a_successor_left_out_by_area_still_replaces_its_predecessors(runner: CliRunner) -> None:
    # ham-rong has no city (there is none after 1 July 2025); the old wards are in TP Thanh Hóa.
    code, doc, err = _summary(runner, str(WARDS), "--area", "TP Thanh Hoa")
    assert code == 0
    assert _ranked(doc) == []
    assert [m["id"] for m in doc["merged"]] == ["dong-cuong", "dong-tho", "tao-xuyen"]  # type: ignore[attr-defined]
    assert err == ""


def test_a_site_lists_the_merged_wards_and_the_new_wards_page_says_whose_year_before(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, _, _ = _run(runner, "export", str(WARDS), "-o", f"{tmp_path / 'site'}/", "--lang", "en")
    assert code == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Merged into a ward summarised here (not ranked)" in index
    assert "Phường Tào Xuyên (tao-xuyen) → ham-rong, from 1 Jul 2025" in index
    assert sorted(p.name for p in (tmp_path / "site" / "wards").iterdir()) == ["ham-rong.html"]
    page = (tmp_path / "site" / "wards" / "ham-rong.html").read_text(encoding="utf-8")
    assert (
        "The same period of 2024 is the figures of the wards merged into this one, added up: "
        "tao-xuyen, dong-cuong, dong-tho" in page
    )


def _on_the_2024_set(folder: Path, ward: str, copies: int = 0) -> None:
    """A ward's 2023 put back on the 2024 set (the file's own catalogue), and copies of it
    under other ids."""
    text = (folder / f"{ward}.yaml").read_text(encoding="utf-8")
    text = text.replace("    catalogue: cand-model-ward-pilot@2022\n", "")
    (folder / f"{ward}.yaml").write_text(text, encoding="utf-8")
    for n in range(2, copies + 2):
        copy = text.replace(f"id: {ward}\n", f"id: {ward}-{n}\n")
        (folder / f"{ward}-{n}.yaml").write_text(copy, encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "modelward: the wards are scored on different catalogues in 2023, and a summary "
            "ranks wards on one catalogue: cand-model-ward 2024: dong-tho, dong-tho-2, dong-tho-3 "
            "and 1 more; cand-model-ward-pilot 2022: dong-cuong, tao-xuyen. Summarise them with "
            "--period 2024: in that period every ward that has it is on cand-model-ward 2024. "
            "Or summarise each catalogue's wards on their own (give only their files)",
        ),
        (
            "vi",
            "modelward: các phường được chấm theo những bộ tiêu chí khác nhau trong kỳ 2023, mà "
            "một bản tổng hợp chỉ xếp hạng các phường cùng một bộ: cand-model-ward 2024: "
            "dong-tho, dong-tho-2, dong-tho-3 và 1 phường khác; cand-model-ward-pilot 2022: "
            "dong-cuong, tao-xuyen. Hãy tổng hợp với --period 2024: trong kỳ đó mọi phường có "
            "kỳ này đều chấm theo cand-model-ward 2024. Hoặc tổng hợp riêng các phường của từng "
            "bộ tiêu chí (chỉ đưa vào tệp của các phường đó)",
        ),
    ],
)
def test_wards_on_different_catalogues_are_named_and_the_hint_works(
    runner: CliRunner, example: Path, lang: str, expected: str
) -> None:
    """The refusal says which wards are on which catalogue (a few, then how many more) and
    suggests a period they share one catalogue in; that suggestion, taken, works. It never
    suggests --criteria, which the sample's 2023 (naming the pilot) refuses."""
    _on_the_2024_set(example, "dong-tho", copies=3)
    code, out, err = _run(runner, "summary", str(example), "--period", "2023", "--lang", lang)
    assert code == 1
    assert out == ""
    assert err.strip() == expected
    code, doc, _ = _summary(runner, str(example), "--period", "2024")
    assert code == 0
    assert len(_ranked(doc)) == 6


def test_without_a_shared_period_the_hint_is_only_to_summarise_apart(
    runner: CliRunner, example: Path
) -> None:
    _on_the_2024_set(example, "dong-tho")
    for name in ("dong-cuong", "tao-xuyen", "ham-rong"):
        (example / f"{name}.yaml").unlink()
    (example / "pilot.yaml").write_text(
        "id: pilot-only\nname: P\ncatalogue: cand-model-ward-pilot@2022\n"
        "periods:\n  2023:\n    indicators: {incidents: 3}\n",
        encoding="utf-8",
    )
    code, _, err = _run(runner, "summary", str(example), "--lang", "en")
    assert code == 1
    assert err.strip() == (
        "modelward: the wards are scored on different catalogues (each ward's latest period), "
        "and a summary ranks wards on one catalogue: cand-model-ward 2024: dong-tho; "
        "cand-model-ward-pilot 2022: pilot-only. Or summarise each catalogue's wards on their "
        "own (give only their files)"
    )
