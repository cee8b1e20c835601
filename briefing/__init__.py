"""Briefing generator: YAML content -> Jinja -> semantic tree -> DOCX and PDF writers."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root: templates/, profiles/, fonts/ and content/ live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: Folders named here, not beside the code that reads them, so that the PDF engine and the
#: no-op checks (briefing/builds/stamps.py) can find them without importing pydantic or Jinja.
FONTS_DIR = PROJECT_ROOT / "fonts"  # the vendored fonts, the only files WeasyPrint may read
TEMPLATES_DIR = PROJECT_ROOT / "templates"
