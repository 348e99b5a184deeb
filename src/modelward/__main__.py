"""Run the command line as ``python -m modelward``."""

from __future__ import annotations

from modelward.cli import main

main()
