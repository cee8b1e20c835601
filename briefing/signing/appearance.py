"""What a signature looks like on the page: the signer's and the seal's images, or the stamp line.

pyHanko's stamp styles draw one image scaled into the box, so two images at given places are a
`BaseStampStyle` of our own (pyHanko's extension point for appearances). The stamp line is
pyHanko's text stamp in the vendored Liberation Serif (Times New Roman's metric twin): pyHanko
0.38 writes a font's widths in font units, right only for fonts of 1000 units per em, so the
font is scaled to 1000 units in memory first (Liberation Serif has 2048; without it the glyphs
come out twice as far apart and the /W widths disagree with the font, a PDF/A violation).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import BaseStamp, BaseStampStyle, TextStampStyle

from briefing.inputs import read_input
from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.profile.model import Profile
from briefing.signing.placement import MM, Rect, fit

IMAGE_LIMIT = 20 << 20
#: what the images are called in messages
SIGNATURE_IMAGE = msg("what-signature-image", "signature image")
SEAL_IMAGE = msg("what-seal-image", "seal image")
#: images are embedded at this resolution at most (at the size they are drawn)
DPI = 300


def load_image(path: Path, what: Message | str) -> Image.Image:
    """A PNG as RGBA (a palette PNG's transparency would be lost otherwise), its DPI kept."""
    data = read_input(path, limit=IMAGE_LIMIT, what=what)
    try:
        image = Image.open(io.BytesIO(data))
        if image.format != "PNG":
            raise BriefingError.at(path, msg(
                "image-not-png", "{what} must be a PNG with a transparent background (ND 30 PL "
                "I §II.7.d), not {format}", what=what, format=str(image.format)))
        dpi = image.info.get("dpi")
        image = image.convert("RGBA")
    except BriefingError:
        raise
    except Exception:  # any decoding failure is the file's
        raise BriefingError.at(path, msg("image-unreadable", "{what}: not an image this "
                                                             "program can read",
                                         what=what)) from None
    if dpi:
        image.info["dpi"] = dpi
    if image.getextrema()[3][0] == 255:
        raise BriefingError.at(path, msg("image-opaque", "{what} has no transparent "
                                                         "background", what=what),
                               hint=msg("image-opaque-hint", "ND 30 PL I §II.7.d, §II.8.a: a "
                                                             "PNG with a transparent "
                                                             "background"))
    return image


def actual_size(image: Image.Image) -> tuple[float, float]:
    """An image's printed size in points, from the DPI stored in the PNG (pHYs), 300 if none:
    the seal is drawn at the seal's actual size."""
    dpi = image.info.get("dpi") or (DPI, DPI)
    dx, dy = float(dpi[0]) or DPI, float(dpi[1]) or DPI
    return image.width / dx * 72, image.height / dy * 72


def aspect(image: Image.Image) -> float:
    return image.width / image.height


def _downscaled(image: Image.Image, width_pt: float) -> Image.Image:
    """No more pixels than 300 dpi at the drawn size: a scan at 1200 dpi would add megabytes."""
    most = max(1, round(width_pt / 72 * DPI))
    if image.width <= most:
        return image
    return image.resize((most, max(1, round(image.height * most / image.width))),
                        Image.Resampling.LANCZOS)


@dataclass(frozen=True)
class Placed:
    image: Image.Image
    box: Rect  # relative to the widget's lower-left corner


def signer_images(widget: Rect, signature: Image.Image | None, seal: Image.Image | None,
                  overlap: float) -> tuple[tuple[Placed, ...], list[str]]:
    """The images inside a field made before (its rectangle fixed): the signer's image fitted
    and centred; a seal alone at its actual size, its right edge on the field's; both (one
    key signing both) as `placement.block_fields` laid them out. And warnings."""
    width, height = widget[2] - widget[0], widget[3] - widget[1]
    warnings: list[str] = []
    placed: list[Placed] = []
    sw, sh = actual_size(seal) if seal is not None else (0.0, 0.0)
    if seal is not None and (sw > width or sh > height):
        scale = min(width / sw, height / sh)
        warnings.append(str(msg("seal-scaled", "the seal ({width} x {height} mm) is larger "
                                "than its field: drawn at {scale} of its actual size",
                                width=f"{sw / MM:.0f}", height=f"{sh / MM:.0f}",
                                scale=f"{scale:.0%}")))
        sw, sh = sw * scale, sh * scale
    if signature is not None:
        if seal is None:
            box = fit((0, 0, width, height), aspect(signature))
        else:
            gw = max(1.0, (width - sw) / (1 - overlap))
            box = fit((width - gw, 0, width, height), aspect(signature))
        placed.append(Placed(signature, box))
    if seal is not None:
        left = 0.0 if signature is not None else width - sw
        placed.append(Placed(seal, (left, (height - sh) / 2, left + sw, (height + sh) / 2)))
    return tuple(placed), warnings


@dataclass(frozen=True)
class ImagesStampStyle(BaseStampStyle):
    """An appearance of images at given boxes, painted in order (the seal over the signer's)."""

    images: tuple[Placed, ...] = ()
    border_width: int = 0

    def create_stamp(self, writer, box, text_params) -> ImagesStamp:
        return ImagesStamp(writer=writer, style=self, box=box)


class ImagesStamp(BaseStamp):
    def _render_inner_content(self) -> list[bytes]:
        commands = []
        for placed in self.style.images:
            x1, y1, x2, y2 = placed.box
            drawn = PdfImage(_downscaled(placed.image, x2 - x1), writer=self.writer,
                             box=layout.BoxConstraints(width=x2 - x1, height=y2 - y1))
            content = drawn.render()
            self.import_resources(drawn.resources)
            # %.3f: %g would write 1e-14 for a coordinate that is nearly 0, no PDF number
            commands.append(b"q 1 0 0 1 %.3f %.3f cm %s Q" % (x1, y1, content))
        return commands


# -- the stamp line ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Upem1000FontFactory(GlyphAccumulatorFactory):
    """pyHanko's font factory, handed the font rescaled to 1000 units per em."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(font_at_1000_upem(self.font_file)),
            font_size=self.font_size, ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)


@functools.lru_cache(maxsize=4)
def font_at_1000_upem(path: str) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(path)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def stamp_style(profile: Profile) -> TextStampStyle:
    """The stamp line: the profile's regular face at `e_signature.stamp.size`, black, no
    border, right-aligned in its box."""
    size = profile.e_signature.stamp.size
    size = int(size) if float(size).is_integer() else size  # pyHanko's layout wants 10, not 10.0
    no_margin = layout.Margins(0, 0, 0, 0)
    rule = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MAX,
                                      y_align=layout.AxisAlignment.ALIGN_MID, margins=no_margin)
    return TextStampStyle(
        stamp_text="%(stamp)s", border_width=0,
        text_box_style=TextBoxStyle(
            font=Upem1000FontFactory(str(profile.font.path("regular")), font_size=size),
            font_size=size, box_layout_rule=rule),
        inner_content_layout=rule)


def stamp_width(text: str, profile: Profile) -> float:
    """The stamp line's width in points, measured with the font it is set in (+1 pt)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(profile.font.path("regular")), 1000)
    return font.getlength(text) * profile.e_signature.stamp.size / 1000 + 1
