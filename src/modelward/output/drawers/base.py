"""The one abstract Exporter: a ranked summary to the bytes of one file format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modelward.batch.ranking import Summary
    from modelward.i18n import Lang
    from modelward.output.provenance import Provenance


class Exporter(ABC):
    """Turns a ranked summary into the bytes of one file format."""

    @abstractmethod
    def render(self, summary: Summary, lang: Lang, provenance: Provenance) -> bytes:
        """The whole file."""

    def chunks(self, summary: Summary, lang: Lang, provenance: Provenance) -> Iterator[bytes]:
        """The file in pieces, made as they are written; formats that can stream override it."""
        yield self.render(summary, lang, provenance)
