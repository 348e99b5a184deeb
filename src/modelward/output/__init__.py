"""From a result to a page: layouts lay each command's result out as blocks, drawers draw them.

``blocks`` (the plain pieces), ``layouts/`` (one per command: result -> blocks),
``documents`` (the stable JSON documents of FORMAT.md), ``drawers/`` (terminal, Markdown,
HTML, xlsx, CSV, JSON), ``formats`` (choosing a drawer by name or extension),
``provenance`` (where an export came from), ``writing`` (stdout, or a file written whole
or not at all). Nothing here is imported until a command needs it.
"""
