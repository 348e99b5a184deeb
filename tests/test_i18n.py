"""Numbers and percents in each language's style, rounded as people round."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from string import Formatter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward.i18n import MINUS, Lang, label, number, percent, text
from modelward.rules import relative_change

# No per-example deadline: the first examples build pydantic schemas, and CI machines are busy.
unhurried = settings(deadline=None)

# ---------------------------------------------------------------------------- a reference


def half_away(x: Fraction) -> int:
    """x rounded to a whole number, halves away from zero."""
    n = int(abs(x) + Fraction(1, 2))  # int() truncates: floor for a non-negative number
    return -n if x < 0 else n


def reference_number(x: Fraction, lang: Lang, decimals: int, signed: bool = False) -> str:
    """The number written out digit by digit, apart from the code under test."""
    n = half_away(x * 10**decimals)
    whole, frac = divmod(abs(n), 10**decimals)
    thousands, point = (".", ",") if lang == "vi" else (",", ".")
    digits = f"{whole:,}".replace(",", thousands)
    if decimals:
        digits += point + str(frac).zfill(decimals)
    sign = MINUS if n < 0 else ("+" if signed and n > 0 else "")
    return sign + digits


# ---------------------------------------------------------------------------- percent change


@pytest.mark.parametrize(
    ("before", "now", "vi", "en"),
    [
        (24, 10, "−58,3%", "−58.3%"),  # the sample ward's incidents, 2023 → 2024
        (23, 10, "−56,5%", "−56.5%"),
        (25, 10, "−60,0%", "−60.0%"),
        (12, 3, "−75,0%", "−75.0%"),
        (1600, 1850, "+15,6%", "+15.6%"),
        (5, 5, "0,0%", "0.0%"),
        (0, 0, "0,0%", "0.0%"),
        (1, 0, "−100,0%", "−100.0%"),
        (10, 1010, "+10.000,0%", "+10,000.0%"),
    ],
)
def test_percent_change_as_reports_write_it(before: int, now: int, vi: str, en: str) -> None:
    change = relative_change(Fraction(now), Fraction(before))
    assert change is not None
    assert percent(change, "vi", 1, signed=True) == vi
    assert percent(change, "en", 1, signed=True) == en


@unhurried
@given(
    now=st.integers(0, 10**6),
    before=st.integers(1, 10**6),
    lang=st.sampled_from(["vi", "en"]),
)
def test_percent_change_rounds_half_away_from_zero(now: int, before: int, lang: Lang) -> None:
    change = relative_change(Fraction(now), Fraction(before))
    assert change is not None
    shown = percent(change, lang, 1, signed=True)
    assert shown == reference_number(change * 100, lang, 1, signed=True) + "%"
    if now < before and shown != "0,0%" and shown != "0.0%":
        assert shown.startswith(MINUS)
    if now > before and shown not in ("0,0%", "0.0%"):
        assert shown.startswith("+")


@pytest.mark.parametrize(
    ("fraction", "vi"),
    [
        (Fraction(-1, 2000), "−0,1%"),  # −0.05% is a half: away from zero
        (Fraction(1, 2000), "+0,1%"),
        (Fraction(-1, 2001), "0,0%"),  # rounds to zero: no sign at all
        (Fraction(1, 2001), "0,0%"),
        (Fraction(-1249, 2000), "−62,5%"),  # −62.45% exactly
    ],
)
def test_halves_and_near_zero(fraction: Fraction, vi: str) -> None:
    assert percent(fraction, "vi", 1, signed=True) == vi


def test_percent_of_shares() -> None:
    assert percent(Fraction(11, 12), "vi", 2, trim=True) == "91,67%"
    assert percent(Fraction(11, 12), "en", 2, trim=True) == "91.67%"
    assert percent(Fraction(1), "vi", 2, trim=True) == "100%"
    assert percent(0.9, "en", 2, trim=True) == "90%"
    assert percent(0.975, "vi", 2, trim=True) == "97,5%"
    assert percent(Fraction(16, 25), "vi", 1) == "64,0%"


# ---------------------------------------------------------------------------- numbers


@unhurried
@given(st.integers(-(10**12), 10**12))
def test_integers_round_trip(n: int) -> None:
    vi, en = number(n, "vi"), number(n, "en")
    assert vi == reference_number(Fraction(n), "vi", 0)
    assert en == reference_number(Fraction(n), "en", 0)
    assert int(vi.replace(MINUS, "-").replace(".", "")) == n
    assert int(en.replace(MINUS, "-").replace(",", "")) == n
    assert vi == en.replace(",", ".")


@unhurried
@given(
    st.fractions(min_value=-(10**7), max_value=10**7, max_denominator=10**4),
    st.integers(0, 4),
)
def test_vi_and_en_swap_the_marks(x: Fraction, decimals: int) -> None:
    vi, en = number(x, "vi", decimals), number(x, "en", decimals)
    assert vi == reference_number(x, "vi", decimals)
    assert en == reference_number(x, "en", decimals)
    assert en == vi.translate(str.maketrans(".,", ",."))


@unhurried
@given(st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False))
def test_a_float_rounds_as_the_decimal_it_was_written_as(d: Decimal) -> None:
    x = float(d)
    # number() reads a float as its shortest repr, i.e. the decimal the user wrote.
    assert number(x, "en", 2) == reference_number(Fraction(repr(x)), "en", 2)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "trim", "shown"),
    [
        (12000, "vi", 0, False, "12.000"),
        (12000, "en", 0, False, "12,000"),
        (1234567.891, "vi", 2, False, "1.234.567,89"),
        (1234567.891, "en", 2, False, "1,234,567.89"),
        (2.5, "en", 0, False, "3"),
        (-2.5, "en", 0, False, "−3"),
        (1.005, "en", 2, False, "1.01"),  # the decimal as written, not the binary 1.00499…
        (6.25, "vi", 1, False, "6,3"),
        (75.5, "vi", 2, True, "75,5"),
        (75.0, "vi", 2, True, "75"),
        (30, "en", 2, True, "30"),
        (-0.0001, "vi", 2, False, "0,00"),
        (1000.5, "vi", 2, True, "1.000,5"),
    ],
)
def test_number_examples(value: float, lang: Lang, decimals: int, trim: bool, shown: str) -> None:
    assert number(value, lang, decimals, trim=trim) == shown


# ---------------------------------------------------------------------------- texts


def test_catalogue_texts_fall_back_to_the_other_language() -> None:
    both = {"vi": "Đạt", "en": "Met"}
    assert text(both, "vi") == "Đạt"
    assert text(both, "en") == "Met"
    assert text({"vi": "Chỉ tiếng Việt"}, "en") == "Chỉ tiếng Việt"
    assert text({"en": "English only"}, "vi") == "English only"
    assert text({"fr": "Français"}, "vi") == "Français"
    assert text("plain", "en") == "plain"
    assert text(None, "vi") == ""


@pytest.mark.parametrize(
    ("status", "vi", "en"),
    [
        ("met", "Đạt", "Met"),
        ("not_met", "Chưa đạt", "Not met"),
        ("not_applicable", "Không áp dụng", "Not applicable"),
        ("unknown", "Chưa đánh giá", "Not assessed"),
    ],
)
def test_status_labels(status: str, vi: str, en: str) -> None:
    assert label(status, "vi") == vi
    assert label(status, "en") == en


def test_labels_fill_in_values() -> None:
    assert label("criteria_met", "vi", met=20, applicable=20) == "đạt 20/20 tiêu chí"
    assert label("criteria_met", "en", met=19, applicable=20) == "19/20 criteria met"


@pytest.mark.parametrize(
    ("key", "values", "one", "many"),
    [
        ("summary", {}, "Summary of 1 ward", "Summary of 2 wards"),
        (
            "target_missed",
            {},
            "not reached, 1 more ward needed",
            "not reached, 2 more wards needed",
        ),
        ("files_ok", {}, "1 file valid", "2 files valid"),
        ("unchanged_count", {}, "1 criterion unchanged", "2 criteria unchanged"),
        ("all_areas", {}, "1 ward in all", "All 2 wards"),
    ],
)
def test_english_counts_of_one_are_singular(
    key: str, values: dict[str, object], one: str, many: str
) -> None:
    count = {"target_missed": "more"}.get(key, "n")
    assert label(key, "en", **values, **{count: 1}) == one
    assert label(key, "en", **values, **{count: 2}) == many
    assert label(key, "vi", **values, **{count: 1}).count("1") == 1  # Vietnamese: no plural


def test_every_singular_has_the_placeholders_of_its_plural() -> None:
    from tests.conftest import _LABELS, _ONE_EN

    for key, (count, singular) in _ONE_EN.items():
        plural = _LABELS[key][1]
        assert "{" + count + "}" in plural
        assert sorted(re.findall(r"\{(\w+)\}", singular)) == sorted(
            re.findall(r"\{(\w+)\}", plural)
        )


def test_no_english_label_says_one_of_a_plural() -> None:
    """Every label counting with ``n`` reads right for one: no "1 criteria", "the 1 ward"."""
    import string

    from tests.conftest import _LABELS

    plural = re.compile(
        r"\b(?:the )?1 (?:\w+ )?(?:criteria|wards|files|catalogues|documents)\b|the 1 ", re.I
    )
    for key, (_, en) in _LABELS.items():
        names = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        if "n" not in names:
            continue
        said = label(key, "en", **dict.fromkeys(names, "x") | {"n": 1})
        assert not plural.search(said), (key, said)


# ---------------------------------------------------------------------------- counts in texts


def _fields(template: str | tuple[str, str]) -> set[str]:
    forms = template if isinstance(template, tuple) else (template,)
    return {name for form in forms for _, name, _, _ in Formatter().parse(form) if name}


def _texts() -> list[tuple[str, str, str, set[str]]]:
    """(table, id, lang, placeholders) of every label and message that takes an argument."""
    from modelward.messages.catalogue import MESSAGES
    from modelward.messages.labels import LABELS

    return [
        (table, key, lang, fields)
        for table, entries in (("label", LABELS), ("message", MESSAGES))
        for key, entry in entries.items()
        for lang in ("vi", "en")
        if (fields := _fields(entry[lang]))
    ]


@pytest.mark.parametrize(("table", "key", "lang", "fields"), _texts())
def test_every_count_in_a_text_is_grouped_in_the_language_s_style(
    table: str, key: str, lang: Lang, fields: set[str]
) -> None:
    # 3321 wards: "3.321 phường" in vi, "3,321 wards" in en (QA2 #11), wherever a count goes.
    from modelward.messages import Message, word
    from modelward.numbers import NOT_COUNTS

    values = {name: 3321 + i for i, name in enumerate(sorted(fields))}
    said = label(key, lang, **values) if table == "label" else word(Message(key, **values), lang)
    for name, value in values.items():
        if name in NOT_COUNTS:
            assert str(value) in said
        else:
            grouped = f"{value // 1000}{'.' if lang == 'vi' else ','}{value % 1000:03d}"
            assert grouped in said, (name, said)
            assert str(value) not in said, (name, said)


def test_a_year_a_line_and_what_was_written_are_not_counts() -> None:
    from modelward.messages import Message, word

    assert label("report_year", "vi", year=2024) == "năm 2024"
    assert "(lần đầu ở dòng 1234)" in word(Message("repeated_key", key="2024", first=1234), "vi")
    assert label("summary", "en", n=1200) == "Summary of 1,200 wards"
