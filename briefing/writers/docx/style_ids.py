"""The style ids the writer refers to, named after the part of the layout they style.

Built-in styles keep Word's ids ("BodyText", "Heading1", "FootnoteText"), which Word matches by
name; the parts of the official layout Word has no name for get plain custom ids. What each
style looks like is made from the profile in `briefing.writers.docx.styles`.
"""

from __future__ import annotations

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
# the lines a document type adds (profile: type_lines), defined only where a document uses them
LETTER_SUBJECT = "LetterSubject"
ADDRESSEES = "Addressees"
AUTHORITY_LINE = "AuthorityLine"
BASIS = "Basis"
ENACTMENT = "Enactment"
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


def heading(level: int) -> str:
    """Style id of the heading for a section `level` deep (deeper levels share the last)."""
    return f"Heading{min(max(level, 1), HEADING_LEVELS)}"


def party_name(index: int) -> str:
    """Style id of title line `index` (from 1) of the masthead: "PartyName" for the first,
    the one line of HD 36, so Party documents keep their style; "PartyName2" … after it."""
    return PARTY_NAME if index == 1 else f"{PARTY_NAME}{index}"
