"""Checks that need more than one key: ids, references, cycles, and a ward against its catalogue.

Each check returns Issues at data paths; the loader turns them into ``PATH:LINE:COL``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from modelward.errors import Issue, Loc
from modelward.limits import MAX_FIGURE, MIN_FIGURE
from modelward.messages import Message, did_you_mean, shown, status_meant
from modelward.models import (
    BOUNDS,
    SOURCES,
    AllOf,
    AnyOf,
    Catalogue,
    CommaSplit,
    Comparison,
    Criterion,
    Indicator,
    Published,
    Replaces,
    Rule,
    Verdict,
    Written,
)
from modelward.periods import Period, PeriodError, parse_period

# ---------------------------------------------------------------------------- catalogue


def _no_such(what: str, ident: str, known: list[str], catalogue: str | None = None) -> Message:
    """``no criterion 'C99' in this catalogue`` (or in catalogue ID), with a close id."""
    if catalogue is None:
        message = Message(f"no_{what}_here", id=ident)
    else:
        message = Message(f"no_{what}_in", id=ident, catalogue=catalogue)
    return message.add(did_you_mean(ident, known))


def _duplicates(items: list[tuple[Loc, str]], what: str) -> Iterator[Issue]:
    first: dict[str, Loc] = {}
    for loc, ident in items:
        if ident in first:
            where = ".".join(str(s) for s in first[ident])
            yield Issue(loc, Message("id_used", kind=Message(f"kind_{what}"), id=ident, at=where))
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


def _ratio_cycles(indicators: list[tuple[int, Indicator]]) -> Iterator[Issue]:
    ratios = {ind.id: ind.ratio for _, ind in indicators if ind.ratio is not None}
    index = {ind.id: i for i, ind in indicators}
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
                        Message("ratio_cycle", cycle=" -> ".join(cycle)),
                    )
                continue
            if child in ratios:
                on_path.add(child)
                path.append(child)
                stack.append((child, iter(ratios[child])))


_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(slots=True)
class Parts:
    """A catalogue's parts that passed their shape, each at its place in the file.

    Made from a valid catalogue (``of``), or salvaged from one that failed its shape
    (``salvaged``), so that every problem of the file is reported in one round. Where a part
    failed, the ``whole`` flags say which checks cannot run: an id list with a hole in it
    cannot tell that a name is unknown, and verdicts with one unreadable cannot be ordered.
    """

    reference: str | None
    """``ID@VERSION``; None where the id or version failed."""
    indicators: list[tuple[int, Indicator]] = field(default_factory=list)
    indicator_ids: list[tuple[Loc, str]] = field(default_factory=list)
    """Every readable indicator id, those of indicators that failed included."""
    indicators_whole: bool = True
    group_ids: list[tuple[Loc, str]] = field(default_factory=list)
    criteria: list[tuple[Loc, Criterion]] = field(default_factory=list)
    criterion_ids: list[tuple[Loc, str]] = field(default_factory=list)
    criteria_whole: bool = True
    verdicts: list[tuple[int, Verdict]] = field(default_factory=list)
    verdicts_whole: bool = True
    replaces: Replaces | None = None
    ratios: list[tuple[int, str | None, list[tuple[int, str]]]] = field(default_factory=list)
    """Every indicator's ``ratio`` whose names can be read, that indicator failed its shape
    or not: its index, its id (None where unreadable) and each readable name by position."""
    rules: list[tuple[Loc, Rule]] = field(default_factory=list)
    """Every criterion's rule that passed its shape, the criterion failed its own or not."""

    @classmethod
    def of(cls, cat: Catalogue) -> Parts:
        """Every part of a catalogue that is valid as a whole."""
        criteria: list[tuple[Loc, Criterion]] = [
            (("groups", g, "criteria", c), crit)
            for g, group in enumerate(cat.groups)
            for c, crit in enumerate(group.criteria)
        ]
        return cls(
            cat.reference,
            list(enumerate(cat.indicators)),
            [(("indicators", i, "id"), ind.id) for i, ind in enumerate(cat.indicators)],
            True,
            [(("groups", g, "id"), grp.id) for g, grp in enumerate(cat.groups)],
            criteria,
            [((*loc, "id"), crit.id) for loc, crit in criteria],
            True,
            list(enumerate(cat.verdicts)),
            True,
            cat.replaces,
            [
                (i, ind.id, list(enumerate(ind.ratio)))
                for i, ind in enumerate(cat.indicators)
                if ind.ratio is not None
            ],
            [(loc, crit.rule) for loc, crit in criteria if crit.rule is not None],
        )

    @classmethod
    def salvaged(cls, data: Mapping[str, object]) -> Parts:
        """The parts of a catalogue that failed its shape which are valid on their own."""
        ident, version = data.get("id"), data.get("version")
        readable = (
            isinstance(ident, str)
            and _SLUG.match(ident) is not None
            and isinstance(version, str | int)
            and not isinstance(version, bool)
        )
        parts = cls(f"{ident}@{version}" if readable else None)
        indicators = data.get("indicators", [])
        parts.indicators_whole = _salvage(
            indicators, ("indicators",), Indicator, parts.indicators, parts.indicator_ids
        )
        for i, item in enumerate(indicators if isinstance(indicators, list) else []):
            ratio = item.get("ratio") if isinstance(item, dict) else None
            if isinstance(ratio, list):  # read even where the indicator failed its shape
                ident = item.get("id")
                names = [
                    (j, n) for j, n in enumerate(ratio) if isinstance(n, str) and _IDENT.match(n)
                ]
                parts.ratios.append((i, ident if isinstance(ident, str) else None, names))
        groups = data.get("groups")
        parts.criteria_whole = isinstance(groups, list)
        for g, group in enumerate(groups if isinstance(groups, list) else []):
            if not _readable_id(group, ("groups", g), parts.group_ids):
                parts.criteria_whole = False  # a group that is no mapping may hide criteria
                continue
            assert isinstance(group, dict)
            found: list[tuple[int, Criterion]] = []
            ids: list[tuple[Loc, str]] = []
            whole = _salvage(
                group.get("criteria"), ("groups", g, "criteria"), Criterion, found, ids
            )
            parts.criteria_whole &= whole
            parts.criteria += [(("groups", g, "criteria", c), crit) for c, crit in found]
            parts.criterion_ids += ids
            parts.rules += _rules(group.get("criteria"), ("groups", g, "criteria"), found)
        verdicts = data.get("verdicts")
        found_verdicts: list[tuple[int, Verdict]] = []
        parts.verdicts_whole = _salvage(verdicts, ("verdicts",), Verdict, found_verdicts, [])
        parts.verdicts = found_verdicts
        parts.verdicts_whole &= isinstance(verdicts, list) and len(found_verdicts) == len(verdicts)
        try:
            replaces = data.get("replaces")
            parts.replaces = None if replaces is None else Replaces.model_validate(replaces)
        except ValidationError:
            parts.replaces = None  # its own problems are reported; what it maps is not checked
        return parts


