"""Document properties (docProps/core.xml and app.xml) from the tree's `Info`.

Title, subject, author and language come from the content; created and modified are the
document's own date, never "now", so the same content always gives the same bytes. The
template's app.xml (which claims to be "Microsoft Macintosh Word") is replaced by a minimal one
naming this generator.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from briefing.tree.plain_text import document_moment
from briefing.tree.vocabulary import Document as Tree

_APP = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>briefing</Application><DocSecurity>0</DocSecurity>'
        "</Properties>")


def set_properties(document: Document, tree: Tree, lang: str) -> None:
    when = document_moment(tree)
    info = tree.info
    core = document.core_properties
    core.title = info.title.strip()
    core.subject = info.subject.strip()
    core.author = info.author.strip()
    core.last_modified_by = info.author.strip()
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
