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

from dataclasses import dataclass, field, replace
from typing import Any

from docx.oxml.ns import qn

from briefing.profile.model import ParagraphStyle, Profile, TextStyle
from briefing.writers.docx.formatting import (
    Border,
    ParagraphLook,
    RunLook,
    paragraph_properties,
    run_properties,
)
from briefing.writers.docx.ooxml import Element, val, w

# Style ids the writers refer to. Built-in styles use Word's ids, which Word matches by name.
NORMAL = "Normal"
BODY = "BodyText"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
HEADER = "Header"
FOOTER = "Footer"
MASTHEAD = "Masthead"
MASTHEAD_SUPERIOR = "MastheadSuperior"
MASTHEAD_ISSUER = "MastheadIssuer"
MASTHEAD_STAR = "MastheadStar"
MASTHEAD_NUMBER = "MastheadNumber"
MASTHEAD_ISSUER_RULE = "MastheadIssuerRule"
PARTY_NAME = "PartyName"
PARTY_RULE = "PartyRule"
PLACE_DATE = "PlaceDate"
MARK = "Mark"
DOCUMENT_TYPE = "DocumentType"
SUBJECT = "Subject"
TITLE_RULE = "TitleRule"
COVER_TITLE = "CoverTitle"
COVER_SUBJECT = "CoverSubject"
COVER_ISSUE = "CoverIssue"
COVER_MEETING = "CoverMeeting"
COVER_FOOT = "CoverFoot"
RECIPIENTS_LABEL = "RecipientsLabel"
RECIPIENTS = "Recipients"
SIGNATURE = "Signature"
SIGNATURE_AUTHORITY = "SignatureAuthority"
SIGNATURE_TITLE = "SignatureTitle"
SIGNATURE_NAME = "SignatureName"
# body constructs with a look of their own (profile: furniture, table, captions, appendix)
INTERTITLE = "Intertitle"
STANDFIRST = "Standfirst"
DATELINE = "Dateline"
BYLINE = "Byline"
CREDIT = "Credit"
NOTE = "NoteLine"
SALUTATION = "Salutation"
QUOTE = "Quote"  # Word's built-in "Quote"
ATTRIBUTION = "Attribution"
QUESTION = "Question"
ANSWER = "Answer"
TABLE_TEXT = "TableText"
TABLE_HEADING = "TableHeading"
CAPTION = "Caption"  # Word's built-in "caption": what Insert Caption uses (tables)
FIGURE_CAPTION = "FigureCaption"
FIGURE = "Figure"
APPENDIX_LABEL = "AppendixLabel"
APPENDIX_TITLE = "AppendixTitle"
APPENDIX_SUBTITLE = "AppendixSubtitle"

#: paragraph kinds of the tree (<p kind="…">) -> their style
FURNITURE_STYLES = {"standfirst": STANDFIRST, "dateline": DATELINE, "byline": BYLINE,
                    "credit": CREDIT, "note": NOTE, "salutation": SALUTATION}

#: Word's built-in heading styles ("heading 1" … "heading 9"); all are defined from the profile's
#: ladder, levels deeper than the profile's list taking its last entry.
HEADING_LEVELS = 9

#: A paragraph that exists only to carry a rule (a border) is made one point high, the least
#: Word lays out reliably, so the rule sits right under the text it belongs to.
HAIRLINE_PT = 1


def heading(level: int) -> str:
    """Style id of the heading for a section `level` deep (deeper levels share the last)."""
    return f"Heading{min(max(level, 1), HEADING_LEVELS)}"


def party_name(index: int) -> str:
    """Style id of title line `index` (from 1) of the masthead: "PartyName" for the first,
    the one line of HD 36, so Party documents keep their style; "PartyName2" … after it."""
    return PARTY_NAME if index == 1 else f"{PARTY_NAME}{index}"


@dataclass(frozen=True)
class StyleSpec:
    """One w:style: identity, inheritance and formatting."""

    id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = NORMAL
    next: str | None = None
    custom: bool = False
    gallery: bool = True
    paragraph: ParagraphLook = field(default_factory=ParagraphLook)
    run: RunLook = field(default_factory=RunLook)

    def element(self) -> Element:
        style = w("w:style", type=self.kind, styleId=self.id)
        if self.id in (NORMAL, "DefaultParagraphFont"):
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


def _chosen(style: TextStyle, name: str, default: Any) -> Any:
    """`style.<name>` if the profile sets it (or no `default` is given), else `default`."""
    if default is None or name in style.model_fields_set:
        return getattr(style, name)
    return default


