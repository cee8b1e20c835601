"""styles.xml -> what each style means: heading level, automatic numbering, and the look it
gives (weight, slant, capitals, size, font, colour, hidden text, alignment, indents, tab
stops), inherited through `basedOn` (with a guard against loops) down from the document
defaults.

Heading levels come from Word's built-in heading styles ("heading 1" …, by name, in any
language Word saved the id in) or the outline level a style sets; our own writer's custom
styles ("Masthead Issuer", "Recipients", …) are recognised by name as roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from briefing.readers.docx.wordml import attr, child, int_attr, w

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
#: "Times New Roman Bold" and the like: a face name Word accepts as a family.
_FACE = re.compile(r"\s+(bold|italic|bold italic|regular)$", re.IGNORECASE)


def family(font: str) -> str:
    """The family of a face name: "Times New Roman Bold" -> "Times New Roman"."""
    face = _FACE.search(font)
    return font[: face.start()] if face else font


@dataclass(frozen=True)
class Look:
    """The character look of a run: None where nothing in the chain says."""

    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    size: float | None = None  # points
    font: str | None = None
    color: str | None = None  # "FFFFFF", "auto", …
    hidden: bool | None = None
    vertical: str | None = None  # "superscript" | "subscript" | "baseline"
    shaded: bool | None = None  # a highlight or a shading behind the text

    def over(self, base: Look) -> Look:
        """This look on top of `base` (what this one leaves open, `base` says)."""
        if self == _EMPTY:
            return base
        return Look(*(mine if mine is not None else theirs
                      for mine, theirs in zip(_values(self), _values(base), strict=True)))


_EMPTY = Look()


def _values(look: Look) -> tuple:
    return (look.bold, look.italic, look.caps, look.size, look.font, look.color, look.hidden,
            look.vertical, look.shaded)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_OFF = ("0", "false", "off", "none")


def read_look(rpr: etree._Element | None) -> Look:
    """The properties a `w:rPr` sets itself (read in one pass: a document has thousands)."""
    if rpr is None or not len(rpr):
        return Look()
    found: dict[str, etree._Element] = {}
    for item in rpr:
        tag = item.tag
        if isinstance(tag, str) and tag.startswith(_W):
            found[tag[len(_W):]] = item
    size = int_attr(found.get("sz"), "val")
    fonts = found.get("rFonts")
    font = attr(fonts, "ascii") or attr(fonts, "hAnsi")
    face = _FACE.search(font) if font else None
    bold, italic = _toggle(found.get("b")), _toggle(found.get("i"))
    if face:  # "Times New Roman Bold": the family, and the face Word draws with it
        font = font[: face.start()] if font else font
        bold = True if bold is None and "bold" in face.group(1).lower() else bold
        italic = True if italic is None and "italic" in face.group(1).lower() else italic
    highlight = attr(found.get("highlight"), "val")
    fill = attr(found.get("shd"), "fill")
    shaded = (highlight not in (None, "none")) or (fill not in (None, "auto", "FFFFFF"))
    return Look(bold=bold, italic=italic, caps=_toggle(found.get("caps")),
                size=size / 2 if size else None, font=font,
                color=attr(found.get("color"), "val") or None,
                hidden=_toggle(found.get("vanish")),
                vertical=attr(found.get("vertAlign"), "val"), shaded=shaded or None)


def _toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(_VAL, "true") not in _OFF


@dataclass(frozen=True)
class TabStop:
    position: int  # twips from the left indent's origin (the text margin)
    kind: str  # "left" | "right" | "center" | "decimal" | "bar" | "clear"
    leader: str | None  # "dot" | "hyphen" | "underscore" | "middleDot" | "heavy" | None


def read_tabs(ppr: etree._Element | None) -> list[TabStop]:
    tabs = child(ppr, "tabs")
    if tabs is None:
        return []
    out = []
    for tab in tabs.findall(w("tab")):
        leader = attr(tab, "leader")
        out.append(TabStop(int_attr(tab, "pos") or 0, attr(tab, "val") or "left",
                           None if leader in (None, "none") else leader))
    return out


def merge_tabs(base: list[TabStop], own: list[TabStop]) -> list[TabStop]:
    """Stops of a style or paragraph over those it inherits ("clear" removes one)."""
    stops = {tab.position: tab for tab in base}
    for tab in own:
        if tab.kind == "clear":
            stops.pop(tab.position, None)
        else:
            stops[tab.position] = tab
    return sorted(stops.values(), key=lambda t: t.position)


@dataclass(frozen=True)
class Indent:
    """Left and first-line indents in twips (hanging as a negative first line)."""

    left: int | None = None
    first: int | None = None

    def over(self, base: Indent) -> Indent:
        return Indent(self.left if self.left is not None else base.left,
                      self.first if self.first is not None else base.first)


def read_indent(ppr: etree._Element | None) -> Indent:
    ind = child(ppr, "ind")
    if ind is None:
        return Indent()
    left = int_attr(ind, "left")
    left = int_attr(ind, "start") if left is None else left
    hanging = int_attr(ind, "hanging")
    first = -hanging if hanging is not None else int_attr(ind, "firstLine")
    return Indent(left, first)


@dataclass
class Style:
    id: str
    name: str
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level
    num_id: str | None = None
    ilvl: int | None = None
    look: Look = field(default_factory=Look)
    align: str | None = None
    indent: Indent = field(default_factory=Indent)
    tabs: list[TabStop] = field(default_factory=list)

    @property
    def bold(self) -> bool | None:
        return self.look.bold

    @property
    def italic(self) -> bool | None:
        return self.look.italic


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    #: the document defaults (w:docDefaults): Word's own 10 pt when they say nothing
    defaults: Look = field(default_factory=lambda: Look(size=10.0))
    default_indent: Indent = field(default_factory=Indent)
    default_paragraph: str | None = None  # the style of paragraphs that name none
    _looks: dict[tuple[str | None, str | None], Look] = field(default_factory=dict,
                                                             repr=False)

    @property
    def default_bold(self) -> bool:
        return bool(self.defaults.bold)

    @property
    def default_italic(self) -> bool:
        return bool(self.defaults.italic)

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

    def paragraph_style(self, style_id: str | None) -> str | None:
        return style_id if style_id else self.default_paragraph

    def look(self, style_id: str | None) -> Look:
        """The character look a style gives, with its ancestors'."""
        key = (style_id, "")
        found = self._looks.get(key)
        if found is None:
            found = Look()
            for style in self.chain(style_id):
                found = found.over(style.look)
            self._looks[key] = found
        return found

    def run_look(self, paragraph_style: str | None, run_style: str | None) -> Look:
        """Defaults, then the paragraph style, then the character style (Word's order);
        computed once per pair, as a document uses a handful of them."""
        key = (paragraph_style, run_style or None)
        found = self._looks.get(key)
        if found is None:
            found = self.look(run_style).over(self.look(paragraph_style).over(self.defaults))
            self._looks[key] = found
        return found

    def indent(self, style_id: str | None) -> Indent:
        out = Indent()
        for style in self.chain(style_id):
            out = out.over(style.indent)
        return out.over(self.default_indent)

    def tabs(self, style_id: str | None) -> list[TabStop]:
        stops: list[TabStop] = []
        for style in reversed(self.chain(style_id)):
            stops = merge_tabs(stops, style.tabs)
        return stops

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
    styles.defaults = read_look(defaults).over(Look(size=10.0))
    styles.default_indent = read_indent(child(root, "docDefaults", "pPrDefault", "pPr"))
    for element in root.iter(w("style")):
        style_id = attr(element, "styleId") or ""
        name = attr(child(element, "name"), "val") or style_id
        ppr = child(element, "pPr")
        num = child(ppr, "numPr")
        styles.by_id[style_id] = Style(
            id=style_id, name=name,
            based_on=attr(child(element, "basedOn"), "val"),
            outline=int_attr(child(ppr, "outlineLvl"), "val"),
            num_id=attr(child(num, "numId"), "val"),
            ilvl=int_attr(child(num, "ilvl"), "val"),
            look=read_look(child(element, "rPr")),
            align=attr(child(ppr, "jc"), "val"),
            indent=read_indent(ppr),
            tabs=read_tabs(ppr),
        )
        if attr(element, "type") == "paragraph" and attr(element, "default") in ("1", "true"):
            styles.default_paragraph = style_id
    return styles
