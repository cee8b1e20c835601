"""What `check` accepts but the writers cannot print yet: the build refuses it, one line each.

The content model knows Căn cứ lines, addressees, two signers and attached texts (issue
19); the templates and both writers learn them one by one. Until a construct prints, building
a file that uses it stops here with its place, rather than dropping it silently or failing
inside a writer. Remove a construct from this list in the change that prints it.
"""

from __future__ import annotations

from typing import Any

from briefing.content.loader import LoadedDocument
from briefing.messages import Message, msg
from briefing.problems import Problem
from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_

HINT = msg("unprinted-hint", "check accepts it; this version cannot print it yet")


def unprinted(loaded: LoadedDocument, profile: Profile) -> list[Problem]:
    """One problem for the first use of each construct the writers do not print yet."""
    found: dict[Message, Path_] = {}
    document = loaded.document
    meta = document.meta
    parts: list[tuple[Any, Message, Path_]] = [
        (document.basis, msg("unprinted-basis", "Căn cứ lines ('basis')"), ("basis",)),
        (meta.addressees, msg("unprinted-addressees", "addressees"), ("meta", "addressees")),
        (meta.signers, msg("unprinted-signers", "two signers"), ("meta", "signers")),
        (meta.enacting_authority, msg("unprinted-authority", "the enacting authority's line"),
         ("meta", "enacting_authority")),
        *((a.type, msg("unprinted-attached", "an attached text"), ("appendices", i, "type"))
          for i, a in enumerate(document.appendices)),
    ]
    for given, what, path in parts:
        if given:
            found.setdefault(what, path)
    kind = profile.document_type(meta.type)
    if kind is not None:
        name, layout = kind[1].called(kind[0]), kind[1]
        if layout.name is None or layout.subject != "title" or not layout.place_date \
                or layout.signers != 1 or layout.enactment:
            found.setdefault(msg("unprinted-layout", "the layout of a {name}", name=name),
                             ("meta", "type"))
    return [Problem(loaded.source.at(path), msg("unprinted", "{what} cannot be printed yet",
                                                what=what), hint=HINT)
            for what, path in found.items()]


def printed_type(meta_type: str | None, profile: Profile) -> str | None:
    """The type line as printed: the type's name when `meta.type` names one of the profile's
    types (by key or in another case), else as written."""
    kind = profile.document_type(meta_type)
    return kind[1].name if kind is not None and kind[1].name else meta_type
