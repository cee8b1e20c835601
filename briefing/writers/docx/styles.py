"""The named styles of the document, built from the layout profile.

Every paragraph the writer emits names one of these styles, so a clerk who must change the body
size or a heading's look edits one style in Word instead of hundreds of paragraphs. Built-in
styles keep Word's names ("Body Text", "heading 1", "footnote text", "header") so the
navigation pane, the footnote machinery and the style gallery work as usual; the parts of the
official layout Word has no name for get plain custom names ("Masthead", "Document Type", …).

The template's own styles are dropped: they carry theme fonts (Calibri, Cambria) and colours
that have no place in a Party document. Its latent-style table stays, so Word still offers its
other built-in styles on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from docx.oxml.ns import qn

from briefing.layout.borders import BOX_SPACE_PT, HAIRLINE_PT
from briefing.layout.looks import resolved_looks
from briefing.profile.model import ParagraphStyle, Profile, TextStyle
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import (
    Border,
    ParagraphLook,
    RunLook,
    paragraph_properties,
    run_properties,
)
from briefing.writers.docx.ooxml import Element, val, w


@dataclass(frozen=True)
class StyleSpec:
    """One w:style: identity, inheritance and formatting."""

    id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = S.NORMAL
    next: str | None = None
    custom: bool = False
    gallery: bool = True
    paragraph: ParagraphLook = field(default_factory=ParagraphLook)
    run: RunLook = field(default_factory=RunLook)

    def element(self) -> Element:
        style = w("w:style", type=self.kind, styleId=self.id)
        if self.id in (S.NORMAL, "DefaultParagraphFont"):
            style.set(qn("w:default"), "1")
        if self.custom:
            style.set(qn("w:customStyle"), "1")
        style.append(val("w:name", self.name))
        if self.based_on:
            style.append(val("w:basedOn", self.based_on))
        if self.next:
            style.append(val("w:next", self.next))
        if self.gallery:
            style.append(w("w:qFormat"))
        if self.kind == "paragraph":
            ppr = paragraph_properties(self.paragraph)
            if len(ppr):
                style.append(ppr)
        rpr = run_properties(self.run)
        if len(rpr):
            style.append(rpr)
        return style


# -- the styles, one row each ----------------------------------------------------------------
# A row makes the style(s) of one part of the layout from the profile. Most are a text look of
# the profile (`Text`: lines exactly single-spaced for their size, as in the PDF) or a body
# construct's paragraph look (`Construct`); the rest are built by a function of their own.
# `look` is the look's path in the profile, or in its resolved looks (`looks.…`,
# `briefing.layout.looks`). The rows are in the order styles.xml lists them.

class _Sources:
    """What a row reads: the profile, its resolved looks and the font family."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.looks = resolved_looks(profile)
        self.font = profile.font.family

    def look(self, path: str) -> Any:
        value: Any = self.looks if path.startswith("looks.") else self.profile
        for name in path.removeprefix("looks.").split("."):
            value = value[int(name)] if name.isdigit() else getattr(value, name)
        return value


class Text(NamedTuple):
    """A style of one of the profile's text looks (TextStyle)."""

    id: str
    name: str
    look: str
    based_on: str = S.NORMAL
    #: the profile's side margin (a path), for lines balanced between margins
    sides: str | None = None
    keep_next: bool = False
    #: drawn in Word's "Box" border when the look says `boxed`
    box: bool = False

    def specs(self, source: _Sources) -> list[StyleSpec]:
        style: TextStyle = source.look(self.look)
        borders = {}
        if self.box and style.boxed:
            vertical, side = BOX_SPACE_PT
            borders = {"top": Border(vertical), "bottom": Border(vertical),
                       "left": Border(side), "right": Border(side)}
        sides = source.look(self.sides) if self.sides else 0
        paragraph = ParagraphLook(
            align=style.align, first_line=style.indent, left=sides or 0, right=sides or 0,
            space_before=style.space_before, space_after=0,
            line_exact=source.profile.single_line(style.size), keep_next=self.keep_next,
            borders=borders)
        return [StyleSpec(self.id, self.name, based_on=self.based_on, custom=True,
                          paragraph=paragraph, run=run_look(style, source.font))]


