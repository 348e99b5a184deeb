"""output.pages: every page format draws a ward's result, from the same blocks and document."""

from __future__ import annotations

import json
from typing import Any

import pytest

from modelward.loading import load_ward
from modelward.output.blocks import Block
from modelward.output.documents import assessment
from modelward.output.layouts.assess import assess_blocks
from modelward.output.pages import PageFormat, draw, title_of
from modelward.periods import parse_period
from modelward.scoring import assess
from tests.conftest import SAMPLE


@pytest.mark.parametrize("fmt", list(PageFormat))
def test_every_page_format_draws_the_result(fmt: PageFormat) -> None:
    ward = load_ward(SAMPLE)
    result = assess(ward.catalogue.model, ward.periods, ward.figures, parse_period("2024"))
    made: list[str] = []

    def blocks() -> list[Block]:
        made.append("blocks")
        return assess_blocks(result, ward.model, "en")

    def document() -> dict[str, Any]:
        made.append("document")
        return assessment(result, ward.model, "en")

    text = draw(fmt, blocks, document, "en", to_file=True)
    assert made == (["document"] if fmt is PageFormat.JSON else ["blocks"])  # only what is drawn
    title = title_of(assess_blocks(result, ward.model, "en"))
    assert title.startswith(ward.model.name)
    if fmt is PageFormat.JSON:
        assert json.loads(text)["schema"] == "modelward.assessment/1"
    elif fmt is PageFormat.HTML:
        assert text.startswith("<!DOCTYPE html>")
        assert f"<title>{title}</title>" in text
    elif fmt is PageFormat.MARKDOWN:
        assert text.startswith(f"# {title}")
    else:
        assert text.splitlines()[0].startswith(title)
