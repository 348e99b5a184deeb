"""Characters that look like nothing but change what a key or a line is, and how a path spells them."""

from __future__ import annotations

INVISIBLE = {
    "\u00a0": "a non-breaking space, as pasted from Word or a web page",
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2007": "a figure space",
    "\u202f": "a narrow non-breaking space",
    "\u2060": "a word joiner",
    "\u3000": "an ideographic space",
    "\ufeff": "a byte-order mark",
}
"""Characters that look like nothing (or like a space) but make a key another key."""
LINE_BREAKS = {
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u0085": "a next-line character (NEL)",
}
"""Characters YAML counts as line breaks and editors do not: every line number after one
would be off, so they are refused where they stand."""


_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in (*INVISIBLE, *LINE_BREAKS)}


def visible(segment: str) -> str:
    """A key as a dotted path shows it: an invisible character spelt out."""
    return segment if segment.isascii() else segment.translate(_ESCAPES)
