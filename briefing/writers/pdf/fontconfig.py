"""A font configuration that knows the project's fonts/ folder and nothing else.

WeasyPrint asks fontconfig for its fonts, and fontconfig's default configuration lists every
font installed on the machine. For a character the vendored font cannot draw, Pango then takes
the glyph from whichever system font has it (DejaVu Sans for an emoji, Droid Sans Fallback for
Chinese) and the PDF embeds that font: a foreign glyph in an official document, and a PDF that
differs from one machine to the next. `build.py check` refuses such characters
(`briefing.validation.coverage`); this closes the door at the root, so that no code path
(a rebuild, a future importer, a character the check missed) can embed a system font.

Fontconfig reads the file named by FONTCONFIG_FILE each time a configuration is loaded, so the
environment variable is set, under a lock, only while WeasyPrint loads its configuration; the
file it names lists fonts/ as the only font folder and includes no system configuration.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from briefing import FONTS_DIR
from briefing.writers.pdf.engine import weasyprint  # first: WeasyPrint without probing

FontConfiguration = weasyprint.text.fonts.FontConfiguration

_LOCK = threading.Lock()


_private: Path | None = None


def _private_folder() -> Path:
    """A folder only this user can write: the per-user one in the temporary folder when it is
    ours (a real folder, not a link, mode 0700), else a fresh one for this process. Another
    local user who made that folder first must not choose which fonts the PDF may embed."""
    global _private
    if _private is not None:
        return _private
    shared = Path(tempfile.gettempdir()) / f"briefing-fontconfig-{os.getuid()}"
    try:
        shared.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(shared)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() \
                and stat.S_IMODE(info.st_mode) & 0o077 == 0:
            _private = shared
            return shared
    except OSError:
        pass
    _private = Path(tempfile.mkdtemp(prefix="briefing-fontconfig-"))
    return _private


def fonts_conf(fonts_dir: Path = FONTS_DIR) -> Path:
    """A fonts.conf naming `fonts_dir` as the only font folder (written once per folder and
    user, in a private temporary folder, with its own cache folder beside it)."""
    folder = _private_folder()
    key = hashlib.sha256(str(fonts_dir.resolve()).encode()).hexdigest()[:16]
    path = folder / f"fonts-{key}.conf"
    text = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f"  <dir>{escape(str(fonts_dir.resolve()))}</dir>\n"
            f"  <cachedir>{escape(str(folder / 'cache'))}</cachedir>\n</fontconfig>\n")
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        temporary = folder / f".{path.name}.{os.getpid()}.part"
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    return path


@contextmanager
def _fontconfig_file(path: Path) -> Iterator[None]:
    with _LOCK:
        previous = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(path)
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("FONTCONFIG_FILE", None)
            else:
                os.environ["FONTCONFIG_FILE"] = previous


def vendored_font_configuration() -> FontConfiguration:
    """WeasyPrint's font configuration, with the project's fonts only (and those its
    stylesheet loads with @font-face, which the fetcher limits to fonts/ as well)."""
    with _fontconfig_file(fonts_conf()):
        return FontConfiguration()
