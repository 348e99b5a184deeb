"""Labels in Vietnamese and English, catalogue texts in the chosen language, numbers per language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"

MINUS = "\u2212"  # the typographic minus sign: "−58,3%"

_LABELS: dict[str, tuple[str, str]] = {
    # key: (vi, en)
    "ok": ("hợp lệ", "ok"),
    "catalogue": ("bộ tiêu chí", "catalogue"),
    "ward": ("phường", "ward"),
    "groups": ("nhóm", "groups"),
    "criteria": ("tiêu chí", "criteria"),
    "periods": ("kỳ", "periods"),
    "files_ok": ("{n} tệp hợp lệ", "{n} files valid"),
    "files_bad": ("{bad}/{n} tệp có lỗi", "{bad} of {n} files have errors"),
    "no_files": ("không tìm thấy tệp YAML nào trong {path}", "no YAML files found in {path}"),
    # statuses
    "met": ("Đạt", "Met"),
    "not_met": ("Chưa đạt", "Not met"),
    "not_applicable": ("Không áp dụng", "Not applicable"),
    "unknown": ("Chưa đánh giá", "Not assessed"),
    # assess
    "period": ("Kỳ", "Period"),
    "compared_to": ("so với cùng kỳ", "against the same period of"),
    "no_comparison": ("không có số liệu cùng kỳ", "no figures for the same period a year earlier"),
    "criterion": ("Tiêu chí", "Criterion"),
    "status": ("Kết quả", "Status"),
    "reason": ("Căn cứ", "Reason"),
    "evidence": ("Tài liệu", "Evidence"),
    "indicator": ("Chỉ số", "Indicator"),
    "this_period": ("Kỳ này", "This period"),
    "previous": ("Cùng kỳ", "Year before"),
    "change": ("Thay đổi", "Change"),
    "verdict": ("Xếp loại", "Verdict"),
    "score": ("Điểm", "Score"),
    "criteria_met": ("đạt {met}/{applicable} tiêu chí", "{met}/{applicable} criteria met"),
    "overridden": ("điều chỉnh thủ công", "overridden"),
    "computed": ("tính từ số liệu", "computed"),
    "judged": ("tự đánh giá", "judged"),
    "missing_title": ("Còn thiếu để đạt «{verdict}»", "Missing to reach «{verdict}»"),
    "improved": ("tốt hơn", "better"),
    "worsened": ("kém hơn", "worse"),
    "unchanged": ("không đổi", "unchanged"),
    "not_reported": ("chưa báo cáo", "not reported"),
    "required_not_reached": (
        "{ward}: xếp loại «{got}» chưa đạt yêu cầu «{want}»",
        "{ward}: verdict «{got}» is below the required «{want}»",
    ),
}


def label(key: str, lang: Lang, **values: object) -> str:
    """The interface text for a key in the chosen language, with values filled in."""
    vi, en = _LABELS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


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


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with the language's separators: ``12.000`` and ``58,3`` in vi, ``12,000`` and ``58.3`` in en."""
    formatted = f"{abs(value):,.{decimals}f}"
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return (MINUS if value < 0 and formatted.strip("0.,") else "") + formatted


def percent(fraction: float, lang: Lang, decimals: int = 1, signed: bool = False) -> str:
    """A fraction as a percent: ``-0.5833`` is ``−58,3%`` in vi and ``−58.3%`` in en."""
    shown = number(fraction * 100, lang, decimals)
    if decimals and shown.rstrip("0").endswith("," if lang == "vi" else "."):
        pass
    if signed and fraction > 0 and shown.strip("0.,"):
        shown = "+" + shown
    return shown + "%"
