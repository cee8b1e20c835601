"""Render a document view through its Jinja template into the semantic tree (typed nodes).

Templates live in `templates/` (one per document form) and run in Jinja's sandbox with XML
autoescaping: content is data, so a `<script>` or a raw OOXML fragment in a content file can
only ever come out as text. The markup they write is read at once into the nodes of
`briefing.tree.vocabulary` (`briefing.tree.builder`); markup outside the vocabulary is the
template's error, named as such.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.parsers.expat import ExpatError

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefing import TEMPLATES_DIR
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.tree.builder import Refused, build_document
from briefing.tree.end_mark import append_end_mark
from briefing.tree.shared_fills import share_fills
from briefing.tree.views import DocumentView
from briefing.tree.vocabulary import Document


@lru_cache(maxsize=4)
def environment(directory: Path = TEMPLATES_DIR) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(enabled_extensions=("xml", "j2", "html"),
                                     default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def template_name(view: DocumentView) -> str:
    return f"{view.meta.form}.xml.j2"


def render_markup(view: DocumentView, directory: Path = TEMPLATES_DIR) -> str:
    name = template_name(view)
    try:
        return environment(directory).get_template(name).render(doc=view)
    except TemplateError as exc:
        raise BriefingError.at(directory / name, msg("template", "template error: {reason}",
                                                     reason=str(exc)),
                               line=getattr(exc, "lineno", 0) or 0) from None


def render_tree(view: DocumentView, directory: Path = TEMPLATES_DIR) -> Document:
    """The semantic tree every writer visits."""
    markup = render_markup(view, directory)
    template = directory / template_name(view)
    try:
        tree = build_document(markup)
    except ExpatError as exc:
        raise BriefingError.at(template, msg(
            "template-xml", "template produced malformed XML at output line {line}, column "
            "{col}: {reason}", line=exc.lineno, col=exc.offset, reason=str(exc))) from None
    except Refused as exc:
        raise BriefingError.at(template, msg(
            "template-vocabulary", "template produced markup outside the tree's vocabulary at "
            "output line {line}, column {col}: {reason}", line=exc.line, col=exc.column,
            reason=str(exc))) from None
    _end_marks(tree, view)
    share_fills([tree], view.profile)
    return tree


def _end_marks(tree: Document, view: DocumentView) -> None:
    """"./." after the body and after each attached text whose type has one."""
    layout = view.layout
    if layout is not None and layout.end_mark:
        append_end_mark(tree.body.blocks, layout.end_mark)
    if tree.appendices is not None:
        for node, appendix in zip(tree.appendices.appendices, view.appendices, strict=True):
            if appendix.end_mark:
                append_end_mark(node.body, appendix.end_mark)
