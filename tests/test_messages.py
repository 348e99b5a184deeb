"""Problems are worded in Vietnamese by default: every message a ward or catalogue file can earn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.messages import vietnamese
from tests.conftest import DATA

ENGLISH = re.compile(
    r"\b(expected|got|unknown|missing|must|never|repeated|computed|judged|derived|write|give|"
    r"found|cannot|allowed|folder|nested|aliases|holds|belongs|invisible|delete|reads|"
    # The glue of any English sentence, and the words of the catalogue's own checks. Not
    # "an", "in" or "to": those are Vietnamese words too (an ninh, in ấn, to lớn).
    r"the|is|of|and|or|at|it|a|as|be|has|such|one|already|used|refer|cycle|itself|"
    r"comparison|needs|exactly|operator|operand|none|condition|reached|language|items|least|"
    r"most|letters|digits|space|mark|file|list|mapping|criterion|indicator|verdict|group)\b"
)
# Quoted text is the file's own key, id or value, kept as written: 'indicator' in "khóa
# 'indicator' không hợp lệ" is a ward's misspelt key, not an English word left over. Only a
# quote that opens and closes outside a word counts, so "catalogue's" hides nothing.
QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)")
LINE = re.compile(r"^(?:.*?:\d+:\d+: |[^ ]+\.yaml: )(?:[^ :]+: )?(?P<message>.*)$")


def _golden_messages(lang: str) -> list[tuple[str, str]]:
    found = []
    folders = ("errors", "bad") if lang == "en" else ("errors/vi", "bad/vi")
    for expected in sorted(p for folder in folders for p in DATA.glob(f"{folder}/*.expected")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            match = LINE.match(line)
            if match and "files have errors" not in line and not line.startswith("ok:"):
                message = match.group("message")
                if message.startswith("periods."):  # a period key with a space in the path
                    message = message.split(": ", 1)[1]
                found.append((expected.name, message))
    return found


MESSAGES = _golden_messages("vi")


def _english(said: str) -> list[str]:
    """The English words left in a message, outside the text it quotes from the file."""
    return ENGLISH.findall(QUOTED.sub("''", said))


def test_there_are_messages_to_check() -> None:
    assert len(MESSAGES) > 140
    assert sum(case.startswith("catalogue-") for case, _ in MESSAGES) > 50


@pytest.mark.parametrize(
    ("case", "message"), MESSAGES, ids=[f"{c}:{i}" for i, (c, _) in enumerate(MESSAGES)]
)
def test_every_message_is_worded_in_vietnamese(case: str, message: str) -> None:
    # The Vietnamese golden files: every problem the test suite provokes, as a Vietnamese
    # run prints it.
    assert not _english(message), f"{case}: {message}"


def test_the_check_tells_english_from_vietnamese() -> None:
    # Each message as English words it must trip the check, or the test above could pass
    # on a message left in English.
    missed = [message for _, message in _golden_messages("en") if not _english(message)]
    assert not missed
    assert not _english("khóa 'indicator' không hợp lệ (có phải là 'indicators'?)")
    assert _english("khóa 'x' is already used")


WORDING = [
    (
        "indicator id 'incidents' is already used at indicators.0.id",
        "mã chỉ số 'incidents' đã được dùng ở indicators.0.id",
    ),
    (
        "criterion id 'C01' is already used at groups.0.criteria.0.id",
        "mã tiêu chí 'C01' đã được dùng ở groups.0.criteria.0.id",
    ),
    (
        "ratio indicators refer to each other in a cycle: share_a -> share_b -> share_a",
        "các chỉ số tính bằng ratio tham chiếu lẫn nhau thành vòng: share_a -> share_b -> share_a",
    ),
    ("a ratio cannot use itself", "ratio của một chỉ số không được dùng chính chỉ số đó"),
    (
        "a comparison needs exactly one operand (value or change), got value and change",
        "một phép so sánh cần đúng một số liệu để so (value hoặc change), nhưng ghi cả value và change",
    ),
    (
        "a comparison needs exactly one operator (at_least, at_most, above or below), "
        "got at_least and at_most and below",
        "một phép so sánh cần đúng một ngưỡng (at_least, at_most, above hoặc below), "
        "nhưng ghi cả at_least và at_most và below",
    ),
    (
        "a comparison needs exactly one operator (at_least, at_most, above or below), got none",
        "một phép so sánh cần đúng một ngưỡng (at_least, at_most, above hoặc below), "
        "nhưng không ghi cái nào",
    ),
    (
        "verdict 'anything' has no condition, so the verdicts after it can never be reached: "
        "give it min_share or requires, or make it the last",
        "xếp loại 'anything' không có điều kiện nên các xếp loại sau nó không bao giờ được "
        "xét tới: hãy ghi min_share hoặc requires cho nó, hoặc chuyển nó xuống cuối",
    ),
    (
        "expected an id of letters, digits, '_', '-' or '.', got 'C 01'",
        "cần mã gồm chữ cái, chữ số, '_', '-' hoặc '.', nhưng ghi 'C 01'",
    ),
    (
        "expected a language code such as vi or en, got 'VIE'",
        "cần mã ngôn ngữ như vi hoặc en, nhưng ghi 'VIE'",
    ),
    ("expected at least 2 items", "cần ít nhất 2 mục"),
    (
        "expected the catalogue's file name, such as ../criteria.yaml",
        "cần tên tệp của bộ tiêu chí, ví dụ ../criteria.yaml",
    ),
    # A count with a dot (12.000, Vietnamese for twelve thousand), and a share from its parts.
    (
        "admin_procedures is a count: write a whole number without a dot — 12, "
        "or 12000 if the dot separates thousands",
        "admin_procedures là số đếm: hãy viết số nguyên, không có dấu chấm — 12, "
        "hoặc 12000 nếu dấu chấm là dấu phân cách hàng nghìn",
    ),
    (
        "incidents is a count: write a whole number without a dot — 2500",
        "incidents là số đếm: hãy viết số nguyên, không có dấu chấm — 2500",
    ),
    (
        "incidents is a count: expected a whole number, got 1.5 "
        "(if the dot separates thousands, write 1500)",
        "incidents là số đếm: cần số nguyên, nhưng ghi 1.5 "
        "(nếu dấu chấm là dấu phân cách hàng nghìn, hãy viết 1500)",
    ),
    (
        "incidents is a count: expected a whole number, got 0.75",
        "incidents là số đếm: cần số nguyên, nhưng ghi 0.75",
    ),
    (
        "tips_handled (19) is more than tips_received (9): tips_handled_share would be over 100%",
        "tips_handled (19) lớn hơn tips_received (9): tỷ lệ tips_handled_share sẽ vượt quá 100%",
    ),
    (
        "online (2.5) is more than all (1.5): online_share would be over 100%",
        "online (2.5) lớn hơn all (1.5): tỷ lệ online_share sẽ vượt quá 100%",
    ),
    # Not in a golden file, but a catalogue (or, for the last few, a ward) can earn them too.
    ("expected at most 2 items", "tối đa 2 mục"),
    ("expected a rule, got 5", "cần một quy tắc, nhưng ghi 5"),
    ("expected a rule, got nothing", "cần một quy tắc, nhưng để trống"),
    (
        "expected a catalogue mapping at the top, got a list",
        "đầu bộ tiêu chí phải là các cặp khóa: giá trị, nhưng là một danh sách",
    ),
    (
        "expected a mapping at the top (a catalogue or a ward file), got a list",
        "đầu tệp phải là các cặp khóa: giá trị (bộ tiêu chí hoặc hồ sơ phường), "
        "nhưng là một danh sách",
    ),
    (
        "the invisible character U+2029 (a paragraph separator) is here; YAML would count "
        "it as a new line and editors do not: delete it",
        "có ký tự ẩn U+2029 (ký tự ngắt đoạn) ở đây; YAML coi nó là xuống dòng còn trình "
        "soạn thảo thì không: hãy xóa nó",
    ),
    (
        "the key 'C01\u2060' holds the invisible character U+2060 (a word joiner): retype the key",
        "khóa 'C01\u2060' chứa ký tự ẩn U+2060 (ký tự nối từ): hãy gõ lại khóa",
    ),
    (
        "the invisible character U+0085 (a next-line character (NEL)) is here; YAML would "
        "count it as a new line and editors do not: delete it",
        "có ký tự ẩn U+0085 (ký tự xuống dòng NEL) ở đây; YAML coi nó là xuống dòng còn trình "
        "soạn thảo thì không: hãy xóa nó",
    ),
    (
        "expected a ward mapping at the top, got nothing",
        "đầu hồ sơ phường phải là các cặp khóa: giá trị, nhưng để trống",
    ),
    (
        "expected a number a ward can report, got one of 400 digits",
        "cần một con số mà phường có thể báo cáo được, nhưng ghi một số có 400 chữ số",
    ),
]


@pytest.mark.parametrize(("english", "vietnamese_"), WORDING, ids=[e for e, _ in WORDING])
def test_catalogue_messages_keep_ids_and_keys_as_written(english: str, vietnamese_: str) -> None:
    assert vietnamese(english) == vietnamese_


def test_quoted_values_are_kept_as_written() -> None:
    said = vietnamese("expected met, not_met or not_applicable, got 'done'")
    assert (
        said
        == "cần met (đạt), not_met (chưa đạt) hoặc not_applicable (không áp dụng), nhưng ghi 'done'"
    )
    said = vietnamese(
        "unknown key 'evidnce' (did you mean 'evidence'?); expected one of: status, note"
    )
    assert (
        said
        == "khóa 'evidnce' không hợp lệ (có phải là 'evidence'?); các khóa hợp lệ: status, note"
    )


def test_the_command_line_speaks_the_chosen_language(runner: CliRunner, tmp_path: Path) -> None:
    ward = tmp_path / "w.yaml"
    ward.write_text("id: w\nname: W\nperiods:\n  2024-13: {}\n", encoding="utf-8")
    vi = runner.invoke(
        main, ["validate", str(ward), "--criteria", str(DATA.parent.parent / "criteria.yaml")]
    )
    en = runner.invoke(
        main,
        [
            "validate",
            str(ward),
            "--criteria",
            str(DATA.parent.parent / "criteria.yaml"),
            "--lang",
            "en",
        ],
    )
    assert vi.exit_code == en.exit_code == 1
    assert (
        f"{ward}:4:3: periods.2024-13: tháng 13 trong '2024-13' không phải một tháng (01..12)"
        in vi.stderr
    )
    assert (
        f"{ward}:4:3: periods.2024-13: month 13 in '2024-13' is not a month (01..12)" in en.stderr
    )
    assert (
        runner.invoke(main, ["assess", str(ward), "--criteria", "nope.yaml"])
        .stderr.strip()
        .endswith("không có tệp này")
    )


def test_a_broken_catalogue_is_reported_in_the_chosen_language(runner: CliRunner) -> None:
    catalogue = DATA / "errors" / "catalogue-rule-operators.yaml"
    vi = runner.invoke(main, ["validate", str(catalogue)])
    en = runner.invoke(main, ["validate", str(catalogue), "--lang", "en"])
    assert vi.exit_code == en.exit_code == 1
    where = f"{catalogue}:25:15: groups.0.criteria.3.rule.any.0: "
    assert (
        where + "một phép so sánh cần đúng một số liệu để so (value hoặc change), "
        "nhưng ghi cả value và change"
    ) in vi.stderr.splitlines()
    assert (
        where + "a comparison needs exactly one operand (value or change), got value and change"
    ) in en.stderr.splitlines()
    assert "a comparison" not in vi.stderr


COMMAND_WORDING = [
    ("the ward file has no periods to assess", "tệp phường chưa có kỳ đánh giá nào"),
    ("no YAML files here", "không có tệp YAML nào ở đây"),
    (
        "cannot write here: No such file or directory",
        "không ghi được vào đây: không có thư mục này",
    ),
    (
        "is one of the input files: refusing to overwrite it",
        "là một trong các tệp đầu vào: không ghi đè lên nó",
    ),
    ("the file already has period 2025-Q1", "tệp đã có kỳ 2025-Q1"),
    (
        "ward id 'alpha' is already in wards/a.yaml: a ward is ranked once; remove the copy "
        "or give it its own id",
        "mã phường 'alpha' đã có trong wards/a.yaml: mỗi phường chỉ được xếp hạng một lần; "
        "hãy xóa bản sao hoặc đặt cho nó một mã riêng",
    ),
    (
        "the wards use catalogue files that differ but share an id and version (c 2024: "
        "x/criteria.yaml, y/criteria.yaml): summarise each catalogue's wards separately, give "
        "the edited one its own version, or name one with --criteria",
        "các phường dùng những tệp bộ tiêu chí khác nhau nhưng cùng mã và phiên bản (c 2024: "
        "x/criteria.yaml, y/criteria.yaml): hãy tổng hợp riêng các phường của từng bộ, đặt "
        "phiên bản mới cho tệp đã sửa, hoặc chỉ định một bộ bằng --criteria",
    ),
    (
        "periods 2023 and 2024 were assessed against different catalogue versions (2023 and "
        "2024); they cannot be compared until a crosswalk between the versions exists",
        "kỳ 2023 và kỳ 2024 được đánh giá theo hai phiên bản bộ tiêu chí khác nhau (2023 và "
        "2024); chưa thể so sánh cho đến khi có bảng đối chiếu giữa hai phiên bản",
    ),
]


@pytest.mark.parametrize(
    ("english", "vietnamese_"), COMMAND_WORDING, ids=[e[:40] for e, _ in COMMAND_WORDING]
)
def test_command_messages_are_worded_in_vietnamese(english: str, vietnamese_: str) -> None:
    said = vietnamese(english)
    assert said == vietnamese_
    # No English left outside what is quoted as written: ids, paths, options.
    assert not ENGLISH.search(re.sub(r"'[^']*'|\S*/\S*|--\w+", "", said))


def test_a_copy_of_a_ward_is_reported_in_vietnamese(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "wards"
    folder.mkdir()
    (tmp_path / "criteria.yaml").write_bytes((DATA.parent.parent / "criteria.yaml").read_bytes())
    text = (DATA.parent.parent / "wards" / "tao-xuyen.yaml").read_text(encoding="utf-8")
    text = text.replace("catalogue: ../criteria.yaml\n", "")
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["summary", str(folder), "--period", "2024"])
    assert result.exit_code == 1
    assert "mã phường 'tao-xuyen' đã có trong" in result.stderr
