"""Synthetic ward files, valid against a catalogue, deterministic: for benchmarks and tests.

    python benchmarks/make_wards.py --wards 3321 --periods 5 --out /tmp/wards

writes OUT/criteria.yaml (a copy of the catalogue) and OUT/wards/ward-00001.yaml … with
varied statuses, evidence strings and figures. The same arguments give the same bytes.

    python benchmarks/make_wards.py --wards 3321 --periods 5 --merged-from 3 --out /tmp/merged

also writes, beside them, one ward formed on 1 July 2025 from every 3 wards in turn
(OUT/wards/merged-00001.yaml … with ``formed: {on: 2025-07-01, from: [...]}`` and a 2025 of
its own), as after the 2025 reorganisation (FORMAT.md section 10): a summary of the folder
ranks the successors and lists the 3,321 wards as merged into them.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

PROVINCES = [
    ("Thanh Hóa", ["TP Thanh Hóa", "TP Sầm Sơn", "TX Bỉm Sơn"]),
    ("Hải Phòng", ["Quận Hồng Bàng", "Quận Lê Chân", "Quận Ngô Quyền"]),
    ("Hưng Yên", ["TP Hưng Yên", "TX Mỹ Hào"]),
    ("Phú Yên", ["TP Tuy Hòa", "TX Sông Cầu"]),
    ("TP Hồ Chí Minh", ["Quận 1", "Quận 3", "TP Thủ Đức"]),
    ("Đà Nẵng", ["Quận Hải Châu", "Quận Thanh Khê"]),
]
NAMES = [
    "Tào Xuyên",
    "Đông Thọ",
    "Phú Sơn",
    "Lam Sơn",
    "Ba Đình",
    "Ngọc Trạo",
    "Điện Biên",
    "Hàm Rồng",
    "Nam Ngạn",
    "Trường Thi",
    "Quảng Hưng",
    "An Hưng",
    "Đông Hải",
    "Tân Sơn",
]
EVIDENCE = [
    "Nghị quyết số {n}-NQ/ĐU ngày {d}/01/{y}",
    "Kế hoạch số {n}/KH-UBND ngày {d}/02/{y}",
    "Quyết định số {n}/QĐ-CAP ngày {d}/03/{y}",
    "Báo cáo sơ kết số {n}/BC-CAP ngày {d}/06/{y}",
    "Biên bản kiểm tra số {n}/BB-CAT ngày {d}/11/{y}",
]


def _figures(
    rng: random.Random, raw: list[dict[str, object]], good: bool, age: int
) -> dict[str, object]:
    """A period's figures; parts never exceed their wholes, percents are shares.

    A good ward's figures meet the sample catalogue's thresholds and its incidents fall
    year by year (``age`` is how many years before the last one this period is).
    """
    out: dict[str, object] = {}
    for ind in raw:
        ident = str(ind["id"])
        kind = ind.get("format") or "count"
        if kind == "percent":
            value = rng.randint(90 if good else 80, 100)
            out[ident] = f"{value}%" if rng.random() < 0.5 else round(value / 100, 2)
        elif kind == "number":
            out[ident] = round(rng.uniform(24 if good else 15, 40), 1)
        elif good and ident in ("incidents", "crimes_social_evils"):
            out[ident] = 5 + 3 * age + rng.randint(0, 2)
        else:
            out[ident] = rng.randint(0, 40)
    pairs = [
        ("tips_handled", "tips_received"),
        ("cases_cleared", "cases"),
        ("residential_areas_safe", "residential_areas"),
        ("admin_procedures_online", "admin_procedures"),
    ]
    for part, whole in pairs:
        if part in out and whole in out:
            whole_value = int(out[whole]) or 1  # type: ignore[call-overload]
            out[whole] = whole_value
            share = 1.0 if good else rng.choice([1.0, 1.0, 0.9, 0.8, 0.7, 0.6])
            out[part] = int(whole_value * share)
    if "serious_crimes" in out:
        out["serious_crimes"] = 0 if good else rng.choice([0, 0, 0, 1])
    if "drug_hotspots" in out:
        out["drug_hotspots"] = 0 if good else rng.choice([0, 0, 1])
    return out


def make_ward(index: int, periods: int, judged: list[str], raw: list[dict[str, object]]) -> str:
    """One ward file's text."""
    return _dump(ward_doc(index, periods, judged, raw))


