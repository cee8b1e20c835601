"""Vietnamese text hygiene: characters that look right on screen but are wrong in print.

Text pasted from the web, PDFs and old Word files brings letters from other alphabets that
look like Vietnamese ones (Latin eth 'ð' for 'đ', Cyrillic 'а' for 'a'), invisible characters
(zero-width spaces, soft hyphens, direction marks), non-breaking and doubled spaces, straight
quotes and spaces before punctuation. Each is reported at its exact column, with a safe
replacement where one exists (`build.py check --fix`). NFC normalisation itself is silent: the
loader applies it to every string.
"""

from __future__ import annotations

import re
import unicodedata

from briefing.messages import Message, msg
from briefing.text.xmlchars import unfit_message
from briefing.validation.findings import ERROR, TextIssue

# -- data ------------------------------------------------------------------------------------

#: Letters that are never Vietnamese but pass for 'Đ'/'đ' on screen.
LOOKALIKES: dict[str, str] = {
    "\u00d0": "Đ",  # LATIN CAPITAL LETTER ETH (Icelandic)
    "\u00f0": "đ",  # LATIN SMALL LETTER ETH
    "\u0189": "Đ",  # LATIN CAPITAL LETTER AFRICAN D
    "\u0256": "đ",  # LATIN SMALL LETTER D WITH TAIL
}

#: Cyrillic and Greek letters drawn like Latin ones, with the Latin letter they imitate.
HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ѵ": "v",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "υ": "u", "τ": "t",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}

#: Spaces other than the ordinary one, by what a clerk would call them.
SPACE_NAMES = {"\u00a0": msg("space-nbsp", "non-breaking space"),
               "\u202f": msg("space-narrow-nbsp", "narrow non-breaking space"),
               "\u2007": msg("space-figure", "figure space"), "\t": msg("space-tab", "tab"),
               "\u3000": msg("space-ideographic", "ideographic space")}
_SPACE = msg("space-space", "space")
#: Punctuation that takes no space before it in Vietnamese typography.
CLOSING_PUNCTUATION = ",.;:!?"
OPENING_BRACKETS = "([{"
CLOSING_BRACKETS = ")]}"

_AFTER_NOTHING = frozenset(["", *OPENING_BRACKETS])
_BEFORE_NOTHING = frozenset(["", *CLOSING_PUNCTUATION, *CLOSING_BRACKETS])
_SPACE_RUN = re.compile(r"[^\S\n\r\u2028\u2029\x85\x0b\x0c\x1c-\x1f]+")


# -- characters (every value, codes included) ------------------------------------------------

#: Characters that never need a look: ASCII, Vietnamese letters, everyday punctuation. Only
#: the others are examined one by one, which keeps a 2 MB file fast.
_VIETNAMESE = ("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
               "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")
_PUNCTUATION = "–—“”‘’…•«»°±×÷§©®™€£¥"
_SUSPECT = re.compile("[^\x20-\x7e\n" + re.escape(_VIETNAMESE + _PUNCTUATION) + "]")


def character_issues(value: str) -> list[TextIssue]:
    """Look-alike letters, invisible and control characters, stray accents."""
    issues: list[TextIssue] = []
    for match in _SUSPECT.finditer(value):
        index, char = match.start(), match.group()
        issue = _character_issue(value, index, char) or _foreign_letter(value, index, char)
        if issue is not None:
            issues.append(issue)
    return issues


def _character_issue(value: str, index: int, char: str) -> TextIssue | None:
    code = f"U+{ord(char):04X}"
    if char in LOOKALIKES:
        return TextIssue(index, index + 1, msg(
            "lookalike", "look-alike letter '{char}' ({code} {name}) is not the Vietnamese "
            "'{right}'", char=char, code=code, name=_name(char), right=LOOKALIKES[char]),
            replacement=LOOKALIKES[char])
    unfit = unfit_message(char)  # XML, hence DOCX and PDF, cannot carry it
    if unfit is not None:
        return TextIssue(index, index + 1, unfit, severity=ERROR, replacement="")
    category = unicodedata.category(char)
    if category == "Cf":
        return TextIssue(index, index + 1, msg("invisible", "invisible character {code} ({name})",
                                               code=code, name=_name(char)), replacement="")
    if category == "Cc" and char != "\t":
        return TextIssue(index, index + 1, msg("control", "control character {code}", code=code),
                         replacement="")
    if category in ("Zl", "Zp"):
        return TextIssue(index, index + 1, msg(
            "control", "{name} {code} (a line break Word keeps invisible)", name=_name(char),
            code=code), replacement=" ")
    return _odd_mark(value, index, char, category, code)


