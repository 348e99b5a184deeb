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
        return dumps(doc).encode("utf-8")


def dumps(doc: dict[str, object]) -> str:
    """JSON with one ward (one item of a list of objects) per line.

    As readable and diff-friendly as an indented document, and written by the C encoder:
    ``indent=`` would switch json to its pure-Python encoder, seconds for thousands of wards.
    """

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
            items = ",\n".join(f"    {one(item)}" for item in value)
            parts.append(f"  {one(key)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
