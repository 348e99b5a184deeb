"""Period keys: every spelling, the ones refused, and properties of the arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelward.periods import MAX_YEAR, MIN_YEAR, Period, PeriodError, latest, parse_period


def month(year: int, m: int) -> int:
    """A month index as periods.py counts them: year * 12 + month - 1."""
    return year * 12 + m - 1


# ---------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("key", "start", "end", "canonical"),
    [
        (2024, month(2024, 1), month(2024, 12), "2024"),
        ("2024", month(2024, 1), month(2024, 12), "2024"),
        ("2025-Q1", month(2025, 1), month(2025, 3), "2025-Q1"),
        ("2025-Q4", month(2025, 10), month(2025, 12), "2025-Q4"),
        ("2025-H1", month(2025, 1), month(2025, 6), "2025-H1"),
        ("2025-H2", month(2025, 7), month(2025, 12), "2025-H2"),
        ("2025-01..2025-02", month(2025, 1), month(2025, 2), "2025-01..2025-02"),
        ("2025-03", month(2025, 3), month(2025, 3), "2025-03"),
        ("2024-11..2025-02", month(2024, 11), month(2025, 2), "2024-11..2025-02"),
        ("2025-01..2025-03", month(2025, 1), month(2025, 3), "2025-Q1"),
        ("2025-07..2025-12", month(2025, 7), month(2025, 12), "2025-H2"),
        ("2025-01..2025-12", month(2025, 1), month(2025, 12), "2025"),
        ("2025-04..2025-04", month(2025, 4), month(2025, 4), "2025-04"),
        ("2024-02..2025-01", month(2024, 2), month(2025, 1), "2024-02..2025-01"),  # 12 months
    ],
)
def test_spellings(key: int | str, start: int, end: int, canonical: str) -> None:
    period = parse_period(key)
    assert (period.start, period.end) == (start, end)
    assert period.canonical == canonical
    assert str(period) == str(key)  # shown as the ward file spells it


def test_months_and_whole_years() -> None:
    assert parse_period(2024).months == 12
    assert parse_period(2024).is_year
    assert parse_period("2025-Q2").months == 3
    assert parse_period("2025-H1").months == 6
    assert parse_period("2025-03").months == 1
    assert not parse_period("2025-H1").is_year
    assert not parse_period("2024-07..2025-06").is_year  # twelve months, but not a calendar year


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("2024-13", "month 13 in '2024-13' is not a month (01..12)"),
        ("2024-00", "month 00 in '2024-00' is not a month (01..12)"),
        ("năm 2024", "got 'năm 2024'"),
        ("2025-Q5", "got '2025-Q5'"),
        ("2025-Q0", "got '2025-Q0'"),
        ("2025-H3", "got '2025-H3'"),
        ("2025-02..2025-01", "span '2025-02..2025-01' ends before it starts"),
        ("2024-01..2025-01", "span '2024-01..2025-01' is longer than a year"),
        ("2024-01..2025-06", "span '2024-01..2025-06' is longer than a year"),
        ("2025-01..2025-13", "month 13 in '2025-01..2025-13' is not a month"),
        (1800, "year 1800 in '1800' is out of range 1900..2999"),
        ("3000-Q1", "year 3000 in '3000-Q1' is out of range"),
        ("24", "got '24'"),
        ("2024-1", "got '2024-1'"),
        ("2024/2025", "got '2024/2025'"),
        ("2025-01-2025-02", "got '2025-01-2025-02'"),
        ("", "got ''"),
        ("２０２４", "got '２０２４'"),  # full-width digits: not a key a reader would recognise
        (True, "got true"),  # `yes` as a key, read by YAML 1.1
        (2024.0, "got 2024.0"),
        (None, "got nothing"),
    ],
)
def test_refused(key: object, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(key)
    assert message in str(caught.value)


def test_refused_keys_say_what_is_allowed() -> None:
    with pytest.raises(PeriodError, match=r"a year \(2024\), a quarter \(2025-Q1\)"):
        parse_period("năm 2024")


def test_equal_across_spellings() -> None:
    assert parse_period("2025-Q1") == parse_period("2025-01..2025-03")
    assert parse_period("2025-H2") == parse_period("2025-07..2025-12")
    assert parse_period(2024) == parse_period("2024") == parse_period("2024-01..2024-12")
    assert parse_period("2025-03") == parse_period("2025-03..2025-03")
    assert len({parse_period("2025-Q1"), parse_period("2025-01..2025-03")}) == 1  # same hash
    assert parse_period("2025-Q1") != parse_period("2025-H1")
    assert parse_period("2025-Q1") != parse_period("2024-Q1")


def test_year_before_keeps_the_spelling() -> None:
    assert str(parse_period(2024).year_before()) == "2023"
    assert str(parse_period("2025-Q1").year_before()) == "2024-Q1"
    assert str(parse_period("2025-01..2025-02").year_before()) == "2024-01..2024-02"
    assert str(parse_period("2024-11..2025-02").year_before()) == "2023-11..2024-02"
    assert parse_period("2025-01..2025-02").year_before() == parse_period("2024-01..2024-02")


def test_ordering_examples() -> None:
    keys = ["2025-H1", "2024", "2025-01..2025-02", "2025-Q1", "2023", "2024-Q4"]
    ordered = [str(p) for p in sorted(parse_period(k) for k in keys)]
    assert ordered == ["2023", "2024", "2024-Q4", "2025-01..2025-02", "2025-Q1", "2025-H1"]


def test_latest_examples() -> None:
    periods = [parse_period(k) for k in ("2023", "2024", "2025-01..2025-02")]
    assert str(latest(periods)) == "2025-01..2025-02"
    # 2024 and 2024-H2 both end in December: the longer one wins.
    ends_in_december = [parse_period("2024-H2"), parse_period("2024"), parse_period("2024-Q4")]
    assert str(latest(ends_in_december)) == "2024"


# ---------------------------------------------------------------------------- properties

years = st.integers(MIN_YEAR + 1, MAX_YEAR)  # + 1: the year before must still be a valid key


@st.composite
def spellings(draw: st.DrawFn) -> str | int:
    """Any valid period key, in any of the spellings FORMAT.md allows."""
    year = draw(years)
    kind = draw(st.sampled_from(["int", "year", "quarter", "half", "month", "span"]))
    if kind == "int":
        return year
    if kind == "year":
        return str(year)
    if kind == "quarter":
        return f"{year}-Q{draw(st.integers(1, 4))}"
    if kind == "half":
        return f"{year}-H{draw(st.integers(1, 2))}"
    first = draw(st.integers(0, 11))
    if kind == "month":
        return f"{year}-{first + 1:02d}"
    length = draw(st.integers(1, 12))
    start = month(year, first + 1)
    end = start + length - 1
    ey, em = divmod(end, 12)
    if ey > MAX_YEAR:
        return f"{year}-{first + 1:02d}"
    return f"{year}-{first + 1:02d}..{ey}-{em + 1:02d}"


periods = spellings().map(parse_period)


@given(periods)
def test_canonical_spelling_reads_back(p: Period) -> None:
    assert parse_period(p.canonical) == p
    assert parse_period(str(p)) == p


@given(periods)
def test_canonical_is_never_longer(p: Period) -> None:
    assert len(p.canonical) <= len(f"{p.start // 12}-01..{p.end // 12}-01")


@given(periods)
def test_year_before_has_as_many_months(p: Period) -> None:
    before = p.year_before()
    assert before.months == p.months
    assert before.end - before.start == p.end - p.start
    assert before.start == p.start - 12


@given(periods)
def test_year_before_then_a_year_later_is_the_same(p: Period) -> None:
    assert p.year_before().shifted(1) == p
    assert str(p.year_before().shifted(1)) == str(p)


@given(periods)
def test_year_before_spelling_reads_back(p: Period) -> None:
    before = p.year_before()
    assert parse_period(str(before)) == before


@given(periods, periods)
def test_ordering_follows_start_then_end(a: Period, b: Period) -> None:
    assert (a < b) == ((a.start, a.end) < (b.start, b.end))
    assert (a == b) == ((a.start, a.end) == (b.start, b.end))
    assert (a <= b) or (b <= a)


@given(st.lists(periods, min_size=1, max_size=8))
def test_latest_ends_last_and_is_the_longest_of_those(ps: list[Period]) -> None:
    chosen = latest(ps)
    assert chosen in ps
    assert all(chosen.end >= p.end for p in ps)
    assert all(chosen.months >= p.months for p in ps if p.end == chosen.end)
    assert latest(list(reversed(ps))) == chosen  # the order of the file does not matter


# ---------------------------------------------------------------------------- spans of days


def test_police_year() -> None:
    p = parse_period("2023-12-15..2024-12-14")
    assert (p.first_day, p.last_day) == (dt.date(2023, 12, 15), dt.date(2024, 12, 14))
    assert p.days == 366
    assert p.months == 12
    assert not p.is_year
    assert not p.whole_months
    before = p.year_before()
    assert str(before) == "2022-12-15..2023-12-14"
    assert before == parse_period("2022-12-15..2023-12-14")
    assert p.same_shape(before)
    assert before.same_shape(p)


def test_29_february_a_year_earlier_is_28_february() -> None:
    campaign = parse_period("2023-12-15..2024-02-29")
    assert str(campaign.year_before()) == "2022-12-15..2023-02-28"
    leap_start = parse_period("2024-02-29..2024-03-31")
    assert str(leap_start.year_before()) == "2023-02-28..2023-03-31"
    # A whole month stays a whole month: February 2024 (29 days) against February 2023.
    assert parse_period("2024-02").year_before() == parse_period("2023-02-01..2023-02-28")


def test_day_spans_equal_to_month_spellings() -> None:
    assert parse_period("2025-01-01..2025-03-31") == parse_period("2025-Q1")
    assert parse_period("2024-01-01..2024-12-31") == parse_period(2024)
    assert parse_period("2025-01-01..2025-03-31").canonical == "2025-Q1"
    assert parse_period("2025-01-01..2025-03-30").canonical == "2025-01-01..2025-03-30"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("2023-02-29..2023-03-31", "2023-02-29 in '2023-02-29..2023-03-31' is not a date"),
        ("2024-04-31..2024-05-31", "that month has 30 days"),
        ("2024-13-01..2024-12-31", "month 13 in"),
        ("2024-12-15..2023-12-14", "ends before it starts"),
        ("2023-12-15..2024-12-15", "is longer than a year"),
        ("2023-12-15 .. 2024-12-14", "got '2023-12-15 .. 2024-12-14'"),
        ("2023-12-15..2024-12", "got '2023-12-15..2024-12'"),
        ("1899-12-15..1900-12-14", "year 1899"),
    ],
)
def test_day_spans_refused(key: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(key)
    assert message in str(caught.value)


def test_a_year_from_29_february_is_allowed() -> None:
    assert parse_period("2024-02-29..2025-02-28").days == 366
    with pytest.raises(PeriodError):
        parse_period("2024-02-29..2025-03-01")


def test_latest_with_day_spans() -> None:
    keys = ["2024", "2023-12-15..2024-12-14", "2024-12-15..2025-02-28", "2024-12-01..2025-02-28"]
    ps = [parse_period(k) for k in keys]
    # Two end on 28 February 2025: the longer, starting 1 December, wins.
    assert str(latest(ps)) == "2024-12-01..2025-02-28"
    # Ordering: by first day, then last day.
    assert [str(p) for p in sorted(ps)] == [keys[1], keys[0], keys[3], keys[2]]


dates = st.dates(dt.date(MIN_YEAR + 1, 1, 1), dt.date(MAX_YEAR, 12, 31))


@st.composite
def day_spans(draw: st.DrawFn) -> Period:
    first = draw(dates)
    length = draw(st.integers(0, 364))
    last = first + dt.timedelta(days=length)
    if last.year > MAX_YEAR:
        last = first
    return parse_period(f"{first.isoformat()}..{last.isoformat()}")


any_periods = st.one_of(periods, day_spans())


@given(day_spans())
def test_day_span_year_before(p: Period) -> None:
    before = p.year_before()
    assert parse_period(str(before)) == before
    assert before.first_day.year == p.first_day.year - 1
    assert before.last_day.year == p.last_day.year - 1
    # The same calendar days, except that 29 February becomes 28 February.
    for now, then in ((p.first_day, before.first_day), (p.last_day, before.last_day)):
        if (now.month, now.day) == (2, 29):
            assert (then.month, then.day) == (2, 28)
        else:
            assert (then.month, then.day) == (now.month, now.day)
    assert abs(before.days - p.days) <= 1
    assert p.same_shape(before)


@given(day_spans())
def test_day_span_reads_back(p: Period) -> None:
    assert parse_period(p.canonical) == p
    assert parse_period(str(p)) == p
    assert p.first <= p.last


@given(st.lists(any_periods, min_size=1, max_size=8))
def test_latest_over_every_spelling(ps: list[Period]) -> None:
    chosen = latest(ps)
    assert all(chosen.last >= p.last for p in ps)
    assert all(chosen.days >= p.days for p in ps if p.last == chosen.last)
    assert latest(list(reversed(ps))) == chosen


@given(any_periods, any_periods)
def test_ordering_is_by_days(a: Period, b: Period) -> None:
    assert (a < b) == ((a.first, a.last) < (b.first, b.last))
    assert (a == b) == ((a.first, a.last) == (b.first, b.last))


@pytest.mark.parametrize(
    ("key", "vi", "en"),
    [
        ("2023-12-15..2024-12-14", "15/12/2023–14/12/2024", "15 Dec 2023 – 14 Dec 2024"),
        ("2023-12-15..2024-02-29", "15/12/2023–29/02/2024", "15 Dec 2023 – 29 Feb 2024"),
        ("2025-01-01..2025-03-31", "quý I/2025", "Q1 2025"),  # whole months: named as such
        ("2025-01..2025-02", "tháng 1–2/2025", "Jan–Feb 2025"),
    ],
)
def test_shown_as_reports_write_it(key: str, vi: str, en: str) -> None:
    from modelward.i18n import period_text

    assert period_text(parse_period(key), "vi") == vi
    assert period_text(parse_period(key), "en") == en


# ------------------------------------------------- the comparison period, over every day (QA2 #6)

_LENGTHS = (1, 2, 30, 77, 366)
"""Span lengths in days: one day, a campaign of two and a half months, a police year."""


def _every_span(years: range) -> list[Period]:
    """A span of days ending on every day of these years, of each length in _LENGTHS."""
    out = []
    day, stop = dt.date(years.start, 1, 1), dt.date(years.stop, 1, 1)
    while day < stop:
        for length in _LENGTHS:
            out.append(Period(day.toordinal() - length + 1, day.toordinal()))
        day += dt.timedelta(days=1)
    return out


def _end_of_february(day: dt.date) -> bool:
    return day.month == 2 and (day + dt.timedelta(days=1)).month == 3


def test_the_comparison_period_over_every_day_of_eleven_years() -> None:
    """For spans ending on every day of 2019..2029: the §7 period a year earlier is looked
    for first; the others differ only where an end is on the last day of February, taken to
    the last day of February a year earlier; and a ward's span is found again from the span
    a year later, whatever day it starts or ends on (29 February included)."""
    for p in _every_span(range(2019, 2030)):
        candidates = p.years_before()
        exact = p.year_before()
        assert candidates[0] == exact == p.shifted(-1)  # FORMAT §7, unchanged
        for other in candidates[1:]:  # only an end on 28 Feb moves, to 29 Feb a year earlier
            for mine, then, moved in (
                (p.first_day, exact.first, other.first),
                (p.last_day, exact.last, other.last),
            ):
                assert moved in (then, then + 1)
                if moved != then:
                    assert _end_of_february(mine)
                    assert dt.date.fromordinal(moved) == dt.date(mine.year - 1, 2, 29)
        # A ward that wrote both: the §7 spelling wins; either alone is found.
        assert p.year_before_in([*reversed(candidates), p]) == exact
        for c in candidates:
            assert p.year_before_in([c, p]) == c
        # The ward's earlier period, a year on, finds it back.
        later = p.shifted(1)
        assert later.year_before_in([p, later]) == p, (p, later)
        assert p.same_shape(later)


def test_the_end_of_february_a_year_after_a_leap_year() -> None:
    """QA2 #6: 15/12/2024–28/02/2025 is compared with 15/12/2023–29/02/2024."""
    campaign = parse_period("2024-12-15..2025-02-28")
    before = parse_period("2023-12-15..2024-02-29")
    assert campaign.year_before_in([before, campaign]) == before
    assert campaign.year_before() == parse_period("2023-12-15..2024-02-28")
    # Not a day span ending on the last of February: nothing else is looked for.
    assert parse_period("2024-12-15..2025-02-27").years_before() == (
        parse_period("2023-12-15..2024-02-27"),
    )
    assert parse_period("2025-02").years_before() == (parse_period("2024-02"),)


def test_a_span_of_days_of_whole_months_a_year_earlier_keeps_to_real_days() -> None:
    # Hypothesis found it: respelt, 2000-02-01..2000-02-29 became 1999-02-01..1999-02-29.
    before = parse_period("2000-02-01..2000-02-29").year_before()
    assert before == parse_period("1999-02-01..1999-02-28")
    assert parse_period(str(before)) == before
