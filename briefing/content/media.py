"""Figure files: found beside the content, confined to its folder, checked before any writer.

A figure is data like any other content: its path is relative to the content file's folder and
may not lead out of it (no "..", absolute path, URL or symlink out), its size is capped before
a byte is read, and it must be a PNG or JPEG that decodes (Pillow verifies it) and is not a
decompression bomb. The writers then receive the bytes from `MediaStore`, never a path, so no
writer opens a file the checks did not.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from briefing.inputs import confined, printable, read_input
from briefing.messages import Message, msg
from briefing.problems import BriefingError

_KINDS = {b"\x89PNG\r\n\x1a\n": ("png", "image/png"), b"\xff\xd8\xff": ("jpeg", "image/jpeg")}
_EXTENSIONS = {"png": (".png",), "jpeg": (".jpg", ".jpeg")}
#: Below this many pixels per inch an image has no usable resolution; 96 dpi is assumed.
DEFAULT_DPI = 96.0


class MediaError(ValueError):
    """What is wrong with a figure file, worded for the clerk; `hint` says what to do."""

    def __init__(self, message: Message, hint: Message | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


_RESAVE = msg("resave-image", "open it in an image viewer and save it again")


@dataclass(frozen=True)
class Image:
    """A checked figure: its bytes, type and size in pixels (and its resolution, if stored)."""

    data: bytes
    kind: str  # "png" | "jpeg"
    mime: str
    width_px: int
    height_px: int
    dpi: float = DEFAULT_DPI

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.height_px / self.width_px


def confined_media_path(root: Path, src: str) -> Path:
    """The file `src` names inside `root`, or `MediaError` if it would lead anywhere else:
    the input guard's rules (`briefing.inputs`), worded for a figure."""
    hint = msg("figure-path-hint", "put the image in the content folder (e.g. content/media/) "
                                   "and write its path from there, like media/photo.jpg")
    figure = msg("what-figure", "figure '{src}'", src=printable(src))
    try:  # the path's form first ('..', absolute, URL …), then where it leads; loop-safe
        return confined(root, src, what=_FIGURE)
    except BriefingError as exc:
        message = exc.problems[0].message
        if message.code not in ("path-refused", "path-leads-outside"):  # name the figure
            message = exc.problems[0].message.given(what=figure)
        raise MediaError(message, exc.problems[0].hint or hint) from None


_FIGURE = msg("what-figure-word", "figure")


def load_image(root: Path, src: str, *, max_bytes: int, max_pixels: int) -> Image:
    """Read and check the figure `src` (relative to `root`)."""
    path = confined_media_path(root, src)
    if not path.exists() and not path.is_symlink():
        raise MediaError(msg("figure-missing", "figure file '{src}' does not exist", src=src),
                         msg("figure-looked-for", "looked for {name} in {folder}/",
                             name=path.name, folder=path.parent.name))
    what = msg("what-figure-file", "figure file '{src}'", src=src)
    try:  # the input guard: regular files only (a FIFO cannot block), size capped
        data = read_input(path, limit=max_bytes, what=what)
    except BriefingError as exc:
        problem = exc.problems[0]
        if problem.code == "too-large":  # its size: which file, how to shrink it
            raise MediaError(problem.message.given(what=what), msg(
                "figure-too-large-hint", "make it smaller (a photo for print needs 300 dpi at "
                "its printed size, rarely more than 5 MB)")) from None
        raise MediaError(problem.message, problem.hint) from None
    return check_image(data, src, max_pixels=max_pixels)


def check_image(data: bytes, src: str, *, max_pixels: int) -> Image:
    """The image in `data`, checked: a PNG or JPEG whose extension agrees, that decodes."""
    kind_mime = next((kind for magic, kind in _KINDS.items() if data.startswith(magic)), None)
    if kind_mime is None:
        raise MediaError(msg("figure-format", "'{src}' is not a PNG or JPEG image", src=src),
                         msg("figure-format-hint",
                             "save it as PNG or JPEG (Word and phones do both)"))
    kind, mime = kind_mime
    if not src.lower().endswith(_EXTENSIONS[kind]):
        raise MediaError(msg("figure-extension", "'{src}' holds a {kind} image but its name says "
                             "otherwise", src=src, kind=kind.upper()),
                         msg("figure-extension-hint", "rename it to end in {extension}",
                             extension=_EXTENSIONS[kind][0]))
    if not _complete(data, kind):
        raise MediaError(msg("figure-cut-short", "'{src}' is a broken {kind} image (the file is "
                             "cut short)", src=src, kind=kind.upper()), _RESAVE)
    from PIL import Image as PILImage  # only documents with figures pay for Pillow

    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > max_pixels:
                raise MediaError(msg("figure-pixels", "'{src}' is {width}×{height} pixels, more "
                                     "than {limit:,} pixels", src=src, width=width,
                                     height=height, limit=max_pixels),
                                 msg("figure-pixels-hint", "scale it down"))
            dpi = probe.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))[0] or DEFAULT_DPI
            probe.verify()
        with PILImage.open(io.BytesIO(data)) as image:
            image.load()  # verify() does not decode: a truncated file fails only here
    except MediaError:
        raise
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise MediaError(msg("figure-broken", "'{src}' is a broken {kind} image ({reason})",
                             src=src, kind=kind.upper(), reason=_reason(exc)), _RESAVE) from None
    if width < 1 or height < 1:
        raise MediaError(msg("figure-empty", "'{src}' has no pixels", src=src))
    return Image(data, kind, mime, width, height, float(dpi) if float(dpi) >= 10 else DEFAULT_DPI)


def _complete(data: bytes, kind: str) -> bool:
    """Whether the file ends as its format must: a JPEG with its end-of-image marker (some
    writers add a few padding bytes after it), a PNG with its IEND chunk. Pillow alone cannot
    be trusted here: WeasyPrint, once imported, tells it to accept truncated images."""
    if kind == "jpeg":
        return b"\xff\xd9" in data[-64:]
    return data.endswith(b"IEND\xaeB`\x82")


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:80]


@dataclass
class MediaStore:
    """The figures of one document, checked once by `prepare`; writers look them up by `src`."""

    images: dict[str, Image] = field(default_factory=dict)

    def __getitem__(self, src: str) -> Image:
        return self.images[src]

    def __len__(self) -> int:
        return len(self.images)
