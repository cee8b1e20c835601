"""What changed between two variants, section by section, in the words a reader sees.

Each side is rendered to the semantic tree (no PDF needed) and read as plain text: the header
and closing lines (issuer, number, marks, recipients, signer), then every section under its id
and numbered heading with its own paragraphs and footnotes. Sections are matched by id, so a
renumbered section shows as renumbered, not as one removed and one added.
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from briefing.builds.variants import VariantJob, set_document_date, variant_of
from briefing.messages import msg
from briefing.tree.plain_text import inline_text, sections
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree

#: tree elements outside the body that a reader sees: the header/cover and the closing
FRAME = ("cover", "masthead", "mark", "closing")


@dataclass
class SectionText:
    id: str
    heading: str
    lines: list[str]


@dataclass
class VariantText:
    label: str
    frame: list[str] = field(default_factory=list)
    sections: list[SectionText] = field(default_factory=list)


def _leaves(node: ET.Element, prefix: str) -> list[str]:
    children = list(node)
    if not children:
        text = " ".join((node.text or "").split())
        return [f"{prefix}: {text}"] if text else []
    lines = []
    for child in children:
        lines += _leaves(child, f"{prefix}/{child.tag}")
    return lines


def _own_footnotes(section: ET.Element) -> list[str]:
    notes = []
    stack = [c for c in section if c.tag != "section"]
    while stack:
        node = stack.pop(0)
        if node.tag == "fn":
            text = " ".join(inline_text(p) for p in node.findall("p"))
            notes.append(f"[{node.get('n', '')}] {text}")
            continue
        stack[:0] = [c for c in node if c.tag != "section"]
    return notes


def tree_text(tree: ET.Element, label: str) -> VariantText:
    """The reader's view of a tree: frame lines and each section's own text."""
    result = VariantText(label)
    for tag in FRAME:
        for node in tree.findall(tag):
            result.frame += _leaves(node, tag)
    # sections() and tree.iter("section") walk the same sections in the same order
    for (ident, heading, paragraphs), section in zip(sections(tree), tree.iter("section"),
                                                     strict=True):
        lines = [" ".join(p.split()) for p in paragraphs]
        result.sections.append(SectionText(ident, heading, lines + _own_footnotes(section)))
    return result


def job_text(job: VariantJob, label: str) -> VariantText:
    variant = variant_of(job, check=False)  # a diff reads what is there, built or not
    tree = render_tree(prepare(variant.loaded))
    if job.date:
        set_document_date(tree, job.date)
    return tree_text(tree, label)


def _unified(old: list[str], new: list[str], indent: str = "    ") -> list[str]:
    lines = difflib.unified_diff(old, new, lineterm="", n=1)
    return [indent + line for line in list(lines)[2:]]  # drop the ---/+++ header


def diff_texts(old: VariantText, new: VariantText) -> list[str]:
    """Report lines; empty when the two read the same."""
    out: list[str] = []
    if old.frame != new.frame:
        out.append("~ " + msg("diff-frame", "header and closing"))
        out += _unified(old.frame, new.frame)
    before = {s.id: s for s in old.sections}
    after = {s.id: s for s in new.sections}
    for section in new.sections:
        previous = before.get(section.id)
        if previous is None:
            added = msg("diff-added", "added")
            out.append(f"+ [{section.id}] {section.heading} ({added})")
            out += ["    + " + line for line in section.lines]
            continue
        renumbered = previous.heading != section.heading
        if previous.lines == section.lines:
            if renumbered:
                out.append(f"~ [{section.id}] {previous.heading} -> {section.heading}")
            continue
        title = f"{previous.heading} -> {section.heading}" if renumbered else section.heading
        out.append(f"~ [{section.id}] {title}")
        out += _unified(previous.lines, section.lines)
    for section in old.sections:
        if section.id not in after:
            removed = msg("diff-removed", "removed")
            out.append(f"- [{section.id}] {section.heading} ({removed})")
    if out:
        out[:0] = [f"--- {old.label}", f"+++ {new.label}"]
    return out
