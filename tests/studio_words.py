"""What the studio says in its own words, and which of them are in the wrong language.

The studio's words are read off a page as a person meets them: the text of the page, and the
names, tips and placeholders of its controls (aria-label, title, placeholder, alt). The
clerk's own text — every element the page marks `lang="vi"` (the document's paragraphs and
titles, a unit's name), a form's values, `<code>` (a file name, a key) — is left out, as the
words a page carries in a `<script>` or `<style>`; and what `check` says (`.said`): its
messages, worded by the catalogue as the command line words them, are tested with `check`.

A word is Vietnamese when it carries a Vietnamese letter (ă â đ ê ô ơ ư or a tone mark), or it
is one of the catalogue's Vietnamese words that no English wording uses (`vocabulary`); a word is
English when an English wording of the catalogue uses it and no Vietnamese wording does. Names
and codes (Briefing Studio, DOCX, Ctrl …) are the only exceptions (`NAMES`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from typing import ClassVar

#: proper names, codes and units a page may show in either language
NAMES = {"briefing", "studio", "docx", "pdf", "pdf/a", "zip", "yaml", "word", "markdown",
         "opendocument", "rtf", "ctrl", "alt", "shift", "mm", "pin", "manifest", "token",
         "content", "md", "txt", "doc", "odt", "mb", "utc", "ok"}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")
VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
SKIPPED = {"script", "style", "code", "textarea"}


def has_vietnamese_letter(word: str) -> bool:
    if set(word) & VIETNAMESE_LETTERS:
        return True
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(English-only words, Vietnamese-only words) of the catalogue's wordings."""
    from babel.messages.pofile import read_po

    from briefing.messages import extract

    with extract.catalogue_path("vi").open("rb") as handle:
        catalogue = read_po(handle, locale="vi")
    english: set[str] = set()
    vietnamese: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in ids:
            english |= _words(_unfielded(text))
        for text in strings:
            vietnamese |= _words(_unfielded(text))
    return frozenset(english - vietnamese - NAMES), frozenset(vietnamese - english - NAMES)


def _unfielded(text: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", text)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if len(w) > 1}


def foreign_words(texts: list[str], language: str) -> list[str]:
    """The words of `texts` not in `language` (sorted, once each)."""
    english_only, vietnamese_only = vocabulary()
    wrong = set()
    for text in texts:
        for word in WORD.findall(text):
            lower = word.lower()
            if lower in NAMES or len(word) < 2:
                continue
            if language == "en" and (has_vietnamese_letter(word) or lower in vietnamese_only):
                wrong.add(word)
            if language == "vi" and not has_vietnamese_letter(word) and lower in english_only:
                wrong.add(word)
    return sorted(wrong)


class _Reader(HTMLParser):
    """The studio's own words of an HTML page (see the module's docstring)."""

    VOID: ClassVar[set[str]] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, clerk's text inside)
        self.texts: list[str] = []
        self.clerks: list[str] = []  # the clerk's texts met, taken out of the page's title
        self.title = ""

    def _clerks(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inside = self._clerks() or values.get("lang") == "vi" or tag in SKIPPED
        for name in ATTRIBUTES:
            if values.get(name) and (name == "aria-label" or not inside):
                self.texts.append(values[name] or "")
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.texts.append(values["value"] or "")
        if tag not in self.VOID:
            self.stack.append((tag, inside))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        elif self._clerks():
            self.clerks.append(data.strip())
        else:
            self.texts.append(data)

    def words(self) -> list[str]:
        """The texts read, with the page's title but the clerk's text it names."""
        title = self.title
        for text in sorted(self.clerks, key=len, reverse=True):
            title = title.replace(text, " ")
        return [*self.texts, title]


def page_words(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return reader.words()


#: the same reading in a browser, after the page's scripts ran (text the scripts inserted too)
BROWSER_WORDS = """() => {
  const skipped = (e) => e.closest('[lang="vi"], script, style, code, textarea, [hidden], .said');
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent.trim() && !skipped(n.parentElement)) texts.push(n.textContent);
  }
  for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = e.getAttribute(name);
      if (value && (name === 'aria-label' || !e.closest('[lang="vi"], code'))) texts.push(value);
    }
  }
  let title = document.title;
  const clerks = [];
  const inside = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = inside.nextNode(); n; n = inside.nextNode()) {
    const text = n.textContent.trim();
    if (text && n.parentElement.closest('[lang="vi"]')) clerks.push(text);
  }
  clerks.sort((a, b) => b.length - a.length);
  for (const text of clerks) title = title.split(text).join(" ");
  texts.push(title);
  return texts;
}"""
