"""Checks that need more than one key: ids, references, cycles, and a ward against its catalogue.

Each check returns Issues at data paths; the loader turns them into ``PATH:LINE:COL``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import get_close_matches

from modelward.errors import Issue, Loc
from modelward.models import AllOf, AnyOf, Catalogue, Comparison, Indicator, Rule
from modelward.periods import Period, PeriodError, parse_period

# ---------------------------------------------------------------------------- catalogue


def _did_you_mean(name: str, known: list[str]) -> str:
    close = get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _duplicates(items: list[tuple[Loc, str]], what: str) -> Iterator[Issue]:
    first: dict[str, Loc] = {}
    for loc, ident in items:
        if ident in first:
            where = ".".join(str(s) for s in first[ident])
            yield Issue(loc, f"{what} id {ident!r} is already used at {where}")
        else:
            first[ident] = loc


def comparisons(rule: Rule, loc: Loc) -> Iterator[tuple[Comparison, Loc]]:
    """Every comparison inside a rule, with its data path."""
    if isinstance(rule, AllOf):
        for i, part in enumerate(rule.all):
            yield from comparisons(part, (*loc, "all", i))
    elif isinstance(rule, AnyOf):
        for i, part in enumerate(rule.any):
            yield from comparisons(part, (*loc, "any", i))
    else:
        yield rule, loc


def _ratio_cycles(indicators: list[Indicator]) -> Iterator[Issue]:
    ratios = {ind.id: ind.ratio for ind in indicators if ind.ratio is not None}
    index = {ind.id: i for i, ind in enumerate(indicators)}
    reported: set[str] = set()
    for start in ratios:
        path = [start]
        stack = [(start, iter(ratios[start]))]
        on_path = {start}
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(node)
                path.pop()
                continue
            if child == node:
                continue  # a ratio of itself: reported on its own as "cannot use itself"
            if child in on_path:
                cycle = [*path[path.index(child) :], child]
                if not reported & set(cycle):
                    reported.update(cycle)
                    yield Issue(
                        ("indicators", index[start], "ratio"),
                        "ratio indicators refer to each other in a cycle: " + " -> ".join(cycle),
                    )
                continue
            if child in ratios:
                on_path.add(child)
                path.append(child)
                stack.append((child, iter(ratios[child])))


def catalogue_issues(cat: Catalogue) -> list[Issue]:
    """Everything wrong with a catalogue that its shape alone does not show."""
    issues: list[Issue] = []
    criteria_locs: list[tuple[Loc, str]] = [
        (("groups", g, "criteria", c, "id"), crit.id)
        for g, group in enumerate(cat.groups)
        for c, crit in enumerate(group.criteria)
    ]
    issues += _duplicates(
        [(("groups", g, "id"), grp.id) for g, grp in enumerate(cat.groups)], "group"
    )
    issues += _duplicates(criteria_locs, "criterion")
    issues += _duplicates(
        [(("indicators", i, "id"), ind.id) for i, ind in enumerate(cat.indicators)], "indicator"
    )
    issues += _duplicates(
        [(("verdicts", v, "id"), ver.id) for v, ver in enumerate(cat.verdicts)], "verdict"
    )

    indicator_ids = [ind.id for ind in cat.indicators]
    known = set(indicator_ids)
    for i, ind in enumerate(cat.indicators):
        if ind.ratio is None:
            continue
        for j, part in enumerate(ind.ratio):
            if part not in known:
                issues.append(
                    Issue(
                        ("indicators", i, "ratio", j),
                        f"no indicator {part!r} in this catalogue{_did_you_mean(part, indicator_ids)}",
                    )
                )
            elif part == ind.id:
                issues.append(Issue(("indicators", i, "ratio", j), "a ratio cannot use itself"))
    issues += _ratio_cycles(cat.indicators)

    for g, group in enumerate(cat.groups):
        for c, crit in enumerate(group.criteria):
            if crit.rule is None:
                continue
            for comp, loc in comparisons(crit.rule, ("groups", g, "criteria", c, "rule")):
                operand, name = comp.operand
                if name not in known:
                    issues.append(
                        Issue(
                            (*loc, operand),
                            f"no indicator {name!r} in this catalogue{_did_you_mean(name, indicator_ids)}",
                        )
                    )

    criterion_ids = [cid for _, cid in criteria_locs]
    for v, verdict in enumerate(cat.verdicts):
        for r, req in enumerate(verdict.requires):
            if req not in criterion_ids:
                issues.append(
                    Issue(
                        ("verdicts", v, "requires", r),
                        f"no criterion {req!r} in this catalogue{_did_you_mean(req, criterion_ids)}",
                    )
                )
        last = v == len(cat.verdicts) - 1
        if last and verdict.conditional:
            issues.append(
                Issue(
                    ("verdicts", v),
                    f"the last verdict ({verdict.id}) is the one left when no other holds: "
                    "it takes no min_share and no requires",
                )
            )
        if not last and not verdict.conditional:
            issues.append(
                Issue(
                    ("verdicts", v),
                    f"verdict {verdict.id!r} has no condition, so the verdicts after it can "
                    "never be reached: give it min_share or requires, or make it the last",
                )
            )
    return issues


# ---------------------------------------------------------------------------- ward

_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


@dataclass(slots=True)
class Checked:
    """A ward checked against its catalogue: the problems, its period keys and numeric figures."""

    issues: list[Issue] = field(default_factory=list)
    keys: dict[Period, str] = field(default_factory=dict)
    figures: dict[Period, dict[str, float]] = field(default_factory=dict)


def figure(raw: float | str, ind: Indicator, loc: Loc) -> float | Issue:
    """A figure as written, checked against its indicator's format; a number or an Issue."""
    kind = ind.kind
    if isinstance(raw, str):
        m = _PERCENT.match(raw)
        if m is None:
            return Issue(loc, f"expected a number, got {raw!r}{_number_hint(raw)}")
        if kind != "percent":
            return Issue(
                loc,
                f"{ind.id} is a {kind}, not a percent: write the number without '%'",
            )
        # Decimal, so that "97.96%" is the number a reader means, 0.9796, not 0.97959999...
        value = float(Decimal(m.group(1).replace(",", ".")) / 100)
        if value > 1:
            return Issue(loc, f"a share cannot be over 100%, got {raw!r}")
        return value
    try:
        value = float(raw)
    except OverflowError:  # a whole number beyond any float: a slip of the keyboard
        return Issue(loc, f"expected a number a ward can report, got one of {len(str(raw))} digits")
    if not math.isfinite(value):
        written = ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
        return Issue(loc, f"expected a finite number, got {written}")
    if value < 0:
        return Issue(loc, f"figures are never negative, got {raw:g}")
    if kind == "count" and not value.is_integer():
        return Issue(loc, f"{ind.id} is a count: expected a whole number, got {raw:g}")
    if kind == "percent" and value > 1:
        return Issue(
            loc,
            f"{ind.id} is a percent: write the share as a fraction ({value / 100:g}) "
            f"or with a percent sign ('{raw:g}%'), not a bare {raw:g}",
        )
    return value