@functools.cache
def _rule_shape() -> TypeAdapter[Rule]:
    """A rule's shape on its own (built once, only where a criterion failed its shape)."""
    return TypeAdapter(Rule)


def _rules(items: object, loc: Loc, found: list[tuple[int, Criterion]]) -> list[tuple[Loc, Rule]]:
    """Each criterion's rule that passes its shape, in criteria order: those of the criteria
    that passed, and the rule of a criterion that failed for another reason (its title, an
    unknown key) read on its own, so that the names in it are checked in the same round."""
    if not isinstance(items, list):
        return []
    valid = dict(found)
    out: list[tuple[Loc, Rule]] = []
    for c, item in enumerate(items):
        if c in valid:
            rule = valid[c].rule
        elif isinstance(item, dict) and item.get("rule") is not None:
            try:
                rule = _rule_shape().validate_python(item["rule"])
            except ValidationError:
                continue  # its own problems are reported
        else:
            continue
        if rule is not None:
            out.append(((*loc, c), rule))
    return out


def _readable_id(item: object, loc: Loc, ids: list[tuple[Loc, str]]) -> bool:
    """Whether a list item is a mapping; its id, where it is one, goes into ``ids``."""
    if not isinstance(item, dict):
        return False
    ident = item.get("id")
    if isinstance(ident, str) and _IDENT.match(ident):
        ids.append(((*loc, "id"), ident))
    return True


_Item = TypeVar("_Item", Indicator, Criterion, Verdict)


