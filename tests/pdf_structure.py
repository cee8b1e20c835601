"""Reading a tagged PDF's structure tree the way a screen reader does: elements in tree order,
each with the text of the marked content it owns (pdfplumber maps content ids to glyphs)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pdfplumber


@dataclass
class Element:
    type: str
    text: str
    id: str | None = None
    children: list[Element] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Structure:
    root: list[Element]
    #: glyphs that belong to no element of the tree and are not marked as artifacts
    untagged: list[str]
    artifacts: list[tuple[int, str]]  # (page number, text)

    def all(self, kind: str | None = None) -> list[Element]:
        return [e for top in self.root for e in top.walk() if kind is None or e.type == kind]


def read_structure(path) -> Structure:
    with pdfplumber.open(path) as pdf:
        texts: dict[tuple[int, int], str] = defaultdict(str)
        untagged, artifacts = [], []
        for page in pdf.pages:
            for char in page.chars:
                if char["tag"] == "Artifact":
                    artifacts.append((page.page_number, char["text"]))
                elif char["mcid"] is None:
                    untagged.append(char["text"])
                else:
                    texts[(page.page_number, char["mcid"])] += char["text"]
        tree = pdf.structure_tree
    used: set[tuple[int, int]] = set()

    def build(node: dict) -> Element:
        own = [(node["page_number"], m) for m in node.get("mcids", [])]
        used.update(own)
        children = [build(c) for c in node.get("children", [])]
        text = " ".join([texts[key] for key in own] + [c.text for c in children])
        return Element(node["type"], squash(text), node.get("id"), children)

    root = [build(node) for node in tree]
    untagged += [texts[key] for key in texts if key not in used]
    return Structure(root, untagged, artifacts)


def squash(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" (?=[.,;:)”])", "", text)
