"""Text from input files made harmless to whoever reads the output.

A name, a note, an area or a file name is data: it must never move a terminal's cursor,
set its title, write its clipboard (ESC, CSI and OSC sequences), turn a line around (bidi
marks), start a formula in a spreadsheet, or become HTML in a Markdown page. Every drawer
passes the text it draws through here:

- ``visible``: control characters (C0 but the line feed, DEL, C1), bidi marks and the
  bytes of a file name that is not UTF-8 shown as escapes (``\\x1b``, ``\\u202e``,
  ``\\xff``): for the terminal, Markdown, HTML, CSV and xlsx.
- ``json_safe``: JSON text with the same characters as ``\\u`` escapes, so the data is
  kept whole and the file is plain UTF-8.
- ``defused``: a CSV cell a spreadsheet would read as a formula, with a leading ``'``.
"""

from __future__ import annotations

import re

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""The marks that reorder text around them: a name could show its letters reversed."""

_SEPARATORS = (0x2028, 0x2029)
"""Line and paragraph separators: new lines to some readers, not to others."""

_UNSAFE_POINTS = (
    *(c for c in range(0x20) if c != 0x0A),
    0x7F,
    *range(0x80, 0xA0),
    *_BIDI,
    *_SEPARATORS,
    *range(0xD800, 0xE000),
)

_UNSAFE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    r"\ud800-\udfff]"
)

_NAMED = {0x09: "\\t", 0x0D: "\\r"}


def _shown(point: int) -> str:
    if 0xDC80 <= point <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{point - 0xDC00:02x}"
    if point < 0x100:
        return _NAMED.get(point, f"\\x{point:02x}")
    return f"\\u{point:04x}"


_VISIBLE = {c: _shown(c) for c in _UNSAFE_POINTS}
_JSON = {c: f"\\u{c:04x}" for c in _UNSAFE_POINTS if c >= 0x7F}
"""JSON's own encoder escapes C0 already; the rest (DEL on) as ``\\u`` escapes."""


def visible(text: str) -> str:
    """The text with every control character, bidi mark and undecodable byte shown escaped."""
    return text.translate(_VISIBLE) if _UNSAFE.search(text) else text


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with C1 characters, bidi
    marks, separators and lone surrogates as ``\\u`` escapes: the same data, and UTF-8."""
    return text.translate(_JSON) if _UNSAFE.search(text) else text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)."""


def defused(text: str) -> str:
    """A CSV text cell, shown safe, and with a leading ``'`` where it would start a formula."""
    shown = visible(text)
    return "'" + shown if text.startswith(FORMULA_STARTS) else shown
