"""Baselines combined from merged wards (FORMAT.md section 10): sums, ratios, gaps, hooks."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelward import loading as loader
from modelward.baselines import Lineage, Predecessor, combine
from modelward.comparison import compare, history
from modelward.errors import InputError
from modelward.messages import Message, word
from modelward.models import Catalogue, PeriodData, Ward
from modelward.periods import parse_period
from modelward.rules import exact
from modelward.scoring import assess
from tests.conftest import CATALOGUE

Y2024 = parse_period("2024")
Y2025 = parse_period("2025")


def _catalogue() -> Catalogue:
    return Catalogue.model_validate(
        {
            "id": "t",
            "version": "1",
            "title": "t",
            "indicators": [
                {"id": "incidents", "title": "i", "better": "lower"},
                {"id": "got", "title": "g", "better": "lower"},
                {"id": "handled", "title": "h", "better": "higher"},
                {"id": "share", "title": "s", "better": "higher", "ratio": ["handled", "got"]},
                {"id": "room", "title": "r", "better": "higher", "format": "number"},
                {
                    "id": "staff",
                    "title": "st",
                    "better": "higher",
                    "format": "number",
                    "combine": "sum",
                },
                {"id": "happy", "title": "h", "better": "higher", "format": "percent"},
            ],
            "groups": [
                {
                    "id": "G1",
                    "title": "g",
                    "criteria": [
                        {"id": "C1", "title": "c", "rule": {"change": "incidents", "below": 0}},
                        {"id": "C2", "title": "c"},
                    ],
                }
            ],
            "verdicts": [
                {"id": "ok", "title": "ok", "min_share": 1.0},
                {"id": "no", "title": "no"},
            ],
        }
    )


CAT = _catalogue()
counts = st.integers(min_value=0, max_value=10**6).map(float)
decimals = st.decimals(min_value=0, max_value=10**4, places=3, allow_nan=False).map(float)


def _pred(ward_id: str, figures: dict[str, float], period: str = "2024") -> Predecessor:
    return Predecessor(ward_id, {parse_period(period): figures})


@settings(deadline=None, max_examples=200)
@given(parts=st.lists(st.tuples(counts, counts, decimals), min_size=1, max_size=6))
def test_counts_add_up_and_a_ratio_is_worked_out_from_the_sums(
    parts: list[tuple[float, float, float]],
) -> None:
    preds = tuple(
        _pred(f"w{i}", {"incidents": a, "got": a + b, "handled": b, "staff": c})
        for i, (a, b, c) in enumerate(parts)
    )
    base = combine(CAT, Y2024, preds)
    assert base.combined_from == tuple(f"w{i}" for i in range(len(parts)))
    assert base.values["incidents"].value == sum(Fraction(int(a)) for a, _, _ in parts)
    assert base.values["staff"].value == sum(exact(c) for _, _, c in parts)
    got = sum(Fraction(int(a + b)) for a, b, _ in parts)
    share = base.value(CAT.indicator("share"), CAT)  # type: ignore[arg-type]
    if got == 0:
        assert share.why == "zero_denominator"
    else:
        # From the added-up parts, never the mean of the predecessors' shares.
        assert share.value == sum(Fraction(int(b)) for _, b, _ in parts) / got


def test_a_ratio_from_summed_parts_is_not_the_mean_of_the_ratios() -> None:
    base = combine(
        CAT,
        Y2024,
        (_pred("a", {"got": 1, "handled": 1}), _pred("b", {"got": 9, "handled": 0})),
    )
    assert base.value(CAT.indicator("share"), CAT).value == Fraction(1, 10)  # type: ignore[arg-type]


def test_a_number_or_percent_adds_up_only_with_combine_sum() -> None:
    base = combine(
        CAT, Y2024, (_pred("a", {"room": 30, "happy": 0.9}), _pred("b", {"room": 24, "happy": 0.8}))
    )
    assert base.values["room"].value is None
    assert base.values["room"].why == "not_combined"
    assert base.values["happy"].why == "not_combined"


def test_a_predecessor_lacking_a_part_leaves_the_share_undefined_and_is_named() -> None:
    base = combine(
        CAT,
        Y2024,
        (
            _pred("a", {"got": 4, "handled": 4, "incidents": 1}),
            _pred("b", {"handled": 2, "incidents": 2}),
            _pred("c", {"got": 3, "handled": 3, "incidents": 3}),
        ),
    )
    share = base.value(CAT.indicator("share"), CAT)  # type: ignore[arg-type]
    assert (share.value, share.why, share.culprit, share.wards) == (
        None,
        "predecessor_missing",
        "got",
        ("b",),
    )
    assert base.values["incidents"].value == 6
    assert not base.complete


def test_a_predecessor_lacking_the_period_leaves_every_figure_undefined_naming_it() -> None:
    base = combine(
        CAT, Y2024, (_pred("a", {"incidents": 1}), _pred("b", {"incidents": 2}, period="2023"))
    )
    assert base.values["incidents"].why == "predecessor_missing"
    assert base.values["incidents"].wards == ("b",)


def _formed(preds: tuple[Predecessor, ...]) -> Lineage:
    return Lineage(dt.date(2025, 7, 1), preds)


def test_assess_falls_back_on_the_combined_year_only_where_the_ward_lacks_its_own() -> None:
    lineage = _formed(
        (_pred("a", {"incidents": 10}), _pred("b", {"incidents": 6}), _pred("c", {"incidents": 4}))
    )
    periods = {Y2025: PeriodData(), parse_period("2025-H2"): PeriodData()}
    figures = {Y2025: {"incidents": 8.0}}
    result = assess(CAT, periods, figures, Y2025, lineage=lineage)
    assert result.compared_to == Y2024
    assert result.baseline is not None
    assert result.baseline.combined_from == ("a", "b", "c")
    row = next(r for r in result.indicators if r.indicator.id == "incidents")
    assert (row.previous.value, row.change) == (20, Fraction(-12, 20))
    c1 = result.criteria[0]
    assert c1.status == "met"  # 8 against the summed 20
    # Without the lineage there is no year to compare with; the rule is unknown.
    alone = assess(CAT, periods, figures, Y2025)
    assert (alone.compared_to, alone.baseline, alone.criteria[0].status) == (None, None, "unknown")
    # The ward's own earlier year, where it has one, wins over the combined one.
    own = {**periods, Y2024: PeriodData()}
    mine = assess(CAT, own, {**figures, Y2024: {"incidents": 2.0}}, Y2025, lineage=lineage)
    assert mine.baseline is None
    assert mine.criteria[0].status == "not_met"


def test_the_combined_year_before_ends_on_29_february_as_a_wards_own_would() -> None:
    """A span ending 28 February the year after a leap year finds its predecessors' span
    ending 29 February, as it finds the ward's own (Period.year_before_in), in assess and
    in compare; each predecessor as it spells it."""
    now = parse_period("2024-12-15..2025-02-28")
    lineage = _formed(
        (
            _pred("a", {"incidents": 10}, "2023-12-15..2024-02-29"),
            _pred("b", {"incidents": 6}, "2023-12-15..2024-02-28"),
        )
    )
    result = assess(CAT, {now: PeriodData()}, {now: {"incidents": 8.0}}, now, lineage=lineage)
    assert result.baseline is not None
    row = next(r for r in result.indicators if r.indicator.id == "incidents")
    assert row.previous.value == 16  # 10 + 6: a's 29 February and b's 28 February
    assert result.criteria[0].status == "met"
    assert str(result.compared_to) == "2023-12-15..2024-02-29"  # as the first spells it
    before = now.year_before()
    done = compare(
        CAT, {now: PeriodData()}, {now: {"incidents": 8.0}}, before, now, lineage=lineage
    )
    incidents = next(r for r in done.indicators if r.indicator.id == "incidents")
    assert incidents.before.value == 16
    # The same spans as the ward's own periods: the one rule for both.
    own = assess(
        CAT,
        {now: PeriodData(), parse_period("2023-12-15..2024-02-29"): PeriodData()},
        {now: {"incidents": 8.0}, parse_period("2023-12-15..2024-02-29"): {"incidents": 16.0}},
        now,
    )
    assert next(r for r in own.indicators if r.indicator.id == "incidents").previous.value == 16


def test_a_combined_figure_a_predecessor_lacks_makes_the_rule_unknown_even_with_if_undefined() -> (
    None
):
    lineage = _formed((_pred("a", {"incidents": 10}), _pred("b", {})))
    result = assess(CAT, {Y2025: PeriodData()}, {Y2025: {"incidents": 8.0}}, Y2025, lineage=lineage)
    check = result.criteria[0].checks[0]
    assert (result.criteria[0].status, check.before.why, check.before.wards) == (
        "unknown",
        "predecessor_missing",
        ("b",),
    )


def test_compare_with_the_combined_year_never_combines_criteria() -> None:
    lineage = _formed((_pred("a", {"incidents": 10, "got": 2}), _pred("b", {"incidents": 5})))
    periods = {Y2025: PeriodData.model_validate({"criteria": {"C2": "met"}})}
    result = compare(CAT, periods, {Y2025: {"incidents": 3.0}}, Y2024, Y2025, lineage=lineage)
    assert result.baseline is not None
    assert result.baseline.combined_from == ("a", "b")
    assert {c.before for c in result.criteria} == {"unknown"}
    incidents = next(r for r in result.indicators if r.indicator.id == "incidents")
    assert (incidents.before.value, incidents.change) == (15, Fraction(-12, 15))
    got = next(r for r in result.indicators if r.indicator.id == "got")
    assert got.before.wards == ("b",)


def test_history_shows_the_combined_periods_before_the_ward_was_formed() -> None:
    preds = (
        Predecessor(
            "a",
            {
                Y2024: {"incidents": 1},
                parse_period("2023"): {},
                parse_period("2025-H1"): {},
                parse_period("2025-Q3"): {},
                parse_period("2022"): {},
            },
        ),
        Predecessor(
            "b",
            {
                Y2024: {"incidents": 2},
                parse_period("2023"): {},
                parse_period("2025-H1"): {},
                parse_period("2025-Q3"): {},
            },
        ),
    )
    lineage = _formed(preds)
    result = history(CAT, {Y2025: PeriodData()}, {Y2025: {}}, lineage)
    # Before the merger, and only periods every predecessor has (b has no 2022).
    assert [str(b.period) for b in result.combined] == ["2023", "2024", "2025-H1"]
    assert [str(b.period) for b in result.combined_years] == ["2023", "2024"]
    assert result.combined_years[1].values["incidents"].value == 3
    assert [str(a.period) for a in result.assessments] == ["2025"]


def test_before_formed_is_by_the_period_end() -> None:
    lineage = _formed(())
    assert lineage.before_formed(parse_period("2025-H1"))
    assert lineage.before_formed(parse_period("2024"))
    assert not lineage.before_formed(parse_period("2025"))
    assert not lineage.before_formed(parse_period("2025-07"))
    assert lineage.before_formed(parse_period("2024-12-15..2025-06-30"))
    assert not lineage.before_formed(parse_period("2024-12-15..2025-07-01"))


# ---------------------------------------------------------------------------- the files


def test_formed_is_read_from_a_ward_file() -> None:
    ward = Ward.model_validate(
        {"id": "ham-rong", "name": "x", "formed": {"on": "2025-07-01", "from": ["a", "b"]}}
    )
    assert ward.formed is not None
    assert (ward.formed.on, ward.formed.predecessors) == (dt.date(2025, 7, 1), ["a", "b"])


def _ward_file(tmp_path: Path, formed: str) -> Path:
    (tmp_path / "criteria.yaml").write_bytes(CATALOGUE.read_bytes())
    path = tmp_path / "w.yaml"
    path.write_text(
        f"id: ham-rong\nname: Hàm Rồng\nformed: {formed}\nperiods:\n  2025:\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("formed", "where", "message"),
    [
        ("{on: 2025-07-01, from: [a, a]}", "formed.from", "a is named more than once"),
        ("{on: 2025-07-01, from: []}", "formed.from", "must not be empty"),
        ("{on: 2025-07-01, from: [Bad Id]}", "formed.from.0", "expected an id"),
        ("{on: 2025-13-01, from: [a]}", "formed.on", "is not a real date"),
        ("{from: [a]}", "formed.on", "missing required key 'on'"),
        (
            "{on: 2025-07-01, form: [a]}",
            "formed.form",
            "unknown key 'form' (did you mean 'from'?); expected one of: on, from",
        ),
    ],
)
def test_a_bad_formed_is_an_error_at_its_key(
    tmp_path: Path, formed: str, where: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        loader.load_ward(_ward_file(tmp_path, formed))
    problem = next(p for p in caught.value.problems if p.loc == where)
    assert problem.line == 3
    assert message in str(problem)


def test_combine_on_a_ratio_is_an_error_at_the_key(tmp_path: Path) -> None:
    text = CATALOGUE.read_text(encoding="utf-8").replace(
        "    ratio: [tips_handled, tips_received]\n",
        "    ratio: [tips_handled, tips_received]\n    combine: sum\n",
    )
    path = tmp_path / "criteria.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loader.load_catalogue(path)
    (problem,) = caught.value.problems
    assert "combine: a ratio of merged wards is always worked out" in str(problem)
    assert problem.line == text.splitlines().index("    combine: sum") + 1


# ---------------------------------------------------------------------------- predecessors


WARDS = CATALOGUE.parent / "wards"


def test_the_worked_example_finds_its_three_predecessors_in_its_folder() -> None:
    from modelward.loading.lineage import find_predecessors, lineage_of

    ward = loader.load_ward(WARDS / "ham-rong.yaml")
    preds = find_predecessors(ward)
    assert [p.model.id for p in preds] == ["tao-xuyen", "dong-cuong", "dong-tho"]
    lineage = lineage_of(ward, preds)
    assert lineage is not None
    result = assess(ward.catalogue.model, ward.periods, ward.figures, Y2025, lineage=lineage)
    rows = {r.indicator.id: r for r in result.indicators}
    # 2025 against the three old wards' 2024 added up: 10 + 14 + 12 incidents.
    assert (rows["incidents"].previous.value, rows["incidents"].value.value) == (36, 25)
    assert rows["tips_handled_share"].previous.value == Fraction(9 + 11 + 7, 9 + 11 + 8)
    online = rows["admin_online_share"].previous
    assert (online.why, online.culprit, online.wards) == (
        "predecessor_missing",
        "admin_procedures_online",
        ("dong-tho",),
    )
    assert rows["resident_satisfaction"].previous.why == "not_combined"


def _copy_example(tmp_path: Path, *names: str) -> Path:
    (tmp_path / "criteria.yaml").write_bytes(CATALOGUE.read_bytes())
    folder = tmp_path / "wards"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.yaml").write_bytes((WARDS / f"{name}.yaml").read_bytes())
    return folder


def test_a_missing_predecessor_is_an_error_naming_it_at_its_entry(tmp_path: Path) -> None:
    from modelward.loading.lineage import find_predecessors

    folder = _copy_example(tmp_path, "ham-rong", "tao-xuyen", "dong-cuong")
    ward = loader.load_ward(folder / "ham-rong.yaml")
    with pytest.raises(InputError) as caught:
        find_predecessors(ward)
    (problem,) = caught.value.problems
    text = (folder / "ham-rong.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("formed:"))
    column = text.splitlines()[line - 1].index("dong-tho") + 1
    assert (problem.line, problem.column, problem.loc) == (line, column, "formed.from.2")
    assert "predecessor dong-tho not found" in str(problem.message)


def test_a_predecessor_is_found_by_its_id_under_another_file_name(tmp_path: Path) -> None:
    from modelward.loading.lineage import find_predecessors

    folder = _copy_example(tmp_path, "ham-rong", "tao-xuyen", "dong-cuong", "dong-tho")
    (folder / "dong-tho.yaml").rename(folder / "phuong-dong-tho-2024.yaml")
    ward = loader.load_ward(folder / "ham-rong.yaml")
    assert [p.path.name for p in find_predecessors(ward)] == [
        "tao-xuyen.yaml",
        "dong-cuong.yaml",
        "phuong-dong-tho-2024.yaml",
    ]


def test_a_ward_formed_from_itself_or_a_broken_predecessor_is_reported(tmp_path: Path) -> None:
    from modelward.loading.lineage import find_predecessors

    folder = _copy_example(tmp_path, "ham-rong", "tao-xuyen", "dong-cuong", "dong-tho")
    path = folder / "ham-rong.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("dong-tho]", "ham-rong]"), encoding="utf-8"
    )
    (folder / "dong-cuong.yaml").write_text(
        "id: dong-cuong\nname: x\nperiods: {2024: {indicators: {incidents: -1}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        find_predecessors(loader.load_ward(path))
    messages = [f"{p.loc}: {p.message}" for p in caught.value.problems]
    assert messages[0].startswith("periods.2024.indicators.incidents")
    assert messages[1:] == [
        f"formed.from.1: predecessor dong-cuong ({folder / 'dong-cuong.yaml'}) has errors (listed above)",
        "formed.from.2: ham-rong is this ward itself: a ward is not formed from itself",
    ]


@pytest.mark.parametrize(
    ("message", "vietnamese"),
    [
        (
            Message("predecessor_missing", ward="dong-tho", folder="wards"),
            "không tìm thấy phường trước sắp xếp dong-tho: không có tệp phường nào mang id "
            "dong-tho trong wards",
        ),
        (
            Message("predecessor_missing_given", ward="dong-tho", folder="wards"),
            "không tìm thấy phường trước sắp xếp dong-tho: không có tệp phường nào mang id "
            "dong-tho trong wards hay trong các tệp được chỉ định",
        ),
        (
            Message("predecessor_has_errors", ward="a", path="w/a.yaml"),
            "hồ sơ phường trước sắp xếp a (w/a.yaml) có lỗi (liệt kê ở trên)",
        ),
        (
            Message("formed_from_itself", ward="x"),
            "x chính là phường này: một phường không thể hình thành từ chính nó",
        ),
        (Message("named_twice", ids=["a", "b"]), "a, b được ghi nhiều lần"),
    ],
)
def test_the_new_problems_read_in_vietnamese(message: Message, vietnamese: str) -> None:
    assert word(message, "vi") == vietnamese


def test_why_a_combined_figure_is_undefined_is_said_in_both_languages() -> None:
    from modelward.explain import reason

    lineage = _formed((_pred("a", {"incidents": 10}), _pred("b", {}), _pred("c", {})))
    result = assess(CAT, {Y2025: PeriodData()}, {Y2025: {"incidents": 8.0}}, Y2025, lineage=lineage)
    c1 = result.criteria[0]
    assert reason(c1, CAT, "en", "2024") == (
        "i for 2024: not reported by b, c (wards merged into this one)"
    )
    assert (
        reason(c1, CAT, "vi", "2024") == "i kỳ 2024: thiếu số liệu của b, c (phường trước sắp xếp)"
    )
    room = {
        **CAT.model_dump(),
        "groups": [
            {
                "id": "G1",
                "title": "g",
                "criteria": [{"id": "C1", "title": "c", "rule": {"change": "room", "below": 0}}],
            }
        ],
    }
    cat = Catalogue.model_validate(room)
    lineage = _formed((_pred("a", {"room": 10}),))
    result = assess(cat, {Y2025: PeriodData()}, {Y2025: {"room": 8.0}}, Y2025, lineage=lineage)
    assert result.criteria[0].status == "unknown"
    assert (
        reason(result.criteria[0], cat, "en", "2024")
        == "r: the merged wards' figures do not add up"
    )


def test_a_figure_a_predecessor_gives_only_as_a_bound_does_not_add_up() -> None:
    from modelward.models import Published

    base = combine(
        CAT,
        Y2024,
        (_pred("a", {"incidents": 3}), _pred("b", {"incidents": Published(10, bound="above")})),
    )
    assert (base.values["incidents"].value, base.values["incidents"].why) == (None, "bounded")
    assert base.values["incidents"].wards == ("b",)
