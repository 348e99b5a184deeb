"""Problems are worded in Vietnamese by default: every message a ward file can earn, fully."""

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
    r"found|cannot|allowed|folder|nested|aliases|holds|belongs|invisible|delete|reads)\b"
)
LINE = re.compile(r"^(?:.*?:\d+:\d+: |[^ ]+\.yaml: )(?:[^ :]+: )?(?P<message>.*)$")


def _golden_messages() -> list[tuple[str, str]]:
    found = []
    for expected in sorted([*DATA.glob("errors/*.expected"), *DATA.glob("bad/*.expected")]):
        if expected.name.startswith("catalogue-"):
            continue  # catalogue files are an analyst's, and may stay in English
        for line in expected.read_text(encoding="utf-8").splitlines():
            match = LINE.match(line)
            if match and "files have errors" not in line and not line.startswith("ok:"):
                message = match.group("message")
                if message.startswith("periods."):  # a period key with a space in the path
                    message = message.split(": ", 1)[1]
                found.append((expected.name, message))
    return found


MESSAGES = _golden_messages()


def test_there_are_messages_to_check() -> None:
    assert len(MESSAGES) > 80


@pytest.mark.parametrize(
    ("case", "message"), MESSAGES, ids=[f"{c}:{i}" for i, (c, _) in enumerate(MESSAGES)]
)
def test_every_ward_message_is_worded_in_vietnamese(case: str, message: str) -> None:
    said = vietnamese(message)
    assert not ENGLISH.search(said), f"{case}: {said}"


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
