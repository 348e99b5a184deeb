"""Period keys: a year, a quarter, a half or a span of months, and the same period a year earlier."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# re.ASCII: a key such as "２０２４" (full-width digits) is not a year a reader would recognise.
_YEAR = re.compile(r"(\d{4})", re.ASCII)
_QUARTER = re.compile(r"(\d{4})-Q([1-4])", re.ASCII)
_HALF = re.compile(r"(\d{4})-H([12])", re.ASCII)
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_SPAN = re.compile(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", re.ASCII)

MIN_YEAR = 1900
MAX_YEAR = 2999

EXPECTED = "a year (2024), a quarter (2025-Q1), a half (2025-H1) or a month span (2025-01..2025-02)"


class PeriodError(ValueError):
    """A period key that is not one of the spellings FORMAT.md allows."""


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _label(start: int, end: int) -> str:
    """The canonical spelling of a span of months."""
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


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A span of whole months, first and last inclusive, as month indexes (year * 12 + month - 1).

    Two spellings of the same span are the same period: ``2025-Q1`` equals
    ``2025-01..2025-03``. Periods order by their first month, then their last.
    """

    start: int
    end: int
    text: str = field(compare=False, default="")

    def __str__(self) -> str:
        return self.text or _label(self.start, self.end)

    @property
    def months(self) -> int:
        """How many months the period spans."""
        return self.end - self.start + 1

    @property
    def is_year(self) -> bool:
        """Whether the period is one whole calendar year."""
        return self.months == 12 and self.start % 12 == 0

    @property
    def canonical(self) -> str:
        """The shortest spelling: ``2025-01..2025-03`` is ``2025-Q1``."""
        return _label(self.start, self.end)

    def shifted(self, years: int) -> Period:
        """The same span ``years`` later (negative: earlier), spelled like this one."""
        start, end = self.start + 12 * years, self.end + 12 * years
        return Period(start, end, _label(start, end) if not self.text else _respell(self, years))

    def year_before(self) -> Period:
        """The same period a year earlier: the comparison period of every figure."""
        return self.shifted(-1)


def _respell(period: Period, years: int) -> str:
    """Shift every year in the period's own spelling, so a span stays a span."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + years), period.text)


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"year {year} in {text!r} is out of range {MIN_YEAR}..{MAX_YEAR}")


def _check_month(month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month:02d} in {text!r} is not a month (01..12)")


def parse_period(text: object) -> Period:
    """Read a period key; raise PeriodError with the allowed spellings when it is none of them."""
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise PeriodError(f"expected {EXPECTED}, got {text!r}")
    raw = str(text).strip()
    if m := _YEAR.fullmatch(raw):
        year = int(m.group(1))
        _check_year(year, raw)
        return Period(_month_index(year, 1), _month_index(year, 12), raw)
    if m := _QUARTER.fullmatch(raw):
        year, q = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        return Period(_month_index(year, 3 * q - 2), _month_index(year, 3 * q), raw)
    if m := _HALF.fullmatch(raw):
        year, h = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        return Period(_month_index(year, 6 * h - 5), _month_index(year, 6 * h), raw)
    if m := _MONTH.fullmatch(raw):
        year, month = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        _check_month(month, raw)
        return Period(_month_index(year, month), _month_index(year, month), raw)
    if m := _SPAN.fullmatch(raw):
        y1, m1, y2, m2 = (int(g) for g in m.groups())
        for y in (y1, y2):
            _check_year(y, raw)
        for mo in (m1, m2):
            _check_month(mo, raw)
        start, end = _month_index(y1, m1), _month_index(y2, m2)
        if end < start:
            raise PeriodError(f"span {raw!r} ends before it starts")
        if end - start >= 12:
            raise PeriodError(f"span {raw!r} is longer than a year; use whole years instead")
        return Period(start, end, raw)
    raise PeriodError(f"expected {EXPECTED}, got {raw!r}")


def latest(periods: list[Period]) -> Period:
    """The period a command uses by default: the one ending last; of those, the longest."""
    return max(periods, key=lambda p: (p.end, -p.start))
