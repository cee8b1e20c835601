"""A document as typed or pasted into a text file: numbers typed, the masthead and closing
tables as their cells' lines (one after the other, or side by side with tabs), some long
lines hard-wrapped, blank lines between paragraphs or not."""

from __future__ import annotations

import random
import textwrap

from tests.sources.clerk_docx import end_mark
from tests.sources.clerk_tables import MOTTO, NATIONAL, PARTY
from tests.sources.model import Closing, Document, Line, Picture, Table


def _columns(left: list[str], right: list[str], rng: random.Random) -> list[str]:
    """Two cells of a layout table as pasted: one after the other, or row by row with a tab."""
    if rng.random() < 0.5:
        return left + right
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    return [f"{a}\t{b}".strip("\t") if a else f"\t\t{b}" for a, b in zip(left, right, strict=False)]


def head_lines(doc: Document, rng: random.Random) -> list[str]:
    head = doc.head
    if head is None or head.kind == "headline":
        return []
    party = head.kind in ("party", "cover")
    left = [x for x in (head.superior, head.issuer) if x] + ["*" if party else "_______"]
    if head.number:
        left.append(f"Số {head.number}" if party else f"Số: {head.number}")
    if doc.subject_prefix:
        left.append(f"{doc.subject_prefix} {doc.subject}")
    right = [PARTY] if party else [rng.choice(NATIONAL), MOTTO, "_" * 30]
    if head.date and head.kind != "cover" and doc.kind != "minutes":
        right.append(head.place_date())
    lines = [x for x in _columns(left, right, rng) if rng.random() < 0.8 or "_" not in x]
    return [*lines, ""]


def title_lines(doc: Document) -> list[str]:
    lines = [doc.type] if doc.type else []
    if doc.subject and not doc.subject_prefix:
        lines.append(doc.subject)
    if len(doc.addressees) == 1:
        lines.append(f"Kính gửi: {doc.addressees[0]}.")
    elif doc.addressees:
        lines.append("Kính gửi:")
        lines += [f"- {name}{'.' if i == len(doc.addressees) - 1 else ';'}"
                  for i, name in enumerate(doc.addressees)]
    return lines


def line_text(line: Line, rng: random.Random, last: bool = False) -> list[str]:
    """A body line as typed; a long one hard-wrapped where the clerk pressed Enter."""
    para = line.para
    text = para.printed
    if line.fill in ("leader", "dots"):
        text = f"{text} {'.' * rng.randint(20, 50)}".strip()
    elif line.fill == "ellipsis":
        text = f"{text} {'…' * rng.randint(8, 20)}".strip()
    if last:
        text += end_mark(text)
    if para.marker.startswith(("Chương ", "Phần ", "Mục ")):
        return [para.marker, para.text + (end_mark(para.text) if last else "")]
    if line.wrap and len(text) > 70:
        return textwrap.wrap(text, rng.randint(60, 80))
    return [text]


def table_lines(table: Table, style: str = "tab") -> list[str]:
    """Rows with tab-separated cells (copied from Word), between pipes with a rule under the
    header (pasted from a Markdown page), or set in columns by spaces (printed to text); a
    cell's paragraphs joined by a space."""
    rows = [[" ".join(cell.paragraphs) if cell else "" for cell in row] for row in table.rows]
    if style == "pipe":
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        return [*lines[:1], "|" + "---|" * len(rows[0]), *lines[1:]]
    if style == "space" and all(all(row) for row in rows) and \
            len({len(row) for row in rows}) == 1:
        widths = [max(len(row[c]) for row in rows) + 4 for c in range(len(rows[0]))]
        return ["".join(text.ljust(width) for text, width in zip(row, widths, strict=True))
                .rstrip() for row in rows]
    return ["\t".join(row) for row in rows]


def closing_lines(closing: Closing, rng: random.Random) -> list[str]:
    left = ["Nơi nhận:", *closing.printed_recipients()]
    signer = closing.signers[-1]
    right = [x for x in (signer.authority, signer.title) if x] + \
        (["(Đã ký)"] if closing.signed else []) + [signer.name]
    if len(closing.signers) == 2:
        first = closing.signers[0]
        return [f"{first.title}\t\t{signer.title}", "", f"{first.name}\t\t{signer.name}", "", *left]
    return _columns(left, right, rng) if rng.random() < 0.5 else [*right, "", *left]


def body_lines(doc: Document, rng: random.Random) -> list[list[str]]:
    """The body as groups of lines: one group per paragraph (a wrapped one has several)."""
    groups = [line_text(line, rng) for line in doc.preamble]
    last = max((i for i, b in enumerate(doc.body) if isinstance(b, Line)), default=-1)
    for index, block in enumerate(doc.body):
        if isinstance(block, Line):
            groups.append(line_text(block, rng, doc.end_mark and index == last ==
                                    len(doc.body) - 1))
        elif isinstance(block, Table):  # a style of its own: the main draws stay as they were
            style = random.Random(doc.seed + index).choice(["tab", "tab", "pipe", "space"])
            groups.append(table_lines(block, style))
        elif isinstance(block, Picture) and block.caption:
            groups.append(line_text(block.caption, rng))
    if doc.end_mark and last != len(doc.body) - 1:
        groups.append(["./."])
    return groups + [line_text(line, rng) for line in doc.after]


def render_text(doc: Document) -> str:
    """The document as a plain text file."""
    rng = random.Random(doc.seed)
    blank = rng.random() < 0.6
    out = head_lines(doc, rng) + title_lines(doc)
    out.append("")
    for group in body_lines(doc, rng):
        out += group + ([""] if blank else [])
    if doc.closing:
        out += ["", *closing_lines(doc.closing, rng)]
    return "\n".join(out).rstrip("\n") + "\n"
