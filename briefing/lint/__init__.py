"""`build.py lint FILE.docx`: where a Word document departs from the official layout.

`facts` reads what a reader of the file would measure (page, margins, fonts and sizes, line
spacing, page numbers, the masthead and closing lines, the typed heading numbers) with the
importer's safe package opener and reader; `rules` compares them with a layout profile.
"""