def _odd_mark(value: str, index: int, char: str, category: str, code: str) -> TextIssue | None:
    """Accents that combine with nothing, symbol-font characters, damaged text."""
    if category == "Mn" and unicodedata.combining(char):
        base = value[index - 1] if index else ""
        return TextIssue(index, index + 1, msg(
            "accent", "accent {code} ({name}) does not combine with '{base}' into a Vietnamese "
            "letter", code=code, name=_name(char), base=base), hint=msg(
            "accent-hint", "retype the letter with a Unicode keyboard (Unikey: Unicode)"))
    if category == "Co":
        return TextIssue(index, index + 1, msg(
            "private-use", "private-use character {code} (from a symbol font) prints as a box",
            code=code), hint=msg("private-use-hint", "delete it or type the real character"))
    if char == "\ufffd":
        return TextIssue(index, index + 1, msg(
            "damaged", "replacement character U+FFFD: this text was damaged by a wrong encoding "
            "conversion"), hint=msg("damaged-hint", "copy the text again from the source"))
    return None


def _foreign_letter(value: str, index: int, char: str) -> TextIssue | None:
    """A Cyrillic or Greek letter inside a word that is otherwise Latin (Vietnamese)."""
    script = _script(char)
    if script not in ("CYRILLIC", "GREEK") or not char.isalpha():
        return None
    start, end = index, index + 1
    while start > 0 and value[start - 1].isalpha():
        start -= 1
    while end < len(value) and value[end].isalpha():
        end += 1
    word = value[start:end]
    if not any(_script(c) == "LATIN" for c in word):
        return None
    latin = HOMOGLYPHS.get(char)
    alphabet = _SCRIPTS[script]
    code = f"U+{ord(char):04X}"
    if latin:
        return TextIssue(index, index + 1, msg(
            "lookalike", "{script} letter '{char}' ({code}) inside the word '{word}': it looks "
            "like '{latin}' but is not", script=alphabet, char=char, code=code, word=word,
            latin=latin), replacement=latin)
    return TextIssue(index, index + 1, msg(
        "lookalike", "{script} letter '{char}' ({code}) inside the word '{word}'",
        script=alphabet, char=char, code=code, word=word),
        hint=msg("retype-word", "retype the word"))


_SCRIPTS = {"CYRILLIC": msg("script-cyrillic", "Cyrillic"), "GREEK": msg("script-greek", "Greek")}


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ")[0]


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}").lower()


# -- typography (running text only) ----------------------------------------------------------

def spacing_issues(value: str) -> list[TextIssue]:
    """Each run of blanks judged in its context: leading, trailing, before punctuation, inside
    brackets, doubled, or a single unusual space."""
    issues: list[TextIssue] = []
    for match in _SPACE_RUN.finditer(value):
        start, end, run = match.start(), match.end(), match.group()
        before = value[start - 1] if start else ""
        after = value[end] if end < len(value) else ""
        if run == " " and before not in _AFTER_NOTHING and after not in _BEFORE_NOTHING:
            continue  # the ordinary space between two words
        if "\n" in (before, after):
            continue  # around a line break inside a block: Markdown drops it
        issue = _judge_run(run, start, end, before, after, value)
        if issue is not None:
            issues.append(issue)
    return issues


