"""Areas against the target and per-criterion counts: exact, whatever the wards."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from modelward.batch.breakdown import (
    AreaRow,
    as_fraction,
    by_area,
    criterion_counts,
    most_missed,
    needed,
    total,
)
from modelward.batch.summariser import fold

targets = st.one_of(st.none(), st.fractions(min_value=0, max_value=1, max_denominator=1000))


@given(targets, st.integers(0, 5000), st.data())
def test_needed_is_ceil_of_target_times_wards_minus_top(
    target: Fraction | None, wards: int, data: st.DataObject
) -> None:
    top = data.draw(st.integers(0, wards))
    n = needed(target, wards, top)
    assert n >= 0
    if target is None:
        assert n == 0
        return
    assert n == max(0, math.ceil(target * wards) - top)
    # n more wards reach the target; one fewer would not (unless none were needed)
    if wards:
        assert Fraction(top + n, wards) >= target
        if n:
            assert Fraction(top + n - 1, wards) < target


def test_needed_worked_examples() -> None:
    assert needed(Fraction(3, 10), 10, 2) == 1
    assert needed(Fraction(3, 10), 10, 3) == 0
    assert needed(Fraction(3, 10), 11, 3) == 1  # 3.3 rounds up to 4
    assert needed(Fraction(1), 7, 7) == 0
    assert needed(Fraction(1), 7, 0) == 7
    assert needed(as_fraction(0.3), 10, 0) == 3  # the float 0.3 read as three tenths


areas = st.sampled_from(
    [
        (),
        (("city", "TP Thanh Hóa"),),
        (("city", "TP Sầm Sơn"),),
        (("city", "Đông Hà"), ("province", "Quảng Trị")),
    ]
)


@given(st.lists(st.tuples(areas, st.booleans()), max_size=60), targets)
def test_by_area_adds_up_to_the_whole(
    rows: list[tuple[tuple[tuple[str, str], ...], bool]], target: Fraction | None
) -> None:
    out = by_area(rows, "city", target)
    assert sum(a.wards for a in out) == len(rows)
    assert sum(a.top for a in out) == sum(t for _, t in rows)
    assert len({a.area for a in out}) == len(out)
    for a in out:
        assert a.wards > 0
        assert a.share == Fraction(a.top, a.wards)
        assert a.needed == needed(target, a.wards, a.top)
    # wards naming no city come last
    assert all(a.area for a in out[:-1])
    whole = total(out, target)
    assert (whole.wards, whole.top) == (len(rows), sum(t for _, t in rows))


def test_by_area_orders_names_as_people_read_them() -> None:
    rows = [
        ((("city", "Đông Hà"),), True),
        ((("city", "TP Thanh Hóa"),), False),
        ((), False),
        ((("city", "Cam Lộ"),), False),
        ((("city", "Đông Hà"),), False),
    ]
    out = by_area(rows, "city", Fraction(1, 2), fold)
    assert out == [
        AreaRow("Cam Lộ", 1, 0, 1),
        AreaRow("Đông Hà", 2, 1, 0),
        AreaRow("TP Thanh Hóa", 1, 0, 1),
        AreaRow("", 1, 0, 1),
    ]


@given(st.integers(1, 8).flatmap(lambda n: st.lists(st.text("mnau", min_size=n, max_size=n))))
def test_criterion_counts_add_up_to_the_wards(statuses: list[str]) -> None:
    width = len(statuses[0]) if statuses else 3
    ids = [f"C{i:02d}" for i in range(1, width + 1)]
    counts = criterion_counts(ids, statuses)
    assert [c.id for c in counts] == ids
    for i, c in enumerate(counts):
        assert c.met + c.not_met + c.not_applicable + c.unknown == len(statuses)
        assert c.not_met == sum(1 for s in statuses if s[i] == "n")
        assert c.missed == c.not_met + c.unknown
    ranked = most_missed(counts)
    assert all(c.missed for c in ranked)
    assert [c.missed for c in ranked] == sorted((c.missed for c in ranked), reverse=True)
    assert len(most_missed(counts, 2)) <= 2


def test_criterion_counts_worked_example() -> None:
    counts = criterion_counts(["C01", "C02", "C03"], ["mnu", "mna", "mmu"])
    assert [(c.met, c.not_met, c.not_applicable, c.unknown) for c in counts] == [
        (3, 0, 0, 0),
        (1, 2, 0, 0),
        (0, 0, 1, 2),
    ]
    assert [c.id for c in most_missed(counts)] == ["C02", "C03"]
