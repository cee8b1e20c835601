"""The closing of a document -> `meta.recipients` and `meta.signer`: "Nơi nhận:" and its "- "
items (a wrapped item joined again), the T/M · K/T · T/L authority line, the title in
capitals, "(đã ký)", the signer's name — from our own named styles, from a borderless Word
table (two columns) or from text (the columns split at tabs)."""

from __future__ import annotations

import re

from briefing.importing.guesses import Notebook, guess_comment
from briefing.importing.head import HeadLine, MetaDraft, head_lines, is_caps
from briefing.importing.words import words
from briefing.messages import msg
from briefing.readers.source import Block

_AUTHORITY = re.compile(r"^(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.|Q/)\s*\S", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?", re.IGNORECASE)
_SIGNED = re.compile(r"^\(?\s*(?:đã\s+ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu)[^)]*\)?$",
                     re.IGNORECASE)


class ClosingReader:
    """Reads Nơi nhận and the signature block into the `MetaDraft`."""

    def __init__(self, meta: MetaDraft, notes: Notebook):
        self.meta = meta
        self.notes = notes
        self.recipients: list[str] = []
        self.signer: dict[str, str] = {}
        self.in_recipients = False
        self.label_column = 0
        self.done = False
        #: the closing opens with the signer's title (no authority line, no Nơi nhận first)
        self.opens_with_title = False

    def take(self, line: HeadLine) -> bool:
        text, role = line.text, line.role
        if role == "recipients-label" or _RECIPIENTS.match(text):
            self.in_recipients = True
            self.label_column = line.column
            rest = _RECIPIENTS.sub("", text).strip()
            if rest:
                self.recipients.append(rest.lstrip("-–• ").strip())
            return True
        same_column = self.in_recipients and line.column == self.label_column
        if role == "recipients" or (same_column and text[:1] in "-–•+"):
            self.recipients.append(re.sub(r"^[-–•+]\s*", "", text))
            return True
        if same_column and self.recipients and len(text) < 200 and role is None and \
                not self.signer and not _AUTHORITY.match(text) and not is_caps(text):
            self.recipients[-1] += " " + text  # a recipient line wrapped in the source
            return True
        if role == "signature-authority" or (_AUTHORITY.match(text) and len(text) < 80):
            self.signer["authority"] = text
            return True
        if role == "signature-title" or (is_caps(text) and len(text) < 80 and role is None and
                                         "name" not in self.signer and
                                         (self.signer or self.recipients or line.column or
                                          self.opens_with_title)):
            if "title" in self.signer:
                self.signer["title"] += " " + text
            else:
                self.signer["title"] = text
            return True
        if role == "signature" or _SIGNED.match(text):
            return True
        if role == "signature-name" or (self.signer and "name" not in self.signer and
                                        _looks_like_name(text)):
            self.signer["name"] = text
            self.done = True
            return True
        return False

    def finish(self) -> None:
        if self.recipients:
            self.meta.set("recipients", self.recipients)
        if self.signer.get("name"):
            self.meta.set("signer", dict(self.signer))
        elif self.signer:
            self.notes.guess(msg("import-no-signer", "a signature block without the signer's "
                                                     "name"), None,
                             " ".join(self.signer.values()))
            self.meta.set("signer", {**self.signer, "name": words()["placeholders"]["signer"]},
                          guess_comment(msg("import-no-signer-comment",
                                            "the signer's name is not in the source")))


def _looks_like_name(text: str) -> bool:
    parts = text.split()
    return 2 <= len(parts) <= 6 and all(p[:1].isupper() for p in parts) and \
        not text.endswith((".", ":", ",", ";")) and not is_caps(text)


def starts_closing(block: Block) -> bool:
    """Whether the closing (Nơi nhận or the signature) begins with `block`."""
    for line in head_lines(block)[:3]:
        if line.role in ("recipients-label", "recipients", "signature-authority",
                         "signature-title", "signature-name"):
            return True
        if _RECIPIENTS.match(line.text):
            return True
        if _AUTHORITY.match(line.text) and len(line.text) < 80 and is_caps(line.text):
            return True
    return False




def signature_ends(blocks: list[Block], index: int) -> bool:
    """A signature without its authority line ends the document here: a short line in
    capitals (the title: "GIÁM ĐỐC"), the signer's name under it (or "(Đã ký)" first), and
    after them nothing but the rest of the closing."""
    lines = [head_lines(b) for b in blocks[index:index + 4]]
    if not lines or len(lines[0]) != 1 or not is_caps(lines[0][0].text) or \
            len(lines[0][0].text) > 80:
        return False
    rest = [line for group in lines[1:] for line in group]
    while rest and _SIGNED.match(rest[0].text):
        rest.pop(0)
    if not rest or not _looks_like_name(rest[0].text):
        return False
    after = index + 1 + next(i for i, group in enumerate(lines[1:]) if rest[0] in group) + 1
    return after >= len(blocks) or starts_closing(blocks[after])