def _looks(style: TextStyle, font: str, line: float, *, align: str | None = None,
           space_before: float | None = None, box: bool = False) -> tuple[ParagraphLook, RunLook]:
    """Paragraph and run look of a profile `TextStyle`: lines exactly `line` pt high (the
    profile's single line for its size, as in the PDF), no space after.

    `align` and `space_before` are used where the profile leaves the value at the model's
    default; a value written in the profile always wins.
    """
    borders = {}
    if box and style.boxed:
        # Word's own spacing for a "Box" border: 1 pt above and below, 4 pt at the sides.
        borders = {"top": Border(1), "bottom": Border(1), "left": Border(4), "right": Border(4)}
    paragraph = ParagraphLook(align=_chosen(style, "align", align), first_line=style.indent,
                              left=0, right=0,
                              space_before=_chosen(style, "space_before", space_before),
                              space_after=0, line_exact=line,
                              borders=borders)
    run = RunLook(font=font, size=style.size, bold=style.bold, italic=style.italic,
                  underline=style.underline, caps=style.caps)
    return paragraph, run


def _text_style(style_id: str, name: str, style: TextStyle, profile: Profile, *,
                based_on: str = NORMAL, align: str | None = None,
                space_before: float | None = None, box: bool = False,
                sides: float = 0, keep_next: bool = False) -> StyleSpec:
    paragraph, run = _looks(style, profile.font.family, profile.single_line(style.size),
                            align=align, space_before=space_before, box=box)
    if keep_next:
        paragraph = replace(paragraph, keep_next=True)
    if sides:
        paragraph = replace(paragraph, left=sides, right=sides)
    return StyleSpec(style_id, name, based_on=based_on, custom=True, paragraph=paragraph,
                     run=run)


def _rule(style_id: str, name: str, font: str) -> StyleSpec:
    """An empty, hairline-high paragraph whose bottom border is the rule."""
    return StyleSpec(style_id, name, custom=True, gallery=False,
                     paragraph=ParagraphLook(align="center", first_line=0, space_before=0,
                                             space_after=0, line_exact=HAIRLINE_PT,
                                             borders={"bottom": Border(0)}),
                     run=RunLook(font=font, size=HAIRLINE_PT))


def _paragraph_style(style_id: str, name: str, style: ParagraphStyle, profile: Profile, *,
                     based_on: str = NORMAL, keep_next: bool = False) -> StyleSpec:
    """A body construct's style: its text look, indents and spacing, the body's exact line
    height unless the profile gives one (the PDF stylesheet reads the same values)."""
    body = profile.body
    return StyleSpec(
        style_id, name, based_on=based_on, custom=style_id not in (QUOTE, CAPTION), next=BODY,
        paragraph=ParagraphLook(align=style.align, first_line=style.indent, left=style.left,
                                right=style.right, space_before=style.space_before,
                                space_after=(body.space_after if style.space_after is None
                                             else style.space_after),
                                line_exact=style.line_height or body.line_height,
                                keep_next=keep_next),
        run=RunLook(font=profile.font.family, size=style.size, bold=style.bold,
                    italic=style.italic, underline=style.underline, caps=style.caps))


