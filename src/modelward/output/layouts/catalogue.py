"""``criteria``: the catalogue laid out as blocks."""

from __future__ import annotations

from modelward import explain
from modelward.i18n import Lang, label, number, percent, text
from modelward.models import Catalogue
from modelward.output.blocks import Block, Cell, Lines, Sheet


def catalogue_blocks(cat: Catalogue, lang: Lang) -> list[Block]:
    """The catalogue as a tree: groups and their criteria with rules in words; indicators; verdicts."""
    head = Lines(
        (
            Cell(f"{text(cat.title, lang)} — {cat.id} {cat.version}", "bold"),
            *((Cell(text(cat.source, lang), "dim"),) if cat.source else ()),
        ),
        heading=1,
    )
    criteria = Sheet(
        [
            "",
            label("criterion", lang),
            label("kind", lang),
            label("rule", lang),
            label("weight", lang),
        ],
        right=frozenset({4}),
        wide=frozenset({1, 3}),
    )
    for group in cat.groups:
        criteria.add(group.id, text(group.title, lang), "", "", "", bold=True)
        for c in group.criteria:
            guidance = text(c.guidance, lang)
            title = text(c.title, lang) + (f"\n{guidance}" if guidance else "")
            criteria.add(
                c.id,
                Cell(title),
                Cell(
                    label("computed" if c.computed else "judged", lang),
                    "cyan" if c.computed else "",
                ),
                explain.rule_words(c.rule, cat, lang) if c.rule is not None else "",
                number(c.weight, lang, 2, trim=True),
            )
    indicators = Sheet(
        [
            "",
            label("indicator", lang),
            label("unit", lang),
            label("better_when", lang),
            label("format", lang),
        ],
        wide=frozenset({1}),
    )
    for ind in cat.indicators:
        kind = label(ind.kind, lang)
        if ind.ratio is not None:
            kind += f" = {ind.ratio[0]} / {ind.ratio[1]}"
        indicators.add(
            ind.id, text(ind.title, lang), text(ind.unit, lang), label(ind.better, lang), kind
        )
    verdicts = Sheet(["", label("verdict", lang), label("condition", lang)], wide=frozenset({2}))
    for v in cat.verdicts:
        conditions = []
        if v.min_share is not None:
            conditions.append(
                label("min_share_is", lang, share=percent(v.min_share, lang, 2, trim=True))
            )
        if v.requires:
            conditions.append(label("requires_is", lang, ids=", ".join(v.requires)))
        verdicts.add(v.id, text(v.title, lang), "; ".join(conditions) or label("otherwise", lang))
    return [
        head,
        criteria,
        Lines((Cell(label("indicators", lang), "bold"),), heading=2),
        indicators,
        Lines((Cell(label("verdicts", lang), "bold"),), heading=2),
        verdicts,
    ]
