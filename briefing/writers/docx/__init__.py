"""DOCX writer: semantic tree + layout profile -> a Word document in the official layout.

Real Word structure throughout (named styles, heading outline levels, a PAGE field, native
footnotes), so the file is a document a clerk can keep editing, not a picture of one; and the
same input always gives the same bytes.
"""

from briefing.writers.docx.document import write_docx

__all__ = ["write_docx"]
