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


Result = tuple[str, bool, str]


def check(original: str, signed: str) -> list[Result]:
    a_bytes, b_bytes = Path(original).read_bytes(), Path(signed).read_bytes()
    a, b = PdfReader(io.BytesIO(a_bytes)), PdfReader(io.BytesIO(b_bytes))
    results = [("prefix", b_bytes.startswith(a_bytes), f"{len(a_bytes)} -> {len(b_bytes)}"),
               ("encrypt", "/Encrypt" not in b.trailer and not b.is_encrypted, "")]
    results += _identity(a, b) + _annotations(a, b) + [_signatures(b, b_bytes)]
    return results


def _first_id(reader: PdfReader) -> bytes | None:
    ids = reader.trailer.get("/ID")
    if ids is None:
        return None
    return bytes(getattr(ids[0], "original_bytes", ids[0]))


def _identity(a: PdfReader, b: PdfReader) -> list[Result]:
    results = [("id", _first_id(b) is not None and _first_id(a) in (None, _first_id(b)), "")]
    xa, xb = _xmp(a), _xmp(b)
    ia, ib = _identification(xa), _identification(xb)
    results.append(("identification", ia == ib, f"{ia} -> {ib}"))
    oi_a, oi_b = (r.trailer["/Root"].get("/OutputIntents") for r in (a, b))
    same = (oi_a is None and oi_b is None) or (
        oi_a is not None and oi_b is not None and len(oi_a) == len(oi_b) and all(
            x.get_object()["/DestOutputProfile"].get_object().get_data()
            == y.get_object()["/DestOutputProfile"].get_object().get_data()
            for x, y in zip(oi_a, oi_b, strict=True)))
    results.append(("outputintent", same, "present" if oi_b is not None else "none"))
    mismatches = []
    info = b.trailer.get("/Info")
    for key in _XMP_FIELDS if info is not None else ():
        if key in info.get_object():
            iv, xv = str(info.get_object()[key]), _xmp_value(xb, key)
            iv = _pdf_date_to_iso(iv) if key == "/ModDate" else iv
            if xv is None or iv != xv:
                mismatches.append(f"{key}: info {iv!r} xmp {xv!r}")
    results.append(("info-xmp", not mismatches, "; ".join(mismatches)))
    return results


def _annotations(a: PdfReader, b: PdfReader) -> list[Result]:
    root = b.trailer["/Root"]
    problems, fonts, tags = [], [], []
    structure = root.get("/StructTreeRoot")
    parents = {}
    if structure is not None:
        nums = structure.get_object()["/ParentTree"].get_object().get("/Nums", [])
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for page, ref, annot in _new_annotations(a, b):
        flags, ap = int(annot.get("/F", 0)), annot.get("/AP")
        if not flags & 4 or flags & (1 | 2 | 32 | 256):
            problems.append(f"p{page + 1} {ref.idnum}: /F {flags}")
        if ap is None or set(ap.keys()) != {"/N"}:
            problems.append(f"p{page + 1} {ref.idnum}: /AP {list(ap.keys()) if ap else None}")
        if "/A" in annot or "/AA" in annot:
            problems.append(f"p{page + 1} {ref.idnum}: action")
        for font in _fonts_in(ap["/N"].get_object()) if ap is not None else ():
            fonts += _check_font(font)
        if annot.get("/Subtype") == "/Widget" and structure is not None:
            tags += _widget_tags(ref, annot, parents, b.pages[page].get("/Tabs"))
    acro = root.get("/AcroForm")
    results = [("annotations", not problems, "; ".join(problems)),
               ("acroform", acro is None or not acro.get_object().get("/NeedAppearances"), ""),
               ("fonts", not fonts, "; ".join(fonts))]
    if structure is not None:
        if not root.get("/MarkInfo", {}).get("/Marked"):
            tags.append("/MarkInfo /Marked is not true")
        results.append(("tags", not tags, "; ".join(tags)))
    return results


def _widget_tags(ref, annot, parents: dict, tabs) -> list[str]:
    problems = []
    parent = annot.get("/StructParent")
    element = parents.get(int(parent)) if parent is not None else None
    if element is None:
        problems.append(f"widget {ref.idnum} not in the structure tree")
    else:
        element = element.get_object()
        kid = element.get("/K")
        kid = kid.get_object() if kid is not None else None
        if element.get("/S") != "/Form" or not isinstance(kid, DictionaryObject) \
                or kid.get("/Obj").idnum != ref.idnum:
            problems.append(f"widget {ref.idnum}: not a /Form with an OBJR to it")
    if "/TU" not in annot:
        problems.append(f"widget {ref.idnum}: no /TU")
    if tabs != "/S":
        problems.append(f"widget {ref.idnum}: the page's /Tabs is not /S")
    return problems


def _signatures(b: PdfReader, data: bytes) -> Result:
    acro = b.trailer["/Root"].get("/AcroForm")
    problems, ends = [], []
    for field in (acro.get_object().get("/Fields", []) if acro else []):
        field = field.get_object()
        if field.get("/FT") != "/Sig" or "/V" not in field:
            continue
        value = field["/V"].get_object()
        ranges = [int(x) for x in value["/ByteRange"]]
        ends.append(ranges[2] + ranges[3])
        if value.get("/SubFilter") != "/ETSI.CAdES.detached":
            problems.append(f"{field.get('/T')}: SubFilter {value.get('/SubFilter')}")
        if ranges[0] != 0 or data[ranges[1]:ranges[1] + 1] != b"<" \
                or data[ranges[2] - 1:ranges[2]] != b">":
            problems.append(f"{field.get('/T')}: the ByteRange gap is not /Contents")
    if ends and max(ends) != len(data):
        problems.append(f"the last signature ends at {max(ends)}, the file at {len(data)}")
    return ("sigdict", not problems, "; ".join(problems))