def _judge_run(run: str, start: int, end: int, before: str, after: str,
               value: str) -> TextIssue | None:
    described = _describe(run)
    if before == "":
        return TextIssue(start, end, msg("space", "{blank} at the start of the text",
                                         blank=described), replacement="")
    if after == "":
        return TextIssue(start, end, msg("space", "{blank} at the end of the text",
                                         blank=described), replacement="")
    before_mark = msg("punctuation", "{blank} before '{mark}'", blank=described, mark=after)
    if after in CLOSING_PUNCTUATION and not _starts_number(after, end, value) \
            and before not in CLOSING_PUNCTUATION + OPENING_BRACKETS:
        return TextIssue(start, end, before_mark, replacement="")
    if before in OPENING_BRACKETS:
        return TextIssue(start, end, msg("punctuation", "{blank} after '{mark}'",
                                         blank=described, mark=before), replacement="")
    if after in CLOSING_BRACKETS:
        return TextIssue(start, end, before_mark, replacement="")
    if len(run) > 1:
        return TextIssue(start, end, described, replacement=" ")
    if run != " ":
        return TextIssue(start, end, msg("space", "{blank} where an ordinary space belongs",
                                         blank=described), replacement=" ")
    return None


def _starts_number(mark: str, index: int, value: str) -> bool:
    """",5" and ".000" after a space are numbers, not punctuation; "......" a typed blank
    (reported as one: validation/blanks.py)."""
    following = value[index + 1] if index + 1 < len(value) else ""
    return (mark in ".," and following.isdigit()) or (mark == "." and following in (".", "…"))


def _describe(run: str) -> Message | str:
    """What a run of blanks is: "non-breaking space", "3 spaces in a row", …"""
    names: dict[str, Message | str] = {
        char: SPACE_NAMES.get(char, _SPACE if char == " " else unicodedata.name(char, "blank")
                              .lower()) for char in run}
    if len(run) == 1:
        return names[run]
    if set(run) == {" "}:
        return msg("space", "{count} spaces in a row", count=len(run))
    kinds = sorted({str(name.text("en") if isinstance(name, Message) else name): name
                    for name in names.values()}.items())
    return msg("space", "{count} blanks in a row ({names})", count=len(run),
               names=tuple(name for _, name in kinds))


_STRAIGHT = re.compile("[\"']")


def quote_issues(value: str) -> list[TextIssue]:
    """Straight quotes in running text; paired ones become “ ” (or ‘ ’), apostrophes ’."""
    issues: list[TextIssue] = []
    for quote, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        marks = [m.start() for m in _STRAIGHT.finditer(value) if m.group() == quote]
        if quote == "'":
            apostrophes = [i for i in marks if _between_letters(value, i)]
            for index in apostrophes:
                issues.append(_quote_issue(index, quote, "’", "apostrophe"))
            marks = [i for i in marks if i not in apostrophes]
        paired = len(marks) % 2 == 0 and all(
            _opens(value, marks[k]) and _closes(value, marks[k + 1])
            for k in range(0, len(marks), 2))
        for position, index in enumerate(marks):
            replacement = (opening if position % 2 == 0 else closing) if paired else None
            issues.append(_quote_issue(index, quote, replacement, "quote"))
    return issues


def _quote_issue(index: int, quote: str, replacement: str | None, what: str) -> TextIssue:
    hint = None if replacement else msg("quote-hint", "use “ ” around a quotation")
    message = msg("quote", "straight apostrophe {mark} in running text", mark=quote) \
        if what == "apostrophe" else \
        msg("quote", "straight quote {mark} in running text", mark=quote)
    return TextIssue(index, index + 1, message, hint=hint, replacement=replacement)


def _between_letters(value: str, index: int) -> bool:
    return 0 < index < len(value) - 1 and value[index - 1].isalpha() \
        and value[index + 1].isalpha()


def _opens(value: str, index: int) -> bool:
    before = value[index - 1] if index else " "
    after = value[index + 1] if index + 1 < len(value) else " "
    return (before.isspace() or before in "([{*_—–-/") and not after.isspace()


def _closes(value: str, index: int) -> bool:
    before = value[index - 1] if index else " "
    return not before.isspace()
