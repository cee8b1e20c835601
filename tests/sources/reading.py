"""What a reader should get back from a rendering: the body's paragraphs in order, each as
printed with its role, and the meta the head and the closing say."""

from __future__ import annotations

from tests.sources.model import Document, Line, Para, Picture, Table


def expected_reading(doc: Document, plain: bool) -> list[Para]:
    """The body as read: preamble, lines, pictures' captions, table cells row by row (each
    cell paragraph on its own), then what comes after the end mark. A `plain` text rendering
    shows each cell joined into one, and no picture: a caption is a paragraph there. Lines
    without words (a leader line) are not paragraphs a reader reads."""
    out: list[Para] = [line.para for line in doc.preamble]
    for block in doc.body:
        if isinstance(block, Line):
            out.append(block.para)
        elif isinstance(block, Picture) and block.caption:
            caption = block.caption.para
            out.append(Para("paragraph", caption.text) if plain else caption)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    if cell is None or not cell.paragraphs:
                        continue
                    texts = [" ".join(cell.paragraphs)] if plain else cell.paragraphs
                    out += [Para("cell", text) for text in texts]
    out += [line.para for line in doc.after]
    return [para for para in out if any(ch.isalnum() for ch in para.printed)]


def expected_meta(doc: Document) -> dict[str, object]:
    """Only what the source states: a field it does not state is not scored."""
    meta: dict[str, object] = {}
    head = doc.head
    if head and head.kind in ("party", "state", "cover"):
        meta["issuer"] = head.issuer
    if head and head.number:
        meta["number"] = head.number
    if head and head.date and head.kind in ("party", "state") and doc.kind != "minutes":
        year, month, day = head.date
        meta["place"] = head.place
        meta["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    if doc.type:
        meta["type"] = doc.type
    if doc.subject:
        meta["subject"] = doc.subject
    if doc.closing:
        signer = doc.closing.signers[-1]
        meta["signer"] = " / ".join(x for x in (signer.authority, signer.title, signer.name) if x)
        meta["recipients"] = list(doc.closing.recipients)
    if doc.addressees:
        meta["addressees"] = list(doc.addressees)
    return meta
