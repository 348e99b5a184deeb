"""Where an export came from, laid out as blocks (the tool, the catalogue, every input)."""

from __future__ import annotations

from modelward.i18n import Lang, label
from modelward.output.blocks import Block, Bullets
from modelward.output.provenance import Provenance


def provenance_blocks(p: Provenance, lang: Lang) -> list[Block]:
    """Where an export came from: tool, catalogue, period, time, every input's SHA-256."""
    items = [
        label("generated", lang, version=p.tool_version, at=p.generated_at),
        f"{label('catalogue', lang)}: {p.catalogue_id} {p.catalogue_version} "
        f"({p.catalogue_path}, SHA-256 {p.catalogue_sha256})",
        *(f"{path}: SHA-256 {digest}" for path, digest in p.inputs),
    ]
    return [Bullets(label("provenance", lang), tuple(items))]
