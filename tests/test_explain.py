"""Reasons in words: why a criterion of the sample catalogue has its status, in vi and en."""

from __future__ import annotations

from fractions import Fraction

import pytest

from modelward import explain
from modelward import loading as loader
from modelward.models import Catalogue, Indicator, PeriodData
from modelward.periods import parse_period
from modelward.rules import Figures
from modelward.scoring import CriterionResult, criterion_result
from tests.conftest import CATALOGUE

CAT: Catalogue = loader.load_catalogue(CATALOGUE).model
PERIOD = parse_period("2012")


def result(
    criterion: str,
    now: dict[str, float],
    before: dict[str, float] | None = None,
    entries: dict[str, object] | None = None,
) -> CriterionResult:
    found = CAT.criterion(criterion)
    assert found is not None
    data = PeriodData.model_validate({"criteria": entries or {}})
    return criterion_result(found, data, Figures(CAT, PERIOD, now, before))


def reason(r: CriterionResult) -> tuple[str, str]:
    return explain.reason(r, CAT, "vi", "2011"), explain.reason(r, CAT, "en", "2011")


def gaps(r: CriterionResult) -> list[str]:
    return [g for lang in ("vi", "en") for c in r.checks if (g := explain.gap(c, CAT, lang))]


# ---------------------------------------------------------------------------- figures


def test_a_ratio_below_its_threshold() -> None:
    # Thông tư 23/2012's worked example: 16 of 25 residential areas is 64%, not 70%.
    r = result("C19", {"residential_areas": 25, "residential_areas_safe": 16})
    assert r.status == "not_met"
    assert reason(r) == (
        'Tỷ lệ khu dân cư đạt "An toàn về ANTT" 64% < 70%',
        "Share of residential areas recognised as safe 64% < 70%",
    )
    assert gaps(r) == ["cách ngưỡng 6,0 điểm %", "6.0 percentage points from the threshold"]


def test_a_change_against_the_year_before() -> None:
    r = result(
        "C11",
        {"incidents": 10, "crimes_social_evils": 3},
        {"incidents": 24, "crimes_social_evils": 12},
    )
    assert r.status == "met"
    vi, en = reason(r)
    assert vi == (
        "Vụ việc về an ninh, trật tự −58,3% so với cùng kỳ 2011 (24 → 10) < 0%; "
        "Vụ phạm pháp hình sự và tệ nạn xã hội −75,0% so với cùng kỳ 2011 (12 → 3) < 0%"
    )
    assert en == (
        "Security and order incidents −58.3% against 2011 (24 → 10) < 0%; "
        "Criminal offences and social evils −75.0% against 2011 (12 → 3) < 0%"
    )


def test_a_figure_that_stayed_the_same_is_not_a_reduction() -> None:
    r = result(
        "C11",
        {"incidents": 5, "crimes_social_evils": 3},
        {"incidents": 5, "crimes_social_evils": 12},
    )
    assert r.status == "not_met"
    assert reason(r)[1] == (
        "Security and order incidents 0.0% against 2011 (5 → 5) ≥ 0%; "
        "Security and order incidents 5 > 0"
    )
    # No "0 from the threshold" for the change that merely stayed: only the count's gap.
    assert gaps(r) == ["cách ngưỡng 5", "5 from the threshold"]


def test_counts_and_numbers() -> None:
    r = result("C12", {"serious_crimes": 2})
    assert reason(r) == ("Vụ trọng án 2 > 0", "Serious crimes 2 > 0")
    assert gaps(r) == ["cách ngưỡng 2", "2 from the threshold"]
    room = result("C05", {"reception_room_area": 20.5})
    assert reason(room) == (
        "Diện tích phòng tiếp công dân 20,5 < 24",
        "Citizen reception room area 20.5 < 24",
    )
    assert gaps(room) == ["cách ngưỡng 3,5", "3.5 from the threshold"]


@pytest.mark.parametrize(
    ("now", "vi", "gap"),
    [
        # A figure that rounds to its threshold gets the decimals it needs: never "100% < 100%".
        ({"tips_received": 25000, "tips_handled": 24999}, "99,996% < 100%", "0,004"),
        ({"tips_received": 2500, "tips_handled": 2499}, "99,96% < 100%", "0,04"),
        ({"tips_received": 12, "tips_handled": 11}, "91,67% < 100%", "8,3"),
    ],
)
def test_a_figure_never_reads_as_its_threshold(now: dict[str, float], vi: str, gap: str) -> None:
    r = result("C14", now)
    assert r.status == "not_met"
    assert reason(r)[0] == f"Tỷ lệ tin báo, tố giác được xử lý {vi}"
    assert gaps(r)[0] == f"cách ngưỡng {gap} điểm %"


