"""The message catalogue and the labels: every id in every language, with the same placeholders;
words at the edge."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from modelward.cli import main
from modelward.i18n import LANGS
from modelward.messages import Message, placeholders, shown, word
from modelward.messages.catalogue import MESSAGES, Template
from modelward.messages.labels import LABELS
from tests.conftest import CATALOGUE


def _forms(template: str | tuple[str, str]) -> list[str]:
    return list(template) if isinstance(template, tuple) else [template]


@pytest.mark.parametrize(
    ("code", "entry"),
    [
        *((code, MESSAGES[code]) for code in sorted(MESSAGES)),
        *((f"label:{code}", LABELS[code]) for code in sorted(LABELS)),
    ],
)
def test_every_message_has_every_language_with_the_same_placeholders(
    code: str, entry: dict[str, Template]
) -> None:
    assert set(entry) == set(LANGS), code
    names = {lang: [placeholders(t) for t in _forms(entry[lang])] for lang in LANGS}
    english = names["en"][0]
    for lang, forms in names.items():
        for used in forms:
            # A plural form may leave the count out ("one ward"), never add a name.
            assert used <= english | {"n"}, (code, lang, used)
            assert english - {"n"} <= used, (code, lang, used)


def test_ids_are_codes() -> None:
    # Stable codes in JSON output: lowercase words joined by underscores.
    assert all(code.replace("_", "").isalnum() and code.islower() for code in MESSAGES)


def test_a_message_is_worded_in_each_language() -> None:
    message = Message("unknown_key", key="colour").add(
        Message("did_you_mean", suggestion="color"),
        Message("expected_one_of", allowed=["id", "title"]),
    )
    assert word(message, "en") == (
        "unknown key 'colour' (did you mean 'color'?); expected one of: id, title"
    )
    assert word(message, "vi") == (
        "khóa 'colour' không hợp lệ (có phải là 'color'?); các khóa hợp lệ: id, title"
    )
    assert str(message) == word(message, "en")


def test_alternatives_and_plurals() -> None:
    choice = Message("expected_choice", choices=("lower", "higher"), got=shown("up"))
    assert word(choice, "en") == "expected lower or higher, got 'up'"
    assert word(choice, "vi") == "cần lower hoặc higher, nhưng ghi 'up'"
    assert word(Message("missing_items", n=1), "en") == "expected at least 1 item"
    assert word(Message("missing_items", n=2), "en") == "expected at least 2 items"


def test_a_message_crosses_processes() -> None:
    # summary's worker processes hand problems back pickled.
    message = Message("unknown_key", key="x").add(Message("curly_quotes"))
    assert pickle.loads(pickle.dumps(message)) == message


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_user_wrote_is_quoted_as_written(
    lang: str, tmp_path: Path, runner: CliRunner
) -> None:
    # The old rewording rules translated a key that happened to read like libyaml's words.
    ward = tmp_path / "w.yaml"
    ward.write_text(
        f'id: w\nname: W\ncatalogue: {CATALOGUE}\n"did not find expected key": 1\n'
        "periods: {2024: {}}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", str(ward), "--lang", lang])
    assert result.exit_code == 1
    assert "'did not find expected key'" in result.stderr
