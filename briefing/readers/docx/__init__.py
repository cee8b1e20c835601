"""Word (.docx) sources: the package opened safely, then styles, automatic numbering,
footnotes, tables and pictures read into source lines (`parse.read_docx`)."""
