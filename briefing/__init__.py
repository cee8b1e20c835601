"""Briefing generator: YAML content -> Jinja -> semantic tree -> DOCX and PDF writers."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root: templates/, profiles/, fonts/ and content/ live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
