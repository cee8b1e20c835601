"""Field codes: the PAGE field of the running page number.

A complex field (begin / instruction / separate / result / end) rather than w:fldSimple:
it is what Word itself writes, and every consumer (Word, LibreOffice, converters) updates it.
The stored result is only a placeholder; page numbers are computed when the page is laid out.
"""

from __future__ import annotations

from briefing.writers.docx.ooxml import Element, text, w

PAGE = " PAGE "


def field_runs(instruction: str, placeholder: str) -> list[Element]:
    """The five runs of a complex field with `instruction` (e.g. " PAGE ")."""
    instr = w("w:instrText")
    instr.text = instruction
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        w("w:r", w("w:fldChar", fldCharType="begin")),
        w("w:r", instr),
        w("w:r", w("w:fldChar", fldCharType="separate")),
        w("w:r", text(placeholder)),
        w("w:r", w("w:fldChar", fldCharType="end")),
    ]


def page_number_runs() -> list[Element]:
    return field_runs(PAGE, "1")
