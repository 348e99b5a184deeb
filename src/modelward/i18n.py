"""Labels in the chosen language (their table is `messages.labels`), catalogue texts, numbers per language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from modelward.numbers import MINUS as MINUS
from modelward.numbers import counted, decimal_of
from modelward.numbers import number as number
from modelward.numbers import rounded as rounded

if TYPE_CHECKING:
    from modelward.messages import Texts
    from modelward.periods import Period

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"


def label(key: str, lang: Lang, **values: object) -> str:
    """The interface text for a key in the chosen language, with values filled in."""
    from modelward.messages.labels import COUNTED_BY, LABELS

    template = LABELS[key][lang]
    if isinstance(template, tuple):
        template = template[0] if values.get(COUNTED_BY.get(key, "n")) == 1 else template[1]
    return template.format(**counted(values, lang))


def text(value: str | Mapping[str, str] | None, lang: Lang) -> str:
    """A catalogue text in the chosen language, falling back to the other, then to any."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for candidate in (lang, *(other for other in LANGS if other != lang)):
        if candidate in value:
            return value[candidate]
    return next(iter(value.values()), "")


def percent(
    fraction: float | Fraction | Decimal,
    lang: Lang,
    decimals: int = 1,
    *,
    signed: bool = False,
    trim: bool = False,
) -> str:
    """A fraction as a percent: ``-0.5833`` is ``−58,3%`` in vi and ``−58.3%`` in en."""
    hundred = decimal_of(fraction) * 100
    shown = number(hundred, lang, decimals, trim=trim)
    if signed and rounded(hundred, decimals) > 0:
        shown = "+" + shown
    return shown + "%"


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS_VI = ("I", "II", "III", "IV")


def period_label(start: int, end: int, lang: Lang) -> str:
    """A period as reports write it: ``quý I/2025``, ``tháng 1–2/2025``; ``Q1 2025``, ``Jan–Feb 2025``.

    ``start`` and ``end`` are month indexes (year × 12 + month − 1), both inclusive.
    """
    sy, sm = divmod(start, 12)
    ey, em = divmod(end, 12)
    months = end - start + 1
    if sy == ey and sm == 0 and months == 12:
        return str(sy)
    if sy == ey and months == 3 and sm % 3 == 0:
        q = sm // 3
        return f"quý {_QUARTERS_VI[q]}/{sy}" if lang == "vi" else f"Q{q + 1} {sy}"
    if sy == ey and months == 6 and sm in (0, 6):
        if lang == "vi":
            return f"6 tháng {'đầu' if sm == 0 else 'cuối'} năm {sy}"
        return f"H{1 if sm == 0 else 2} {sy}"
    if lang == "vi":
        if months == 1:
            return f"tháng {sm + 1}/{sy}"
        if sy == ey:
            return f"tháng {sm + 1}–{em + 1}/{sy}"
        return f"tháng {sm + 1}/{sy}–{em + 1}/{ey}"
    if months == 1:
        return f"{_MONTHS_EN[sm]} {sy}"
    if sy == ey:
        return f"{_MONTHS_EN[sm]}–{_MONTHS_EN[em]} {sy}"
    return f"{_MONTHS_EN[sm]} {sy}–{_MONTHS_EN[em]} {ey}"


def span_label(first: date, last: date, lang: Lang) -> str:
    """A span of days as reports write it: ``15/12/2023–14/12/2024``, ``15 Dec 2023 – 14 Dec 2024``."""
    if lang == "vi":
        return f"{first.day:02d}/{first.month:02d}/{first.year}–{last.day:02d}/{last.month:02d}/{last.year}"
    return (
        f"{first.day} {_MONTHS_EN[first.month - 1]} {first.year} – "
        f"{last.day} {_MONTHS_EN[last.month - 1]} {last.year}"
    )


def date_text(day: date, lang: Lang) -> str:
    """A date as reports write it: ``01/07/2025``, ``1 Jul 2025``."""
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def when_words(moment: datetime, lang: Lang) -> str:
    """A moment in the computer's own time zone, as people write it: ``30/11/2026 09:47``."""
    local = moment.astimezone()
    return f"{date_text(local.date(), lang)} {local.hour:02d}:{local.minute:02d}"


def period_said(period: Period) -> Texts:
    """A period as reports write it in every language, for a message's argument (a message
    is worded later, in the user's language): never the key as a file spells it."""
    from modelward.messages import Texts

    return Texts((lang, period_text(period, lang)) for lang in LANGS)


def period_text(period: Period, lang: Lang) -> str:
    """A period as reports write it: whole months by their name (``quý I/2025``), a span of
    days by its dates (``15/12/2023–14/12/2024``)."""
    if period.whole_months:
        return period_label(period.start, period.end, lang)
    return span_label(period.first_day, period.last_day, lang)
