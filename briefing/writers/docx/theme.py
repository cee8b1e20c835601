"""The theme's fonts: the profile font as Word's "+Body" and "+Headings" fonts.

The styles never name a theme font, but a style a clerk adds later, or text pasted in, may
default to the theme's fonts; with the theme pointing at the profile font too, the document
stays in one typeface. python-docx keeps the theme as an opaque part, so it is rewritten here.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.parts.document import DocumentPart
from lxml import etree

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def set_theme_fonts(document_part: DocumentPart, family: str) -> None:
    """Replace the theme part by one whose major and minor Latin fonts are `family`."""
    for rId, rel in list(document_part.rels.items()):
        if rel.reltype != RT.THEME or rel.is_external:
            continue
        old = rel.target_part
        root = etree.fromstring(old.blob)
        for scheme in ("majorFont", "minorFont"):
            for latin in root.iter(f"{_A}{scheme}"):
                for element in latin.findall(f"{_A}latin"):
                    element.set("typeface", family)
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        document_part.rels.pop(rId)
        new = Part(old.partname, old.content_type, blob, document_part.package)
        document_part.relate_to(new, RT.THEME)