class Construct(NamedTuple):
    """A body construct's style (ParagraphStyle): its text look, indents and spacing, the
    body's exact line height unless the profile gives one (the PDF stylesheet reads the same
    values); kept with the next paragraph always, or when its caption stands `above`."""

    id: str
    name: str
    look: str
    keep_next: bool | str = False

    def specs(self, source: _Sources) -> list[StyleSpec]:
        style: ParagraphStyle = source.look(self.look)
        body = source.profile.body
        keep = (self.keep_next if isinstance(self.keep_next, bool)
                else getattr(style, "position", None) == self.keep_next)
        return [StyleSpec(
            self.id, self.name, custom=self.id not in (S.QUOTE, S.CAPTION), next=S.BODY,
            paragraph=ParagraphLook(align=style.align, first_line=style.indent,
                                    left=style.left, right=style.right,
                                    space_before=style.space_before,
                                    space_after=(body.space_after if style.space_after is None
                                                 else style.space_after),
                                    line_exact=style.line_height or body.line_height,
                                    keep_next=keep),
            run=run_look(style, source.font))]


class Rule(NamedTuple):
    """An empty, hairline-high paragraph whose bottom border is the rule."""

    id: str
    name: str

    def specs(self, source: _Sources) -> list[StyleSpec]:
        return [StyleSpec(self.id, self.name, custom=True, gallery=False,
                          paragraph=ParagraphLook(align="center", first_line=0,
                                                  space_before=0, space_after=0,
                                                  line_exact=HAIRLINE_PT,
                                                  borders={"bottom": Border(0)}),
                          run=RunLook(font=source.font, size=HAIRLINE_PT))]


class Built(NamedTuple):
    """Styles a function of their own builds."""

    build: Callable[[_Sources], list[StyleSpec]]

    def specs(self, source: _Sources) -> list[StyleSpec]:
        return self.build(source)


def run_look(style: TextStyle, font: str) -> RunLook:
    return RunLook(font=font, size=style.size, bold=style.bold, italic=style.italic,
                   underline=style.underline, caps=style.caps)


def _base(source: _Sources) -> list[StyleSpec]:
    """Normal, the default character style and the body text."""
    body, font = source.profile.body, source.font
    return [
        StyleSpec(S.NORMAL, "Normal", based_on=None,
                  paragraph=ParagraphLook(widow_control=True),
                  run=RunLook(font=font, size=body.size, lang=source.profile.lang)),
        StyleSpec("DefaultParagraphFont", "Default Paragraph Font", kind="character",
                  based_on=None, gallery=False),
        StyleSpec(S.BODY, "Body Text", next=S.BODY,
                  paragraph=ParagraphLook(align=body.align, first_line=body.first_line_indent,
                                          left=0, right=0, space_before=0,
                                          space_after=body.space_after,
                                          line_exact=body.line_height),
                  run=RunLook(font=font, size=body.size)),
    ]


def _headings(source: _Sources) -> list[StyleSpec]:
    """Word's "heading 1" … "heading 9" from the profile's ladder of looks."""
    body = source.profile.body
    specs = []
    for level in range(1, S.HEADING_LEVELS + 1):
        look = source.profile.heading(level)
        specs.append(StyleSpec(
            S.heading(level), f"heading {level}", next=S.BODY,
            paragraph=ParagraphLook(align=look.align, first_line=look.indent, left=0, right=0,
                                    space_before=look.space_before,
                                    space_after=body.space_after, line_exact=body.line_height,
                                    keep_next=True, keep_lines=True,
                                    outline_level=level - 1),
            run=run_look(look, source.font)))
    return specs


