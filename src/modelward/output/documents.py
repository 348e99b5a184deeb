"""The stable JSON documents of FORMAT.md section 5, as plain dicts (no I/O)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from modelward import explain
from modelward.comparison import History, PeriodComparison, key_indicators
from modelward.i18n import Lang, rounded, text
from modelward.models import Catalogue, Decision, Indicator, Verdict, Ward
from modelward.rules import Value
from modelward.scoring import Assessment, Totals

if TYPE_CHECKING:  # a summary is made by the batch layer: one ward's page never imports it
    from modelward.baselines import Baseline
    from modelward.batch.ranking import Summary
    from modelward.crosswalk import Carried
    from modelward.periods import Period

ASSESSMENT_SCHEMA = "modelward.assessment/1"
COMPARISON_SCHEMA = "modelward.comparison/1"
HISTORY_SCHEMA = "modelward.history/1"


def fraction(value: Fraction | None, decimals: int = 4) -> float | None:
    """A share or change as JSON: a fraction rounded half away from zero, ``-0.5833``."""
    return None if value is None else float(rounded(value, decimals))


def figure(value: Value, indicator: Indicator) -> float | int | None:
    """A figure as JSON: counts as integers, shares as fractions, other numbers as they are."""
    if value.value is None:
        return None
    if indicator.kind == "count" and value.value.denominator == 1:
        return int(value.value)
    if indicator.kind == "percent":
        return fraction(value.value)
    return float(value.value)


def totals(t: Totals) -> dict[str, Any]:
    """Counts by status and the score out of 100."""
    return {
        "criteria": t.criteria,
        "applicable": t.applicable,
        "met": t.met,
        "not_met": t.not_met,
        "not_applicable": t.not_applicable,
        "unknown": t.unknown,
        "score": t.score,
    }


def verdict(v: Verdict, lang: Lang, provisional: bool | None = None) -> dict[str, Any]:
    """A verdict's id and title; ``provisional`` where an assessment's verdict is shown."""
    shown: dict[str, Any] = {"id": v.id, "title": text(v.title, lang)}
    if provisional is not None:
        shown["provisional"] = provisional
    return shown


def assessed_verdict(a: Assessment, lang: Lang) -> dict[str, Any]:
    """An assessment's verdict, and whether it is provisional (a criterion not yet assessed)."""
    return verdict(a.verdict, lang, a.provisional)


def decision(d: Decision | None) -> dict[str, Any] | None:
    """The decision on a period (FORMAT.md section 11), or None."""
    if d is None:
        return None
    return {"number": d.number, "on": d.on.isoformat(), "by": d.by, "recognised": d.recognised}


def differences(a: Assessment) -> dict[str, Any]:
    """Each criterion and figure an inspection found otherwise; empty lists without one."""
    d = a.differences
    if d is None:
        return {"criteria": [], "indicators": []}
    return {
        "criteria": [
            {"id": c.criterion.id, "self": c.own, "inspection": c.inspected} for c in d.criteria
        ],
        "indicators": [
            {
                "id": f.indicator.id,
                "self": figure(f.own, f.indicator),
                "inspection": figure(f.inspected, f.indicator),
            }
            for f in d.indicators
        ],
    }


def catalogue_ref(cat: Catalogue) -> dict[str, Any]:
    """Which catalogue a result is scored on, and its status (FORMAT.md section 6)."""
    return {"id": cat.id, "version": cat.version, "status": cat.status}


def published(value: Value, prefix: str = "") -> dict[str, Any]:
    """A figure's source, and its bound where it has one (FORMAT.md section 8)."""
    out: dict[str, Any] = {f"{prefix}source": value.source}
    if value.bound is not None:
        out[f"{prefix}bound"] = value.bound
    return out


def ward_ref(ward: Ward) -> dict[str, Any]:
    """Which ward a document speaks of."""
    return {"id": ward.id, "name": ward.name}


