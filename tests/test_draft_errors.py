"""Whatever a build refuses, a draft prints with a stand-in and lists: the studio's preview
never stops at a problem a clerk can make while editing.

Every briefing of the bad-input corpus (tests/bad_inputs/, each with the error `check` gives
it) is loaded as a draft and laid out: it must not raise, and its problems must hold that
error at its line. The few that cannot be drafted are text that is not a briefing at all (not
YAML, a unit's or a meeting's file): the preview lists their problem beside the last pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.builds.draft_preview import draft_tree, load_draft
from briefing.problems import BriefingError
from briefing.source.yaml_source import load_yaml
from tests.test_bad_inputs import CASES, Expected, huge_figure  # noqa: F401 (its fixture)

#: what no draft can be made of: not YAML, not a briefing's mapping
NOT_A_BRIEFING = ("a content file is a mapping", "this is a unit file", "this is a meeting file")
#: laid out by WeasyPrint too (one of each kind of stand-in; the others stop at the tree)
LAID_OUT = {"figure-missing", "figure-not-an-image", "figure-truncated", "table-ragged-row",
            "table-extra-cell", "table-rowspan-past-bottom", "footnote-called-twice",
            "sections-too-deep", "point-past-last-letter", "ordinal-overflow",
            "unknown-profile", "date-does-not-exist", "body-item-misspelt", "title-is-a-list"}


def _yaml(case: Expected):
    try:
        return load_yaml(case.path)
    except BriefingError:
        return None


DRAFTABLE = [c for c in CASES if c.severity == "error" and _yaml(c) is not None
             and isinstance(_yaml(c).data, dict) and not ({"unit", "meeting"} & set(_yaml(c).data))]


def test_every_briefing_of_the_corpus_is_drafted():
    """Only text that is no briefing at all is left out (and it is not much)."""
    assert len(DRAFTABLE) >= 80
    left = [c.path.stem for c in CASES if c.severity == "error" and c not in DRAFTABLE]
    assert all(_yaml(c) is None or any(
        word in c.fragment for word in NOT_A_BRIEFING) or not isinstance(_yaml(c).data, dict)
        or {"unit", "meeting"} & set(_yaml(c).data) for c in CASES if c.path.stem in left)


@pytest.mark.parametrize("case", DRAFTABLE, ids=lambda c: c.path.stem)
def test_a_draft_prints_what_a_build_refuses_and_lists_it(case: Expected):
    draft = load_draft(load_yaml(case.path), Path(case.path))
    view, tree = draft_tree(draft)
    assert tree is not None and view is not None
    found = [p for p in draft.problems if p.severity == "error"
             and p.position.line == case.line and case.fragment in str(p.message)]
    # a value lacking is a numbered blank of the draft, at its place
    blanks = [b for b in draft.blanks if draft.loaded.source.at(b.path).line == case.line
              or (b.path[0] == "footnotes" and f"[^{b.path[1]}]" in case.fragment)]
    assert found or blanks, [f"{p.position.line}:{p.position.col} {p.message}"
                             for p in draft.problems] + [str(b.path) for b in draft.blanks]
    assert not draft.complete
    if case.path.stem in LAID_OUT:
        from briefing.writers.pdf import lay_out, pdf_request

        assert lay_out(pdf_request(tree, view.profile, media=view.media)).pages


def test_a_missing_figure_is_a_marked_box_with_its_caption():
    """The place of the picture, its caption, and the words the clerk reads in the box."""
    from briefing.writers.pdf.html import to_html

    case = next(c for c in CASES if c.path.stem == "figure-missing")
    draft = load_draft(load_yaml(case.path), Path(case.path))
    view, tree = draft_tree(draft)
    html = to_html(tree, view.profile, view.media)
    assert 'class="draft-figure"' in html and "No picture yet: media/khong-co.png" in html
    assert "<img" not in html
    figure = next(b for b in _walk(view.blocks) if getattr(b, "kind", "") == "figure")
    assert figure.width_mm > 0 and figure.height_mm > 0


def test_a_ragged_table_keeps_its_cells():
    case = next(c for c in CASES if c.path.stem == "table-ragged-row")
    draft = load_draft(load_yaml(case.path), Path(case.path))
    view, _ = draft_tree(draft)
    table = next(b for b in _walk(view.blocks) if getattr(b, "kind", "") == "table")
    assert [len(row) for row in table.rows][:2] != [] and table.rows


def test_the_schemas_errors_are_kept_and_the_rest_printed():
    """A date that does not exist is left out (the year of the draft's default prints); a
    misspelt body item prints the unprintable mark; each stays a problem of the draft."""
    for stem, printed in (("date-does-not-exist", None), ("body-item-misspelt",
                                                           "cannot be printed as written")):
        case = next(c for c in CASES if c.path.stem == stem)
        draft = load_draft(load_yaml(case.path), Path(case.path))
        assert draft.refused and not draft.complete
        if printed:
            assert printed in str(draft.data)


def test_a_build_still_refuses_what_a_draft_prints(tmp_path):
    """Downloads and `build.py` are not drafts: the figure missing stops them as before."""
    from briefing.content.loader import parse_document
    from briefing.tree.prepare import prepare

    case = next(c for c in CASES if c.path.stem == "figure-missing")
    with pytest.raises(BriefingError) as refused:
        prepare(parse_document(load_yaml(case.path), Path(case.path)))
    assert "does not exist" in str(refused.value.problems[0].message)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "body", None) or [])


def test_a_drafts_missing_figure_in_the_docx_writer_is_its_words():
    """The DOCX writer never meets a draft (downloads refuse one), but a figure without its
    file gives its words there too rather than a KeyError."""
    from briefing.writers.docx import write_docx

    case = next(c for c in CASES if c.path.stem == "figure-missing")
    view, tree = draft_tree(load_draft(load_yaml(case.path), Path(case.path)))
    assert write_docx(tree, view.profile, media=view.media).startswith(b"PK")


def test_a_unit_file_that_cannot_be_used_leaves_the_briefing_listed(tmp_path):
    """A unit's file the schema refuses: the variant's draft is the briefing itself, the unit's
    problem listed (named by its file), not a frozen preview."""
    import shutil

    from briefing.builds.draft_preview import load_variant_draft
    from briefing.builds.variants import VariantJob
    from briefing.units.sources import read_source

    root = Path(__file__).resolve().parents[1] / "content"
    shutil.copytree(root, tmp_path / "content")
    unit = tmp_path / "content" / "units" / "quan-1.yaml"
    unit.write_text(unit.read_text("utf-8").replace("  short_name:", "  shortname:"),
                    encoding="utf-8")
    job = VariantJob("quan-1", read_source(tmp_path / "content" / "briefing-foreign-affairs.yaml"),
                     unit=read_source(unit))
    draft, overlays = load_variant_draft(job)
    draft_tree(draft, overlays)
    assert overlays == () and not draft.complete
    assert any(Path(p.position.file).name == "quan-1.yaml" and "shortname" in str(p.message)
               for p in draft.problems)
