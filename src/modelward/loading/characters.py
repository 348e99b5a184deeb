"""Characters that look like nothing but change what a key or a line is, and how a path spells them."""

from __future__ import annotations

INVISIBLE = {
    "\u00a0": "char_nbsp",
    "\u00ad": "char_soft_hyphen",
    "\u200b": "char_zwsp",
    "\u200c": "char_zwnj",
    "\u200d": "char_zwj",
    "\u2007": "char_figure_space",
    "\u202f": "char_narrow_nbsp",
    "\u2060": "char_word_joiner",
    "\u3000": "char_ideographic_space",
    "\ufeff": "char_bom",
}
"""Characters that look like nothing (or like a space) but make a key another key, each with
the catalogue id of its name."""
LINE_BREAKS = {
    "\u2028": "char_line_separator",
    "\u2029": "char_paragraph_separator",
    "\u0085": "char_nel",
}
"""Characters YAML counts as line breaks and editors do not: every line number after one
would be off, so they are refused where they stand."""


_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in (*INVISIBLE, *LINE_BREAKS)}


def visible(segment: str) -> str:
    """A key as a dotted path shows it: an invisible character spelt out."""
    return segment if segment.isascii() else segment.translate(_ESCAPES)