def baseline(b: Baseline | None, catalogue: Catalogue, lang: Lang) -> dict[str, Any]:
    """``"baseline"`` where the earlier figures are combined from merged wards, else nothing.

    ``combined_from`` is FORMAT.md's; ``period`` and ``undefined`` (each combined figure the
    merger leaves undefined, why, and the wards that lack it) are this tool's additions.
    """
    if b is None:
        return {}
    prev = str(b.period)
    return {
        "baseline": {
            "combined_from": list(b.combined_from),
            "period": prev,
            "undefined": _undefined(b.gaps(catalogue), catalogue, lang, prev, "wards"),
        }
    }


def carried(c: Carried | None, period: Period | None, catalogue: Catalogue, lang: Lang) -> Any:
    """Each figure of an older version that several old indicators could not be carried into:
    ``[{"id", "why", "from_ids", "reason"}]`` (this tool's addition)."""
    if c is None or period is None:
        return []
    return _undefined(c.gaps(catalogue), catalogue, lang, str(period), "from_ids")


def _undefined(
    gaps: list[tuple[Indicator, Value]], catalogue: Catalogue, lang: Lang, prev: str, named: str
) -> list[dict[str, Any]]:
    return [
        {
            "id": ind.id,
            "why": v.why,
            named: list(v.wards),
            "reason": explain.undefined(v, catalogue, lang, prev),
        }
        for ind, v in gaps
    ]


def assessment(a: Assessment, ward: Ward, lang: Lang) -> dict[str, Any]:
    """``modelward.assessment/1``: one period of one ward."""
    prev = str(a.compared_to) if a.compared_to is not None else str(a.period.year_before())
    return {
        "schema": ASSESSMENT_SCHEMA,
        "ward": ward_ref(ward),
        "catalogue": catalogue_ref(a.catalogue),
        "period": str(a.period),
        "compared_to": str(a.compared_to) if a.compared_to is not None else None,
        **baseline(a.baseline, a.catalogue, lang),
        **(
            {
                "not_compared": {
                    "period": str(a.not_compared.period),
                    "reason": "other_catalogue",
                    "catalogue": a.not_compared.catalogue,
                }
            }
            if a.not_compared is not None
            else {}
        ),
        **(
            {"carried": {"period": str(a.compared_to), "undefined": gaps}}
            if (gaps := carried(a.carried, a.compared_to, a.catalogue, lang))
            else {}
        ),
        "stage": a.stage,
        "totals": totals(a.totals),
        "verdict": assessed_verdict(a, lang),
        "decision": decision(a.decision),
        "differences": differences(a),
        "groups": [
            {
                "id": g.group.id,
                "title": text(g.group.title, lang),
                "met": g.totals.met,
                "applicable": g.totals.applicable,
                "criteria": [
                    {
                        "id": r.criterion.id,
                        "title": text(r.criterion.title, lang),
                        "status": r.status,
                        "source": r.source,
                        "reason": explain.reason(r, a.catalogue, lang, prev),
                        "overridden": r.overridden,
                        "evidence": list(r.evidence),
                    }
                    for r in g.criteria
                ],
            }
            for g in a.groups
        ],
        "indicators": [
            {
                "id": r.indicator.id,
                "value": figure(r.value, r.indicator),
                "previous": figure(r.previous, r.indicator),
                "change": fraction(r.change),
                "better": r.indicator.better,
                "improved": r.improved,
                **published(r.value),
                **(published(r.previous, "previous_") if r.previous.value is not None else {}),
            }
            for r in a.indicators
        ],
    }


