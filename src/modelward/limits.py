"""Limits on what the tool reads, kept apart so the command line can show them without importing the core."""

from __future__ import annotations

MAX_BYTES = 2 * 1024 * 1024
"""Largest input file read by default (--max-size). A ward file is a few kilobytes and a
catalogue some tens; a 2 MB YAML file already takes seconds and hundreds of MB to check."""

MAX_DEPTH = 100
"""Deepest nesting of mappings and lists read. The catalogue's rules need about 2 levels per
``all``/``any``; a file nested deeper is a bracket left open or a hostile file, and is
refused at its position before it can exhaust Python's recursion limit."""

ALIAS_ALLOWANCE = 10_000
"""Values that aliases may add beyond a quarter of the file's characters. An alias repeats
what its anchor holds; a few nested aliases can repeat it billions of times (the "billion
laughs"), so the expansion is counted and refused past this."""

SMALL_RUN = 200
"""Below this many ward files one process is faster than starting workers."""

MAX_FIGURE = 10**15
"""Figures from here up are refused (at their position, by ``validate`` too): no ward reports
a quadrillion of anything, so ``1e29`` cases is a slip of the keyboard. Below it every count
is a float exactly and every figure prints in full."""

MIN_FIGURE = 1e-15
"""A figure above zero and below this is refused: nothing a ward reports has its first digit
fifteen places after the decimal mark, and a change from such a figure (``1e-300`` to ``5``)
would be beyond any number a JSON reader can hold."""
