"""Building WordprocessingML elements with python-docx's lxml element classes.

python-docx has no API for footnotes, fields, borders or outline levels, so the writer
builds that XML itself; these helpers keep it short (`w("w:jc", val="center")`) and make sure
every element comes from python-docx's parser, so python-docx objects can wrap it later.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

Element = BaseOxmlElement


def w(tag: str, *children: Element | None, **attrs: str | int) -> Element:
    """`tag` ("w:spacing") with attributes given by their w-namespace names (`line="360"`);
    `None` children are skipped so callers can write optional parts inline."""
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def val(tag: str, value: str | int) -> Element:
    """The many elements whose only content is `w:val`."""
    return w(tag, val=value)


def text(content: str) -> Element:
    """A w:t that keeps leading, trailing and doubled spaces exactly as given."""
    element = w("w:t")
    if content != content.strip(" ") or "  " in content:
        element.set(qn("xml:space"), "preserve")
    element.text = content
    return element
