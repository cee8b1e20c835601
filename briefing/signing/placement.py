"""Where a signature goes on the page, read from the document itself and sized by the profile.

Our PDF writer puts ids on the closing's signature space and on the signer's name; WeasyPrint
makes them named destinations: the page and the top-left corner of each box, in PDF points.
The space runs from its own top down to the name's top, across the signature column (the
profile's share of the text width). A PDF without them — an older build of ours — is searched
for the signer's name with pdfplumber, the band above the name taken as the space. A PDF that is
not ours has neither: the caller names the page and box. Everything is in PDF points, origin at
the bottom left of the page: (x1, y1, x2, y2).

The fields are laid out as ND 30 PL I §II.7.d and §II.8.a ask: the signer's image centred in
the space, the seal at its actual size with its right edge a third into the signer's image,
centred on it vertically.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.profile.model import Profile
from briefing.signing import NAME_ID, SPACE_ID

MM = 72 / 25.4
Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Block:
    """The signature space: page (0-based), rectangle, and how it was found."""

    page: int
    space: Rect
    how: str


def find_block(data: bytes, profile: Profile, signer_name: str, where: str) -> Block:
    """The signature space from the named destinations, else from the signer's name."""
    block = from_destinations(data, profile)
    if block is not None:
        return block
    block = from_signer_name(data, profile, signer_name)
    if block is not None:
        return block
    raise BriefingError.at(where, msg(
        "sign-no-block", "no signature block: this PDF has no '{destination}' destination and "
        "no line '{name}'", destination=SPACE_ID, name=signer_name), hint=msg(
        "sign-no-block-hint", "not made by build.py? give the place with --page N --box "
        "x,y,w,h (PDF points from the bottom left)"))


def from_destinations(data: bytes, profile: Profile) -> Block | None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    places = {}
    for name, destination in reader.named_destinations.items():
        if name in (SPACE_ID, NAME_ID) and destination.left is not None \
                and destination.top is not None:
            page = reader.get_destination_page_number(destination)
            places[name] = (page, float(destination.left), float(destination.top))
    if SPACE_ID not in places:
        return None
    page, left, top = places[SPACE_ID]
    height = space_height(profile)
    if NAME_ID in places and places[NAME_ID][0] == page and places[NAME_ID][2] < top:
        height = top - places[NAME_ID][2]
    return Block(page, (left, top - height, left + column_width(profile), top),
                 f"named destination '{SPACE_ID}'")


def column_width(profile: Profile) -> float:
    """The signature column (the closing's right column) in points."""
    return profile.text_width_mm * profile.closing.columns[1] / 100 * MM


def space_height(profile: Profile) -> float:
    """The signature space: `closing.signature_space` lines of the name's size (as both
    writers leave it)."""
    return profile.closing.signature_space * profile.single_line(profile.closing.name.size)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def from_signer_name(data: bytes, profile: Profile, name: str) -> Block | None:
    """The band above the last line that is exactly the signer's name, across a column
    centred on it, up to the text above (at most the profile's signature space)."""
    import pdfplumber

    target = _nfc(name).split()
    if not target:
        return None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in range(len(pdf.pages) - 1, -1, -1):
            page = pdf.pages[index]
            words = page.extract_words(use_text_flow=True)
            for start in range(len(words) - len(target), -1, -1):
                span = words[start:start + len(target)]
                if [_nfc(w["text"]) for w in span] != target or \
                        len({round(w["top"]) for w in span}) != 1:
                    continue
                return _band_above(span, words, float(page.height), index, profile)
    return None


def _band_above(span: list[dict], words: list[dict], height: float, page: int,
                profile: Profile) -> Block:
    x0, x1 = min(w["x0"] for w in span), max(w["x1"] for w in span)
    top = min(w["top"] for w in span)
    half = column_width(profile) / 2
    centre = (x0 + x1) / 2
    above = [w["bottom"] for w in words
             if w["bottom"] <= top - 1 and w["x1"] > centre - half and w["x0"] < centre + half]
    ceiling = max([top - space_height(profile), *above])
    return Block(page, (centre - half, height - top, centre + half, height - ceiling),
                 "the signer's name (pdfplumber)")


def media_box(data: bytes, page: int) -> Rect:
    """The page's (0-based) media box."""
    from pypdf import PdfReader

    media = PdfReader(io.BytesIO(data)).pages[page].mediabox
    return (float(media.left), float(media.bottom), float(media.right), float(media.top))


def given_block(data: bytes, page: int, box: Rect, where: str) -> Block:
    """`--page N --box x,y,w,h`: checked against the page's size."""
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(data)).pages)
    if not 1 <= page <= pages:
        raise BriefingError.at(where, msg("sign-page", "--page {page}: the PDF has {pages} "
                                                       "pages", page=page, pages=pages))
    x, y, w, h = box
    left, bottom, right, top = media_box(data, page - 1)
    if w <= 0 or h <= 0 or x < left or y < bottom or x + w > right or y + h > top:
        raise BriefingError.at(where, msg(
            "sign-box", "--box {box} is not inside page {page} ({width} x {height} pt)",
            box=f"{x:g},{y:g},{w:g},{h:g}", page=page, width=f"{right - left:.0f}",
            height=f"{top - bottom:.0f}"))
    return Block(page - 1, (x, y, x + w, y + h), "--page and --box")


# -- the fields' rectangles --------------------------------------------------------------------
def fit(box: Rect, aspect: float) -> Rect:
    """The largest rectangle of this width/height ratio centred in `box`."""
    x1, y1, x2, y2 = box
    width, height = x2 - x1, y2 - y1
    if width / height > aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def seal_rect(signature: Rect, seal_size: tuple[float, float], overlap: float) -> Rect:
    """The seal at its size, its right edge `overlap` into the signer's image from the left,
    centred on it vertically (ND 30 PL I §II.8.a: "trùm lên khoảng 1/3 … về bên trái")."""
    width, height = seal_size
    right = signature[0] + (signature[2] - signature[0]) * overlap
    middle = (signature[1] + signature[3]) / 2
    return (right - width, middle - height / 2, right, middle + height / 2)


def union(*rects: Rect) -> Rect:
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))


@dataclass(frozen=True)
class BlockFields:
    """The fields of a signature block: the signer's and, apart, the organisation's seal
    (None when one key signs both images in one widget)."""

    signer: Rect
    seal: Rect | None


def block_fields(space: Rect, profile: Profile, signature_aspect: float | None,
                 seal_size: tuple[float, float] | None, together: bool) -> BlockFields:
    """Both fields, laid out before anyone signs; an image not given yet takes the
    profile's size (`e_signature.signature_aspect`, `seal_size`)."""
    look = profile.e_signature
    signature = fit(space, signature_aspect or look.signature_aspect)
    seal = seal_rect(signature, seal_size or (look.seal_size * MM, look.seal_size * MM),
                     look.seal_overlap)
    if together:
        return BlockFields(union(signature, seal), None)
    return BlockFields(signature, seal)


def stamp_rect(page_box: Rect, profile: Profile, width: float) -> Rect:
    """The attachment stamp: top right of the page, right-aligned on the text block's right
    edge, `e_signature.stamp_top` mm below the page's top edge, one line high."""
    right = page_box[2] - profile.page.margins["right"] * MM
    top = page_box[3] - profile.e_signature.stamp_top * MM
    height = profile.single_line(profile.e_signature.stamp.size)
    return (right - width, top - height, right, top)