def _body_construct_specs(profile: Profile) -> list[StyleSpec]:
    """Styles of intertitles, article lines, quotes, interview turns, tables, captions,
    figures and appendices."""
    f = profile.furniture
    table = profile.table
    captions = profile.captions
    appendix = profile.appendix
    font = profile.font.family
    table_text = StyleSpec(TABLE_TEXT, "Table Text", custom=True,
                           paragraph=ParagraphLook(align="left", first_line=0, left=0, right=0,
                                                   space_before=0, space_after=0,
                                                   line_exact=table.line_height),
                           run=RunLook(font=font, size=table.size))
    return [
        _paragraph_style(INTERTITLE, "Intertitle", f.intertitle, profile, keep_next=True),
        _paragraph_style(STANDFIRST, "Standfirst", f.standfirst, profile),
        _paragraph_style(DATELINE, "Dateline", f.dateline, profile, keep_next=True),
        _paragraph_style(BYLINE, "Byline", f.byline, profile, keep_next=True),
        _paragraph_style(CREDIT, "Credit", f.credit, profile),
        _paragraph_style(NOTE, "Note Line", f.note, profile),
        _paragraph_style(SALUTATION, "Salutation", f.salutation, profile),
        _paragraph_style(QUOTE, "Quote", f.quote, profile),
        _paragraph_style(ATTRIBUTION, "Attribution", f.attribution, profile),
        _paragraph_style(QUESTION, "Question", f.question, profile, keep_next=True),
        _paragraph_style(ANSWER, "Answer", f.answer, profile),
        table_text,
        StyleSpec(TABLE_HEADING, "Table Heading", based_on=TABLE_TEXT, custom=True,
                  paragraph=ParagraphLook(align=table.header_align),
                  run=RunLook(font=font, bold=table.header.bold, italic=table.header.italic)),
        _paragraph_style(CAPTION, "caption", captions.table, profile,
                         keep_next=captions.table.position == "above"),
        _paragraph_style(FIGURE_CAPTION, "Figure Caption", captions.figure, profile,
                         keep_next=captions.figure.position == "above"),
        # the picture's line is as high as the picture: a single-spaced line adds the
        # paragraph font's descent under an inline picture, so that font is a hairline
        StyleSpec(FIGURE, "Figure", custom=True,
                  paragraph=ParagraphLook(align="center", first_line=0, left=0, right=0,
                                          space_before=profile.body.space_after,
                                          space_after=profile.body.space_after, single=True,
                                          keep_next=captions.figure.position == "below"),
                  run=RunLook(font=font, size=HAIRLINE_PT)),
        # heads are kept with what follows them, as in the PDF (break-after: avoid)
        _text_style(APPENDIX_LABEL, "Appendix Label", appendix.label_style, profile,
                    keep_next=True),
        _text_style(APPENDIX_TITLE, "Appendix Title", appendix.title, profile, keep_next=True),
        _text_style(APPENDIX_SUBTITLE, "Appendix Subtitle", appendix.subtitle, profile,
                    keep_next=True),
    ]


