"""``modelward.summary/1`` as a JSON file, with its provenance."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance
from modelward.output.safe import json_safe

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang


class JsonExporter(Exporter):
    """The summary document of FORMAT.md section 5, plus a ``provenance`` object."""

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        return b"".join(self.chunks(summary, lang, provenance))

    def chunks(self, summary: Summary, lang: Lang, provenance: Provenance) -> Iterator[bytes]:
        from modelward.output.documents import summary_document

        doc = summary_document(summary, lang, lazy=True)
        doc["provenance"] = provenance.as_dict()
        for piece in dumps(doc):
            yield json_safe(piece).encode("utf-8")


def dumps(doc: dict[str, Any]) -> Iterator[str]:
    """JSON with one ward (one item of a list of objects) per line, made as it is written.

    As readable and diff-friendly as an indented document, and written by the C encoder
    (``indent=`` would switch json to its pure-Python encoder, seconds for thousands of
    wards). A list may be given as an iterator, so thousands of wards never sit in memory
    as one document.
    """

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    yield "{"
    for n, (key, value) in enumerate(doc.items()):
        yield ("," if n else "") + f"\n  {one(key)}: "
        if isinstance(value, dict) and any(isinstance(v, list | Iterator) for v in value.values()):
            yield from _nested(value)
        elif isinstance(value, Iterator | list):
            yield from _items(value)
        else:
            yield one(value)
    yield "\n}\n"


def _items(values: Iterable[Any], indent: str = "  ") -> Iterator[str]:
    first = True
    for item in values:
        yield ("[" if first else ",") + f"\n{indent}  {json.dumps(item, ensure_ascii=False)}"
        first = False
    yield "[]" if first else f"\n{indent}]"


def _nested(mapping: dict[str, Any]) -> Iterator[str]:
    """A mapping one of whose values is a list of objects (provenance's inputs)."""
    yield "{"
    for n, (key, value) in enumerate(mapping.items()):
        yield ("," if n else "") + f"\n    {json.dumps(key)}: "
        if isinstance(value, Iterator | list) and not isinstance(value, str):
            yield from _items(value, "    ")
        else:
            yield json.dumps(value, ensure_ascii=False)
    yield "\n  }"
