"""What a string is, from where it sits in a content file: title, paragraph, item, code, …

Text checks run on the raw YAML data (so they also help when the schema check fails) and
decide what to look for from the path alone: hand-typed numbering matters at the start of
titles and items, typography only in running text, nothing typographic in ids or dates.
"""

from __future__ import annotations

from briefing.source.yaml_source import Path_

#: Meta fields that are codes or dates, not running text.
META_CODES = frozenset({"form", "profile", "numbering", "date", "number"})
#: Keys of body mappings whose values are codes.
BODY_CODES = frozenset({"id", "kind", "style", "inline", "start", "figure", "width", "align",
                        "colspan", "rowspan", "header_rows", "numbering"})
LIST_KEYS = frozenset({"bullets", "enumerate", "points"})
BODY_KEYS = frozenset({"body", "preamble", "conclusion", "blocks"})
#: Keys whose text is the title of a legal heading (Phần, Chương, Mục, Tiểu mục, Điều).
LEGAL_TITLE_KEYS = frozenset({"part", "chapter", "division", "subdivision", "article"})
#: Keys whose text is a paragraph or a list of paragraphs (the first may carry a label).
PARAGRAPH_KEYS = frozenset({"quote", "question", "answer"})
#: One-line constructs of articles and speeches, and the lines around tables and figures.
LINE_KEYS = frozenset({"standfirst", "dateline", "byline", "credit", "note", "salutation",
                       "attribution", "subtitle"})

#: Roles whose text is inline Markdown (emphasis, footnote calls) in the output.
INLINE_ROLES = frozenset({"title", "paragraph", "item", "footnote", "lead", "numbered", "cell",
                          "caption", "line", "clause"})
#: Roles of running text (typography checks apply).
TEXT_ROLES = INLINE_ROLES | {"meta", "recipient", "addressee", "label"}


def role_of(path: Path_) -> str:
    """'title' (a legal heading's too), 'item' (carries a list marker: a point's too),
    'paragraph', 'numbered' (the first paragraph of a numbered paragraph), 'clause' (the first
    paragraph of a khoản, or its title), 'caption', 'cell', 'line' (standfirst, byline, note,
    a Căn cứ line, …), 'lead', 'footnote', 'meta', 'recipient', 'addressee', 'label' (a
    speaker), 'code' or 'other'."""
    if not path:
        return "other"
    head, last = path[0], path[-1]
    if head == "meta":
        if len(path) == 2 and last in META_CODES:
            return "code"
        if len(path) >= 2 and path[1] == "recipients":
            return "recipient"
        if len(path) >= 2 and path[1] == "addressees":
            return "addressee"
        return "meta"
    if head == "footnotes":
        return "footnote"
    if last in ("title", "intertitle") or last in LEGAL_TITLE_KEYS:
        return "title"
    if last == "clause":
        return "clause"
    if head == "basis" and len(path) == 2:
        return "line"
    if last == "lead":
        return "lead"
    if last == "caption":
        return "caption"
    if last == "speaker":
        return "label"
    if last in LINE_KEYS:
        return "line"
    if last == "numbered":
        return "numbered"
    if last in PARAGRAPH_KEYS:
        return "paragraph"
    if _in_table(path):
        return "cell"
    if isinstance(last, str):
        return "code" if last in BODY_CODES else "other"
    parent = path[-2] if len(path) >= 2 else None
    if parent == "numbered":
        return "numbered" if last == 0 else "paragraph"
    if parent == "clause":
        return "clause" if last == 0 else "paragraph"
    if parent == "article":
        return "title" if last == 0 else "paragraph"
    if parent in PARAGRAPH_KEYS:
        return "paragraph"
    if parent in LIST_KEYS:
        return "item"
    if parent in BODY_KEYS:
        return "paragraph"
    if isinstance(parent, int) and len(path) >= 3 and path[-3] in LIST_KEYS:
        return "item" if last == 0 else "paragraph"  # an item of several paragraphs
    return "other"


def _in_table(path: Path_) -> bool:
    """A cell's text: (…, "table", row, column) or (…, "table", row, column, "text"[, i])."""
    for index in range(len(path) - 3, max(len(path) - 6, -1), -1):
        if path[index] == "table" and all(isinstance(p, int) for p in path[index + 1:index + 3]):
            rest = path[index + 3:]
            return rest in ((), ("text",)) or (len(rest) == 2 and rest[0] == "text"
                                                and isinstance(rest[1], int))
    return False
