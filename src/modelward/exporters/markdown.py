"""The summary as Markdown for a report, with its provenance at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelward.exporters.base import Exporter, Provenance

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.summary import Summary


class MarkdownExporter(Exporter):
    """The same tables as the terminal, drawn as Markdown, and a provenance section."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.render import provenance_blocks, summary_blocks, to_markdown

        blocks = summary_blocks(summary, lang) + provenance_blocks(provenance, lang)
        return to_markdown(blocks).encode("utf-8")
