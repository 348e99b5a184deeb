"""Where an export came from, laid out as blocks (the tool, the catalogue, every input)."""

from __future__ import annotations

from modelward.i18n import Lang, label, when_words
from modelward.output.blocks import Block, Bullets
from modelward.output.provenance import Provenance


def provenance_blocks(p: Provenance, lang: Lang) -> list[Block]:
    """Where an export came from: tool, catalogue, period, local time, one digest of the inputs.

    Short enough for a printed page: the inputs as one SHA-256 (``Provenance.inputs_digest``);
    the JSON export lists each file.
    """
    items = [
        label("generated", lang, version=p.tool_version, at=when_words(p.moment, lang)),
        f"{label('catalogue', lang)}: {p.catalogue_id} {p.catalogue_version} "
        f"({p.catalogue_path}, SHA-256 {p.catalogue_sha256})",
        label("inputs_digest", lang, n=len(p.inputs), digest=p.inputs_digest),
    ]
    return [Bullets(label("provenance", lang), tuple(items))]
