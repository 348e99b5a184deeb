"""Drawers: one module per format, each turning blocks (or a summary) into text or bytes; none prints."""