def _dump(doc: dict[str, object]) -> str:
    return yaml.dump(doc, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120)


def make_successor(
    number: int, predecessors: list[str], judged: list[str], raw: list[dict[str, object]]
) -> str:
    """A ward formed on 1 July 2025 from ``predecessors``, with a 2025 of its own."""
    doc = ward_doc(100_000 + number, 1, judged, raw, last=2025, name=f"Phường Hợp Nhất {number}")
    doc["id"] = f"merged-{number:05d}"
    periods = doc.pop("periods")
    doc["formed"] = {"on": "2025-07-01", "from": predecessors}
    doc["periods"] = periods
    return _dump(doc)


def ward_doc(
    index: int,
    periods: int,
    judged: list[str],
    raw: list[dict[str, object]],
    last: int = 2024,
    name: str | None = None,
) -> dict[str, object]:
    """One ward file's content: ``periods`` whole years up to ``last``."""
    rng = random.Random(index)
    province, cities = PROVINCES[index % len(PROVINCES)]
    city = cities[(index // len(PROVINCES)) % len(cities)]
    name = name or f"Phường {NAMES[index % len(NAMES)]} {index}"
    quality = rng.random()  # a ward's overall standing: some are model wards, some far off
    good = quality > 0.7
    doc: dict[str, object] = {
        "id": f"ward-{index:05d}",
        "name": name,
        "unit": f"Công an {name.replace('Phường', 'phường', 1)}",
        "area": {"city": city, "province": province},
        "profile": {
            "population": rng.randint(5_000, 60_000),
            "area_km2": round(rng.uniform(0.5, 20), 1),
        },
    }
    by_period: dict[str, object] = {}
    for year in range(last - periods + 1, last + 1):
        criteria: dict[str, object] = {}
        for cid in judged:
            roll = rng.random()
            if good or roll < quality * 0.9 + 0.1:
                n = rng.randint(1, 3)
                criteria[cid] = {
                    "status": "met",
                    "evidence": [
                        rng.choice(EVIDENCE).format(
                            n=rng.randint(1, 99), d=rng.randint(10, 28), y=year
                        )
                        for _ in range(n)
                    ],
                }
            elif roll < 0.97:
                criteria[cid] = {"status": "not_met", "note": "Chưa hoàn thành theo kế hoạch"}
            elif roll < 0.99:
                criteria[cid] = "not_applicable"
            # else: not yet assessed, left out
        by_period[str(year)] = {
            "assessed_on": f"{year + 1}-01-{rng.randint(10, 28)}",
            "assessed_by": f"Công an {name.replace('Phường', 'phường', 1)} (tự đánh giá)",
            "indicators": _figures(rng, raw, good, last - year),
            "criteria": criteria,
        }
    doc["periods"] = by_period
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=100)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--criteria", type=Path, default=ROOT / "criteria.yaml")
    parser.add_argument(
        "--merged-from",
        type=int,
        default=0,
        metavar="K",
        help="also write one ward formed on 2025-07-01 from every K wards in turn",
    )
    args = parser.parse_args()
    catalogue = yaml.load(args.criteria.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    judged = [c["id"] for g in catalogue["groups"] for c in g["criteria"] if "rule" not in c]
    raw = [i for i in catalogue.get("indicators", []) if "ratio" not in i]
    out: Path = args.out
    (out / "wards").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.criteria, out / "criteria.yaml")
    for index in range(1, args.wards + 1):
        text = make_ward(index, args.periods, judged, raw)
        (out / "wards" / f"ward-{index:05d}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {args.wards} wards × {args.periods} periods to {out}")
    if args.merged_from > 0:
        ids = [f"ward-{index:05d}" for index in range(1, args.wards + 1)]
        groups = [ids[i : i + args.merged_from] for i in range(0, len(ids), args.merged_from)]
        for number, group in enumerate(groups, 1):
            text = make_successor(number, group, judged, raw)
            (out / "wards" / f"merged-{number:05d}.yaml").write_text(text, encoding="utf-8")
        print(f"wrote {len(groups)} wards formed on 2025-07-01, each from {args.merged_from}")


if __name__ == "__main__":
    main()
