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
            elif child.tag == "br":
                out.append("\\\n")
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
                    out.append(f"**{self.inline(child.find('subject'))}**")
            elif child.tag in ("numbered", "turn"):
                lead = child.get("number", "") + " " if child.tag == "numbered" else \
                    child.get("label", "")
                for index, paragraph in enumerate(child.findall("p")):
                    shown = f"**{_escape(lead.strip())}** " if index == 0 and lead.strip() else ""
                    out.append(shown + self.inline(paragraph))
            elif child.tag == "intertitle":
                out.append(f"**{self.inline(child)}**")
            elif child.tag == "quote":
                out.extend("> " + self.inline(p) for p in child.findall("p"))
                if child.find("attribution") is not None:
                    out.append(self.inline(child.find("attribution")))
            elif child.tag == "table":
                out.extend(self.table(child))
            elif child.tag == "figure":
                if child.find("caption") is not None:  # the image itself stays out
                    out.append(_escape(child.get("label", "")) + self.inline(child.find("caption")))
                if child.find("credit") is not None:
                    out.append(self.inline(child.find("credit")))
        return out

    def table(self, node: ET.Element) -> list[str]:
        """A pipe table (Pandoc Markdown has no spans: a spanned cell is written once)."""
        out: list[str] = []
        if node.find("caption") is not None:
            out.append(_escape(node.get("label", "")) + self.inline(node.find("caption")))
        rows = node.findall("thead/row") + node.findall("tbody/row")
        columns = len(node.findall("cols/col"))

        def line(row: ET.Element) -> str:
            cells = [" ".join(self.inline(p) for p in cell.findall("p"))
                     for cell in row.findall("cell")]
            cells += [""] * (columns - len(cells))
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

        if rows:
            header = node.findall("thead/row")
            first = line(header[0]) if header else "| " + " | ".join([" "] * columns) + " |"
            body = [line(r) for r in rows[1:]] if header else [line(r) for r in rows]
            out.append("\n".join([first, "|" + "---|" * columns, *body]))
        if node.find("note") is not None:
            out.append(self.inline(node.find("note")))
        return out

    def document(self, tree: ET.Element) -> str:
        title = tree.findtext("info/title", "")
        parts = [f"---\ntitle: \"{title}\"\nlang: vi\n---"]
        body = tree.find("body")
        if body is not None:
            parts.extend(self.blocks(body))
        for appendix in tree.findall("appendices/appendix"):
            parts.append(f"# {_escape(appendix.get('label', ''))}")
            parts.append(f"**{self.inline(appendix.find('title'))}**")
            if appendix.find("subtitle") is not None:
                parts.append(f"*{self.inline(appendix.find('subtitle'))}*")
            parts.extend(self.blocks(appendix))
        parts.extend(self.notes)
        return "\n\n".join(parts) + "\n"


def write_markdown(tree: ET.Element) -> str:
    return MarkdownWriter().document(tree)
