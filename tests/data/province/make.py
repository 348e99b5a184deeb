"""Writes the wards of two cities used by the province tests (run once; the YAML is committed).

Every figure and status is illustrative: made to give each verdict, an unknown, an override,
an inspection and a decision across two cities of one province.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = ["C01", "C02", "C03", "C04", "C06", "C07", "C08", "C09", "C10", "C16", "C18", "C20"]
FIGURES = {
    "incidents": (24, 10),
    "crimes_social_evils": (12, 3),
    "serious_crimes": (0, 0),
    "drug_hotspots": (0, 0),
    "tips_received": (12, 9),
    "tips_handled": (12, 9),
    "cases": (7, 2),
    "cases_cleared": (6, 2),
    "traffic_accidents": (5, 3),
    "fires": (1, 0),
    "admin_procedures": (1600, 1850),
    "admin_procedures_online": (1050, 1720),
    "resident_satisfaction": (0.91, 0.95),
    "residential_areas": (10, 10),
    "residential_areas_safe": (8, 10),
    "reception_room_area": (30, 30),
}
# id, name, city, what differs in 2024
WARDS = [
    ("ba-dinh", "Phường Ba Đình", "TP Thanh Hóa", {}),
    ("dong-ve", "Phường Đông Vệ", "TP Thanh Hóa", {"not_met": ["C09", "C20"]}),
    ("quang-hung", "Phường Quảng Hưng", "TP Thanh Hóa", {"unknown": ["C16"]}),
    (
        "an-hoach",
        "Phường An Hoạch",
        "TP Thanh Hóa",
        {"figures": {"serious_crimes": 1}, "override": "C12", "inspection": True, "decision": True},
    ),
    ("truong-son", "Phường Trường Sơn", "TP Sầm Sơn", {"not_met": ["C20"]}),
    (
        "bac-son",
        "Phường Bắc Sơn",
        "TP Sầm Sơn",
        {"not_met": ["C09", "C10", "C18", "C20"], "figures": {"tips_handled": 7}},
    ),
    ("quang-tien", "Phường Quảng Tiến", "TP Sầm Sơn", {"not_met": ["C20", "C09"]}),
]


def ward(ident: str, name: str, city: str, diff: dict[str, object]) -> str:
    lines = [
        "# Illustrative ward for the province tests (written by make.py).",
        f"id: {ident}",
        f'name: "{name}"',
        f'unit: "Công an {name[0].lower()}{name[1:]}"',
        f'area: {{city: "{city}", province: "Thanh Hóa"}}',
        "catalogue: ../../../criteria.yaml",
        "periods:",
    ]
    figures = dict(diff.get("figures", {}))  # type: ignore[call-overload]
    for year, at in (("2023", 0), ("2024", 1)):
        lines.append(f"  {year}:")
        lines.append("    indicators:")
        for key, pair in FIGURES.items():
            value = figures.get(key, pair[at]) if at else pair[at]
            lines.append(f"      {key}: {value}")
        lines.append("    criteria:")
        not_met = diff.get("not_met", []) if at else ["C09"]
        unknown = diff.get("unknown", []) if at else []
        for c in JUDGED:
            if c in unknown:  # type: ignore[operator]
                continue
            if c in not_met:  # type: ignore[operator]
                lines.append(f'      {c}: {{status: not_met, note: "Chưa đạt ({name}, minh họa)"}}')
            else:
                lines.append(
                    f'      {c}: {{status: met, evidence: ["Biên bản kiểm tra {c} năm {year} (minh họa)"]}}'
                )
        if at and diff.get("override"):
            lines.append(
                f'      {diff["override"]}: {{override: {{status: met, reason: "Vụ việc do lực lượng '
                f'khác phát hiện, phường đã phối hợp xử lý (minh họa)"}}}}'
            )
    if diff.get("inspection"):
        lines += [
            "    inspection:",
            '      by: "Công an tỉnh Thanh Hóa"',
            "      on: 2025-03-10",
            "      indicators: {incidents: 11}",
            '      criteria: {C20: {status: met, note: "Kiểm tra thực tế đạt (minh họa)"}}',
        ]
    if diff.get("decision"):
        lines += [
            "    decision:",
            '      number: "123/QĐ-CAT"',
            "      on: 2025-04-22",
            '      by: "Giám đốc Công an tỉnh Thanh Hóa"',
            "      recognised: true",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    for ident, name, city, diff in WARDS:
        (HERE / f"{ident}.yaml").write_text(ward(ident, name, city, diff), encoding="utf-8")
