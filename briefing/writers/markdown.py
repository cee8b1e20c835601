"""Markdown writer: the semantic tree as Pandoc Markdown (headings, lists, footnotes).

A third, small writer: it feeds the benchmark's pandoc baseline with exactly our text, and
gives reviewers a diffable plain-text view of a document. It writes the body (with the lines
its type adds: V/v, Kính gửi, the enacting authority, Căn cứ, the enactment line) and the
appendices; the rest of the head (cover, masthead, mark) and the closing are layout, left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.text.inline_markdown import BLANK_TEXT
from briefing.tree import vocabulary
from briefing.tree.base import Node
from briefing.tree.visitor import SKIP_CHILDREN, WRITTEN_BY_PARENT, Visitor


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")


class MarkdownWriter(Visitor):
    """Collects the document's blocks (`parts`) and footnotes (`notes`) as Markdown text."""

    handled_by_parent = WRITTEN_BY_PARENT

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.notes: list[str] = []
        self.buffer: list[str] = []
        #: a list item's marker, waiting for the item's first paragraph
        self.marker: str | None = None

    def text(self, content: Sequence[vocabulary.Inline]) -> str:
        """Inline content as Markdown (its footnotes collected on the way)."""
        saved, self.buffer = self.buffer, []
        self.walk_all(content)
        text, self.buffer = "".join(self.buffer), saved
        return text

    # -- the parts of the document ------------------------------------------------------------
    def visit_document(self, node: vocabulary.Document) -> None:
        """Front matter, body, appendices, then the notes."""

    def depart_document(self, node: vocabulary.Document) -> None:
        self.parts.extend(self.notes)

    def visit_info(self, node: vocabulary.Info) -> None:
        self.parts.append(f"---\ntitle: \"{node.title}\"\nlang: vi\n---")

    def skip(self, node: Node) -> object:
        """A part of the page's layout, not of the text."""
        return SKIP_CHILDREN

    visit_cover = visit_mark = visit_closing = skip

    def visit_masthead(self, node: vocabulary.Masthead) -> object:
        """Layout, but for a công văn's subject ("V/v …"): the text says what it is about."""
        if node.subject is not None:
            self.parts.append(self.text(node.subject))
        return SKIP_CHILDREN

    def visit_body(self, node: Node) -> None:
        """The title block and the lines the document's type adds, then the blocks."""

    def visit_addressees(self, node: vocabulary.Addressees) -> None:
        if len(node.items) == 1:
            self.parts.append(_escape(f"{node.label} {node.items[0]}"))
        else:
            self.parts.append("\\\n".join(_escape(line) for line in (node.label, *node.items)))

    def visit_authority_line(self, node: vocabulary.AuthorityLine) -> None:
        self.parts.append(f"**{_escape(node.text)}**")

    def visit_basis(self, node: vocabulary.Basis) -> object:
        self.parts.extend(f"*{self.text(p.content)}*" for p in node.paragraphs)
        return SKIP_CHILDREN

    visit_enactment = visit_authority_line

    def visit_title_block(self, node: vocabulary.TitleBlock) -> None:
        self.parts.append(f"**{_escape(node.doc_type)}**")
        if node.subject is not None:
            self.parts.append(f"**{self.text(node.subject)}**")

    def visit_appendices(self, node: Node) -> None:
        """Each appendix in turn."""

    def visit_appendix(self, node: vocabulary.Appendix) -> None:
        self.parts.append(f"# {_escape(node.label)}")
        self.parts.append(f"**{self.text(node.title)}**")
        if node.subtitle is not None:
            self.parts.append(f"*{self.text(node.subtitle)}*")

    # -- blocks -------------------------------------------------------------------------------
    def visit_paragraph(self, node: vocabulary.Paragraph) -> object:
        prefix = f"{_escape(self.marker)} " if self.marker is not None else ""
        self.marker = None
        self.parts.append(prefix + self.text(node.content))
        return SKIP_CHILDREN

    def visit_section(self, node: vocabulary.Section) -> None:
        self.parts.append("#" * min(node.level, 6) + f" {node.number} {self.text(node.title)}")

    def visit_item_list(self, node: Node) -> None:
        """Its items in turn."""

    def visit_item(self, node: vocabulary.Item) -> object:
        """The marker opens the item's first paragraph."""
        marker: str | None = node.marker
        for child in node.body:
            if marker is not None and isinstance(child, vocabulary.Paragraph):
                self.marker, marker = marker, None
            self.walk(child)
        return SKIP_CHILDREN

    def led(self, paragraphs: list[vocabulary.Paragraph], lead: str) -> object:
        """`paragraphs`, the first opening with `lead` in bold."""
        for index, paragraph in enumerate(paragraphs):
            shown = f"**{_escape(lead.strip())}** " if index == 0 and lead.strip() else ""
            self.parts.append(shown + self.text(paragraph.content))
        return SKIP_CHILDREN

    def visit_numbered(self, node: vocabulary.Numbered) -> object:
        return self.led(node.paragraphs, node.number + " ")

    def visit_turn(self, node: vocabulary.Turn) -> object:
        return self.led(node.paragraphs, node.label)

    def visit_legal_heading(self, node: vocabulary.LegalHeading) -> None:
        """"## Chương I" and the title in bold under it; the blocks follow."""
        depth = vocabulary.LEGAL_RANKS.index(node.rank) + 1
        self.parts.append("#" * depth + f" {_escape(node.label)}")
        self.parts.append(f"**{self.text(node.title)}**")

    def visit_article(self, node: vocabulary.Article) -> None:
        """"**Điều 5. Title**", or "**Điều 1.** text"; its other paragraphs follow."""
        if node.title is not None:
            self.parts.append(f"**{_escape(node.label)} {self.text(node.title)}**")
        else:
            self.led(node.text, node.label)

    def visit_clause(self, node: vocabulary.Clause) -> None:
        if node.titled:
            self.parts.append(f"**{_escape(node.label)} {self.text(node.text[0].content)}**")
        else:
            self.led(node.text, node.label)

    def visit_intertitle(self, node: vocabulary.Intertitle) -> object:
        self.parts.append(f"**{self.text(node.content)}**")
        return SKIP_CHILDREN

    def visit_quote(self, node: vocabulary.Quote) -> object:
        self.parts.extend("> " + self.text(p.content) for p in node.paragraphs)
        if node.attribution is not None:
            self.parts.append(self.text(node.attribution))
        return SKIP_CHILDREN

    def visit_figure(self, node: vocabulary.Figure) -> object:
        if node.caption is not None:  # the image itself stays out
            self.parts.append(_escape(node.label) + self.text(node.caption))
        if node.credit is not None:
            self.parts.append(self.text(node.credit))
        return SKIP_CHILDREN

    def visit_table(self, node: vocabulary.Table) -> object:
        """A pipe table (Pandoc Markdown has no spans: a spanned cell is written once)."""
        if node.caption is not None:
            self.parts.append(_escape(node.label) + self.text(node.caption))
        rows = node.header + node.rows
        columns = len(node.columns)

        def line(row: vocabulary.Row) -> str:
            cells = [" ".join(self.text(p.content) for p in cell.paragraphs)
                     for cell in row.cells]
            cells += [""] * (columns - len(cells))
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

        if rows:
            first = (line(node.header[0]) if node.header
                     else "| " + " | ".join([" "] * columns) + " |")
            body = [line(r) for r in (rows[1:] if node.header else rows)]
            self.parts.append("\n".join([first, "|" + "---|" * columns, *body]))
        if node.note is not None:
            self.parts.append(self.text(node.note))
        return SKIP_CHILDREN

    # -- inline -------------------------------------------------------------------------------
    def visit_text(self, node: vocabulary.Text) -> None:
        self.buffer.append(_escape(node.text))

    def visit_emphasis(self, node: vocabulary.Emphasis) -> None:
        self.buffer.append("*")

    depart_emphasis = visit_emphasis

    def visit_strong(self, node: vocabulary.Strong) -> None:
        self.buffer.append("**")

    depart_strong = visit_strong

    def visit_marker(self, node: Node) -> None:
        """Its text, as the text around it."""

    def visit_blank(self, node: vocabulary.Blank) -> None:
        """What a reader sees of a blank in plain text."""
        self.buffer.append(BLANK_TEXT)

    def visit_line_break(self, node: vocabulary.LineBreak) -> None:
        self.buffer.append("\\\n")

    def visit_footnote(self, node: vocabulary.Footnote) -> object:
        body = "\n\n    ".join(self.text(p.content) for p in node.paragraphs)
        self.notes.append(f"[^{node.number}]: {body}")
        self.buffer.append(f"[^{node.number}]")
        return SKIP_CHILDREN


def write_markdown(tree: vocabulary.Document) -> str:
    writer = MarkdownWriter()
    writer.walk(tree)
    return "\n\n".join(writer.parts) + "\n"
