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
        #: the signature block of each column (one signer, or two side by side)
        self.columns: dict[int, dict[str, str]] = {}
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
        return self._signature(line)

    def _signature(self, line: HeadLine) -> bool:
        """Authority, title, "(đã ký)" and name, each into the signature block of its column
        (two blocks side by side: a biên bản's secretary and chair)."""
        text, role = line.text, line.role
        sig = self.columns.setdefault(line.column, {})
        if role == "signature-authority" or (_AUTHORITY.match(text) and len(text) < 80):
            sig["authority"] = text
            return True
        if role == "signature-title" or (is_caps(text) and len(text) < 80 and role is None and
                                         "name" not in sig and
                                         (sig or self.recipients or line.column or
                                          self.opens_with_title)):
            sig["title"] = f"{sig['title']} {text}" if "title" in sig else text
            return True
        if role == "signature" or _SIGNED.match(text):
            return True
        if role == "signature-name" or _looks_like_name(text):
            target = sig if role == "signature-name" or (sig and "name" not in sig) else \
                self._unnamed()
            if target is None:
                return False
            target["name"] = text
            self.done = all("name" in s for s in self.columns.values() if s)
            return True
        return False

    def _unnamed(self) -> dict[str, str] | None:
        """The signature block still waiting for its name, when the name stands in a column
        of its own (a text file's spaces put it under Nơi nhận, not under the title)."""
        waiting = [block for _, block in sorted(self.columns.items())
                   if block and "name" not in block and ("title" in block or
                                                         "authority" in block)]
        return waiting[0] if len(waiting) == 1 else None

    @property
    def signer(self) -> dict[str, str]:
        """The signature blocks as one (a single signer whose lines fell in two columns)."""
        merged: dict[str, str] = {}
        for _, block in sorted(self.columns.items()):
            merged.update(block)
        return merged

    def finish(self) -> None:
        if self.recipients:
            self.meta.set("recipients", self.recipients)
        blocks = [block for _, block in sorted(self.columns.items()) if block]
        holder = words()["placeholders"]["signer"]
        if len(blocks) == 2 and all("title" in b for b in blocks):
            # two signers side by side (a biên bản's secretary and chair); an authority line
            # alone in a column is one signer's first line that the text's columns split off
            for block in blocks:
                if not block.get("name"):
                    self._no_name(block)
            self.meta.set("signers", [{**b, "name": b.get("name") or holder} for b in blocks])
            return
        signer = self.signer
        if signer.get("name"):
            self.meta.set("signer", signer)
        elif signer:
            self._no_name(signer)
            self.meta.set("signer", {**signer, "name": holder},
                          guess_comment(msg("import-no-signer-comment",
                                            "the signer's name is not in the source")))

    def _no_name(self, block: dict[str, str]) -> None:
        self.notes.guess(msg("import-no-signer", "a signature block without the signer's name"),
                         None, " ".join(block.values()))


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
    if not lines or not 1 <= len(lines[0]) <= 2 or \
            not all(is_caps(line.text) and len(line.text) <= 80 for line in lines[0]):
        return False
    after = index + 1
    while after < len(blocks) and after - index < 4 and \
            all(_SIGNED.match(line.text) for line in lines[after - index]):
        after += 1
    if after - index >= len(lines) or not lines[after - index] or \
            not all(_looks_like_name(line.text) for line in lines[after - index]):
        return False
    return after + 1 >= len(blocks) or starts_closing(blocks[after + 1])


def opens_with_title(block: Block) -> bool:
    """The closing's first line is a signer's title in capitals ("THƯ KÝ", "GIÁM ĐỐC")."""
    lines = head_lines(block)
    return bool(lines) and is_caps(lines[0].text) and len(lines[0].text) <= 80 and \
        not _AUTHORITY.match(lines[0].text)