def _notes_and_page(source: _Sources) -> list[StyleSpec]:
    """Footnote text and reference, the page number's header and footer."""
    profile, font = source.profile, source.font
    note = profile.footnote
    number_align = profile.page.number.position.partition("-")[2] or "center"
    return [
        # no widow control: a note that does not fit below its call continues on the next
        # page from a single line on, as our PDF does (LibreOffice, with widow control, moves
        # such a note whole to the next page, away from its call)
        StyleSpec(S.FOOTNOTE_TEXT, "footnote text",
                  paragraph=ParagraphLook(align=profile.body.align,
                                          first_line=note.first_line_indent, left=0, right=0,
                                          space_before=0, space_after=note.space_after,
                                          line_exact=note.line_height, widow_control=False),
                  run=RunLook(font=font, size=note.size)),
        StyleSpec(S.FOOTNOTE_REFERENCE, "footnote reference", kind="character",
                  based_on="DefaultParagraphFont", gallery=False,
                  run=RunLook(superscript=True)),
        StyleSpec(S.HEADER, "header", gallery=False,
                  paragraph=ParagraphLook(align=number_align, first_line=0, space_after=0,
                                          line_exact=profile.single_line(
                                              profile.page.number.size)),
                  run=RunLook(font=font, size=profile.page.number.size)),
        StyleSpec(S.FOOTER, "footer", based_on=S.HEADER, gallery=False),
    ]


def _band(style_id: str, name: str, size: float, source: _Sources) -> StyleSpec:
    """The base of the lines of a band (masthead, signature): centred, single-spaced."""
    return StyleSpec(style_id, name, custom=style_id == S.MASTHEAD,
                     paragraph=ParagraphLook(align="center", first_line=0, left=0, right=0,
                                             space_before=0, space_after=0,
                                             line_exact=source.profile.single_line(size)),
                     run=RunLook(font=source.font, size=size))


def _masthead(source: _Sources) -> list[StyleSpec]:
    return [_band(S.MASTHEAD, "Masthead", source.profile.masthead.superior.size, source)]


def _issuer_mark(source: _Sources) -> list[StyleSpec]:
    """The rule under the issuer (ND 30) where the profile draws one, then the star."""
    rule = Rule(S.MASTHEAD_ISSUER_RULE, "Masthead Issuer Rule").specs(source)
    star = StyleSpec(S.MASTHEAD_STAR, "Masthead Star", based_on=S.MASTHEAD_ISSUER, custom=True,
                     run=RunLook(font=source.font, bold=False))
    return [*(rule if source.profile.masthead.issuer_mark == "rule" else []), star]


def _title_lines(source: _Sources) -> list[StyleSpec]:
    """One style per title line of the profile ("Party Name", "Party Name 2", …)."""
    rows = [Text(S.party_name(index), "Party Name" + (f" {index}" if index > 1 else ""),
                 f"masthead.title_lines.{index - 1}", based_on=S.MASTHEAD)
            for index in range(1, len(source.profile.masthead.title_lines) + 1)]
    return [spec for row in rows for spec in row.specs(source)]


def _title_rule(source: _Sources) -> list[StyleSpec]:
    """The rule under the subject keeps the body's paragraph gap from it, so it does not read
    as an underline of the subject's last line."""
    profile, body = source.profile, source.profile.body
    side = (profile.text_width_mm - profile.title_block.rule) / 2
    return [StyleSpec(S.TITLE_RULE, "Title Rule", custom=True, gallery=False,
                      paragraph=ParagraphLook(align="center", first_line=0, left=side,
                                              right=side, space_before=body.space_after,
                                              space_after=body.space_after, keep_next=True,
                                              line_exact=HAIRLINE_PT,
                                              borders={"bottom": Border(0)}),
                      run=RunLook(font=source.font, size=HAIRLINE_PT))]


def _cover_meeting(source: _Sources) -> list[StyleSpec]:
    return [StyleSpec(S.COVER_MEETING, "Cover Meeting", based_on=S.COVER_ISSUE, custom=True)]


