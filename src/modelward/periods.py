"""Period keys: a year, a quarter, a half, a span of months or of days, and the same period a
year earlier.

A period is a span of days, first and last included. The month spellings name whole months
(``2025-Q1`` is 1 January to 31 March 2025); a day span names its days
(``2023-12-15..2024-12-14``, the police statistical year). Two spellings of the same days are
the same period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from modelward.messages import Message, shown

# re.ASCII: a key such as "２０２４" (full-width digits) is not a year a reader would recognise.
_YEAR = re.compile(r"(\d{4})", re.ASCII)
_QUARTER = re.compile(r"(\d{4})-Q([1-4])", re.ASCII)
_HALF = re.compile(r"(\d{4})-H([12])", re.ASCII)
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_SPAN = re.compile(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", re.ASCII)
_DAYS = re.compile(r"(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})", re.ASCII)

MIN_YEAR = 1900
MAX_YEAR = 2999

EXPECTED = (
    "a year (2024), a quarter (2025-Q1), a half (2025-H1), a month span (2025-01..2025-02) "
    "or a span of days (2023-12-15..2024-12-14)"
)


class PeriodError(ValueError):
    """A period key that is not one of the spellings FORMAT.md allows, and why (a Message)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _first_of(index: int) -> int:
    """The first day of a month index, as a date ordinal."""
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1).toordinal()


def _last_of(index: int) -> int:
    """The last day of a month index, as a date ordinal."""
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1]).toordinal()


def _months_label(start: int, end: int) -> str:
    """The canonical spelling of a span of whole months (month indexes)."""
    sy, sm = divmod(start, 12)
    ey, em = divmod(end, 12)
    sm += 1
    em += 1
    if sy == ey:
        if sm == 1 and em == 12:
            return f"{sy}"
        if em - sm == 2 and sm % 3 == 1:
            return f"{sy}-Q{(sm + 2) // 3}"
        if em - sm == 5 and sm in (1, 7):
            return f"{sy}-H{1 if sm == 1 else 2}"
        if sm == em:
            return f"{sy}-{sm:02d}"
    return f"{sy}-{sm:02d}..{ey}-{em:02d}"


