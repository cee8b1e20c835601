"""Document properties (docProps/core.xml and app.xml) from the tree's <info>.

Title, subject, author and language come from the content; created and modified are the
document's own date, never "now", so the same content always gives the same bytes. The
template's app.xml (which claims to be "Microsoft Macintosh Word") is replaced by a minimal one
naming this generator.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from briefing.tree.plain_text import document_moment, node_text

#: ZIP timestamps cannot predate 1980; an undated tree gets this epoch.

_APP = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>briefing</Application><DocSecurity>0</DocSecurity>'
        "</Properties>")


def _info(tree: ET.Element, name: str) -> str:
    return node_text(tree.find(f"info/{name}")).strip()


def set_properties(document: Document, tree: ET.Element, lang: str) -> None:
    when = document_moment(tree)
    core = document.core_properties
    core.title = _info(tree, "title")
    core.subject = _info(tree, "subject")
    core.author = _info(tree, "author")
    core.last_modified_by = _info(tree, "author")
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.language = lang
    core.revision = 1
    core.created = when
    core.modified = when

    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            package.rels.pop(rId)
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _APP.encode("utf-8"),
               package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
