"""Legal structure in the DOCX (ND 30/2020 PL I §II.6.đ): Phần, Chương, Mục, Tiểu mục, Điều,
khoản; the points are lists of the tree and print as any list does ("a) …").

"Chương I" and its title are two centred paragraphs, each in a style of its own made from the
profile's `legal` looks ("Chapter Label", "Chapter Title"), as the decree's own Word file sets
them; "Điều 5. Title" is one paragraph in the "Article" style (indented like the body), label
and title in bold runs; a khoản's "1." opens its first Body Text paragraph. The styles are
added only to documents that use them, so every other document stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.profile.model import Profile
from briefing.tree import vocabulary
from briefing.tree.visitor import Visitor
from briefing.tree.vocabulary import LEGAL_RANKS
from briefing.writers.docx import style_ids as S
from briefing.writers.docx.formatting import (
    ParagraphLook,
    RunLook,
    keep_with_next,
    paragraph,
)
from briefing.writers.docx.inline import RunEmphasis, text_run
from briefing.writers.docx.ooxml import Element
from briefing.writers.docx.styles import StyleSpec, add_styles, run_look

ARTICLE = "Article"


def label_style(rank: str) -> str:
    """Style id of the label line of a heading of `rank` ("ChapterLabel")."""
    return rank.capitalize() + "Label"


def title_style(rank: str) -> str:
    return rank.capitalize() + "Title"


class LegalVisits(Visitor, partial=True):
    """The DOCX writer's visits of legal items (mixed into `DocxWriter`)."""

    profile: Profile
    #: set once a legal item is written: the document then needs the legal styles
    legal_used: bool = False

    if TYPE_CHECKING:  # provided by DocxWriter
        def out(self, element: Element) -> None: ...
        def inline(self, p: Element, content: Any, look: RunEmphasis = ...) -> None: ...
        def styled(self, style: str, content: Any) -> Element: ...

    def visit_legal_heading(self, node: vocabulary.LegalHeading) -> None:
        """The label line, the title line; the blocks under it follow."""
        self.legal_used = True
        self.out(paragraph(ParagraphLook(style=label_style(node.rank)), text_run(node.label)))
        self.out(self.styled(title_style(node.rank), node.title))

    def visit_article(self, node: vocabulary.Article) -> None:
        """"Điều 5. Title" (label and title bold), or "Điều 1. " run in before its text; its
        other paragraphs and blocks follow."""
        self.legal_used = True
        look = self.profile.legal.article.style
        bold = RunEmphasis(look.bold, look.italic)
        p = paragraph(ParagraphLook(style=ARTICLE), text_run(node.label + " ", bold))
        if node.title is not None:
            self.inline(p, node.title, bold)
            keep_with_next(p)
        elif node.text:
            self.inline(p, node.text[0].content)
        self.out(p)
        for source in node.text[1:]:
            self.out(self.styled(S.BODY, source.content))

    def visit_clause(self, node: vocabulary.Clause) -> None:
        """"1. " run in; a titled clause's "1. Title" on a line of its own, kept with what
        follows."""
        titled = self.profile.legal.clause.titled
        look = RunEmphasis(titled.bold, titled.italic) if node.titled else RunEmphasis()
        for index, source in enumerate(node.text):
            p = paragraph(ParagraphLook(style=S.BODY))
            if index == 0:
                p.append(text_run(node.label + " ", look))
            self.inline(p, source.content, look)
            if node.titled:
                keep_with_next(p)
            self.out(p)


def legal_styles(profile: Profile) -> list[StyleSpec]:
    """The label and title styles of each heading rank and the article's style."""
    legal, body, font = profile.legal, profile.body, profile.font.family
    specs = []
    for depth, rank in enumerate(LEGAL_RANKS):
        look = getattr(legal, rank)
        for style_id, name, style, after, outline in (
                (label_style(rank), f"{rank.capitalize()} Label", look.label_style, 0, None),
                (title_style(rank), f"{rank.capitalize()} Title", look.title_style,
                 body.space_after, depth)):
            specs.append(StyleSpec(
                style_id, name, custom=True, next=S.BODY,
                paragraph=ParagraphLook(align=style.align, first_line=style.indent, left=0,
                                        right=0, space_before=style.space_before,
                                        space_after=after, line_exact=body.line_height,
                                        keep_next=True, keep_lines=True,
                                        outline_level=outline),
                run=run_look(style, font)))
    article = legal.article.style
    specs.append(StyleSpec(
        ARTICLE, "Article", custom=True, next=S.BODY,
        paragraph=ParagraphLook(align=article.align, first_line=article.indent, left=0, right=0,
                                space_before=article.space_before,
                                space_after=body.space_after, line_exact=body.line_height),
        run=RunLook(font=font, size=article.size, underline=article.underline,
                    caps=article.caps)))
    return specs


def install_legal_styles(styles: Element, profile: Profile) -> None:
    """Add the legal styles to `styles` (the w:styles root) of a document that uses them."""
    add_styles(styles, legal_styles(profile))
