"""The summary as CSV: one row per ward, UTF-8 with a byte-order mark, header first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from modelward.output.drawers.base import Exporter
from modelward.output.provenance import Provenance
from modelward.output.safe import defused

if TYPE_CHECKING:
    from modelward.batch.breakdown import AreaRow
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang

COLUMNS = ["id", "name", "period", "met", "applicable", "score", "verdict", "rank"]
"""The columns FORMAT.md requires, first and in this order."""
CYCLE_COLUMNS = ["unknown", "overridden", "stage", "recognised", "provisional", "unevidenced"]
"""The assessment cycle's columns (FORMAT.md section 11; province and city come with the area)."""


class _Defusing:
    """A CSV writer whose text cells are shown safe (control characters escaped) and
    defused: one a spreadsheet would take for a formula gets a leading ``'``."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, cells: Iterable[object]) -> None:
        self.writer.writerow([defused(c) if isinstance(c, str) else c for c in cells])


class CsvExporter(Exporter):
    """FORMAT.md's columns, then each group's met and applicable as numbers (``g1_met``,
    ``g1_applicable``: a ``4/4`` cell is a date to a spreadsheet), the verdict's title, each
    criterion's status (``C01``…), the area (and with ``--by`` the area's row against the
    target on each of its wards), and the provenance.

    Provenance goes in columns (the input file and its SHA-256 on each row; the catalogue,
    tool version, time and one SHA-256 of all the inputs alike on every row) so that any CSV
    reader keeps it.
    """

    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        return b"".join(self.chunks(summary, lang, provenance))

    def chunks(self, summary: Summary, lang: Lang, provenance: Provenance) -> Iterator[bytes]:
        from modelward.i18n import text

        groups = [g.id.lower() for g in summary.catalogue.groups]
        criteria = [c.id for c in summary.catalogue.criteria()]
        titles = {v.id: text(v.title, lang) for v in summary.catalogue.verdicts}
        areas = {a.area: a for a in summary.areas()}
        by = summary.by
        digest = provenance.inputs_digest
        buffer = io.StringIO()
        writer = _Defusing(csv.writer(buffer, lineterminator="\r\n"))
        buffer.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8

        def flush() -> bytes:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text.encode("utf-8")

        writer.writerow(
            [
                *COLUMNS,
                *(f"{g}_{n}" for g in groups for n in ("met", "applicable")),
                "verdict_title",
                *CYCLE_COLUMNS,
                *criteria,
                "province",
                "city",
                "district",
                *(("area", "area_wards", "area_top", "area_share", "area_needed") if by else ()),
                "path",
                "sha256",
                "catalogue",
                "catalogue_version",
                "catalogue_status",
                "tool_version",
                "generated_at",
                "inputs_sha256",
                "combined_from",
                "merged_into",
                "merged_on",
                "not_ranked",
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
                    *(n for g in summary.groups_of(row) for n in (g.met, g.applicable)),
                    titles[row.verdict],
                    row.unknown,
                    row.overridden,
                    row.stage,
                    "" if row.recognised is None else str(row.recognised).lower(),
                    str(row.provisional).lower(),
                    row.unevidenced,
                    *row.status_list(),
                    area.get("province", ""),
                    area.get("city", ""),
                    area.get("district", ""),
                    *(_area_cells(areas[area.get(by, "")]) if by else ()),
                    row.path,
                    row.sha256,
                    provenance.catalogue_id,
                    provenance.catalogue_version,
                    provenance.catalogue_status,
                    provenance.tool_version,
                    provenance.generated_at,
                    digest,
                    " ".join(row.combined_from),
                    "",
                    "",
                    "",
                ]
            )
            if buffer.tell() > 65536:
                yield flush()
        # Wards read and not ranked (no rank, no score), and why: merged into one summarised
        # here, or without the period asked for.
        blank = [""] * (
            2 * len(groups) + 1 + len(CYCLE_COLUMNS) + len(criteria) + 3 + (5 if by else 0)
        )
        periods = summary.merged_periods()
        left_out = [(m, periods[m.id], m.into, m.on, "merged") for m in summary.merged] + [
            (m, summary.period or "", "", "", "no_period") for m in summary.missing
        ]
        for m, period, into, on, why in left_out:
            writer.writerow(
                [
                    m.id,
                    m.name,
                    period,
                    *[""] * (len(COLUMNS) - 3),
                    *blank,
                    m.path,
                    m.sha256,
                    provenance.catalogue_id,
                    provenance.catalogue_version,
                    provenance.catalogue_status,
                    provenance.tool_version,
                    provenance.generated_at,
                    digest,
                    "",
                    into,
                    on,
                    why,
                ]
            )
        yield flush()


def _area_cells(area: AreaRow) -> tuple[object, ...]:
    """An area's row against the target, as CSV cells (the share a fraction, 4 decimals)."""
    from modelward.output.documents import fraction

    return (area.area, area.wards, area.top, fraction(area.share), area.needed)
