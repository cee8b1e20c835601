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
BODY_CODES = frozenset({"id", "kind", "style", "inline", "start"})
LIST_KEYS = frozenset({"bullets", "enumerate"})
BODY_KEYS = frozenset({"body", "preamble", "conclusion"})

#: Roles whose text is inline Markdown (emphasis, footnote calls) in the output.
INLINE_ROLES = frozenset({"title", "paragraph", "item", "footnote", "lead"})
#: Roles of running text (typography checks apply).
TEXT_ROLES = INLINE_ROLES | {"meta", "recipient"}


def role_of(path: Path_) -> str:
    """'title', 'item' (carries a list marker), 'paragraph', 'lead', 'footnote', 'meta',
    'recipient', 'code' or 'other'."""
    if not path:
        return "other"
    head, last = path[0], path[-1]
    if head == "meta":
        if len(path) == 2 and last in META_CODES:
            return "code"
        if len(path) >= 2 and path[1] == "recipients":
            return "recipient"
        return "meta"
    if head == "footnotes":
        return "footnote"
    if last == "title":
        return "title"
    if last == "lead":
        return "lead"
    if isinstance(last, str):
        return "code" if last in BODY_CODES else "other"
    parent = path[-2] if len(path) >= 2 else None
    if parent in LIST_KEYS:
        return "item"
    if parent in BODY_KEYS:
        return "paragraph"
    if isinstance(parent, int) and len(path) >= 3 and path[-3] in LIST_KEYS:
        return "item" if last == 0 else "paragraph"  # an item of several paragraphs
    return "other"