def style_specs(profile: Profile) -> list[StyleSpec]:
    """Every style the writer uses, in the order they appear in styles.xml."""
    font = profile.font.family
    body = profile.body
    note = profile.footnote
    mast = profile.masthead
    cover = profile.cover
    closing = profile.closing
    title_block = profile.title_block
    number_align = profile.page.number.position.partition("-")[2] or "center"
    side = (profile.text_width_mm - title_block.rule) / 2

    specs = [
        StyleSpec(NORMAL, "Normal", based_on=None,
                  paragraph=ParagraphLook(widow_control=True),
                  run=RunLook(font=font, size=body.size, lang=profile.lang)),
        StyleSpec("DefaultParagraphFont", "Default Paragraph Font", kind="character",
                  based_on=None, gallery=False),
        StyleSpec(BODY, "Body Text", next=BODY,
                  paragraph=ParagraphLook(align=body.align, first_line=body.first_line_indent,
                                          left=0, right=0, space_before=0,
                                          space_after=body.space_after,
                                          line_exact=body.line_height),
                  run=RunLook(font=font, size=body.size)),
    ]
    for level in range(1, HEADING_LEVELS + 1):
        look = profile.heading(level)
        specs.append(StyleSpec(
            heading(level), f"heading {level}", next=BODY,
            paragraph=ParagraphLook(align=look.align, first_line=look.indent, left=0, right=0,
                                    space_before=look.space_before,
                                    space_after=body.space_after, line_exact=body.line_height,
                                    keep_next=True, keep_lines=True,
                                    outline_level=level - 1),
            run=RunLook(font=font, size=look.size, bold=look.bold, italic=look.italic,
                        underline=look.underline, caps=look.caps)))
    specs += [
        # no widow control: a note that does not fit below its call continues on the next
        # page from a single line on, as our PDF does (LibreOffice, with widow control, moves
        # such a note whole to the next page, away from its call)
        StyleSpec(FOOTNOTE_TEXT, "footnote text",
                  paragraph=ParagraphLook(align=body.align, first_line=note.first_line_indent,
                                          left=0, right=0,
                                          space_before=0, space_after=note.space_after,
                                          line_exact=note.line_height, widow_control=False),
                  run=RunLook(font=font, size=note.size)),
        StyleSpec(FOOTNOTE_REFERENCE, "footnote reference", kind="character",
                  based_on="DefaultParagraphFont", gallery=False,
                  run=RunLook(superscript=True)),
        StyleSpec(HEADER, "header", gallery=False,
                  paragraph=ParagraphLook(align=number_align, first_line=0, space_after=0,
                                          line_exact=profile.single_line(
                                              profile.page.number.size)),
                  run=RunLook(font=font, size=profile.page.number.size)),
        StyleSpec(FOOTER, "footer", based_on=HEADER, gallery=False),
        # official masthead and booklet cover: the issuing body's block
        StyleSpec(MASTHEAD, "Masthead", custom=True,
                  paragraph=ParagraphLook(align="center", first_line=0, left=0, right=0,
                                          space_before=0, space_after=0,
                                          line_exact=profile.single_line(mast.superior.size)),
                  run=RunLook(font=font, size=mast.superior.size)),
        _text_style(MASTHEAD_SUPERIOR, "Masthead Superior", mast.superior, profile,
                    based_on=MASTHEAD),
        _text_style(MASTHEAD_ISSUER, "Masthead Issuer", mast.issuer, profile, based_on=MASTHEAD),
        *([_rule(MASTHEAD_ISSUER_RULE, "Masthead Issuer Rule", font)]
          if mast.issuer_mark == "rule" else []),
        StyleSpec(MASTHEAD_STAR, "Masthead Star", based_on=MASTHEAD_ISSUER, custom=True,
                  run=RunLook(font=font, bold=False)),
        _text_style(MASTHEAD_NUMBER, "Masthead Number", mast.number, profile, based_on=MASTHEAD),
        *(_text_style(party_name(index), "Party Name" + (f" {index}" if index > 1 else ""),
                      line, profile, based_on=MASTHEAD)
          for index, line in enumerate(mast.title_lines, start=1)),
        _rule(PARTY_RULE, "Party Rule", font),
        _text_style(PLACE_DATE, "Place Date", mast.place_date, profile, based_on=MASTHEAD),
        _text_style(MARK, "Mark", cover.mark, profile, box=True, space_before=body.line_height),
        # title block (both forms)
        _text_style(DOCUMENT_TYPE, "Document Type", title_block.type, profile, keep_next=True),
        _text_style(SUBJECT, "Subject", title_block.subject, profile,
                    sides=title_block.subject_margin, keep_next=True),
        # the rule keeps the body's paragraph gap from the subject, so it does not read as
        # an underline of the subject's last line
        StyleSpec(TITLE_RULE, "Title Rule", custom=True, gallery=False,
                  paragraph=ParagraphLook(align="center", first_line=0, left=side, right=side,
                                          space_before=body.space_after,
                                          space_after=body.space_after, keep_next=True,
                                          line_exact=HAIRLINE_PT,
                                          borders={"bottom": Border(0)}),
                  run=RunLook(font=font, size=HAIRLINE_PT)),
        # booklet cover: the lines under the title keep the body's paragraph gap, the mark a
        # full body line, unless the profile sets their space
        _text_style(COVER_TITLE, "Cover Title", cover.title, profile),
        _text_style(COVER_SUBJECT, "Cover Subject", cover.subject, profile,
                    space_before=body.space_after, sides=cover.subject_margin),
        _text_style(COVER_ISSUE, "Cover Issue", cover.issue, profile,
                    space_before=body.space_after),
        StyleSpec(COVER_MEETING, "Cover Meeting", based_on=COVER_ISSUE, custom=True),
        _text_style(COVER_FOOT, "Cover Foot", cover.foot, profile),
        # closing: recipients left-aligned without indent, signature centred; one blank body
        # line between the text and the band, unless the profile sets the space
        _text_style(RECIPIENTS_LABEL, "Recipients Label", closing.label, profile, align="left",
                    space_before=body.line_height),
        _text_style(RECIPIENTS, "Recipients", closing.item, profile, align="left"),
        StyleSpec(SIGNATURE, "Signature",
                  paragraph=ParagraphLook(align="center", first_line=0, left=0, right=0,
                                          space_before=0, space_after=0,
                                          line_exact=profile.single_line(closing.name.size)),
                  run=RunLook(font=font, size=closing.name.size)),
        _text_style(SIGNATURE_AUTHORITY, "Signature Authority", closing.authority, profile,
                    based_on=SIGNATURE, space_before=body.line_height),
        _text_style(SIGNATURE_TITLE, "Signature Title", closing.title, profile,
                    based_on=SIGNATURE),
        _text_style(SIGNATURE_NAME, "Signature Name", closing.name, profile, based_on=SIGNATURE),
    ]
    return specs + _body_construct_specs(profile)


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
