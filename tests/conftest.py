"""Shared fixtures: the default content rendered once per test session."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.content.loader import load_document
from briefing.tree.builder import build_document
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.tree.views import DocumentView
from briefing.tree.vocabulary import Document

# The suites compare English output: messages are worded by the locale (briefing.messages), so
# the tests pin it, for this process and every command they run, whatever the machine's.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

CONTENT = PROJECT_ROOT / "content"
BRIEFING = CONTENT / "briefing-foreign-affairs.yaml"
PROGRAMME = CONTENT / "coordination-programme-2024.yaml"


@dataclass
class Built:
    source: Path
    view: DocumentView
    tree: Document
    pdf: Path


def tree_of(parts: str, *, date: str = "2024-03-05", form: str = "official") -> Document:
    """A tree from the markup of its parts (`<body>…</body>`, a masthead, …): the document
    element and an info with `date` around them, read as the renderer reads a template's."""
    return build_document(
        f'<document form="{form}" profile="party" lang="vi-VN"><info><title/><author/>'
        f'<subject/><date>{date}</date></info>{parts}</document>')


def _build_pdf(source: Path, out: Path) -> Built:
    from briefing.writers.pdf import write_pdf

    view = prepare(load_document(source))
    tree = render_tree(view)
    pdf = out / f"{source.stem}.pdf"
    pdf.write_bytes(write_pdf(tree, view.profile))
    return Built(source, view, tree, pdf)


@pytest.fixture(scope="session")
def briefing_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build_pdf(BRIEFING, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def programme_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build_pdf(PROGRAMME, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(params=["briefing", "programme"])
def built_pdf(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(f"{request.param}_pdf")
