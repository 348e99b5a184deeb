"""The assessment cycle on the command line: --stage, the warnings, --require-evidence."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from tests.conftest import DATA, ROOT, SAMPLE
from tests.test_render import ENV

CYCLE = DATA / "cycle" / "phuong-mau.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def assessed(*args: str) -> dict[str, object]:
    code, out, err = run("assess", str(CYCLE), "--format", "json", *args)
    assert code == 0, err
    doc: dict[str, object] = json.loads(out)
    return doc


def test_the_inspected_result_is_scored_by_default_and_the_wards_own_with_stage_self() -> None:
    inspected = assessed()
    own = assessed("--stage", "self")
    assert inspected["verdict"]["id"] == "nearly"  # type: ignore[index]
    assert inspected["totals"]["met"] == 18  # type: ignore[index]
    assert own["verdict"]["id"] == "model"  # type: ignore[index]
    assert own["totals"]["met"] == 20  # type: ignore[index]
    assert assessed("--stage", "inspection")["totals"] == inspected["totals"]


def test_a_stage_the_period_does_not_have_is_a_usage_error() -> None:
    code, out, err = run("assess", str(CYCLE), "--period", "2023", "--stage", "inspection")
    assert (code, out) == (2, "")
    assert "period 2023 of" in err
    assert "has no inspection" in err


def test_compare_and_history_score_each_period_at_its_latest_stage() -> None:
    code, out, _ = run("compare", str(CYCLE), "2023", "2024", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["verdict"]["to"]["id"] == "nearly"
    incidents = next(i for i in doc["indicators"] if i["id"] == "incidents")
    assert (incidents["from"], incidents["to"]) == (24, 25)
    code, out, _ = run("compare", str(CYCLE), "2023", "2024", "--format", "json", "--stage", "self")
    assert json.loads(out)["verdict"]["to"]["id"] == "model"
    code, _, err = run("compare", str(CYCLE), "2023", "2024", "--stage", "inspection")
    assert code == 2
    assert "has no inspection" in err
    for stage, verdict in ((None, "nearly"), ("self", "model"), ("inspection", "nearly")):
        extra = ("--stage", stage) if stage else ()
        code, out, _ = run("history", str(CYCLE), "--format", "json", *extra)
        assert code == 0
        assert json.loads(out)["periods"][-1]["verdict"]["id"] == verdict


def recognising(tmp_path: Path) -> Path:
    """The example ward with a decision that recognises the period the inspection failed."""
    shutil.copy(DATA.parent.parent / "criteria.yaml", tmp_path / "criteria.yaml")
    text = CYCLE.read_text(encoding="utf-8")
    text = text.replace("catalogue: ../../../criteria.yaml\n", "").replace(
        "recognised: false", "recognised: true"
    )
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_decision_recognising_a_result_below_the_top_is_warned_of_not_failed(
    tmp_path: Path,
) -> None:
    path = recognising(tmp_path)
    where = f"{path}:{line_of(path, 'recognised: true')}:19: periods.2024.decision.recognised: "
    warning = (
        "warning: decision 123/QĐ-BCA recognises this period, but its result at the "
        "inspection stage is verdict 'Nearly there', not "
        "'Meets the criteria (eligible for recognition)'"
    )
    for command in ("validate", "assess"):
        code, out, err = run(command, str(path))
        assert code == 0
        assert out
        assert err == where + warning + "\n"
    vi = CliRunner().invoke(main, ["assess", str(path)], env={"MODELWARD_LANG": None})
    assert "xếp loại 'Cơ bản đạt', không phải 'Đủ điều kiện đề nghị công nhận'" in vi.stderr
    code, _, err = run("assess", str(path), "--stage", "self")
    assert (code, err) == (0, "")  # the ward's own claim is not what was recognised
    code, _, err = run("assess", str(CYCLE))
    assert (code, err) == (0, "")  # not recognised: nothing to warn of


def test_a_recognition_below_the_top_verdict_carries_its_caveat_in_every_output(
    tmp_path: Path,
) -> None:
    path = recognising(tmp_path)
    caveat_en = "note: the result at this stage is Nearly there, below the top verdict"
    caveat_vi = "lưu ý: kết quả ở bước này là Cơ bản đạt, chưa đạt xếp loại cao nhất"
    code, out, _ = run("assess", str(path))
    assert code == 0
    assert caveat_en in " ".join(out.split())
    for lang, caveat in (("en", caveat_en), ("vi", caveat_vi)):
        for name in ("a.html", "r.md", "r.html"):
            target = tmp_path / f"{lang}-{name}"
            command = "report" if name.startswith("r.") else "assess"
            result = CliRunner().invoke(
                main, [command, str(path), "-o", str(target), "--lang", lang]
            )
            assert result.exit_code == 0, result.output
            assert caveat in " ".join(target.read_text(encoding="utf-8").split()), name
    code, out, _ = run("assess", str(CYCLE))  # not recognised: no caveat
    assert "below the top verdict" not in out


def test_an_inspection_share_beside_the_wards_own_parts_is_refused_naming_both(
    tmp_path: Path,
) -> None:
    shutil.copy(DATA.parent.parent / "criteria.yaml", tmp_path / "criteria.yaml")
    path = tmp_path / "w.yaml"
    path.write_text(
        "id: w\nname: x\nperiods:\n  2024:\n"
        "    indicators: {tips_received: 5, tips_handled: 5}\n"
        "    inspection:\n      by: Công an tỉnh\n      on: 2025-03-10\n"
        "      indicators: {tips_handled_share: 80%}\n",
        encoding="utf-8",
    )
    code, _, err = run("validate", str(path))
    assert code == 1
    assert err.startswith(f"{path}:9:20: periods.2024.inspection.indicators.tips_handled_share: ")
    assert "tips_handled is given in this period" in err
    path.write_text(path.read_text("utf-8").replace("tips_handled_share: 80%", "tips_handled: 4"))
    assert run("validate", str(path))[0] == 0  # parts for parts: fine


def test_criteria_met_without_evidence_are_one_warning_or_errors_when_required() -> None:
    code, out, err = run("validate", str(SAMPLE))
    assert code == 0
    assert out.startswith("ok:")
    (line,) = err.splitlines()
    assert line.endswith(
        "periods.2023.criteria.P01: warning: 13 criteria are marked met with neither "
        "evidence nor a note: P01, P02, P03, P04, P06, P07, P08, P09, P11, P12, P18, P20, P21"
    )
    code, out, err = run("validate", str(SAMPLE), "--require-evidence")
    assert (code, out) == (1, "")
    errors = err.splitlines()[:-1]
    assert len(errors) == 13
    assert errors[0].endswith(
        "periods.2023.criteria.P01: P01 is marked met with neither evidence nor a note: "
        "give the documents it rests on (evidence) or a note"
    )
    assert err.splitlines()[-1] == "1 of 1 file has errors"
    code, out, err = run("assess", str(SAMPLE), "--period", "2023", "--require-evidence")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 13
    code, out, err = run("assess", str(SAMPLE), "--period", "2024", "--require-evidence")
    assert (code, err) == (0, "")  # every judged criterion of 2024 has its evidence


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_warnings_are_worded_in_both_languages(lang: str) -> None:
    result = CliRunner().invoke(main, ["validate", str(SAMPLE), "--lang", lang])
    word = "warning: 13 criteria" if lang == "en" else "cảnh báo: 13 tiêu chí được ghi đạt"
    assert word in result.stderr


# ---------------------------------------------------------------------------- golden files

GOLDEN = DATA / "cycle" / "golden"
REGEN = os.environ.get("MODELWARD_REGEN") == "1"
WARD = "tests/data/cycle/phuong-mau.yaml"
GOLDEN_CASES: dict[str, list[str]] = {
    "assess_vi.table.txt": ["assess", WARD, "--lang", "vi"],
    "assess_en.table.txt": ["assess", WARD, "--lang", "en"],
    "assess_self_en.table.txt": ["assess", WARD, "--lang", "en", "--stage", "self"],
    "assess_vi.markdown.md": ["assess", WARD, "--lang", "vi", "--format", "markdown"],
    "assess_en.json": ["assess", WARD, "--lang", "en", "--format", "json"],
    "assess_self_en.json": ["assess", WARD, "--lang", "en", "--format", "json", "--stage", "self"],
    "compare_vi.table.txt": ["compare", WARD, "2023", "2024", "--lang", "vi"],
    "compare_en.json": ["compare", WARD, "2023", "2024", "--lang", "en", "--format", "json"],
    "history_en.table.txt": ["history", WARD, "--lang", "en"],
    "history_self_vi.markdown.md": [
        "history", WARD, "--lang", "vi", "--stage", "self", "--format", "markdown"
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, GOLDEN_CASES[name], env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- summary

FOLDER = "tests/data/cycle"
SUMMARY_CASES: dict[str, list[str]] = {
    "summary_vi.table.txt": ["summary", FOLDER, "--lang", "vi"],
    "summary_self_en.table.txt": ["summary", FOLDER, "--lang", "en", "--stage", "self"],
    "summary_en.markdown.md": ["summary", FOLDER, "--lang", "en", "--format", "markdown"],
    "summary_en.json": ["summary", FOLDER, "--lang", "en", "--format", "json"],
}


def summarised(args: list[str], columns: str = "250") -> str:
    result = CliRunner().invoke(main, [*args, "--no-cache"], env={**ENV, "COLUMNS": columns})
    assert result.exit_code == 0, result.output
    out = result.stdout
    if "--format" in args and args[args.index("--format") + 1] == "json":
        doc = json.loads(out)
        del doc["provenance"]  # the time it was made, the catalogue file's digest
        out = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return out.split("**Provenance**")[0]  # Markdown: the time it was made, the digests


@pytest.mark.parametrize("name", sorted(SUMMARY_CASES))
def test_summary_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = summarised(SUMMARY_CASES[name])
    path = GOLDEN / name
    if REGEN:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_a_summary_ranks_on_the_inspected_results_and_on_the_wards_own_with_stage_self(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    for stage, order in (
        (None, ["phuong-ben", "phuong-mau"]),
        ("self", ["phuong-mau", "phuong-ben"]),
    ):
        extra = ["--stage", stage] if stage else []
        doc = json.loads(summarised(["summary", FOLDER, "--format", "json", *extra]))
        assert [w["id"] for w in doc["wards"]] == order
    doc = json.loads(summarised(["summary", FOLDER, "--format", "json"]))
    ben, mau = doc["wards"]
    assert (mau["stage"], mau["recognised"], mau["score"]) == ("inspection", False, 90.0)
    assert (ben["stage"], ben["recognised"], ben["overridden"], ben["unevidenced"]) == (
        "self",
        None,
        1,
        2,
    )
    assert (ben["province"], ben["city"], ben["unknown"], ben["provisional"]) == (
        "Nghệ An",
        "TP Vinh",
        0,
        False,
    )


def test_the_new_columns_in_csv_xlsx_and_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io

    import openpyxl

    monkeypatch.chdir(ROOT)
    rows = list(
        csv.DictReader(
            io.StringIO(summarised(["summary", FOLDER, "--format", "csv"]).lstrip("\ufeff"))
        )
    )
    ben, mau = rows
    assert {k: ben[k] for k in ("unknown", "overridden", "stage", "recognised", "provisional", "unevidenced", "province", "city")} == {
        "unknown": "0", "overridden": "1", "stage": "self", "recognised": "", "provisional": "false",
        "unevidenced": "2", "province": "Nghệ An", "city": "TP Vinh",
    }  # fmt: skip
    assert (mau["stage"], mau["recognised"], mau["score"]) == ("inspection", "false", "90.0")
    partial = list(
        csv.DictReader(
            io.StringIO(summarised(["summary", str(SAMPLE), "--format", "csv"]).lstrip("\ufeff"))
        )
    )
    assert (partial[0]["unknown"], partial[0]["provisional"]) == ("16", "true")
    for suffix in ("xlsx", "html"):
        out = tmp_path / f"s.{suffix}"
        code, _, err = run("export", FOLDER, "-o", str(out), "--no-cache")
        assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    lines = [[c.value for c in line] for sheet in book for line in sheet.iter_rows()]
    header = next(line for line in lines if "Stage" in line)
    mau = next(line for line in lines if "phuong-mau" in line and len(line) == len(header))
    values = dict(zip(header, mau, strict=True))
    assert (values["Stage"], values["Recognised"], values["Province"]) == (
        "inspection",
        "no",
        "Thanh Hóa",
    )
    assert (values["✎"], values["No evidence"]) == (0, 0)
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    for text in (
        "Not assessed",
        "No evidence",
        "Stage",
        "Recognised",
        "Province",
        "City",
        "inspection",
    ):
        assert f">{text}<" in html


def test_the_cache_keeps_each_stage_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for _ in range(2):  # the second run reads the cache the first filled
        for stage, score in ((None, 90.0), ("self", 100.0), ("inspection", 90.0)):
            extra = ["--stage", stage] if stage else []
            code, out, _ = run("summary", FOLDER, "--format", "json", *extra)
            assert code == 0
            mau = next(w for w in json.loads(out)["wards"] if w["id"] == "phuong-mau")
            assert (mau["score"], mau["stage"]) == (score, stage or "inspection")


def test_a_bare_decision_number_is_text_and_a_decision_needs_its_date_and_outcome(
    tmp_path: Path,
) -> None:
    shutil.copy(ROOT / "criteria.yaml", tmp_path / "criteria.yaml")
    path = tmp_path / "w.yaml"
    path.write_text(
        'id: w\nname: "W"\nperiods:\n  2024:\n    decision: {number: 2878, on: 2025-04-22, '
        "recognised: false}\n  2023:\n    decision: {number: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run("validate", str(path))
    assert code == 1
    assert err.splitlines()[:2] == [
        f"{path}:7:15: periods.2023.decision.on: missing required key 'on'",
        f"{path}:7:15: periods.2023.decision.recognised: missing required key 'recognised'",
    ]
    path.write_text(path.read_text(encoding="utf-8").split("  2023:")[0], encoding="utf-8")
    doc = json.loads(run("assess", str(path), "--format", "json")[1])
    assert doc["decision"] == {
        "number": "2878",
        "on": "2025-04-22",
        "by": None,
        "recognised": False,
    }


def _unrecorded(tmp_path: Path, keep: str = "") -> Path:
    """The cycle's ward with its inspection's ``by`` and ``on`` taken out (``keep`` one)."""
    text = CYCLE.read_text(encoding="utf-8")
    text = text.replace("catalogue: ../../../criteria.yaml", f"catalogue: {ROOT / 'criteria.yaml'}")
    for line in ('      by: "Công an tỉnh Thanh Hóa"\n', "      on: 2025-03-10\n"):
        if keep not in line or not keep:
            assert line in text
            text = text.replace(line, "", 1)
    path = tmp_path / "phuong-mau.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "cảnh báo: phần kiểm tra không ghi ai kiểm tra (by) và ngày kiểm tra (on)"),
        ("en", "warning: the inspection does not say who inspected (by) and when (on)"),
    ],
)
def test_an_inspection_without_by_and_on_is_a_warning_at_its_key(
    tmp_path: Path, lang: str, said: str
) -> None:
    ward = _unrecorded(tmp_path)
    line = ward.read_text(encoding="utf-8").splitlines().index("    inspection:") + 1
    result = CliRunner().invoke(main, ["--lang", lang, "validate", str(ward)])
    assert result.exit_code == 0  # a warning: valid, as FORMAT section 9 allows
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(f"{ward}:{line}:5: periods.2024.inspection: {said}")
    strict = CliRunner().invoke(main, ["validate", "--require-evidence", str(ward)])
    assert strict.exit_code == 0  # not an evidence warning: never made an error


@pytest.mark.parametrize(
    ("keep", "vi", "en"),
    [
        (
            "",
            "Bước: kiểm tra — chưa ghi ai kiểm tra, chưa ghi ngày kiểm tra",
            "Stage: inspection — inspector not recorded, date not recorded",
        ),
        (
            "by:",
            "Bước: kiểm tra — Công an tỉnh Thanh Hóa, chưa ghi ngày kiểm tra",
            "Stage: inspection — Công an tỉnh Thanh Hóa, date not recorded",
        ),
        (
            "on:",
            "Bước: kiểm tra — chưa ghi ai kiểm tra, 10/03/2025",
            "Stage: inspection — inspector not recorded, 10 Mar 2025",
        ),
    ],
)
def test_outputs_say_what_the_inspection_does_not_record(
    tmp_path: Path, keep: str, vi: str, en: str
) -> None:
    ward = _unrecorded(tmp_path, keep)
    missing = "by" if keep == "on:" else "on" if keep == "by:" else "by) and when (on"
    for lang, said in (("vi", vi), ("en", en)):
        for fmt in ("table", "markdown"):
            result = CliRunner().invoke(
                main, ["--lang", lang, "assess", str(ward), "--format", fmt], env=ENV
            )
            assert result.exit_code == 0, result.stderr
            assert said in [ln.rstrip() for ln in result.stdout.splitlines()[:8]], fmt
            if lang == "en":
                assert f"({missing})" in result.stderr
        site = tmp_path / f"site-{lang}"
        result = CliRunner().invoke(main, ["--lang", lang, "export", str(ward), "-o", f"{site}/"])
        assert result.exit_code == 0, result.stderr
        page = (site / "wards" / "phuong-mau.html").read_text(encoding="utf-8")
        stage, words = said.split(": ", 1)
        assert f"<dt>{stage}</dt><dd>{words}</dd>" in page
