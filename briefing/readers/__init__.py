"""Readers: a source file in some format -> a `source.SourceDocument` (a flat list of the
paragraphs, tables and pictures a reader sees, with their looks). They mirror the writers:
`docx/` (Word), `text/` (plain text and its encodings), `markdown.py`. What the paragraphs
mean (sections, masthead, closing) is recognised afterwards, format-free, in
`briefing.importing`.
"""
