"""The OPC package: template leftovers out, then a byte-for-byte reproducible ZIP.

python-docx's default template carries parts a generated document must not: a thumbnail of an
empty page, a customXml bibliography item, a stale copy of the styles for Word 2010
(stylesWithEffects, which would disagree with the profile's styles) and an unused numbering
part. They are dropped. python-docx then writes its ZIP with the current time on every entry;
`reproducible_zip` rewrites it with every entry stamped with the document date, in a fixed
order, with fixed permissions and compression, so the same input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

TEMPLATE_LEFTOVERS = frozenset({
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    RT.NUMBERING,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
})

#: written first: readers that sniff the package (and Word) expect the content types up front
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def drop_template_leftovers(document: Document) -> None:
    for rels in (document.part.package.rels, document.part.rels):
        for rId, rel in list(rels.items()):
            if rel.reltype in TEMPLATE_LEFTOVERS:
                rels.pop(rId)


def _order(name: str) -> tuple[int, str]:
    return (_FIRST.index(name), "") if name in _FIRST else (len(_FIRST), name)


def reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """`data` (a ZIP) re-packed with fixed entry order, timestamps and attributes."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=_order):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS, as Word writes it: no Unix owner or mode bits
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
