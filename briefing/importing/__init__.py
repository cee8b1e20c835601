"""Bring documents in: Word (.docx), text (.txt) and Markdown (.md) -> content files.

Readers in, one model, like pandoc: `briefing.readers` (`docx/`, `text/`, `markdown.py`) each
produce a `SourceDocument`; this package, format-free, recognises what it means (`clutter`,
`text_footnotes`, `repair`, `head`, `structure`, `ladder`, `cleanup`, `meta_defaults`) and
turns it into content; `emit` writes the YAML with every guess as a comment, and the result
is checked with the same loader and checks as `build.py check` before anyone sees it.

`import_file(path)` is the one entry point (the CLI and the studio call it); it prints
nothing and raises `BriefingError` for input it cannot read.
"""

from __future__ import annotations

from briefing.importing.importer import ImportedDocument, ImportResult, import_file

__all__ = ["ImportResult", "ImportedDocument", "import_file"]
