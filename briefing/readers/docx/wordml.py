"""Names and small readers for WordprocessingML elements."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def attr(element: etree._Element | None, name: str, default: str | None = None) -> str | None:
    """A w:-namespaced attribute ("val" -> w:val)."""
    if element is None:
        return default
    return element.get(w(name), default)


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    for tag in path:
        if element is None:
            return None
        element = element.find(w(tag))
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
