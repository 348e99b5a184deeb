"""Layouts: one module per command, each turning its result into blocks (no drawing)."""
