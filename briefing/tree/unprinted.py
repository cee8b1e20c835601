"""What `check` accepts but the writers cannot print yet: the build refuses it, one line each.

The content model knows legal structure, numbered paragraphs with children and fill-in blanks
(issue 19); the templates and both writers learn them one by one (the lines each document type
adds, two signers and attached texts print: `briefing.tree.type_view`). Until a construct
prints, building a file that uses it stops here with its place, rather than dropping it
silently or failing inside a writer. Remove a construct from this list in the change that
prints it.
"""

from __future__ import annotations

from briefing.content.legal import LEGAL_ITEMS
from briefing.content.loader import LoadedDocument
from briefing.content.schema import NumberedParagraph
from briefing.messages import Message, msg
from briefing.problems import Problem
from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_
from briefing.text.inline_markdown import BLANK

HINT = msg("unprinted-hint", "check accepts it; this version cannot print it yet")
_BLANKS = msg("unprinted-blanks", "fill-in blanks")


def unprinted(loaded: LoadedDocument, profile: Profile) -> list[Problem]:
    """One problem for the first use of each construct the writers do not print yet."""
    from briefing.validation.walk import footnote_texts, walk

    found: dict[Message, Path_] = {}
    document = loaded.document
    for visit in walk(document):
        node = visit.node
        if isinstance(node, LEGAL_ITEMS):
            found.setdefault(msg("unprinted-legal", "legal structure (parts, chapters, articles, "
                                                    "clauses, points)"), visit.path)
        elif isinstance(node, NumberedParagraph) and node.body:
            found.setdefault(msg("unprinted-numbered-body", "a numbered paragraph with a body"),
                             (*visit.path, "body"))
        elif isinstance(node, str) and BLANK.search(node):
            found.setdefault(_BLANKS, visit.path)
    for path, text in footnote_texts(document):
        if BLANK.search(text):
            found.setdefault(_BLANKS, path)
    return [Problem(loaded.source.at(path), msg("unprinted", "{what} cannot be printed yet",
                                                what=what), hint=HINT)
            for what, path in found.items()]


def printed_type(meta_type: str | None, profile: Profile) -> str | None:
    """The type line as printed: the type's name when `meta.type` names one of the profile's
    types (by key or in another case), else as written."""
    kind = profile.document_type(meta_type)
    return kind[1].name if kind is not None and kind[1].name else meta_type