def comparison(c: PeriodComparison, ward: Ward, lang: Lang) -> dict[str, Any]:
    """``modelward.comparison/1``: two periods of one ward."""
    a, b = c.before, c.after
    titles = {r.criterion.id: r.criterion.title for r in a.criteria}
    titles.update({r.criterion.id: r.criterion.title for r in b.criteria})
    doc: dict[str, Any] = {
        "schema": COMPARISON_SCHEMA,
        "ward": ward_ref(ward),
        "catalogue": catalogue_ref(b.catalogue),
        "from": str(a.period),
        "to": str(b.period),
        "spans_differ": c.spans_differ,
        **baseline(c.baseline, b.catalogue, lang),
        # Against a year combined from merged wards there are no criteria, so no totals.
        "totals": {
            "from": totals(a.totals) if c.baseline is None else None,
            "to": totals(b.totals),
        },
        "stage": {"from": a.stage if c.baseline is None else None, "to": b.stage},
        "verdict": {
            "from": assessed_verdict(a, lang) if c.baseline is None else None,
            "to": assessed_verdict(b, lang),
        },
        "criteria": [
            {
                "id": x.id,
                "title": text(titles[x.id], lang),
                "from": x.before,
                "to": x.after,
                "change": x.change,
                **({"from_ids": list(x.from_ids)} if x.from_ids is not None else {}),
            }
            for x in c.criteria
        ],
        "indicators": [
            {
                "id": i.indicator.id,
                "from": figure(i.before, i.indicator),
                "to": figure(i.after, i.indicator),
                "difference": _difference(i.delta, i.indicator),
                "change": fraction(i.change),
                "better": i.indicator.better,
                "improved": i.improved,
                **published(i.before, "from_"),
                **published(i.after, "to_"),
            }
            for i in c.indicators
        ],
    }
    if c.crosswalk is not None:
        doc["crosswalk"] = {"from": c.crosswalk.old.reference, "to": c.crosswalk.new.reference}
        gaps = carried(c.carried, a.period, b.catalogue, lang)
        if gaps:  # where several old indicators could not be carried into one
            doc["crosswalk"]["undefined"] = gaps
        doc["catalogue_from"] = catalogue_ref(a.catalogue)
    return doc


def _difference(delta: Fraction | None, indicator: Indicator) -> float | int | None:
    return figure(Value(delta), indicator) if delta is not None else None


def history_document(h: History, ward: Ward, lang: Lang) -> dict[str, Any]:
    """``modelward.history/1``: every period of a ward, and the key figures by period."""
    # Each period's key figures are those of its own catalogue, by indicator id: periods on
    # two versions (linked by ``replaces`` or not) each keep theirs, and one id is one line.
    key_ids: dict[int, set[str]] = {}
    for a in h.assessments:
        if id(a.catalogue) not in key_ids:
            key_ids[id(a.catalogue)] = {k.id for k in key_indicators(a.catalogue)}
    catalogue = h.assessments[0].catalogue if h.assessments else None
    keys = key_indicators(catalogue) if catalogue is not None else []  # the combined years'
    return {
        "schema": HISTORY_SCHEMA,
        "ward": ward_ref(ward),
        "periods": [
            {
                "period": str(a.period),
                "catalogue": catalogue_ref(a.catalogue),
                "compared_to": str(a.compared_to) if a.compared_to is not None else None,
                **baseline(a.baseline, a.catalogue, lang),
                "met": a.totals.met,
                "applicable": a.totals.applicable,
                "score": a.totals.score,
                "stage": a.stage,
                "verdict": assessed_verdict(a, lang),
                "recognised": a.decision.recognised if a.decision is not None else None,
                "indicators": {
                    r.indicator.id: {
                        "value": figure(r.value, r.indicator),
                        "change": fraction(r.change),
                        "improved": r.improved,
                        **published(r.value),
                    }
                    for r in a.indicators
                    if r.indicator.id in key_ids[id(a.catalogue)]
                },
            }
            for a in h.assessments
        ],
        # Only for a ward formed by merging others: its predecessors' periods, combined.
        **(
            {
                "combined": [
                    {
                        "period": str(b.period),
                        "combined_from": list(b.combined_from),
                        "indicators": {
                            ind.id: {"value": figure(b.value(ind, catalogue), ind)} for ind in keys
                        },
                    }
                    for b in h.combined
                ]
            }
            if h.combined and catalogue is not None
            else {}
        ),
    }


SUMMARY_SCHEMA = "modelward.summary/1"


