"""Pictures of a Word file -> `source.Picture`, and what stands in for embedded objects.

A picture comes in when it is PNG or JPEG. An embedded object (a Visio drawing, an Excel
sheet or chart, an equation, another document) never refuses the file: Word keeps a picture of
it as it shows on the page, and that picture comes in as a figure standing for the object.
Where that picture is a Windows metafile (EMF or WMF, which no library at hand converts
offline) or missing, and for a chart Word draws itself, a note says what was left out.
"""

from __future__ import annotations

from briefing.importing.guesses import Notebook
from briefing.messages import Message, msg
from briefing.readers.docx.drawings import Drawing, program_name
from briefing.readers.docx.package import Package
from briefing.readers.source import Picture, Where

#: A4 text width of the official layout, in EMU, to express picture widths as a share
_TEXT_WIDTH_EMU = 165 * 36_000
_METAFILES = ((b"\x01\x00\x00\x00", "EMF"), (b"\xd7\xcd\xc6\x9a", "WMF"),
              (b"\x01\x00\x09\x00", "WMF"), (b"\x02\x00\x09\x00", "WMF"))


def picture_format(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    return None


def _metafile(data: bytes) -> str | None:
    for magic, name in _METAFILES:
        if data.startswith(magic) and (name != "EMF" or data[40:44] == b" EMF"):
            return name
    return None


class PictureReader:
    def __init__(self, package: Package, notes: Notebook):
        self.package = package
        self.notes = notes

    def read(self, drawing: Drawing, where: Where) -> Picture | None:
        if drawing.kind == "chart":
            self.notes.dropped(msg("dropped-chart", "a chart Word draws from its data is not "
                                   "imported (paste it as a picture in Word, or add it as a "
                                   "figure)"), where)
            return None
        what = program_name(drawing.program) if drawing.kind == "object" else None
        data = self._data(drawing.rel)
        if data is None:
            if what:
                self.notes.dropped(msg("dropped-object-no-picture", "{what} embedded in the "
                                       "document is left out: Word keeps no picture of it",
                                       what=what), where)
            else:
                self.notes.dropped(msg("dropped-picture-missing", "a picture whose file is "
                                                                  "missing from the document"),
                                   where)
            return None
        extension = picture_format(data)
        if extension is None:
            self._unreadable(data, what, where)
            return None
        share = round(100 * drawing.width_emu / _TEXT_WIDTH_EMU) if drawing.width_emu else None
        if what:
            self.notes.guess(msg("object-as-picture", "{what} embedded in the document comes in "
                                 "as the picture Word shows of it", what=what), where)
        return Picture(data, extension, where, min(share, 100) if share else None,
                       stands_for=msg("picture-of", "the picture of {what}", what=what)
                       if what else None)

    def _data(self, rel: str | None) -> bytes | None:
        target = self.package.rels.get(rel or "")
        if target is None or target[0].endswith("/oleObject"):
            return None
        return self.package.parts.get(target[1])

    def _unreadable(self, data: bytes, what: Message | None, where: Where) -> None:
        metafile = _metafile(data)
        kind = msg("picture-metafile", "a Windows metafile ({name})", name=metafile) \
            if metafile else msg("picture-other-format", "a format other than PNG or JPEG")
        if what:
            self.notes.dropped(msg("dropped-object-picture", "{what} embedded in the document is "
                                   "left out: the picture Word keeps of it is {kind}, which "
                                   "cannot be converted here (save it as PNG and add it as a "
                                   "figure)", what=what, kind=kind), where)
        else:
            self.notes.dropped(msg("dropped-picture-format", "a picture in {kind} is not "
                                   "imported (save it as PNG and add it as a figure)",
                                   kind=kind), where)
