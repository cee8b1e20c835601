"""`check`'s messages in Vietnamese for the studio: the catalog (data) against real messages.

Every message the bad-input corpus gives for text and structure is worded in Vietnamese, the
document's own text carried over unchanged, and a message the catalog does not know stays as
the command line prints it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.editing.field_findings import check_text
from briefing.validation import check_file
from briefing.validation.translations import (
    is_translated,
    translated_hint,
    translated_message,
)

CORPUS = PROJECT_ROOT / "tests" / "bad_inputs"
#: Findings a clerk meets in the studio's fields (the editor writes the structure itself).
FIELD_CODES = {"footnote-undefined", "footnote-twice", "footnote-unused", "numbering", "quote",
               "space", "punctuation", "lookalike", "invisible", "doubled", "tone-mark",
               "final-punctuation", "unbalanced", "html", "markup", "year"}


def _corpus_problems():
    for path in sorted(CORPUS.glob("*.yaml")):
        yield from check_file(path).problems


def test_every_field_message_of_the_corpus_is_in_vietnamese():
    seen = [p for p in _corpus_problems() if p.code in FIELD_CODES]
    assert len(seen) > 30
    missing = sorted({p.message for p in seen if not is_translated(p.message)})
    assert missing == []


def test_most_messages_of_the_corpus_are_in_vietnamese():
    messages = [p.message for p in _corpus_problems()]
    share = sum(map(is_translated, messages)) / len(messages)
    assert share > 0.6, share


def test_the_documents_own_text_is_carried_over():
    assert translated_message("footnote [^wt0] is not defined") == \
        "chú thích [^wt0] chưa được định nghĩa"
    assert translated_message("'thực' is written twice") == "'thực' bị lặp hai lần"
    assert translated_message("'hoà' has its tone mark in the old style") == \
        "'hoà' bỏ dấu thanh kiểu cũ (hoà, uỷ)"
    assert translated_hint("did you mean \"wto\"?") == "có phải là \"wto\"?"
    assert translated_hint("fix: 'hoà' -> 'hòa'") == "sửa: 'hoà' → 'hòa'"


def test_an_unknown_message_is_shown_as_it_is():
    assert translated_message("something nobody has worded yet") == \
        "something nobody has worded yet"
    assert translated_hint("") == ""


def test_every_catalog_entry_is_used_by_a_real_message():
    """No dead wording: each entry matches at least one message the checks can give (the
    corpus, or a handful of documents written here for the rest)."""
    import yaml

    catalog = yaml.safe_load((PROJECT_ROOT / "briefing" / "validation" / "translations" /
                              "vi.yaml").read_text(encoding="utf-8"))
    messages = {p.message for p in _corpus_problems()} | set(EXTRA)
    for entry in catalog["messages"]:
        pattern = re.compile(entry["en"], re.DOTALL)
        assert any(pattern.fullmatch(m) for m in messages), entry["en"]


#: Messages the corpus does not happen to produce, as the checks word them.
EXTRA = [
    "straight apostrophe ' in running text",
    "footnote call [^imf] inside a footnote",
    "'hòa' has its tone mark in the new style",
    "no final punctuation at the end of the footnote",
    "'20230' is not a year (five digits)",
    "empty title",
    "section 'x' has no body",
    "hand-typed heading number '2.1.' at the start of the numbered paragraph: the number of a "
    "numbered paragraph is computed from the ladder",
    "'media/a.png' is not a PNG or JPEG image",
    "an unbreakable run of 1,204 characters is wider than the 165 mm of a line",
    "control character U+0007 cannot be printed",
    "2 blanks in a row (non-breaking space, space)",
    "space at the end of the text",
    "Cyrillic letter 'о' (U+043E) inside the word 'hоà': it looks like 'o' but is not",
    "Markdown link '[a](b)' prints as text",
    "unmatched '*' prints as a star",
    "the text after ' #' is a YAML comment and is not printed",
    "'media/a.jpg' is a broken JPEG image (the file is cut short)",
    "figure 'media/x.png' leads outside /tmp/x through a link",
]


@pytest.mark.parametrize("name", ["footnote-undefined.yaml", "straight-quotes.yaml"])
def test_the_studio_gets_vietnamese_with_the_english_beside(name):
    path = CORPUS / name
    result = check_text(Path(path), path.read_text(encoding="utf-8"))
    found = result.as_json()["findings"]
    assert found
    for finding in found:
        assert finding["message_en"]
        if is_translated(finding["message_en"]):
            assert finding["message"] != finding["message_en"]
            assert not re.search(r"\b(the|is|of|at)\b", finding["message"]), finding["message"]