def summary_document(s: Summary, lang: Lang, *, lazy: bool = False) -> dict[str, Any]:
    """``modelward.summary/1``: many wards, ranked by score, ties sharing a rank.

    ``lazy``: the wards as an iterator, made one at a time as they are written.
    """
    wards = (
        {
            "id": r.row.id,
            "name": r.row.name,
            "period": r.row.period,
            "met": r.row.met,
            "applicable": r.row.applicable,
            "score": r.row.score,
            "verdict": r.row.verdict,
            "rank": r.rank,
            "unknown": r.row.unknown,
            "overridden": r.row.overridden,
            "stage": r.row.stage,
            "recognised": r.row.recognised,
            "provisional": r.row.provisional,
            "province": r.row.area_field("province") or None,
            "city": r.row.area_field("city") or None,
            "unevidenced": r.row.unevidenced,
            "path": r.row.path,
            "area": dict(r.row.area),
            "groups": [
                {"id": g.id, "met": g.met, "applicable": g.applicable} for g in s.groups_of(r.row)
            ],
            **(
                {"baseline": {"combined_from": list(r.row.combined_from)}}
                if r.row.combined_from
                else {}
            ),
        }
        for r in s.ranked
    )
    doc: dict[str, Any] = {
        "schema": SUMMARY_SCHEMA,
        "period": s.period,
        "catalogue": catalogue_ref(s.catalogue),
        "wards": wards if lazy else list(wards),
        "totals": {
            "wards": len(s.ranked),
            "by_verdict": s.by_verdict,
            # --stage inspection: the wards ranked on their self-assessment (no inspection)
            **({"not_inspected": s.not_inspected} if s.not_inspected is not None else {}),
        },
        "missing": [{"id": m.id, "name": m.name, "path": m.path} for m in s.missing],
        "failed": [f.path for f in s.failed],
        "merged": [{"id": m.id, "into": m.into, "on": m.on} for m in s.merged],
        "area": s.area,
        "stage": s.stage,
        "title": _summary_title(s, lang),
        "criteria": [
            {
                "id": c.id,
                "met": c.met,
                "not_met": c.not_met,
                "not_applicable": c.not_applicable,
                "unknown": c.unknown,
            }
            for c in s.criterion_counts()
        ],
    }
    if s.by is not None:
        doc["by"] = s.by
        doc["by_area"] = [
            {
                "area": a.area,
                "wards": a.wards,
                "top": a.top,
                "share": fraction(a.share),
                "needed": a.needed,
            }
            for a in s.areas()
        ]
    if s.target is not None:
        doc["target"] = {
            "verdict": s.catalogue.verdicts[0].id,
            "share": s.target,
            "reached": fraction(s.top_share),
            "met": s.top_share >= Fraction(str(s.target)),
        }
    return doc


CATALOGUE_SCHEMA = "modelward.catalogue/1"


def catalogue_document(cat: Catalogue, lang: Lang) -> dict[str, Any]:
    """``modelward.catalogue/1``: the catalogue as data, each rule also in words."""
    return {
        "schema": CATALOGUE_SCHEMA,
        "id": cat.id,
        "version": cat.version,
        "title": text(cat.title, lang),
        "status": cat.status,
        "source": text(cat.source, lang) or None,
        "sources": [text(x, lang) for x in cat.sources],
        "replaces": cat.replaces.model_dump() if cat.replaces is not None else None,
        "groups": [
            {
                "id": g.id,
                "title": text(g.title, lang),
                "criteria": [
                    {
                        "id": c.id,
                        "title": text(c.title, lang),
                        "source": "computed" if c.computed else "judged",
                        "rule": c.rule.model_dump(exclude_none=True)
                        if c.rule is not None
                        else None,
                        "rule_text": explain.rule_words(c.rule, cat, lang)
                        if c.rule is not None
                        else None,
                        "weight": c.weight,
                        "guidance": text(c.guidance, lang) or None,
                    }
                    for c in g.criteria
                ],
            }
            for g in cat.groups
        ],
        "indicators": [
            {
                "id": i.id,
                "title": text(i.title, lang),
                "unit": text(i.unit, lang) or None,
                "better": i.better,
                "format": i.kind,
                "ratio": list(i.ratio) if i.ratio is not None else None,
            }
            for i in cat.indicators
        ],
        "verdicts": [
            {
                "id": v.id,
                "title": text(v.title, lang),
                "min_share": v.min_share,
                "requires": v.requires,
            }
            for v in cat.verdicts
        ],
    }


def _summary_title(s: Summary, lang: Lang) -> str:
    from modelward.output.layouts.summary import summary_title

    return summary_title(s, lang)