def _signature(source: _Sources) -> list[StyleSpec]:
    return [_band(S.SIGNATURE, "Signature", source.profile.closing.name.size, source)]


def _table_text(source: _Sources) -> list[StyleSpec]:
    table = source.profile.table
    return [
        StyleSpec(S.TABLE_TEXT, "Table Text", custom=True,
                  paragraph=ParagraphLook(align="left", first_line=0, left=0, right=0,
                                          space_before=0, space_after=0,
                                          line_exact=table.line_height),
                  run=RunLook(font=source.font, size=table.size)),
        StyleSpec(S.TABLE_HEADING, "Table Heading", based_on=S.TABLE_TEXT, custom=True,
                  paragraph=ParagraphLook(align=table.header_align),
                  run=RunLook(font=source.font, bold=table.header.bold,
                              italic=table.header.italic)),
    ]


def _figure(source: _Sources) -> list[StyleSpec]:
    """The picture's line is as high as the picture: a single-spaced line adds the paragraph
    font's descent under an inline picture, so that font is a hairline."""
    space = source.profile.body.space_after
    return [StyleSpec(S.FIGURE, "Figure", custom=True,
                      paragraph=ParagraphLook(align="center", first_line=0, left=0, right=0,
                                              space_before=space, space_after=space,
                                              single=True,
                                              keep_next=source.profile.captions.figure.position
                                              == "below"),
                      run=RunLook(font=source.font, size=HAIRLINE_PT))]


#: every style the writer uses, in styles.xml order
STYLES: tuple[Text | Construct | Rule | Built, ...] = (
    Built(_base), Built(_headings), Built(_notes_and_page),
    # official masthead and booklet cover: the issuing body's block
    Built(_masthead),
    Text(S.MASTHEAD_SUPERIOR, "Masthead Superior", "masthead.superior", based_on=S.MASTHEAD),
    Text(S.MASTHEAD_ISSUER, "Masthead Issuer", "masthead.issuer", based_on=S.MASTHEAD),
    Built(_issuer_mark),
    Text(S.MASTHEAD_NUMBER, "Masthead Number", "masthead.number", based_on=S.MASTHEAD),
    Built(_title_lines),
    Rule(S.PARTY_RULE, "Party Rule"),
    Text(S.PLACE_DATE, "Place Date", "masthead.place_date", based_on=S.MASTHEAD),
    Text(S.MARK, "Mark", "looks.mark", box=True),
    # title block (both forms)
    Text(S.DOCUMENT_TYPE, "Document Type", "title_block.type", keep_next=True),
    Text(S.SUBJECT, "Subject", "title_block.subject", sides="title_block.subject_margin",
         keep_next=True),
    Built(_title_rule),
    # booklet cover
    Text(S.COVER_TITLE, "Cover Title", "cover.title"),
    Text(S.COVER_SUBJECT, "Cover Subject", "looks.cover_subject", sides="cover.subject_margin"),
    Text(S.COVER_ISSUE, "Cover Issue", "looks.cover_issue"),
    Built(_cover_meeting),
    Text(S.COVER_FOOT, "Cover Foot", "cover.foot"),
    # closing: recipients left-aligned without indent, the signature centred
    Text(S.RECIPIENTS_LABEL, "Recipients Label", "looks.recipients_label"),
    Text(S.RECIPIENTS, "Recipients", "looks.recipients"),
    Built(_signature),
    Text(S.SIGNATURE_AUTHORITY, "Signature Authority", "looks.signature_authority",
         based_on=S.SIGNATURE),
    Text(S.SIGNATURE_TITLE, "Signature Title", "closing.title", based_on=S.SIGNATURE),
    Text(S.SIGNATURE_NAME, "Signature Name", "closing.name", based_on=S.SIGNATURE),
    # body constructs with a look of their own
    Construct(S.INTERTITLE, "Intertitle", "furniture.intertitle", keep_next=True),
    Construct(S.STANDFIRST, "Standfirst", "furniture.standfirst"),
    Construct(S.DATELINE, "Dateline", "furniture.dateline", keep_next=True),
    Construct(S.BYLINE, "Byline", "furniture.byline", keep_next=True),
    Construct(S.CREDIT, "Credit", "furniture.credit"),
    Construct(S.NOTE, "Note Line", "furniture.note"),
    Construct(S.SALUTATION, "Salutation", "furniture.salutation"),
    Construct(S.QUOTE, "Quote", "furniture.quote"),
    Construct(S.ATTRIBUTION, "Attribution", "furniture.attribution"),
    Construct(S.QUESTION, "Question", "furniture.question", keep_next=True),
    Construct(S.ANSWER, "Answer", "furniture.answer"),
    Built(_table_text),
    Construct(S.CAPTION, "caption", "captions.table", keep_next="above"),
    Construct(S.FIGURE_CAPTION, "Figure Caption", "captions.figure", keep_next="above"),
    Built(_figure),
    # heads are kept with what follows them, as in the PDF (break-after: avoid)
    Text(S.APPENDIX_LABEL, "Appendix Label", "appendix.label_style", keep_next=True),
    Text(S.APPENDIX_TITLE, "Appendix Title", "appendix.title", keep_next=True),
    Text(S.APPENDIX_SUBTITLE, "Appendix Subtitle", "appendix.subtitle", keep_next=True),
)


