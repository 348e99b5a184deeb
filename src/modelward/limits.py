"""Limits on what the tool reads, kept apart so the command line can show them without importing the core."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
"""Largest input file read by default (--max-size); a ward file is a few kilobytes."""
