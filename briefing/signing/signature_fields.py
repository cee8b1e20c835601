"""Signature fields: made empty and tagged before anyone signs, filled by each signer.

Why before: a tagged PDF (PDF/UA, PDF/A-a) lists every widget in its structure tree, and
pyHanko's rules for what may change after a signature (the ones any verifier applies alike)
allow filling a field but not changing the structure tree. So the first signing makes every
field of the block (the signer's and the seal's) and tags them; later signers only fill theirs,
and the earlier signatures stay valid. A field added after a signature is left untagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name, pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields

from briefing.signing.placement import Rect


@dataclass(frozen=True)
class FieldSpec:
    name: str
    page: int  # 0-based
    rect: Rect
    tooltip: str  # /TU, /Alt: what a screen reader says


def signature_fields(reader) -> dict[str, bool]:
    """Each signature field's name and whether it is signed."""
    return {name: value is not None
            for name, value, _ in fields.enumerate_sig_fields(reader, filled_status=None)}


def field_rect(reader, name: str) -> Rect:
    for field_name, _, reference in fields.enumerate_sig_fields(reader, filled_status=None):
        if field_name == name:
            x1, y1, x2, y2 = (float(v) for v in reference.get_object()["/Rect"])
            return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    raise KeyError(name)


def add_field(writer: IncrementalPdfFileWriter, spec: FieldSpec, tag: bool) -> None:
    """An empty signature field with its widget (printed, locked) at `spec.rect`."""
    fields.append_signature_field(writer, fields.SigFieldSpec(
        sig_field_name=spec.name, on_page=spec.page,
        box=tuple(round(v, 2) for v in spec.rect), readable_field_name=spec.tooltip))
    if not tag:
        return
    page_ref = writer.find_page_for_modification(spec.page)[0]
    for annot_ref in page_ref.get_object().get("/Annots", []):
        annot = annot_ref.get_object()
        if annot.get("/T") == spec.name and annot.get("/FT") == "/Sig":
            annot[pdf_name("/Contents")] = generic.TextStringObject(spec.tooltip)
            writer.update_container(annot)
            tag_widget(writer, annot_ref, page_ref, spec.tooltip)
            return


def _document_element(structure_root):
    """The structure tree's one top element (WeasyPrint's /Document), as a reference."""
    # pyHanko dereferences on [] and get(): raw_get keeps the reference we must point to
    kids = structure_root.raw_get("/K")
    if isinstance(kids, generic.IndirectObject) and \
            isinstance(kids.get_object(), generic.ArrayObject):
        kids = kids.get_object()
    if isinstance(kids, generic.ArrayObject) and len(kids) == 1:
        kids = kids.raw_get(0)
    return kids if isinstance(kids, generic.IndirectObject) else None


def tag_widget(writer: IncrementalPdfFileWriter, widget_ref, page_ref, alt: str) -> bool:
    """The widget in a /Form structure element under the document element (PDF/UA 7.18.4),
    its /StructParent in the parent tree, the page's tab order by structure. False if the
    PDF has no structure tree we can extend (then the widget stays untagged)."""
    root = writer.root
    if "/StructTreeRoot" not in root:
        return False
    structure = root["/StructTreeRoot"]
    document_ref = _document_element(structure)
    parent_tree = structure.get("/ParentTree")
    parent_tree = parent_tree.get_object() if parent_tree is not None else None
    if document_ref is None or parent_tree is None or "/Nums" not in parent_tree:
        return False
    nums = parent_tree["/Nums"]
    # WeasyPrint writes no /ParentTreeNextKey: the next key is past the largest in use
    used = [int(nums[i]) for i in range(0, len(nums), 2)]
    key = max([int(structure.get("/ParentTreeNextKey", 0)), *(u + 1 for u in used)])
    form_ref = writer.add_object(generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/StructElem"), pdf_name("/S"): pdf_name("/Form"),
        pdf_name("/P"): document_ref, pdf_name("/Pg"): page_ref, pdf_name("/Alt"): pdf_string(alt),
        pdf_name("/K"): generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/OBJR"), pdf_name("/Obj"): widget_ref,
            pdf_name("/Pg"): page_ref})}))
    document = document_ref.get_object()
    kids = document.get("/K")
    if not isinstance(kids, generic.ArrayObject):
        kids = generic.ArrayObject([] if kids is None else [kids])
        document[pdf_name("/K")] = kids
    kids.append(form_ref)
    writer.update_container(kids)  # an indirect /K array is its own container
    writer.update_container(document)
    widget = widget_ref.get_object()
    widget[pdf_name("/StructParent")] = generic.NumberObject(key)
    writer.update_container(widget)
    nums.append(generic.NumberObject(key))
    nums.append(form_ref)
    writer.update_container(nums)
    writer.update_container(parent_tree)
    structure[pdf_name("/ParentTreeNextKey")] = generic.NumberObject(key + 1)
    writer.update_container(structure)
    page = page_ref.get_object()
    if page.get("/Tabs") != "/S":
        page[pdf_name("/Tabs")] = pdf_name("/S")
        writer.update_container(page)
    return True