def style_specs(profile: Profile, rows: tuple[Text | Construct | Rule | Built, ...] = STYLES
                ) -> list[StyleSpec]:
    """The styles of `rows` (default: every style the writer always uses), in order."""
    source = _Sources(profile)
    return [spec for row in rows for spec in row.specs(source)]


def _defaults(profile: Profile) -> Element:
    """docDefaults: the profile font in all four script slots, body size, document language."""
    run = RunLook(font=profile.font.family, size=profile.body.size, lang=profile.lang)
    paragraph = ParagraphLook(space_after=0, single=True)
    return w("w:docDefaults",
             w("w:rPrDefault", run_properties(run)),
             w("w:pPrDefault", paragraph_properties(paragraph)))


def _table_and_list_defaults() -> list[Element]:
    """The default table and numbering styles every Word document defines, as Word writes
    them (the layout tables set their own cell margins)."""
    table = w("w:style", val("w:name", "Normal Table"), w("w:uiPriority", val=99),
              w("w:semiHidden"), w("w:unhideWhenUsed"),
              w("w:tblPr", w("w:tblInd", w=0, type="dxa"),
                w("w:tblCellMar", w("w:top", w=0, type="dxa"), w("w:left", w=108, type="dxa"),
                  w("w:bottom", w=0, type="dxa"), w("w:right", w=108, type="dxa"))),
              type="table", default="1", styleId="TableNormal")
    no_list = w("w:style", val("w:name", "No List"), w("w:uiPriority", val=99),
                w("w:semiHidden"), w("w:unhideWhenUsed"),
                type="numbering", default="1", styleId="NoList")
    return [table, no_list]


def install_styles(styles: Element, profile: Profile) -> None:
    """Replace the template's defaults and styles in `styles` (the w:styles root)."""
    for child in list(styles):
        if child.tag in (qn("w:docDefaults"), qn("w:style")):
            styles.remove(child)
    styles.insert(0, _defaults(profile))
    for spec in style_specs(profile):
        styles.append(spec.element())
    for element in _table_and_list_defaults():
        styles.append(element)


def add_styles(styles: Element, specs: Iterable[StyleSpec]) -> None:
    """Add styles only some documents use (legal headings, a type's lines) among the profile's
    own, before the table and list defaults `install_styles` ends with."""
    anchor = next((child for child in styles if child.get(qn("w:styleId")) == "TableNormal"),
                  None)
    for spec in specs:
        if anchor is not None:
            anchor.addprevious(spec.element())
        else:
            styles.append(spec.element())
