"""What changed between two variants, section by section, in the words a reader sees.

Each side is rendered to the semantic tree (no PDF needed) and read as plain text: the header
and closing lines (issuer, number, marks, recipients, signer), then every section under its id
and numbered heading with its own paragraphs and footnotes. Sections are matched by id, so a
renumbered section shows as renumbered, not as one removed and one added.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields

from briefing.builds.variants import VariantJob, set_document_date, variant_of
from briefing.messages import msg
from briefing.tree.base import Node, iter_nodes, xml_name
from briefing.tree.plain_text import inline_text, sections
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from briefing.tree.vocabulary import Document, Footnote, Inline, Section

#: the parts of a document outside the body that a reader sees: the head and the closing
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


def _leaves(node: Node, prefix: str) -> list[str]:
    """"path: text" of every text of `node` ("cover/issuer/name: …"), in document order."""
    lines: list[str] = []
    for spec in fields(node):  # type: ignore[arg-type]
        how = spec.metadata.get("xml")
        if how == "attribute":
            continue
        value = getattr(node, spec.name)
        path = f"{prefix}/{xml_name(spec)}" if how == "part" else prefix
        inline = isinstance(value, list) and all(isinstance(v, Inline) for v in value)
        for item in value if isinstance(value, list) and not inline else [value]:
            if isinstance(item, Node):
                lines += _leaves(item, f"{prefix}/{item.tag}")
            elif isinstance(item, str | list):
                text = " ".join((item if isinstance(item, str)
                                 else inline_text(item, breaks=" ")).split())
                lines += [f"{path}: {text}"] if text else []
    return lines


def _own_footnotes(section: Section) -> list[str]:
    """The notes called in the section's own text (not in its subsections)."""
    return [f"[{node.number}] " + " ".join(inline_text(p.content) for p in node.paragraphs)
            for child in section.body if not isinstance(child, Section)
            for node in iter_nodes(child) if isinstance(node, Footnote)]


def tree_text(tree: Document, label: str) -> VariantText:
    """The reader's view of a tree: frame lines and each section's own text."""
    result = VariantText(label)
    for name in FRAME:
        part = getattr(tree, name)
        if part is not None:
            result.frame += _leaves(part, part.tag)
    for section, heading, paragraphs in sections(tree):
        lines = [" ".join(p.split()) for p in paragraphs]
        result.sections.append(SectionText(section.id, heading, lines + _own_footnotes(section)))
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