def _number_hint(raw: str) -> str:
    """What the writer of a number in quotes or words most likely meant."""
    text = raw.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return f" (a number in quotes is text: write {text} without quotes)"
    if re.fullmatch(r"\d+,\d+", text):
        return f" (use a decimal point: {text.replace(',', '.')})"
    if re.fullmatch(r"\d+(\.\d+)?[eE][+-]?\d+", text):
        return f" (write the number out: {float(text):g})" if float(text) < 1e15 else ""
    return ""


def _mapping(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def ward_issues(periods: object, cat: Catalogue) -> Checked:
    """Everything wrong with a ward's periods against its catalogue, and its figures as numbers.

    Works on the raw data, so that a period whose shape is wrong in one place is still
    checked everywhere else; shape problems themselves are pydantic's to report.
    """
    out = Checked()
    indicators = {ind.id: ind for ind in cat.indicators}
    criteria = {crit.id: crit for crit in cat.criteria()}
    raw_ids = [i for i, ind in indicators.items() if ind.ratio is None]
    criterion_ids = list(criteria)
    for key, period in _mapping(periods).items():
        ploc: Loc = ("periods", key)
        try:
            parsed = parse_period(key)
        except PeriodError as exc:
            out.issues.append(Issue(ploc, str(exc), at_key=True))
            continue
        if parsed in out.keys:
            out.issues.append(
                Issue(ploc, f"period {key!r} is the same span as {out.keys[parsed]!r}", at_key=True)
            )
            continue
        out.keys[parsed] = key
        figures: dict[str, float] = {}
        for ind_id, raw in _mapping(_mapping(period).get("indicators")).items():
            iloc: Loc = (*ploc, "indicators", ind_id)
            ind = indicators.get(ind_id)
            if ind is None:
                out.issues.append(
                    Issue(
                        iloc,
                        f"no indicator {ind_id!r} in catalogue {cat.id}{_did_you_mean(ind_id, raw_ids)}",
                        at_key=True,
                    )
                )
            elif ind.ratio is not None:
                out.issues.append(
                    Issue(
                        iloc,
                        f"{ind_id} is derived ({ind.ratio[0]} / {ind.ratio[1]}): "
                        f"give {ind.ratio[0]} and {ind.ratio[1]} instead",
                        at_key=True,
                    )
                )
            elif isinstance(raw, int | float | str) and not isinstance(raw, bool):
                result = figure(raw, ind, iloc)
                if isinstance(result, Issue):
                    out.issues.append(result)
                else:
                    figures[ind_id] = result
        out.figures[parsed] = figures
        for crit_id, entry in _mapping(_mapping(period).get("criteria")).items():
            cloc: Loc = (*ploc, "criteria", crit_id)
            crit = criteria.get(crit_id)
            fields = _mapping(entry)
            if crit is None:
                out.issues.append(
                    Issue(
                        cloc,
                        f"no criterion {crit_id!r} in catalogue {cat.id}"
                        f"{_did_you_mean(crit_id, criterion_ids)}",
                        at_key=True,
                    )
                )
            elif crit.computed and (isinstance(entry, str) or "status" in fields):
                status = entry if isinstance(entry, str) else fields["status"]
                out.issues.append(
                    Issue(
                        cloc if isinstance(entry, str) else (*cloc, "status"),
                        f"{crit_id} is computed from its rule: to decide it by hand, write "
                        f'override: {{status: {status}, reason: "..."}}',
                    )
                )
            elif not crit.computed and "override" in fields:
                out.issues.append(
                    Issue(
                        (*cloc, "override"),
                        f"{crit_id} is judged, not computed: give its status, not an override",
                        at_key=True,
                    )
                )
    return out
