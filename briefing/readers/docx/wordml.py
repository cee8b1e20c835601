"""Names and small readers for WordprocessingML elements."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
#: Namespaces of `mc:Choice Requires` this reader understands (shapes, groups, canvases,
#: Word 2010+ extensions whose content it reads like the older forms).
UNDERSTOOD = {"wps", "wpg", "wpc", "wpi", "wp14", "w14", "w15", "w16se", "a14", "v", "o",
              "w10", "pic", "m"}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def attr(element: etree._Element | None, name: str, default: str | None = None) -> str | None:
    """A w:-namespaced attribute ("val" -> w:val)."""
    if element is None:
        return default
    return element.get(w(name), default)


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """The first child with each tag in turn (a loop over the children: quicker than
    `find` for the few children Word's property elements have)."""
    for tag in path:
        if element is None:
            return None
        name = f"{{{W_NS}}}{tag}"
        element = next((item for item in element if item.tag == name), None)
    return element


def toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    """A toggle property (w:b, w:i): True, False, or None when not set."""
    element = child(rpr, tag)
    if element is None:
        return None
    return attr(element, "val", "true") not in ("0", "false", "off", "none")


def int_attr(element: etree._Element | None, name: str) -> int | None:
    value = attr(element, name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def branch(element: etree._Element) -> etree._Element:
    """The one branch of an `mc:AlternateContent` to read: the first Choice whose
    requirements are understood, else the Fallback (Word keeps every drawing twice)."""
    for choice in element.findall(f"{{{MC_NS}}}Choice"):
        required = set((choice.get("Requires") or "").split())
        if required <= UNDERSTOOD:
            return choice
    fallback = element.find(f"{{{MC_NS}}}Fallback")
    return fallback if fallback is not None else etree.Element("none")


def blocks_of(parent: etree._Element):
    """The paragraphs and tables of a body or cell, through content controls."""
    for element in parent:
        if element.tag == w("sdt"):
            content = child(element, "sdtContent")
            yield from blocks_of(content if content is not None else element)
        elif element.tag == w("customXml"):
            yield from blocks_of(element)
        elif element.tag in (w("p"), w("tbl")):
            yield element
