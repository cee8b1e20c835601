"""`build.py lint FILE.docx`: where a Word document departs from the official layout.

`facts` reads what a reader of the file would measure (the importer's reading: lines, tables,
sections and their headers; each paragraph's font, size and line spacing); `profile_signs`
which layout the file shows it follows; `rules.lint_file` applies that layout — the page
section by section (`page`), the masthead (`masthead`), the closing (`closing`), the typed
numbers (`numbering`), fonts and body text.
"""
