"""The formats a result can be written in, chosen by name or by a file's extension."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from modelward.output.drawers.base import Exporter


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
            from modelward.output.drawers.csvfile import CsvExporter

            return CsvExporter()
        if self is ExportFormat.JSON:
            from modelward.output.drawers.jsonfile import JsonExporter

            return JsonExporter()
        if self is ExportFormat.MARKDOWN:
            from modelward.output.drawers.markdown import MarkdownExporter

            return MarkdownExporter()
        if self is ExportFormat.XLSX:
            from modelward.output.drawers.xlsx import XlsxExporter

            return XlsxExporter()
        if self is ExportFormat.HTML:
            from modelward.output.drawers.html import HtmlExporter

            return HtmlExporter()
        assert_never(self)
