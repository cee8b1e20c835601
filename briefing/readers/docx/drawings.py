"""What a drawing in a Word run holds: pictures, text boxes, embedded objects, charts, empty
shapes — each once, with its size.

A run's `w:drawing` (DrawingML), `w:pict` (VML) or `w:object` (an OLE object: a Visio drawing,
an Excel sheet, an equation) is walked; of `mc:AlternateContent` one branch only
(`wordml.branch`), so the copy Word keeps for older readers is never read a second time. Text
boxes are not read here: their `w:txbxContent` is handed over, with the size of the shape
that holds it and whether it belongs to a group (a diagram).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from briefing.messages import Message, msg
from briefing.readers.docx.wordml import A_NS, MC_NS, R_NS, V_NS, WP_NS, attr, branch, w

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
O_NS = "urn:schemas-microsoft-com:office:office"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
WPC = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
EMU_PER_MM = 36_000
_VML_SHAPES = {f"{{{V_NS}}}{name}" for name in ("rect", "roundrect", "shape", "oval",
                                                 "line", "polyline", "arc", "curve")}
_GROUPS = {f"{{{WPG}}}wgp", f"{{{V_NS}}}group", f"{{{WPC}}}wpc"}
_PT = re.compile(r"(width|height)\s*:\s*([\d.]+)(pt|in|mm|cm|px)?")
_TO_MM = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, None: 25.4 / 72}


@dataclass
class Drawing:
    kind: str  # "picture" | "text-box" | "shape" | "object" | "chart"
    width_mm: float | None = None
    height_mm: float | None = None
    #: the picture's relationship id (for an object: its preview picture)
    rel: str | None = None
    #: a text box's content (`w:txbxContent`)
    box: etree._Element | None = None
    grouped: bool = False
    #: an object's program ("Visio.Drawing.15", "Equation.3", "Excel.Sheet.12")
    program: str | None = None
    #: the width Word gives a picture, in EMU (for its share of the text width)
    width_emu: int | None = None


def read_drawings(element: etree._Element) -> list[Drawing]:
    """Every picture, text box, object, chart and empty shape in `element`, in order."""
    out: list[Drawing] = []
    _walk(element, out, None, False)
    return out


def _walk(element: etree._Element, out: list[Drawing], size: tuple | None,
          grouped: bool) -> None:
    tag = element.tag
    if not isinstance(tag, str):
        return
    if tag == f"{{{MC_NS}}}AlternateContent":
        _walk(branch(element), out, size, grouped)
        return
    if tag == w("object"):
        out.append(_object(element, size))
        return
    if tag == w("txbxContent"):
        out.append(Drawing("text-box", *(size or (None, None)), box=element, grouped=grouped))
        return
    if tag == f"{{{A_NS}}}blip" and element.get(f"{{{R_NS}}}embed"):
        out.append(Drawing("picture", *(size or (None, None)),
                           rel=element.get(f"{{{R_NS}}}embed"), grouped=grouped,
                           width_emu=_emu(size)))
        return
    if tag == f"{{{V_NS}}}imagedata" and element.get(f"{{{R_NS}}}id"):
        out.append(Drawing("picture", *(size or (None, None)), rel=element.get(f"{{{R_NS}}}id"),
                           grouped=grouped))
        return
    if tag == f"{{{C_NS}}}chart":
        out.append(Drawing("chart", *(size or (None, None)), rel=element.get(f"{{{R_NS}}}id")))
        return
    own = _size(element)
    size = own or size
    grouped = grouped or tag in _GROUPS
    before = len(out)
    for item in element:
        _walk(item, out, size, grouped)
    if len(out) == before and (tag == f"{{{WPS}}}wsp" or tag in _VML_SHAPES):
        out.append(Drawing("shape", *(size or (None, None)), grouped=grouped))


def _size(element: etree._Element) -> tuple[float, float] | None:
    tag = element.tag
    if tag in (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
        extent = element.find(f"{{{WP_NS}}}extent")
        if extent is not None:
            return _emu_mm(extent.get("cx")), _emu_mm(extent.get("cy"))
    if tag == f"{{{WPS}}}wsp":
        ext = element.find(f"{{{WPS}}}spPr/{{{A_NS}}}xfrm/{{{A_NS}}}ext")
        if ext is not None:
            return _emu_mm(ext.get("cx")), _emu_mm(ext.get("cy"))
    if tag in _VML_SHAPES or tag == f"{{{V_NS}}}group":
        found = {name: float(value) * _TO_MM[unit]
                 for name, value, unit in _PT.findall(element.get("style") or "")}
        if "width" in found or "height" in found:
            return found.get("width", 0.0), found.get("height", 0.0)
    return None


def _emu_mm(value: str | None) -> float:
    return int(value) / EMU_PER_MM if value and value.isdigit() else 0.0


def _emu(size: tuple | None) -> int | None:
    return round(size[0] * EMU_PER_MM) if size and size[0] else None


def _object(element: etree._Element, size: tuple | None) -> Drawing:
    """An embedded object and the picture Word shows for it."""
    program = None
    for ole in element.iter(f"{{{O_NS}}}OLEObject"):
        program = ole.get("ProgID") or program
    for embed in element.iter(w("objectEmbed"), w("objectLink")):
        program = attr(embed, "progId") or program
    inner: list[Drawing] = []
    for item in element:
        _walk(item, inner, size, False)
    preview = next((d for d in inner if d.kind == "picture"), None)
    width, height = (preview.width_mm, preview.height_mm) if preview else (size or (None,
                                                                                     None))
    return Drawing("object", width, height, rel=preview.rel if preview else None,
                   program=program or "an unknown program",
                   width_emu=preview.width_emu if preview else None)


#: An object's program -> what a reader calls it in a note.
_EQUATION = msg("object-equation", "an equation")
PROGRAMS = (("visio", msg("object-visio", "a Visio drawing")), ("equation", _EQUATION),
            ("mathtype", _EQUATION), ("excel.chart", msg("object-excel-chart", "an Excel chart")),
            ("excel", msg("object-excel", "an Excel sheet")),
            ("word", msg("object-word", "a Word document")),
            ("powerpoint", msg("object-powerpoint", "a PowerPoint slide")),
            ("acroexch", msg("object-pdf", "a PDF file")),
            ("package", msg("object-package", "a packaged file")),
            ("paint", msg("object-paint", "a Paint picture")))


def program_name(program: str | None) -> Message:
    """What an embedded object is, for messages ("a Visio drawing")."""
    low = (program or "").lower()
    for key, name in PROGRAMS:
        if key in low:
            return name
    if program:
        return msg("object-program", "an embedded object ({program})", program=program)
    return msg("object-other", "an embedded object")
