"""Accessible, well-formed PDFs: the tags, metadata and attachment entries WeasyPrint leaves to us.

Every PDF is tagged (a structure tree a screen reader and reflow can follow): ordinary builds
are PDF/UA-1, archived editions PDF/A-3a (WeasyPrint 70 makes both; the variant names the
level). WeasyPrint's structure tree is good for headings, paragraphs, lists and tables; a
`Finisher`, run on WeasyPrint's PDF objects just before they are written, mends the rest:

- the footnote area becomes one `Note` per footnote (with the unique /ID PDF/UA asks for), its
  number a `Lbl`; WeasyPrint calls both "NonStruct"; the rest of a note continued on the next
  page (no number there) joins its note, so a reader hears the note once, whole;
- the page numbers (margin boxes) become pagination artifacts: WeasyPrint marks them as content
  it never links into the tree, which readers would otherwise announce or lose;
- viewers show the title, not the file name (/ViewerPreferences /DisplayDocTitle);
- PDF/A-3 catalogs list each attachment once in /AF (WeasyPrint 70 lists it twice, Kozea/
  WeasyPrint#2917, fixed after 70), every attachment has a /Desc, and YAML is typed
  application/yaml (RFC 9512) instead of application/octet-stream.

Each repair only reads and rewrites the PDF objects; none can fail a build (a structure it does
not recognise is left as WeasyPrint made it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

#: What an ordinary build is: tagged, accessible.
ORDINARY_VARIANT = "pdf/ua-1"
#: MIME types of the files we embed, by extension (Python < 3.13 guesses none of them).
MIME_TYPES = {".yaml": "application/yaml", ".yml": "application/yaml",
              ".json": "application/json", ".txt": "text/plain"}


def pdf_options(variant: str | None) -> dict[str, Any]:
    """WeasyPrint's write options: the variant (PDF/UA-1 unless one is asked for) and tags,
    also for variants that do not imply them (an archive rebuilt as PDF/A-3b)."""
    return {"pdf_variant": variant or ORDINARY_VARIANT, "pdf_tags": True}


@dataclass
class Finisher:
    """WeasyPrint `finisher`: called with the document and the `pydyf.PDF` before writing.

    `descriptions` gives each attachment's /Desc by file name."""

    descriptions: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, document: Any, pdf: Any) -> None:
        objects = _Objects(pdf)
        import pydyf

        viewer = pdf.catalog.get("ViewerPreferences")
        if not isinstance(viewer, dict):
            viewer = pydyf.Dictionary()
            pdf.catalog["ViewerPreferences"] = viewer
        viewer["DisplayDocTitle"] = "true"
        root = objects.get(pdf.catalog.get("StructTreeRoot"))
        if root is not None:
            tag_notes(objects, root)
            margins_as_artifacts(objects, root)
        describe_attachments(objects, self.descriptions)
        if isinstance(pdf.catalog.get("AF"), list):
            pdf.catalog["AF"] = pydyf.Array(list(dict.fromkeys(pdf.catalog["AF"])))


class _Objects:
    """The PDF's objects, reached by their references ("12 0 R")."""

    def __init__(self, pdf: Any):
        self.pdf = pdf

    def get(self, reference: Any) -> Any:
        if isinstance(reference, (bytes, str)):
            match = re.fullmatch(rb"(\d+) 0 R", reference if isinstance(reference, bytes)
                                 else reference.encode())
            if match and int(match[1]) < len(self.pdf.objects):
                return self.pdf.objects[int(match[1])]
        return None

    def kids(self, element: Any) -> Iterator[Any]:
        """The structure elements among an element's /K (not marked-content ids)."""
        for kid in element.get("K", []):
            found = self.get(kid)
            if isinstance(found, dict) and found.get("Type") == "/StructElem":
                yield found

    def of_type(self, kind: str) -> Iterator[Any]:
        for item in self.pdf.objects:
            if isinstance(item, dict) and item.get("Type") == kind:
                yield item