def _salvage(
    items: object,
    loc: Loc,
    model: type[_Item],
    found: list[tuple[int, _Item]],
    ids: list[tuple[Loc, str]],
) -> bool:
    """The items of a list valid on their own, by index, and every readable id; whether every
    item's id could be read (so an id not among them is surely unknown)."""
    if not isinstance(items, list):
        return False
    whole = True
    for i, item in enumerate(items):
        before = len(ids)
        if not _readable_id(item, (*loc, i), ids) or len(ids) == before:
            whole = False
        try:
            found.append((i, model.model_validate(item)))
        except ValidationError:
            continue
    return whole


def catalogue_issues(cat: Catalogue | Parts) -> list[Issue]:
    """Everything wrong with a catalogue that its shape alone does not show.

    Given the parts salvaged from a catalogue that failed its shape, every check that its
    parts allow runs, and none that would follow from a part that failed.
    """
    parts = cat if isinstance(cat, Parts) else Parts.of(cat)
    issues: list[Issue] = []
    issues += _duplicates(parts.group_ids, "group")
    issues += _duplicates(parts.criterion_ids, "criterion")
    issues += _duplicates(parts.indicator_ids, "indicator")
    issues += _duplicates([(("verdicts", v, "id"), ver.id) for v, ver in parts.verdicts], "verdict")

    indicator_ids = [ident for _, ident in parts.indicator_ids]
    known = set(indicator_ids)

    def unknown(name: str) -> bool:
        # An unreadable indicator may be the one a name means: it is then not surely unknown.
        return parts.indicators_whole and name not in known

    for i, ind in parts.indicators:
        if ind.ratio is not None and ind.combine is not None:
            issues.append(
                Issue(
                    ("indicators", i, "combine"),
                    Message("ratio_combine"),
                    at_key=True,
                )
            )
    for i, ident, names in parts.ratios:
        for j, part in names:
            if unknown(part):
                issues.append(
                    Issue(
                        ("indicators", i, "ratio", j),
                        _no_such("indicator", part, indicator_ids),
                    )
                )
            elif part == ident:
                issues.append(Issue(("indicators", i, "ratio", j), Message("ratio_itself")))
    issues += _ratio_cycles(parts.indicators)

    for cloc, rule in parts.rules:
        for comp, loc in comparisons(rule, (*cloc, "rule")):
            operand, name = comp.operand
            if unknown(name):
                issues.append(Issue((*loc, operand), _no_such("indicator", name, indicator_ids)))

    criterion_ids = [cid for _, cid in parts.criterion_ids]
    if parts.replaces is not None:
        if parts.reference is not None and parts.replaces.catalogue == parts.reference:
            issues.append(Issue(("replaces", "catalogue"), Message("replaces_itself")))
        for name, known_ids, what, whole in (
            ("criteria", criterion_ids, "criterion", parts.criteria_whole),
            ("indicators", indicator_ids, "indicator", parts.indicators_whole),
        ):
            if not whole:
                continue
            for old_id, new_id in getattr(parts.replaces, name).items():
                if new_id is not None and new_id not in known_ids:
                    issues.append(
                        Issue(
                            ("replaces", name, old_id),
                            _no_such(what, new_id, known_ids),
                        )
                    )
    for v, verdict in parts.verdicts:
        for r, req in enumerate(verdict.requires):
            if parts.criteria_whole and req not in criterion_ids:
                issues.append(
                    Issue(
                        ("verdicts", v, "requires", r),
                        _no_such("criterion", req, criterion_ids),
                    )
                )
        if not parts.verdicts_whole:
            continue  # which verdict is last, and the order, are not known
        last = v == len(parts.verdicts) - 1
        if last and verdict.conditional:
            issues.append(
                Issue(
                    ("verdicts", v),
                    Message("last_verdict_condition", verdict=verdict.id),
                )
            )
        if not last and not verdict.conditional:
            issues.append(
                Issue(
                    ("verdicts", v),
                    Message("verdict_unreachable", verdict=verdict.id),
                )
            )
    if parts.verdicts_whole:
        issues += _verdict_order(parts.verdicts)
    return issues


