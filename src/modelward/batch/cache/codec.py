"""A row as the cache keeps it (JSON-ready data) and back; a stored value of another shape raises."""

from __future__ import annotations

from fractions import Fraction
from sys import intern
from typing import Any

from modelward.batch.rows import CODE_STATUSES, Formed, Missing, Row, catalogue_key, shared_area


def _formed(data: dict[str, Any]) -> Formed | None:
    if "formed" not in data:
        return None
    on, predecessors = data["formed"]
    return Formed(str(on), tuple(str(p) for p in predecessors))


def encode(outcome: Row | Missing) -> dict[str, Any]:
    merger: dict[str, Any] = (
        {"formed": [outcome.formed.on, list(outcome.formed.predecessors)]}
        if outcome.formed is not None
        else {}
    )
    if isinstance(outcome, Missing):
        return {
            "missing": True,
            "id": outcome.id,
            "name": outcome.name,
            "period": outcome.period,
            **merger,
        }
    if outcome.combined_from:
        merger["combined_from"] = list(outcome.combined_from)
    return {
        **merger,
        "id": outcome.id,
        "name": outcome.name,
        "area": [list(a) for a in outcome.area],
        "period": outcome.period,
        "met": outcome.met,
        "applicable": outcome.applicable,
        "share": [outcome.share.numerator, outcome.share.denominator],
        "score": outcome.score,
        "verdict": outcome.verdict,
        "verdict_index": outcome.verdict_index,
        "statuses": outcome.statuses,
        "catalogue": list(outcome.catalogue),
        **({"overrides": outcome.overrides} if outcome.overrides else {}),
        "stage": outcome.stage,
        "recognised": outcome.recognised,
        "unevidenced": outcome.unevidenced,
    }


def decode(data: dict[str, Any], path: str, sha256: str, catalogue_file: str) -> Row | Missing:
    if data.get("missing"):
        return Missing(
            path,
            sha256,
            str(data["id"]),
            str(data["name"]),
            str(data["period"]),
            catalogue_file,
            _formed(data),
        )
    num, den = data["share"]
    cat_id, cat_version = data["catalogue"]
    catalogue_file = intern(catalogue_file)
    return Row(
        path=path,
        sha256=sha256,
        id=str(data["id"]),
        name=str(data["name"]),
        area=shared_area(tuple((intern(str(k)), intern(str(v))) for k, v in data["area"])),
        period=intern(str(data["period"])),
        met=int(data["met"]),
        applicable=int(data["applicable"]),
        share=Fraction(int(num), int(den)),
        score=float(data["score"]),
        verdict=str(data["verdict"]),
        verdict_index=int(data["verdict_index"]),
        statuses=intern(_statuses(data["statuses"])),
        catalogue=catalogue_key(str(cat_id), str(cat_version)),
        catalogue_file=catalogue_file,
        formed=_formed(data),
        combined_from=tuple(str(w) for w in data.get("combined_from", ())),
        overrides=_overrides(data.get("overrides", "")),
        stage=intern(str(data.get("stage", "self"))),
        recognised=_recognised(data.get("recognised")),
        unevidenced=int(data.get("unevidenced", 0)),
    )


def _recognised(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"not a decision: {value!r}")


def _statuses(value: object) -> str:
    if isinstance(value, str) and all(c in CODE_STATUSES for c in value):
        return value
    raise ValueError(f"not statuses: {value!r}")


def _overrides(value: object) -> str:
    if isinstance(value, str) and set(value) <= {"o", "."}:
        return intern(value) if value else ""
    raise ValueError(f"not override marks: {value!r}")
