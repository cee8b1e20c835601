"""The lines a document type adds around its body, and how they look (`type_lines:`).

Which of them a document prints is its type's to say (`document_types:`: subject under the
number, addressees, basis, authority_line, enactment); how they look is this part of the
profile, read by both writers:

- "V/v …", the subject of a công văn in the masthead's left column under the number (ND 30
  PL I §II.5.b: 12–13 pt upright; HD 36: 12 pt italic);
- "Kính gửi:" and the addressees (§II.9.d): one on the label's line, several one per line,
  their dashes under the label's colon, the label standing `addressees_indent` mm in;
- the enacting authority's line ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"), bold capitals, centred;
- the Căn cứ lines (§II.6.a), italic, under the title block;
- the enactment line ("QUYẾT ĐỊNH:"), bold, centred, before the articles;
- the line under an attached text's title ("(Ban hành kèm theo Quyết định số 15/QĐ-UBND
  ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh)"), a format of the fields
  {document} {number} {day} {month} {year} {issuer}, and the rule under it.
"""

from __future__ import annotations

import string

from pydantic import field_validator

from briefing.messages import msg
from briefing.profile.values import Length, ParagraphStyle, Strict, TextStyle

#: the fields the attached line may use
ATTACHED_FIELDS = ("document", "number", "day", "month", "year", "issuer")


class TypeLines(Strict):
    """How the lines of the document types look; see the module's docstring."""

    subject_under_number: TextStyle = TextStyle(size=12)
    addressees_label: str = "Kính gửi:"
    addressees: TextStyle = TextStyle(size=14, align="left", space_before=6)
    #: mm from the left margin to the label "Kính gửi:" (ND 30 PL III Mẫu 1.5: 35 mm)
    addressees_indent: Length = 35
    addressee_prefix: str = "- "
    authority: TextStyle = TextStyle(size=14, bold=True, caps=True, space_before=6)
    basis: ParagraphStyle = ParagraphStyle(size=14, italic=True, indent=12.7, space_before=6)
    #: printed before each Căn cứ line (HD 36 practice: "- Căn cứ …;")
    basis_prefix: str = ""
    enactment: TextStyle = TextStyle(size=14, bold=True, space_before=6)
    attached_line: str = ("(Ban hành kèm theo {document} số {number} ngày {day} tháng {month} "
                          "năm {year} của {issuer})")

    @field_validator("attached_line")
    @classmethod
    def _attached_fields(cls, value: str) -> str:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        except ValueError as exc:
            raise ValueError(msg("format-invalid", "not a valid format: {reason}; write a "
                                 "literal brace as '{{{{' or '}}}}'", reason=str(exc))) from None
        unknown = sorted(names - set(ATTACHED_FIELDS))
        if unknown:
            raise ValueError(msg("attached-fields", "unknown field {{{field}}}: the fields are "
                                 "{listed}", field=unknown[0],
                                 listed=", ".join("{" + n + "}" for n in ATTACHED_FIELDS)))
        return value
