"""The formats a result can be written in, chosen by name or by a file's extension."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, assert_never

if TYPE_CHECKING:
    from modelward.output.blocks import Paper
    from modelward.output.drawers.base import Exporter


E = TypeVar("E", bound=StrEnum)


def _by_extension(kind: type[E], path: Path, aliases: dict[str, E]) -> E | None:
    """The format of enum ``kind`` a file's extension names (its value, or an alias)."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in aliases:
        return aliases[suffix]
    try:
        return kind(suffix)
    except ValueError:
        return None


class ExportFormat(StrEnum):
    """The formats a summary can be exported to, by file extension."""

    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    HTML = "html"
    DOCX = "docx"

    @classmethod
    def from_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name asks for, by its extension; None when it names none."""
        return _by_extension(cls, path, {"md": cls.MARKDOWN, "htm": cls.HTML})

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
        if self is ExportFormat.DOCX:
            from modelward.output.drawers.docxfile import DocxExporter

            return DocxExporter()
        if self is ExportFormat.HTML:
            from modelward.output.drawers.html import HtmlExporter

            return HtmlExporter()
        assert_never(self)


class PaperFormat(StrEnum):
    """The formats a signed document (``report``) is written in, by file extension."""

    DOCX = "docx"
    HTML = "html"
    MARKDOWN = "markdown"

    @classmethod
    def from_path(cls, path: Path) -> PaperFormat | None:
        """The format a file name asks for, by its extension; None when it names none."""
        return _by_extension(cls, path, {"md": cls.MARKDOWN, "htm": cls.HTML})

    def draw(self, paper: Paper) -> bytes:
        """The whole file; each drawer imported only when chosen (python-docx is slow to load)."""
        if self is PaperFormat.DOCX:
            from modelward.output.drawers.docx import paper_docx

            return paper_docx(paper)
        if self is PaperFormat.HTML:
            from modelward.output.drawers.html import paper_html

            return paper_html(paper).encode("utf-8")
        if self is PaperFormat.MARKDOWN:
            from modelward.output.drawers.markdown import paper_markdown

            return paper_markdown(paper).encode("utf-8")
        assert_never(self)
