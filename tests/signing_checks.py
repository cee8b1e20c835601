"""What signing may break in a PDF/A or PDF/UA file, checked with pypdf (there is no veraPDF
here: it is Java, in none of the registries this project uses). `check(original, signed)`
returns (name, ok, detail) for:

  prefix          the original bytes are a prefix of the signed file (incremental update)
  encrypt         no /Encrypt
  id              trailer /ID present, its first part unchanged
  identification  XMP pdfaid:part/conformance (and pdfuaid:part) as in the original
  outputintent    /OutputIntents unchanged (the same ICC profile bytes)
  info-xmp        /Info Title, Author, Subject, Creator, Producer, ModDate agree with the XMP
  annotations     new annotations printed, not hidden, /AP with only /N, no actions
  acroform        no /NeedAppearances true
  fonts           fonts of new appearances embedded, CIDFontType2 with /CIDToGIDMap, /W widths
                  equal to the embedded font's (scaled to 1000 units per em)
  tags            /MarkInfo /Marked; every widget in the structure tree as a /Form with an OBJR
                  back to it; pages with annotations have /Tabs /S; fields have /TU
  sigdict         /ByteRange covers all but /Contents, /SubFilter ETSI.CAdES.detached, the last
                  signature ends at the end of the file
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

_XMP_FIELDS = {
    "/Title": r"<dc:title[^>]*>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "/Author": r"<dc:creator[^>]*>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "/Subject": r"<dc:description[^>]*>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "/Creator": r'xmp:CreatorTool(?:="([^"]*)"|>([^<]*)<)',
    "/Producer": r'pdf:Producer(?:="([^"]*)"|>([^<]*)<)',
    "/ModDate": r'xmp:ModifyDate(?:="([^"]*)"|>([^<]*)<)',
}


def _xmp(reader: PdfReader) -> str:
    md = reader.trailer["/Root"].get("/Metadata")
    return md.get_object().get_data().decode("utf-8") if md is not None else ""


def _xmp_value(xmp: str, key: str) -> str | None:
    m = re.search(_XMP_FIELDS[key], xmp, re.S)
    if not m:
        return None
    return next((g for g in m.groups() if g is not None), None)


def _pdf_date_to_iso(d: str) -> str:
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?", d)
    if not m:
        return d
    y, mo, da, h, mi, s, tz = m.groups()
    out = y + (f"-{mo}" if mo else "") + (f"-{da}" if da else "")
    if h:
        out += f"T{h}:{mi or '00'}:{s or '00'}"
        if tz:
            out += "+00:00" if tz == "Z" else f"{tz[:3]}:{tz.replace(chr(39), '')[3:5]}"
    return out


def _identification(xmp: str) -> dict:
    out = {}
    for key in ("pdfaid:part", "pdfaid:conformance", "pdfuaid:part"):
        m = re.search(key + r'(?:="([^"]*)"|>([^<]*)<)', xmp)
        if m:
            out[key] = next(g for g in m.groups() if g is not None)
    return out


def _new_annotations(orig: PdfReader, signed: PdfReader):
    for i, page in enumerate(signed.pages):
        before = {a.idnum for a in (orig.pages[i].get("/Annots") or [])
                  if isinstance(a, IndirectObject)}
        for ref in page.get("/Annots") or []:
            if isinstance(ref, IndirectObject) and ref.idnum not in before:
                yield i, ref, ref.get_object()


def _fonts_in(xobj, seen=None):
    seen = seen if seen is not None else set()
    res = xobj.get("/Resources") or {}
    for f in (res.get("/Font") or {}).values():
        yield f.get_object()
    for x in (res.get("/XObject") or {}).values():
        if isinstance(x, IndirectObject):
            if x.idnum in seen:
                continue
            seen.add(x.idnum)
        x = x.get_object()
        if x.get("/Subtype") == "/Form":
            yield from _fonts_in(x, seen)


def _check_font(font) -> list[str]:
    problems = []
    fonts = [font]
    if font.get("/Subtype") == "/Type0":
        fonts = [d.get_object() for d in font["/DescendantFonts"]]
    for f in fonts:
        fd = f.get("/FontDescriptor")
        if fd is None:
            problems.append(f"{f.get('/BaseFont')}: no FontDescriptor (not embedded)")
            continue
        fd = fd.get_object()
        ff = fd.get("/FontFile2") or fd.get("/FontFile3") or fd.get("/FontFile")
        if ff is None:
            problems.append(f"{f.get('/BaseFont')}: not embedded")
            continue
        if f.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in f:
            problems.append(f"{f.get('/BaseFont')}: CIDFontType2 without /CIDToGIDMap")
        if f.get("/Subtype") == "/CIDFontType2" and "/W" in f:
            from fontTools.ttLib import TTFont

            tt = TTFont(io.BytesIO(ff.get_object().get_data()))
            upem = tt["head"].unitsPerEm
            hmtx = tt["hmtx"]
            order = tt.getGlyphOrder()
            w = f["/W"]
            i = 0
            bad = 0
            while i < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], ArrayObject):
                    for k, width in enumerate(w[i + 1]):
                        gid = first + k  # CIDToGIDMap /Identity
                        if gid < len(order):
                            font_w = hmtx[order[gid]][0] * 1000 / upem
                            if abs(font_w - float(width)) > 1:
                                bad += 1
                    i += 2
                else:
                    i += 3
            if bad:
                problems.append(f"{f.get('/BaseFont')}: {bad} /W widths disagree with the "
                                f"font program (unitsPerEm {upem})")
    return problems


def check(original: str, signed: str) -> list[tuple[str, bool, str]]:
    results = []

    def add(name, ok, detail=""):
        results.append((name, bool(ok), detail))

    a_bytes = Path(original).read_bytes()
    b_bytes = Path(signed).read_bytes()
    add("prefix", b_bytes.startswith(a_bytes), f"{len(a_bytes)} -> {len(b_bytes)} bytes")
    a, b = PdfReader(io.BytesIO(a_bytes)), PdfReader(io.BytesIO(b_bytes))
    add("encrypt", "/Encrypt" not in b.trailer and not b.is_encrypted)
    a_id, b_id = a.trailer.get("/ID"), b.trailer.get("/ID")
    add("id", b_id is not None and (a_id is None or bytes(a_id[0].original_bytes if hasattr(
        a_id[0], "original_bytes") else a_id[0]) == bytes(b_id[0].original_bytes if hasattr(
            b_id[0], "original_bytes") else b_id[0])), "" if a_id else "(original had none)")
    xa, xb = _xmp(a), _xmp(b)
    ia, ib = _identification(xa), _identification(xb)
    add("identification", ia == ib, f"{ia} -> {ib}")
    ra, rb = a.trailer["/Root"], b.trailer["/Root"]
    oi_a, oi_b = ra.get("/OutputIntents"), rb.get("/OutputIntents")
    same_oi = (oi_a is None and oi_b is None) or (
        oi_a is not None and oi_b is not None and len(oi_a) == len(oi_b) and all(
            x.get_object().get("/DestOutputProfile").get_object().get_data()
            == y.get_object().get("/DestOutputProfile").get_object().get_data()
            for x, y in zip(oi_a, oi_b, strict=True)))
    add("outputintent", same_oi, "present" if oi_b is not None else "none (not PDF/A)")
    info = b.trailer.get("/Info")
    mismatches = []
    if info is not None:
        info = info.get_object()
        for key in _XMP_FIELDS:
            if key not in info:
                continue
            iv = str(info[key])
            xv = _xmp_value(xb, key)
            if key == "/ModDate":
                iv = _pdf_date_to_iso(iv)
            if xv is None or iv != xv:
                mismatches.append(f"{key}: info {iv!r} xmp {xv!r}")
    add("info-xmp", not mismatches, "; ".join(mismatches))
    problems = []
    fonts_problems = []
    tag_problems = []
    parent_tree = {}
    str_root = rb.get("/StructTreeRoot")
    if str_root is not None:
        nums = str_root.get_object()["/ParentTree"].get_object().get("/Nums", [])
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for page_ix, ref, annot in _new_annotations(a, b):
        flags = int(annot.get("/F", 0))
        if not flags & 4 or flags & (1 | 2 | 32 | 256):
            problems.append(f"p{page_ix + 1} {ref.idnum}: /F {flags}")
        ap = annot.get("/AP")
        if ap is None or set(ap.keys()) != {"/N"}:
            problems.append(f"p{page_ix + 1} {ref.idnum}: /AP {list(ap.keys()) if ap else None}")
        if "/A" in annot or "/AA" in annot:
            problems.append(f"p{page_ix + 1} {ref.idnum}: action")
        if ap is not None:
            for font in _fonts_in(ap["/N"].get_object()):
                fonts_problems += _check_font(font)
        if annot.get("/Subtype") == "/Widget" and str_root is not None:
            sp = annot.get("/StructParent")
            elem = parent_tree.get(int(sp)) if sp is not None else None
            if elem is None:
                tag_problems.append(f"widget {ref.idnum} not in the structure tree")
            else:
                e = elem.get_object()
                k = e.get("/K")
                k = k.get_object() if k is not None else None
                if e.get("/S") != "/Form" or not isinstance(k, DictionaryObject) \
                        or k.get("/Obj").idnum != ref.idnum:
                    tag_problems.append(f"widget {ref.idnum}: parent tree entry is not a "
                                        f"/Form with an OBJR to it")
            if "/TU" not in annot:
                tag_problems.append(f"widget {ref.idnum}: no /TU")
            if b.pages[page_ix].get("/Tabs") != "/S":
                tag_problems.append(f"page {page_ix + 1}: /Tabs is not /S")
    add("annotations", not problems, "; ".join(problems))
    acro = rb.get("/AcroForm")
    add("acroform", acro is None or not acro.get_object().get("/NeedAppearances", False))
    add("fonts", not fonts_problems, "; ".join(fonts_problems))
    if str_root is not None:
        marked = rb.get("/MarkInfo", {}).get("/Marked")
        if not marked:
            tag_problems.append("/MarkInfo /Marked is not true")
        add("tags", not tag_problems, "; ".join(tag_problems))
    sig_problems = []
    for field in (acro.get_object().get("/Fields", []) if acro else []):
        field = field.get_object()
        if field.get("/FT") != "/Sig" or "/V" not in field:
            continue
        v = field["/V"].get_object()
        br = [int(x) for x in v["/ByteRange"]]
        if v.get("/SubFilter") != "/ETSI.CAdES.detached":
            sig_problems.append(f"{field.get('/T')}: SubFilter {v.get('/SubFilter')}")
        if br[0] != 0 or b_bytes[br[1]:br[1] + 1] != b"<" or b_bytes[br[2] - 1:br[2]] != b">":
            sig_problems.append(f"{field.get('/T')}: ByteRange gap is not the /Contents string")
    last_end = max((int(f.get_object()["/V"].get_object()["/ByteRange"][2]) +
                    int(f.get_object()["/V"].get_object()["/ByteRange"][3])
                    for f in (acro.get_object().get("/Fields", []) if acro else [])
                    if f.get_object().get("/FT") == "/Sig" and "/V" in f.get_object()),
                   default=None)
    if last_end is not None and last_end != len(b_bytes):
        sig_problems.append(f"last signature ends at {last_end}, file is {len(b_bytes)}")
    add("sigdict", not sig_problems, "; ".join(sig_problems))
    return results


