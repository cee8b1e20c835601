"""The names of the document types and layouts in the clerk's language.

A profile prints a type's name in Vietnamese ("QUYẾT ĐỊNH"): that is the document's own text,
data of the profile. The studio names the types and the layouts it offers in its language: in
Vietnamese the printed name (each wording below is it, in sentence case), in English the
name an English reader knows the document by. A type without an entry here (a profile's own
addition) is named as its profile prints it, in every language."""

from __future__ import annotations

from briefing.messages import Message, msg
from briefing.messages.language import ENGLISH, current

TYPE_NAMES: dict[str, Message] = {
    "ban-ghi-nho": msg("doctype-ban-ghi-nho", "Memorandum of understanding"),
    "ban-sao-luc": msg("doctype-ban-sao-luc", "Certified copy"),
    "ban-sao-y": msg("doctype-ban-sao-y", "True copy"),
    "ban-thoa-thuan": msg("doctype-ban-thoa-thuan", "Agreement"),
    "ban-trich-sao": msg("doctype-ban-trich-sao", "Extract copy"),
    "bao-cao": msg("doctype-bao-cao", "Report"),
    "bien-ban": msg("doctype-bien-ban", "Minutes"),
    "chi-thi": msg("doctype-chi-thi", "Directive"),
    "chuong-trinh": msg("doctype-chuong-trinh", "Programme"),
    "cong-dien": msg("doctype-cong-dien", "Official telegram"),
    "cong-van": msg("doctype-cong-van", "Official letter"),
    "de-an": msg("doctype-de-an", "Scheme"),
    "de-cuong": msg("doctype-de-cuong", "Outline"),
    "dien-van": msg("doctype-dien-van", "Speech"),
    "du-an": msg("doctype-du-an", "Project"),
    "giay-gioi-thieu": msg("doctype-giay-gioi-thieu", "Letter of introduction"),
    "giay-moi": msg("doctype-giay-moi", "Invitation"),
    "giay-nghi-phep": msg("doctype-giay-nghi-phep", "Leave permit"),
    "giay-uy-quyen": msg("doctype-giay-uy-quyen", "Power of attorney"),
    "hop-dong": msg("doctype-hop-dong", "Contract"),
    "huong-dan": msg("doctype-huong-dan", "Guidance"),
    "ke-hoach": msg("doctype-ke-hoach", "Plan"),
    "ket-luan": msg("doctype-ket-luan", "Conclusion"),
    "loi-keu-goi": msg("doctype-loi-keu-goi", "Appeal"),
    "nghi-dinh": msg("doctype-nghi-dinh", "Decree"),
    "nghi-quyet": msg("doctype-nghi-quyet", "Resolution"),
    "phieu-bao": msg("doctype-phieu-bao", "Notice slip"),
    "phieu-chuyen": msg("doctype-phieu-chuyen", "Transfer slip"),
    "phieu-gui": msg("doctype-phieu-gui", "Dispatch slip"),
    "phuong-an": msg("doctype-phuong-an", "Option plan"),
    "quy-che": msg("doctype-quy-che", "Rules"),
    "quy-dinh": msg("doctype-quy-dinh", "Regulation"),
    "quyet-dinh": msg("doctype-quyet-dinh", "Decision"),
    "tai-lieu": msg("doctype-tai-lieu", "Document"),
    "thong-bao": msg("doctype-thong-bao", "Announcement"),
    "thong-cao": msg("doctype-thong-cao", "Press release"),
    "thong-tri": msg("doctype-thong-tri", "Circular"),
    "to-trinh": msg("doctype-to-trinh", "Submission"),
}

#: the layouts (profiles), as the documents list and the new-document form name them
PROFILE_NAMES: dict[str, Message] = {
    "party": msg("profile-party", "Party documents (Guidance 36-HD/VPTW)"),
    "state": msg("profile-state", "State administrative documents (Decree 30/2020/ND-CP)"),
}


def in_language(table: dict[str, Message], key: str, printed: str) -> str:
    """`key`'s name: the table's English in an English studio, else what the profile prints."""
    named = table.get(key)
    return str(named) if named is not None and current() == ENGLISH else printed