def crosswalk_issues(replaces: Replaces, old: Catalogue) -> list[Issue]:
    """Each key of a crosswalk that is no id of the catalogue it replaces, at the key
    (FORMAT.md section 6: old id -> new id); a close old id where there is one."""
    issues: list[Issue] = []
    for name, known, what in (
        ("criteria", [c.id for c in old.criteria()], "criterion"),
        ("indicators", [i.id for i in old.indicators], "indicator"),
    ):
        ids = set(known)
        for old_id in getattr(replaces, name):
            if old_id not in ids:
                message = Message(f"not_old_{what}", id=old_id, catalogue=old.reference)
                issues.append(
                    Issue(
                        ("replaces", name, old_id),
                        message.add(did_you_mean(old_id, known)),
                        at_key=True,
                    )
                )
    return issues


def _verdict_order(verdicts: list[tuple[int, Verdict]]) -> list[Issue]:
    """Verdicts go best first: a ``min_share`` below that of the next verdict giving one."""
    issues: list[Issue] = []
    shares = [(v, d, d.min_share) for v, d in verdicts if d.min_share is not None]
    for (v, verdict, share), (_, after, next_share) in pairwise(shares):
        if share < next_share:
            issues.append(
                Issue(
                    ("verdicts", v, "min_share"),
                    Message(
                        "verdict_order",
                        verdict=verdict.id,
                        share=share,
                        next=after.id,
                        next_share=next_share,
                    ),
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
    inspected: dict[Period, dict[str, float]] = field(default_factory=dict)
    """The figures each period's inspection found otherwise (only those it names)."""


_DECIMAL_COMMA = re.compile(r"^\s*(\d+),(\d+)\s*$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$")
"""A whole number written with its thousands grouped by dots (12.000) or commas (12,000)."""


def figure(raw: float | str, ind: Indicator, loc: Loc) -> float | Issue:
    """A figure as written, checked against its indicator's format; a number or an Issue.

    One rule for the decimal comma: a ward file may write one wherever it may write a
    decimal point (``26,5`` is 26.5, ``92,5%`` is 92.5%), since that is how Vietnamese
    writes numbers. A count has no decimals: a dot or a comma in one is read as grouping
    thousands where it can (``12.000`` -> 12000), else refused as not a whole number.
    """
    kind = ind.kind
    written = raw if isinstance(raw, str) else getattr(raw, "written", None)
    if kind == "count" and written is not None and _THOUSANDS.match(written.strip()):
        fixed = re.sub(r"[.,]", "", written.strip())
        return Issue(loc, Message("count_thousands", indicator=ind.id, got=written, fix=fixed))
    if isinstance(raw, str):
        comma = _DECIMAL_COMMA.match(raw)
        if comma is not None:
            return figure(Written(float(f"{comma[1]}.{comma[2]}"), raw.strip()), ind, loc)
        m = _PERCENT.match(raw)
        if m is None:
            return _not_a_number(raw, ind, loc)
        if kind != "percent":
            return Issue(
                loc,
                Message(
                    "percent_for_number",
                    indicator=ind.id,
                    kind=Message(f"kind_{kind}"),
                    fix=m.group(1),
                ),
            )
        # Decimal, so that "97.96%" is the number a reader means, 0.9796, not 0.97959999...
        value = float(Decimal(m.group(1).replace(",", ".")) / 100)
        if value > 1:
            return Issue(loc, Message("share_over_100", got=shown(raw)))
        beyond = _beyond(Decimal(m.group(1).replace(",", ".")) / 100, raw.strip(), loc)
        return value if beyond is None else beyond
    try:
        value = float(raw)
    except OverflowError:  # a whole number beyond any float: a slip of the keyboard
        return Issue(loc, Message("too_many_digits", digits=len(str(raw))))
    if not math.isfinite(value):
        return Issue(loc, Message("expected_finite_number", got=shown(value)))
    if value < 0:
        return Issue(loc, Message("negative_figure", got=f"{raw:g}"))
    beyond = _beyond(Decimal(raw), f"{raw:g}", loc)
    if beyond is not None:  # 1.0e+20 cases, 1e-300 m²: before what the format says
        return beyond
    if kind == "count" and isinstance(raw, float):
        if raw.is_integer():
            return Issue(
                loc,
                Message(
                    "count_with_dot",
                    indicator=ind.id,
                    got=written or repr(float(raw)),
                    fix=str(int(raw)),
                ),
            )
        return Issue(
            loc, Message("count_not_whole", indicator=ind.id, got=written or repr(float(raw)))
        )
    if kind == "percent" and value > 100:  # not a share, as a fraction or as a percent
        return Issue(loc, Message("share_over_100", got=shown(written or raw)))
    if kind == "percent" and value > 1:
        shown_as = (written or f"{raw:g}").strip()
        return Issue(
            loc,
            Message(
                "bare_percent",
                indicator=ind.id,
                got=shown_as,
                fraction=f"{value / 100:g}",
                fix=f"{shown_as}%",
            ),
        )
    return value


def _beyond(exact: Decimal, written: str, loc: Loc) -> Issue | None:
    """The problem of a figure beyond what a ward can report (``limits.MAX_FIGURE``, from
    10¹⁵ up, or above 0 and below ``MIN_FIGURE``), else None."""
    if exact >= MAX_FIGURE:
        return Issue(loc, Message("too_many_digits", digits=exact.adjusted() + 1))
    if 0 < exact < MIN_FIGURE:
        return Issue(loc, Message("figure_too_small", got=written))
    return None


_WRITTEN_NUMBER = re.compile(r"(\d+(?:\.\d+)?)([eE][+-]?\d+)?")
"""A number YAML 1.1 reads as text: in quotes, or with an exponent but no dot (``1e-3``)."""


def _not_a_number(raw: str, ind: Indicator, loc: Loc) -> Issue:
    """Text where a figure belongs. Where it is a number (``"12"``, ``2e3``), the hint is
    that number written out, and only where the written-out figure is one this indicator
    takes: a hint, applied, makes the file valid. Where it is not (``2e3`` for a share,
    ``1e+30``), the problem is what the written-out figure would get."""
    expected = Message("expected_number", got=shown(raw))
    text = raw.strip()
    number = _WRITTEN_NUMBER.fullmatch(text)
    if number is None:
        return Issue(loc, expected)
    exact = Decimal(text)
    beyond = _beyond(exact, text, loc)
    if beyond is not None:
        return beyond
    out = format(exact if number[2] is None else exact.normalize(), "f")  # 0012 is 12
    checked = figure(float(out) if "." in out else int(out), ind, loc)
    if isinstance(checked, Issue):
        return checked
    hint = "number_in_quotes" if number[2] is None else "number_written_out"
    return Issue(loc, expected.add(Message(hint, fix=out)))


def _mapping(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _quick(raw: object, kind: str) -> float | None:
    """A figure that needs no checking as a float (a plain number in range), else None.

    The common case, decided without building a location: ``figure`` gives the same
    number for every value this lets through, and the reason for every other.
    """
    if type(raw) is int and 0 <= raw < MAX_FIGURE and (kind != "percent" or raw <= 1):
        return float(raw)  # type, not isinstance: a bool is no figure
    if (
        type(raw) is float
        and kind != "count"  # a count with a dot is refused, whole or not: 12.000 is no 12
        and (raw == 0.0 or MIN_FIGURE <= raw < MAX_FIGURE)  # not nan, not inf, not negative
        and (kind != "percent" or raw <= 1.0)
    ):
        return raw
    return None


@dataclass(frozen=True, slots=True)
class _Tables:
    """A catalogue's ids, looked up for every figure and entry of every ward."""

    kinds: dict[str, str]
    """Kinds of the indicators a ward reports (not the derived ones), in catalogue order."""
    computed: frozenset[str]
    judged: frozenset[str]
    criterion_ids: list[str]
    shares: tuple[tuple[str, str, str], ...]
    """Percent ratios whose parts a ward reports, as (share, numerator, denominator)."""


_tables: dict[int, tuple[Catalogue, _Tables]] = {}


def _tables_of(cat: Catalogue) -> _Tables:
    kept = _tables.get(id(cat))
    if kept is not None and kept[0] is cat:
        return kept[1]
    criteria = cat.criteria()
    kinds: dict[str, str] = {i.id: i.kind for i in cat.indicators if i.ratio is None}
    tables = _Tables(
        kinds=kinds,
        computed=frozenset(c.id for c in criteria if c.computed),
        judged=frozenset(c.id for c in criteria if not c.computed),
        criterion_ids=[c.id for c in criteria],
        shares=tuple(
            (i.id, *i.ratio)
            for i in cat.indicators
            if i.ratio is not None and i.kind == "percent" and all(p in kinds for p in i.ratio)
        ),
    )
    if len(_tables) > 16:
        _tables.clear()
    _tables[id(cat)] = (cat, tables)  # the catalogue is kept, so its id stays its own
    return tables


def ward_issues(
    periods: object, default: Catalogue, own: Mapping[object, Catalogue] | None = None
) -> Checked:
    """Everything wrong with a ward's periods against its catalogue, and its figures as numbers.

    Works on the raw data, so that a period whose shape is wrong in one place is still
    checked everywhere else; shape problems themselves are pydantic's to report. ``own``:
    the catalogue of each period (by its key as written) that names its own.
    """
    out = Checked()
    default_tables = _tables_of(default)
    for key, period in _mapping(periods).items():
        cat = own.get(key, default) if own else default
        tables = default_tables if cat is default else _tables_of(cat)
        ploc: Loc = ("periods", key)
        try:
            parsed = parse_period(key)
        except PeriodError as exc:
            out.issues.append(Issue(ploc, exc.message, at_key=True))
            continue
        if parsed in out.keys:
            out.issues.append(
                Issue(
                    ploc,
                    Message("same_span", period=key, other=out.keys[parsed]),
                    at_key=True,
                )
            )
            continue
        out.keys[parsed] = key
        data = _mapping(period)
        figures = _findings(data, ploc, cat, tables, out.issues, {})
        out.figures[parsed] = figures
        inspection = data.get("inspection")
        if isinstance(inspection, dict):
            out.inspected[parsed] = _findings(
                inspection, (*ploc, "inspection"), cat, tables, out.issues, figures
            )
    return out


def _findings(
    data: dict[str, object],
    loc: Loc,
    cat: Catalogue,
    tables: _Tables,
    issues: list[Issue],
    base: dict[str, float],
) -> dict[str, float]:
    """A period's or an inspection's figures as numbers; its problems go to ``issues``.

    ``base`` holds the figures an inspection's are put in place of (the ward's own): a
    share's parts are checked together as the inspection leaves them.
    """
    kinds, computed, judged = tables.kinds, tables.computed, tables.judged
    figures: dict[str, float] = {}
    written = _mapping(data.get("indicators"))
    for ind_id, raw in written.items():
        kind = kinds.get(ind_id)
        if kind is not None:
            value = _quick(raw, kind)
            if value is not None:
                figures[ind_id] = value
                continue
        iloc: Loc = (*loc, "indicators", ind_id)
        if kind is None and cat.indicator(ind_id) is None:
            # Unknown even when blank: a misspelt key of the template would drop its figure.
            issues.append(
                Issue(iloc, _no_such("indicator", ind_id, list(tables.kinds), cat.id), at_key=True)
            )
            continue
        if raw is None:
            continue  # blank: not reported, as if the key were absent
        vloc = iloc
        long_form = _mapping(raw) if isinstance(raw, dict) else None
        if long_form is not None:
            raw = long_form.get("value")
            if raw is None:
                if long_form.get("bound") is not None:
                    issues.append(Issue((*iloc, "bound"), Message("bound_needs_value")))
                continue  # a long form without a value: not reported (its note says why)
            vloc = (*iloc, "value")
        # In an inspection, a share stands beside the parts the ward gave as much as its own.
        given = {**base, **written} if base else written
        checked = _figure_issue(ind_id, raw, iloc, vloc, cat, tables, given)
        if isinstance(checked, Issue):
            issues.append(checked)
        elif checked is not None:
            if long_form is not None:
                problem = _bound_issue(checked, long_form, cat, ind_id, iloc)
                if problem is not None:
                    issues.append(problem)
                    continue
                checked = _published(checked, long_form)
            figures[ind_id] = checked
    merged = {**base, **figures} if base else figures
    for share, num, den in tables.shares:
        # A share is a part of its whole: a numerator over its denominator (19 tips
        # handled of 9 received) is a slip in one of the two figures, not a share over
        # 100%. Writing "150%" is refused by figure(); this is the same, from the parts.
        if num in merged and den in merged and merged[num] > merged[den]:
            if num not in figures and den not in figures:
                continue  # the ward's own slip, reported at the ward's figures
            issues.append(
                Issue(
                    (*loc, "indicators", num if num in figures else den),
                    Message(
                        "part_over_whole",
                        part=num,
                        part_value=merged[num],
                        whole=den,
                        whole_value=merged[den],
                        share=share,
                    ),
                )
            )
    for crit_id, entry in _mapping(data.get("criteria")).items():
        # Fine as it is: a judged criterion without an override, a computed one without
        # a status of its own (pydantic checks the rest of its shape).
        fine = (
            type(entry) is not dict or "override" not in entry
            if crit_id in judged
            else crit_id in computed
            and type(entry) not in (str, bool)  # C05: yes is a status too, as YAML reads it
            and (type(entry) is not dict or "status" not in entry)
        )
        if fine:
            continue
        issues.append(_entry_issue(crit_id, entry, (*loc, "criteria", crit_id), cat, tables))
    return figures


def _bound_issue(
    value: float, entry: dict[str, object], cat: Catalogue, ind_id: str, loc: Loc
) -> Issue | None:
    """A bound that no figure can lie beyond: below 0, or above 100% for a share."""
    bound = entry.get("bound")
    ind = cat.indicator(ind_id)
    if bound == "below" and value == 0:
        return Issue((*loc, "bound"), Message("bound_below_zero"))
    if bound == "above" and ind is not None and ind.kind == "percent" and value >= 1:
        return Issue((*loc, "bound"), Message("bound_above_100"))
    return None


def _published(value: float, entry: dict[str, object]) -> float:
    """A figure with its source, bound and note kept, where it has any of them."""
    source, bound, note = entry.get("source"), entry.get("bound"), entry.get("note")
    if source in (None, "report") and bound is None:
        return value
    return Published(
        value,
        source if isinstance(source, str) and source in SOURCES else "report",
        bound if isinstance(bound, str) and bound in BOUNDS else None,
        note if isinstance(note, str) else "",
    )


def _figure_issue(
    ind_id: str,
    raw: object,
    iloc: Loc,
    vloc: Loc,
    cat: Catalogue,
    tables: _Tables,
    written: dict[str, object],
) -> Issue | float | None:
    """What is wrong with a figure, or its value when nothing is; None for a non-figure."""
    ind = cat.indicator(ind_id)
    assert ind is not None, "unknown indicators are reported before"
    if ind.ratio is not None:
        # A share published without its parts ("clearance above 90%") may be given as it
        # is, but never beside a part: the two could disagree.
        given = [part for part in ind.ratio if written.get(part) is not None]
        if given:
            return Issue(
                iloc,
                Message(
                    "ratio_with_part",
                    indicator=ind_id,
                    numerator=ind.ratio[0],
                    denominator=ind.ratio[1],
                    given=given[0],
                ),
                at_key=True,
            )
    if isinstance(raw, CommaSplit):
        return _comma_split(raw, ind, vloc)
    if isinstance(raw, int | float | str) and not isinstance(raw, bool):
        return figure(raw, ind, vloc)
    return None  # a value of the wrong type: pydantic says so


def _comma_split(raw: CommaSplit, ind: Indicator, loc: Loc) -> Issue:
    """A figure a comma split inside ``{ }``: refused even where its spelling is fine in a
    block (``24,5``), since YAML reads it as ``24`` and a blank key; with what to write."""
    split = Message("comma_in_braces", written=str(raw), read=raw.read, keys=list(raw.keys))
    as_block = figure(str(raw), ind, loc)
    if isinstance(as_block, Issue):
        # What the same figure gets one per line (1,234 for a count: write 1234).
        said = as_block.message
        message = said.add(split) if isinstance(said, Message) else split
        return Issue(loc, message)
    fix = str(raw).replace(",", ".")
    return Issue(loc, Message("comma_split_figure", indicator=ind.id, fix=fix).add(split))


def _entry_issue(crit_id: str, entry: object, cloc: Loc, cat: Catalogue, tables: _Tables) -> Issue:
    """What is wrong with a criterion entry that names no criterion, or mixes up the two kinds."""
    if crit_id in tables.computed:
        status = entry if isinstance(entry, str | bool) else _mapping(entry)["status"]
        meant = status_meant(status) or "met"
        return Issue(
            cloc if isinstance(entry, str) else (*cloc, "status"),
            Message(
                "computed_needs_override",
                criterion=crit_id,
                fix=f'{{override: {{status: {meant}, reason: "..."}}}}',
            ),
        )
    if crit_id in tables.judged:
        return Issue(
            (*cloc, "override"),
            Message("judged_not_override", criterion=crit_id),
            at_key=True,
        )
    return Issue(
        cloc,
        _no_such("criterion", crit_id, tables.criterion_ids, cat.id),
        at_key=True,
    )
