"""The one abstract Exporter, the provenance every export carries, and the choice of format."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from modelward.i18n import Lang
    from modelward.summary import Summary


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an export came from: the tool, the catalogue, the period, when, and every input."""

    tool_version: str
    catalogue_id: str
    catalogue_version: str
    catalogue_path: str
    catalogue_sha256: str
    period: str | None
    generated_at: str
    inputs: tuple[tuple[str, str], ...]
    """Each input ward file's path and SHA-256."""

    @classmethod
    def of(cls, summary: Summary, now: dt.datetime | None = None) -> Provenance:
        """The provenance of a summary made now."""
        from modelward import __version__

        when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        inputs = sorted(
            [(r.row.path, r.row.sha256) for r in summary.ranked]
            + [(m.path, m.sha256) for m in summary.missing]
        )
        return cls(
            tool_version=__version__,
            catalogue_id=summary.catalogue.id,
            catalogue_version=summary.catalogue.version,
            catalogue_path=summary.catalogue_path,
            catalogue_sha256=summary.catalogue_sha256,
            period=summary.period,
            generated_at=when.isoformat().replace("+00:00", "Z"),
            inputs=tuple(inputs),
        )

    def as_dict(self) -> dict[str, object]:
        """The provenance as JSON-ready data; the inputs as an iterator, written as they come."""
        return {
            "tool": "modelward",
            "tool_version": self.tool_version,
            "catalogue": {
                "id": self.catalogue_id,
                "version": self.catalogue_version,
                "path": self.catalogue_path,
                "sha256": self.catalogue_sha256,
            },
            "period": self.period,
            "generated_at": self.generated_at,
            "inputs": ({"path": p, "sha256": h} for p, h in self.inputs),
        }


class Exporter(ABC):
    """Turns a ranked summary into the bytes of one file format."""

    @abstractmethod
    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        """The whole file."""

    def chunks(self, summary: Summary, lang: Lang, provenance: Provenance) -> Iterator[bytes]:
        """The file in pieces, made as they are written; formats that can stream override it."""
        yield self.render(summary, lang, provenance)


class ExportFormat(StrEnum):
    """The formats a summary can be exported to, by file extension."""

    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    HTML = "html"

    @classmethod
    def from_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name asks for, by its extension; None when it names none."""
        suffix = path.suffix.lower().lstrip(".")
        aliases = {"md": cls.MARKDOWN, "htm": cls.HTML}
        if suffix in aliases:
            return aliases[suffix]
        try:
            return cls(suffix)
        except ValueError:
            return None

    def to_exporter(self) -> Exporter:
        """The exporter for this format; imported only when chosen."""
        if self is ExportFormat.CSV:
            from modelward.exporters.csvfile import CsvExporter

            return CsvExporter()
        if self is ExportFormat.JSON:
            from modelward.exporters.jsonfile import JsonExporter

            return JsonExporter()
        if self is ExportFormat.MARKDOWN:
            from modelward.exporters.markdown import MarkdownExporter

            return MarkdownExporter()
        if self is ExportFormat.XLSX:
            from modelward.exporters.xlsx import XlsxExporter

            return XlsxExporter()
        if self is ExportFormat.HTML:
            from modelward.exporters.html import HtmlExporter

            return HtmlExporter()
        assert_never(self)