def test_a_tiny_change_is_not_shown_as_zero() -> None:
    r = result(
        "C11",
        {"incidents": 9999, "crimes_social_evils": 3},
        {"incidents": 10000, "crimes_social_evils": 12},
    )
    assert r.status == "met"
    assert reason(r)[0].startswith(
        "Vụ việc về an ninh, trật tự −0,01% so với cùng kỳ 2011 (10.000 → 9.999)"
    )


# ---------------------------------------------------------------------------- undefined


def test_a_ratio_over_zero_taken_as_met() -> None:
    r = result("C14", {"tips_received": 0, "tips_handled": 0})
    assert r.status == "met"
    assert reason(r) == (
        "Tin báo, tố giác về tội phạm và kiến nghị khởi tố tiếp nhận là 0: tỷ lệ không xác định"
        " → theo quy ước: đạt",
        "Crime reports and denunciations received is 0: share undefined → taken as met",
    )
    assert gaps(r) == []


def test_a_figure_not_reported() -> None:
    r = result("C14", {"tips_handled": 3})
    assert r.status == "unknown"
    assert reason(r) == (
        "Tin báo, tố giác về tội phạm và kiến nghị khởi tố tiếp nhận: chưa báo cáo",
        "Crime reports and denunciations received: not reported",
    )


def test_no_figures_a_year_earlier() -> None:
    r = result("C11", {"incidents": 10, "crimes_social_evils": 3})
    assert r.status == "unknown"
    # Both parts say the same: it is said once.
    assert reason(r) == ("không có số liệu 2011 để so sánh", "no 2011 figures to compare")


def test_a_figure_not_reported_a_year_earlier() -> None:
    r = result("C11", {"incidents": 5, "crimes_social_evils": 3}, {"crimes_social_evils": 12})
    assert r.status == "unknown"
    assert reason(r) == (
        "Vụ việc về an ninh, trật tự: chưa báo cáo kỳ 2011",
        "Security and order incidents: not reported for 2011",
    )


def test_a_change_from_zero() -> None:
    r = result(
        "C11",
        {"incidents": 5, "crimes_social_evils": 3},
        {"incidents": 0, "crimes_social_evils": 12},
    )
    assert r.status == "unknown"
    assert reason(r) == (
        "Vụ việc về an ninh, trật tự kỳ 2011 là 0: không tính được thay đổi",
        "Security and order incidents was 0 in 2011: change undefined",
    )


# ---------------------------------------------------------------------------- judged and overridden


def test_a_judged_criterion_gives_its_note() -> None:
    r = result("C20", {}, entries={"C20": {"status": "not_met", "note": "lấn chiếm vỉa hè"}})
    assert (r.status, r.source) == ("not_met", "judged")
    assert reason(r) == ("lấn chiếm vỉa hè", "lấn chiếm vỉa hè")
    assert result("C20", {}).status == "unknown"


def test_an_override_says_its_reason_and_what_the_figures_said() -> None:
    r = result(
        "C12",
        {"serious_crimes": 0},
        entries={"C12": {"override": {"status": "not_met", "reason": "vụ ngày 30/12"}}},
    )
    assert (r.status, r.overridden, r.rule_status) == ("not_met", True, "met")
    assert reason(r) == (
        "điều chỉnh: vụ ngày 30/12 (theo số liệu: đạt — Vụ trọng án 0 ≤ 0)",
        "overridden: vụ ngày 30/12 (by the figures: met — Serious crimes 0 ≤ 0)",
    )


# ---------------------------------------------------------------------------- formats


def indicator(kind: str) -> Indicator:
    return Indicator.model_validate({"id": "x", "title": "x", "better": "higher", "format": kind})


@pytest.mark.parametrize(
    ("kind", "value", "vi", "en"),
    [
        ("count", 12000, "12.000", "12,000"),
        ("number", 6.5, "6,5", "6.5"),
        ("number", 30, "30", "30"),
        ("percent", Fraction(4898, 5000), "97,96%", "97.96%"),
        ("percent", 1, "100%", "100%"),
    ],
)
def test_figure_formats(kind: str, value: float | Fraction, vi: str, en: str) -> None:
    assert explain.figure(value, indicator(kind), "vi") == vi
    assert explain.figure(value, indicator(kind), "en") == en


def test_change_formats() -> None:
    assert explain.change(Fraction(-7, 12), "vi") == "−58,3%"
    assert explain.change(Fraction(5, 32), "en") == "+15.6%"
    assert explain.change(Fraction(0), "en") == "0.0%"
    assert explain.change(None, "vi") == "—"
