"""Markdown writer: the semantic tree as Pandoc Markdown (headings, lists, footnotes).

A third, small writer: it feeds the benchmark's pandoc baseline with exactly our text, and
gives reviewers a diffable plain-text view of a document.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")


class MarkdownWriter:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def inline(self, node: ET.Element) -> str:
        out = [_escape(node.text or "")]
        for child in node:
            if child.tag == "em":
                out.append(f"*{self.inline(child)}*")
            elif child.tag == "strong":
                out.append(f"**{self.inline(child)}**")
            elif child.tag == "marker":
                out.append(self.inline(child))
            elif child.tag == "fn":
                number = child.get("n", str(len(self.notes) + 1))
                body = "\n\n    ".join(self.inline(p) for p in child.findall("p"))
                self.notes.append(f"[^{number}]: {body}")
                out.append(f"[^{number}]")
            out.append(_escape(child.tail or ""))
        return "".join(out)

    def blocks(self, node: ET.Element, marker: str | None = None) -> list[str]:
        out: list[str] = []
        for child in node:
            if child.tag == "p":
                prefix = f"{_escape(marker)} " if marker is not None else ""
                marker = None
                out.append(prefix + self.inline(child))
            elif child.tag == "section":
                level = int(child.get("level", "1"))
                head = child.find("heading")
                number = head.findtext("number", "")
                out.append("#" * min(level, 6) + f" {number} {self.inline(head.find('title'))}")
                out.extend(self.blocks(child))
            elif child.tag == "list":
                for item in child.findall("item"):
                    out.extend(self.blocks(item, item.get("marker", "")))
            elif child.tag == "title-block":
                out.append(f"**{_escape(child.findtext('doc-type', ''))}**")
                if child.find("subject") is not None:
                    out.append(f"**{_escape(child.findtext('subject', ''))}**")
        return out

    def document(self, tree: ET.Element) -> str:
        title = tree.findtext("info/title", "")
        parts = [f"---\ntitle: \"{title}\"\nlang: vi\n---"]
        body = tree.find("body")
        if body is not None:
            parts.extend(self.blocks(body))
        parts.extend(self.notes)
        return "\n\n".join(parts) + "\n"


def write_markdown(tree: ET.Element) -> str:
    return MarkdownWriter().document(tree)
