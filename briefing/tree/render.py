"""Render a document view through its Jinja template into the semantic tree (an XML element).

Templates live in `templates/` (one per document form) and run in Jinja's sandbox with XML
autoescaping: content is data, so a `<script>` or a raw OOXML fragment in a content file can
only ever come out as text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefing import TEMPLATES_DIR
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.tree.prepare import DocumentView


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


def render_tree(view: DocumentView, directory: Path = TEMPLATES_DIR) -> ET.Element:
    """The semantic tree both writers consume."""
    markup = render_markup(view, directory)
    try:
        return ET.fromstring(markup)
    except ET.ParseError as exc:
        line, col = exc.position
        raise BriefingError.at(directory / template_name(view),
                               msg("template-xml", "template produced malformed XML at output "
                                   "line {line}, column {col}: {reason}", line=line, col=col,
                                   reason=str(exc))) from None
