"""Briefing generator: YAML content -> Jinja -> semantic tree -> DOCX and PDF writers."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root: templates/, profiles/, fonts/ and content/ live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The vendored fonts, the only files WeasyPrint may read (named here so that the PDF engine can
#: be imported without the profile model).
FONTS_DIR = PROJECT_ROOT / "fonts"
