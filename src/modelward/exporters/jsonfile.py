"""``modelward.summary/1`` as a JSON file, with its provenance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from modelward.exporters.base import Exporter, Provenance

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.summary import Summary


class JsonExporter(Exporter):
    """The summary document of FORMAT.md section 5, plus a ``provenance`` object."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        from modelward.documents import summary_document

        doc = summary_document(summary, lang)
        doc["provenance"] = provenance.as_dict()
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
