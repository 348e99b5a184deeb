"""The province's summary report as a Word file: the ward report's drawer and frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelward.output.drawers.base import Exporter

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.provenance import Provenance


class DocxExporter(Exporter):
    """The summary laid out as an administrative report (Decree 30/2020), drawn as .docx."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.output.drawers.docx import paper_docx
        from modelward.output.layouts.province_report import province_paper

        return paper_docx(province_paper(summary, lang, provenance))