def tag_notes(objects: _Objects, root: Any) -> int:
    """Retag each page's footnote area: a Note per footnote, its number a Lbl; the notes
    become children of the document element. Returns the number of notes.

    The area is the one NonStruct element directly under the document whose children are all
    Span (our HTML puts nothing else at that level: every body element maps to a real tag)."""
    import pydyf

    count = 0
    for document in objects.kids(root):
        kids = document.get("K", [])
        rebuilt = pydyf.Array()
        last_note = None
        for reference in kids:
            element = objects.get(reference)
            notes = list(objects.kids(element)) if isinstance(element, dict) else []
            if (not isinstance(element, dict) or element.get("S") != "/NonStruct" or not notes
                    or any(n.get("S") != "/Span" for n in notes)):
                rebuilt.append(reference)
                continue
            for note in notes:
                label = _first_non_struct(objects, note)
                if label is None and last_note is not None:  # continued from the page before
                    last_note["K"] = pydyf.Array([*_as_list(last_note.get("K")),
                                                  note.reference])
                    note["P"] = last_note.reference
                    continue
                count += 1
                note["S"] = "/Note"
                note["ID"] = pydyf.String(f"note-{count}")
                note["P"] = document.reference
                if label is not None:
                    label["S"] = "/Lbl"
                rebuilt.append(note.reference)
                last_note = note
        document["K"] = rebuilt
    return count


def _as_list(kids: Any) -> list[Any]:
    """A structure element's /K as a list (it may be one kid, or none)."""
    if kids is None:
        return []
    return list(kids) if isinstance(kids, list) else [kids]


def _first_non_struct(objects: _Objects, note: Any, depth: int = 3) -> Any:
    """The note's number: its first NonStruct, first child of the note or of its first
    paragraph (a note of several paragraphs wraps each in an anonymous Span)."""
    first = next(objects.kids(note), None)
    if first is None or depth == 0:
        return None
    if first.get("S") == "/NonStruct":
        return first
    return _first_non_struct(objects, first, depth - 1) if first.get("S") == "/Span" else None


def _reachable(objects: _Objects, root: Any) -> set[int]:
    seen: set[int] = set()
    todo = list(objects.kids(root))
    while todo:
        element = todo.pop()
        if element.number in seen:
            continue
        seen.add(element.number)
        todo.extend(objects.kids(element))
    return seen


def margins_as_artifacts(objects: _Objects, root: Any) -> int:
    """Marked content whose structure element is not in the tree (WeasyPrint's margin boxes:
    the page numbers) becomes a pagination artifact. Returns how many were changed."""
    import pydyf

    reachable = _reachable(objects, root)
    parent_tree = objects.get(root.get("ParentTree"))
    if not isinstance(parent_tree, dict):
        return 0
    nums = parent_tree.get("Nums", [])
    pages = list(objects.of_type("/Page"))
    changed = 0
    for index in range(0, len(nums) - 1, 2):
        page_number, parents = nums[index], nums[index + 1]
        if not isinstance(parents, list) or not isinstance(page_number, int) \
                or page_number >= len(pages):
            continue
        orphans = set()
        for mcid, reference in enumerate(parents):
            element = objects.get(reference)
            if isinstance(element, dict) and element.number not in reachable:
                orphans.add(mcid)
        stream = objects.get(pages[page_number].get("Contents"))
        if not orphans or stream is None:
            continue
        operations = stream.stream
        for position, item in enumerate(operations):
            if (isinstance(item, dict) and item.get("MCID") in orphans and position > 0
                    and position + 1 < len(operations) and operations[position + 1] == b"BDC"):
                parents[item["MCID"]] = "null"
                operations[position - 1] = "/Artifact"
                operations[position] = pydyf.Dictionary({"Type": "/Pagination"})
                changed += 1
    return changed


def describe_attachments(objects: _Objects, descriptions: Mapping[str, str]) -> None:
    """A /Desc for every embedded file, and its MIME type from its name where Python's guess
    was none (YAML)."""
    import pydyf

    for filespec in objects.of_type("/Filespec"):
        name = getattr(filespec.get("UF"), "string", "") or ""
        if not str(getattr(filespec.get("Desc"), "string", "") or "").strip():
            filespec["Desc"] = pydyf.String(descriptions.get(name) or f"Embedded file {name}")
        embedded = objects.get(filespec.get("EF", {}).get("F"))
        mime = MIME_TYPES.get(PurePosixPath(name).suffix.lower())
        if embedded is not None and mime is not None:
            embedded.extra["Subtype"] = "/" + mime.replace("/", "#2f")
