"""The summary as CSV: one row per ward, UTF-8, header first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang

COLUMNS = ["id", "name", "period", "met", "applicable", "score", "verdict", "rank"]
"""The columns FORMAT.md requires, first and in this order."""


class CsvExporter(Exporter):
    """FORMAT.md's columns, then each group's met/applicable, the area, and the provenance.

    Provenance goes in columns (the input file and its SHA-256 on each row; the catalogue,
    tool version and time alike on every row) so that any CSV reader keeps it.
    """

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        return b"".join(self.chunks(summary, lang, provenance))

    def chunks(self, summary: Summary, lang: Lang, provenance: Provenance) -> Iterator[bytes]:
        groups = [g.id for g in summary.catalogue.groups]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")

        def flush() -> bytes:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text.encode("utf-8")

        writer.writerow(
            [
                *COLUMNS,
                *groups,
                "province",
                "city",
                "district",
                "path",
                "sha256",
                "catalogue",
                "catalogue_version",
                "tool_version",
                "generated_at",
            ]
        )
        for ranked in summary.ranked:
            row = ranked.row
            area = dict(row.area)
            writer.writerow(
                [
                    row.id,
                    row.name,
                    row.period,
                    row.met,
                    row.applicable,
                    row.score,
                    row.verdict,
                    ranked.rank,
                    *(f"{g.met}/{g.applicable}" for g in summary.groups_of(row)),
                    area.get("province", ""),
                    area.get("city", ""),
                    area.get("district", ""),
                    row.path,
                    row.sha256,
                    provenance.catalogue_id,
                    provenance.catalogue_version,
                    provenance.tool_version,
                    provenance.generated_at,
                ]
            )
            if buffer.tell() > 65536:
                yield flush()
        yield flush()
