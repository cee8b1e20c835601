"""styles.xml -> what each paragraph style means: heading level, automatic numbering, bold and
italic, alignment, inherited through `basedOn` (with a guard against loops).

Heading levels come from Word's built-in heading styles ("heading 1" …, by name, in any
language Word saved the id in) or the outline level a style sets; our own writer's custom
styles ("Masthead Issuer", "Recipients", …) are recognised by name as roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from briefing.readers.docx.wordml import attr, child, int_attr, toggle, w

#: Style names of our own DOCX writer (lower case) -> the role of their paragraphs.
ROLES = {
    "masthead": "masthead", "masthead superior": "masthead-superior",
    "masthead issuer": "masthead-issuer", "masthead star": "masthead-star",
    "masthead number": "masthead-number", "masthead issuer rule": "masthead-rule",
    "party name": "party-name", "party name 2": "party-name", "party name 3": "party-name",
    "party rule": "rule", "place date": "place-date", "mark": "mark",
    "document type": "document-type", "subject": "subject", "title rule": "rule",
    "cover title": "cover-title", "cover subject": "cover-subject", "cover issue": "cover-issue",
    "cover meeting": "cover-meeting", "cover foot": "cover-foot",
    "recipients label": "recipients-label", "recipients": "recipients",
    "signature": "signature", "signature authority": "signature-authority",
    "signature title": "signature-title", "signature name": "signature-name",
    "footnote text": "footnote",
    # furniture of articles, speeches and interviews (content model additions)
    "intertitle": "intertitle", "standfirst": "standfirst", "dateline": "dateline",
    "byline": "byline", "credit": "credit", "note": "note", "salutation": "salutation",
    "quote": "quote", "block text": "quote", "quote attribution": "attribution",
    "attribution": "attribution", "question": "question", "answer": "answer",
    "caption": "caption", "table caption": "caption", "figure caption": "figure-caption",
    "note line": "note", "figure": "figure", "table text": "table-text",
    "table heading": "table-heading",
    "table note": "table-note", "figure credit": "figure-credit",
    "appendix label": "appendix-label", "appendix title": "appendix-title",
    "appendix subtitle": "appendix-subtitle", "title": "title", "subtitle": "subtitle",
}
_HEADING = re.compile(r"^(?:heading|titre|überschrift|tiêu đề)\s*(\d)$", re.IGNORECASE)


@dataclass
class Style:
    id: str
    name: str
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    default_bold: bool = False
    default_italic: bool = False

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, nearest first."""
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def first(self, style_id: str | None, name: str):
        for style in self.chain(style_id):
            value = getattr(style, name)
            if value is not None:
                return value
        return None

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else (style_id or "")

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level of a paragraph style, or None."""
        for style in self.chain(style_id):
            match = _HEADING.match(style.name.strip()) or _HEADING.match(style.id)
            if match:
                return int(match.group(1))
            if style.name.strip().lower() in ("title",):
                return None
        outline = self.first(style_id, "outline")
        if outline is not None and 0 <= outline < 9:
            return outline + 1
        return None

    def role(self, style_id: str | None) -> str | None:
        for style in self.chain(style_id):
            role = ROLES.get(style.name.strip().lower())
            if role:
                return role
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int]:
        """(numId, ilvl) a style gives its paragraphs (style-linked numbering)."""
        num_id = self.first(style_id, "num_id")
        ilvl = self.first(style_id, "ilvl")
        return num_id, ilvl or 0


def read_styles(root: etree._Element | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    defaults = child(root, "docDefaults", "rPrDefault", "rPr")
    styles.default_bold = bool(toggle(defaults, "b"))
    styles.default_italic = bool(toggle(defaults, "i"))
    for element in root.iter(w("style")):
        style_id = attr(element, "styleId") or ""
        name = attr(child(element, "name"), "val") or style_id
        ppr = child(element, "pPr")
        rpr = child(element, "rPr")
        num = child(ppr, "numPr")
        styles.by_id[style_id] = Style(
            id=style_id, name=name,
            based_on=attr(child(element, "basedOn"), "val"),
            outline=int_attr(child(ppr, "outlineLvl"), "val"),
            num_id=attr(child(num, "numId"), "val"),
            ilvl=int_attr(child(num, "ilvl"), "val"),
            bold=toggle(rpr, "b"),
            italic=toggle(rpr, "i"),
            align=attr(child(ppr, "jc"), "val"),
        )
    return styles
