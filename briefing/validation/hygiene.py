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

from briefing.text.xmlchars import UNFIT, unfit_description
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
SPACE_NAMES = {"\u00a0": "non-breaking space", "\u202f": "narrow non-breaking space",
               "\u2007": "figure space", "\t": "tab", "\u3000": "ideographic space"}
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
    code = ord(char)
    if char in LOOKALIKES:
        return TextIssue(index, index + 1,
                         f"look-alike letter '{char}' (U+{code:04X} {_name(char)}) is not "
                         f"the Vietnamese '{LOOKALIKES[char]}'", "lookalike",
                         replacement=LOOKALIKES[char])
    category = unicodedata.category(char)
    if category == "Cn" and UNFIT.fullmatch(char):
        return TextIssue(index, index + 1, f"{unfit_description(char)} cannot be printed: XML, "
                         "hence DOCX and PDF, cannot carry it", "control", severity=ERROR,
                         replacement="")
    if category == "Cf":
        return TextIssue(index, index + 1,
                         f"invisible character U+{code:04X} ({_name(char)})", "invisible",
                         replacement="")
    if category == "Cc" and char != "\t":
        if code < 0x20 and char not in "\r":  # XML, hence DOCX and PDF, cannot carry it
            return TextIssue(index, index + 1, f"control character U+{code:04X} cannot be "
                             "printed", "control", severity=ERROR, replacement="")
        return TextIssue(index, index + 1, f"control character U+{code:04X}", "control",
                         replacement="")
    if category == "Cs":
        return TextIssue(index, index + 1, f"broken character U+{code:04X} (half of a pair) "
                         "cannot be printed", "control", severity=ERROR, replacement="")
    if category in ("Zl", "Zp"):
        return TextIssue(index, index + 1,
                         f"{_name(char)} U+{code:04X} (a line break Word keeps invisible)",
                         "control", replacement=" ")
    if category == "Mn" and unicodedata.combining(char):
        base = value[index - 1] if index else ""
        return TextIssue(index, index + 1,
                         f"accent U+{code:04X} ({_name(char)}) does not combine with "
                         f"'{base}' into a Vietnamese letter", "accent",
                         hint="retype the letter with a Unicode keyboard (Unikey: Unicode)")
    if category == "Co":
        return TextIssue(index, index + 1,
                         f"private-use character U+{code:04X} (from a symbol font) prints "
                         "as a box", "private-use", hint="delete it or type the real character")
    if char == "\ufffd":
        return TextIssue(index, index + 1,
                         "replacement character U+FFFD: this text was damaged by a wrong "
                         "encoding conversion", "damaged",
                         hint="copy the text again from the source")
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
    return TextIssue(index, index + 1,
                     f"{script.capitalize()} letter '{char}' (U+{ord(char):04X}) inside the word "
                     f"'{word}'" + (f": it looks like '{latin}' but is not" if latin else ""),
                     "lookalike", replacement=latin, hint="" if latin else "retype the word")


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
        return TextIssue(start, end, f"{described} at the start of the text", "space",
                         replacement="")
    if after == "":
        return TextIssue(start, end, f"{described} at the end of the text", "space",
                         replacement="")
    if after in CLOSING_PUNCTUATION and not _starts_number(after, end, value) \
            and before not in CLOSING_PUNCTUATION + OPENING_BRACKETS:
        return TextIssue(start, end, f"{described} before '{after}'", "punctuation",
                         replacement="")
    if before in OPENING_BRACKETS:
        return TextIssue(start, end, f"{described} after '{before}'", "punctuation",
                         replacement="")
    if after in CLOSING_BRACKETS:
        return TextIssue(start, end, f"{described} before '{after}'", "punctuation",
                         replacement="")
    if len(run) > 1:
        return TextIssue(start, end, f"{described}", "space", replacement=" ")
    if run != " ":
        return TextIssue(start, end, f"{described} where an ordinary space belongs", "space",
                         replacement=" ")
    return None


def _starts_number(mark: str, index: int, value: str) -> bool:
    """",5" and ".000" after a space are numbers, not punctuation; "......" a typed blank
    (reported as one: validation/blanks.py)."""
    following = value[index + 1] if index + 1 < len(value) else ""
    return (mark in ".," and following.isdigit()) or (mark == "." and following in (".", "…"))


def _describe(run: str) -> str:
    names = {SPACE_NAMES.get(char, "space" if char == " " else unicodedata.name(char, "blank")
                             .lower()) for char in run}
    if len(run) == 1:
        return next(iter(names))
    if names == {"space"}:
        return f"{len(run)} spaces in a row"
    return f"{len(run)} blanks in a row ({', '.join(sorted(names))})"


_STRAIGHT = re.compile("[\"']")


def quote_issues(value: str) -> list[TextIssue]:
    """Straight quotes in running text; paired ones become “ ” (or ‘ ’), apostrophes ’."""
    issues: list[TextIssue] = []
    for quote, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        marks = [m.start() for m in _STRAIGHT.finditer(value) if m.group() == quote]
        if quote == "'":
            apostrophes = [i for i in marks if _between_letters(value, i)]
            for index in apostrophes:
                issues.append(_quote_issue(index, quote, "’", "straight apostrophe"))
            marks = [i for i in marks if i not in apostrophes]
        paired = len(marks) % 2 == 0 and all(
            _opens(value, marks[k]) and _closes(value, marks[k + 1])
            for k in range(0, len(marks), 2))
        for position, index in enumerate(marks):
            replacement = (opening if position % 2 == 0 else closing) if paired else None
            issues.append(_quote_issue(index, quote, replacement, "straight quote"))
    return issues


def _quote_issue(index: int, quote: str, replacement: str | None, what: str) -> TextIssue:
    hint = "" if replacement else "use “ ” around a quotation"
    return TextIssue(index, index + 1, f"{what} {quote} in running text", "quote", hint=hint,
                     replacement=replacement)


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
