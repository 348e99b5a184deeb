"""Where an export came from: the tool, the catalogue, the period, when, and every input file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary


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
    catalogue_status: str = "draft"
    """official, draft or illustrative (FORMAT.md section 6)."""

    @classmethod
    def of(cls, summary: Summary, now: dt.datetime | None = None) -> Provenance:
        """The provenance of a summary made now."""
        from modelward import __version__

        when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        inputs = sorted(
            [(r.row.path, r.row.sha256) for r in summary.ranked]
            + [(m.path, m.sha256) for m in summary.missing]
            + [(m.path, m.sha256) for m in summary.merged]
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
            catalogue_status=summary.catalogue.status,
        )

    @property
    def inputs_digest(self) -> str:
        """One SHA-256 for every input: of the sorted lines ``SHA-256  path`` (as sha256sum
        writes them), so a printed page names its inputs in one line; JSON lists each."""
        import hashlib

        lines = "".join(f"{digest}  {path}\n" for path, digest in self.inputs)
        # A file name that is not UTF-8 counts as its own bytes, as sha256sum writes it.
        return hashlib.sha256(lines.encode("utf-8", "surrogateescape")).hexdigest()

    @property
    def moment(self) -> dt.datetime:
        """When the export was made, as a time-zone-aware moment."""
        return dt.datetime.fromisoformat(self.generated_at.replace("Z", "+00:00"))

    def as_dict(self) -> dict[str, object]:
        """The provenance as JSON-ready data; the inputs as an iterator, written as they come."""
        return {
            "tool": "modelward",
            "tool_version": self.tool_version,
            "catalogue": {
                "id": self.catalogue_id,
                "version": self.catalogue_version,
                "status": self.catalogue_status,
                "path": self.catalogue_path,
                "sha256": self.catalogue_sha256,
            },
            "period": self.period,
            "generated_at": self.generated_at,
            "inputs": ({"path": p, "sha256": h} for p, h in self.inputs),
        }
