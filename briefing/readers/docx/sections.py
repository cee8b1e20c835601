"""`w:sectPr` -> `source.Section`: page size and orientation, margins, a different first
page, how the section starts, and the headers and footers it shows — which of them carry the
page number (a PAGE field). A section that names no header of a kind shows the previous
section's (Word's inheritance), marked `inherited`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from briefing.messages import Message, msg
from briefing.readers.docx.package import Package
from briefing.readers.docx.wordml import R_NS, attr, child, int_attr, w
from briefing.readers.source import HeaderFooter, Line, Section

_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
_MARGINS = ("top", "bottom", "left", "right", "header", "footer", "gutter")
#: Reads a header or footer part into lines (the caller's paragraph reader).
ReadPart = Callable[[etree._Element, str], list[Line]]


def read_section(sect: etree._Element | None, index: int, first_block: int, where: Message,
                 package: Package, read_part: ReadPart,
                 previous: Section | None) -> Section:
    size = child(sect, "pgSz")
    margins = child(sect, "pgMar")
    columns = int_attr(child(sect, "cols"), "num") or 1
    section = Section(
        where=msg("place-section", "section {n} ({where})", n=index + 1, where=where),
        width=int_attr(size, "w") or 0, height=int_attr(size, "h") or 0,
        margins={name: int_attr(margins, name) or 0 for name in _MARGINS
                 if margins is not None and attr(margins, name) is not None},
        title_page=_on(child(sect, "titlePg")),
        start=attr(child(sect, "type"), "val") or "nextPage",
        columns=columns,
        page_start=int_attr(child(sect, "pgNumType"), "start"),
        first_block=first_block,
    )
    orient = attr(size, "orient")
    section.landscape = orient == "landscape" or (orient is None and
                                                  section.width > section.height > 0)
    section.headers = _furniture(sect, package, read_part, previous)
    return section


def _on(element: etree._Element | None) -> bool:
    return element is not None and attr(element, "val", "true") not in ("0", "false", "off")


def _furniture(sect: etree._Element | None, package: Package, read_part: ReadPart,
               previous: Section | None) -> list[HeaderFooter]:
    own: list[HeaderFooter] = []
    for kind in ("header", "footer"):
        for reference in sect.findall(w(f"{kind}Reference")) if sect is not None else []:
            target = package.rels.get(reference.get(f"{{{R_NS}}}id") or "")
            if target is None:
                continue
            part = target[1]
            root = package.xml(part)
            own.append(HeaderFooter(kind, attr(reference, "type") or "default", part,
                                    page_number=_has_page_field(root),
                                    lines=read_part(root, part) if root is not None else []))
    named = {(item.kind, item.type) for item in own}
    inherited = [HeaderFooter(item.kind, item.type, item.part, item.page_number, True,
                              item.lines)
                 for item in (previous.headers if previous else [])
                 if (item.kind, item.type) not in named]
    return own + inherited


def _has_page_field(root: etree._Element | None) -> bool:
    if root is None:
        return False
    for simple in root.iter(w("fldSimple")):
        if _PAGE_FIELD.search(attr(simple, "instr") or ""):
            return True
    return any(_PAGE_FIELD.search(text.text or "") for text in root.iter(w("instrText")))