def shift_date(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (negative: earlier); 29 February becomes 28 February."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return day.replace(year=year)


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A span of days, first and last included, as date ordinals.

    Two spellings of the same span are the same period: ``2025-Q1`` equals
    ``2025-01..2025-03`` and ``2025-01-01..2025-03-31``. Periods order by their first day,
    then their last.
    """

    first: int
    last: int
    text: str = field(compare=False, default="")

    def __str__(self) -> str:
        return self.text or self.canonical

    @property
    def first_day(self) -> dt.date:
        """The first day of the period."""
        return dt.date.fromordinal(self.first)

    @property
    def last_day(self) -> dt.date:
        """The last day of the period."""
        return dt.date.fromordinal(self.last)

    @property
    def start(self) -> int:
        """The month index (year × 12 + month − 1) of the first day."""
        day = self.first_day
        return _month_index(day.year, day.month)

    @property
    def end(self) -> int:
        """The month index (year × 12 + month − 1) of the last day."""
        day = self.last_day
        return _month_index(day.year, day.month)

    @property
    def whole_months(self) -> bool:
        """Whether the period starts on the first of a month and ends on the last of one."""
        return self.first == _first_of(self.start) and self.last == _last_of(self.end)

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return self.last - self.first + 1

    @property
    def months(self) -> int:
        """How many months the period spans (a span of days: to the nearest whole month)."""
        if self.whole_months:
            return self.end - self.start + 1
        return max(1, round(self.days / 30.4375))

    @property
    def is_year(self) -> bool:
        """Whether the period is one whole calendar year."""
        return self.whole_months and self.end - self.start == 11 and self.start % 12 == 0

    @property
    def canonical(self) -> str:
        """The shortest spelling: ``2025-01..2025-03`` is ``2025-Q1``."""
        if self.whole_months:
            return _months_label(self.start, self.end)
        return f"{self.first_day.isoformat()}..{self.last_day.isoformat()}"

    def shifted(self, years: int) -> Period:
        """The same span ``years`` later (negative: earlier), spelled like this one.

        Whole months stay whole months (February 2024 a year earlier is February 2023); a
        span of days moves each of its ends, 29 February becoming 28 February.
        """
        if self.whole_months:
            start, end = self.start + 12 * years, self.end + 12 * years
            first, last = _first_of(start), _last_of(end)
        else:
            first = shift_date(self.first_day, years).toordinal()
            last = shift_date(self.last_day, years).toordinal()
        moved = Period(first, last)
        # A span of days that happens to be whole months (2000-02-01..2000-02-29) is not
        # respelt: its days need not exist in the other year (1999-02-29).
        respell = self.text and self.whole_months and not _A_DAY.search(self.text)
        text = _respell(self, years) if respell else ""
        return Period(first, last, text or moved.canonical)

    def year_before(self) -> Period:
        """The same period a year earlier (FORMAT.md section 7): what the comparison period
        is called where the ward has none (``years_before`` lists what is looked for)."""
        return self.shifted(-1)

    def years_before(self) -> tuple[Period, ...]:
        """The periods that are this one's comparison period, the first the ward has wins:
        the same period a year earlier (FORMAT.md section 7), then, for a span of days that
        starts or ends on 28 February the year after a leap year, the same span with that
        end on 29 February. The last day of February matches the last day of February a
        year earlier: a campaign "to the end of February" is one campaign, and section 7
        takes 29 February to 28 February going the other way, so the span a year after a
        ward's period always finds it back."""
        exact = self.year_before()
        if self.whole_months:
            return (exact,)
        first = _leap_day_before(self.first_day)
        last = _leap_day_before(self.last_day)
        found = [exact]
        for a, b in ((exact.first, last), (first, exact.last), (first, last)):
            if a is not None and b is not None and a <= b and Period(a, b) not in found:
                found.append(Period(a, b, Period(a, b).canonical))
        return tuple(found)

    def year_before_in(self, periods: Iterable[Period]) -> Period | None:
        """This period's comparison period among ``periods`` (as written there), if any."""
        have = list(periods)
        for wanted in self.years_before():
            found = next((p for p in have if p == wanted), None)
            if found is not None:
                return found
        return None

    def same_shape(self, other: Period) -> bool:
        """Whether the two periods are the same span in different years (2023 and 2024)."""
        years = other.last_day.year - self.last_day.year
        # Both ways: 29 February shifts to 28 February, never back.
        return self.shifted(years) == other or other.shifted(-years) == self


def _leap_day_before(day: dt.date) -> int | None:
    """29 February a year before ``day``, where ``day`` is 28 February the year after a leap
    year (the last day of February both); else None."""
    if (day.month, day.day) == (2, 28) and calendar.isleap(day.year - 1):
        return dt.date(day.year - 1, 2, 29).toordinal()
    return None


_A_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _respell(period: Period, years: int) -> str:
    """Shift every year in the period's own spelling, so a span stays a span."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + years), period.text)


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(
            Message("year_out_of_range", year=year, key=text, low=MIN_YEAR, high=MAX_YEAR)
        )


def _check_month(month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(Message("not_a_month", month=f"{month:02d}", key=text))


def _months(start: int, end: int, raw: str) -> Period:
    return Period(_first_of(start), _last_of(end), raw)


def _date(year: int, month: int, day: int, raw: str) -> dt.date:
    _check_year(year, raw)
    _check_month(month, raw)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise PeriodError(
            Message("not_a_day", date=f"{year}-{month:02d}-{day:02d}", key=raw, days=last)
        )
    return dt.date(year, month, day)


def parse_period(text: object) -> Period:
    """Read a period key; raise PeriodError with the allowed spellings when it is none of them."""
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise PeriodError(Message("expected_period", got=shown(text)))
    raw = str(text).strip()
    if m := _YEAR.fullmatch(raw):
        year = int(m.group(1))
        _check_year(year, raw)
        return _months(_month_index(year, 1), _month_index(year, 12), raw)
    if m := _QUARTER.fullmatch(raw):
        year, q = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        return _months(_month_index(year, 3 * q - 2), _month_index(year, 3 * q), raw)
    if m := _HALF.fullmatch(raw):
        year, h = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        return _months(_month_index(year, 6 * h - 5), _month_index(year, 6 * h), raw)
    if m := _MONTH.fullmatch(raw):
        year, month = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        _check_month(month, raw)
        return _months(_month_index(year, month), _month_index(year, month), raw)
    if m := _SPAN.fullmatch(raw):
        y1, m1, y2, m2 = (int(g) for g in m.groups())
        for y in (y1, y2):
            _check_year(y, raw)
        for mo in (m1, m2):
            _check_month(mo, raw)
        start, end = _month_index(y1, m1), _month_index(y2, m2)
        if end < start:
            raise PeriodError(Message("span_backwards", key=raw))
        if end - start >= 12:
            raise PeriodError(Message("span_too_long", key=raw))
        return _months(start, end, raw)
    if m := _DAYS.fullmatch(raw):
        y1, m1, d1, y2, m2, d2 = (int(g) for g in m.groups())
        first, last = _date(y1, m1, d1, raw), _date(y2, m2, d2, raw)
        if last < first:
            raise PeriodError(Message("span_backwards", key=raw))
        # A year from 29 February runs to 28 February: shift_date(first, 1) is that day.
        limit = shift_date(first, 1) + dt.timedelta(days=int(first.month == 2 and first.day == 29))
        if last >= limit:
            raise PeriodError(Message("span_too_long", key=raw))
        return Period(first.toordinal(), last.toordinal(), raw)
    raise PeriodError(Message("expected_period", got=shown(raw)))


def latest(periods: list[Period]) -> Period:
    """The period a command uses by default: the one ending last; of those, the longest."""
    return max(periods, key=lambda p: (p.last, -p.first))
