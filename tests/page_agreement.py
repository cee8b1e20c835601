"""Do our PDF and Word-side pagination (LibreOffice rendering our DOCX) show the same pages?

A clerk prints the DOCX from Word, another prints our PDF; a meeting that says "page 5" must
mean the same page in both. This module builds a document in both formats, has LibreOffice
convert the DOCX to PDF (LibreOffice stands in for Word), reads both PDFs the way a reader
does and compares them page by page:

- the first body line of each page (the page-number header in the top margin is skipped);
- for each footnote, the page of its call and the page where the note starts, in both;
- the share of body lines that read the same in both (line breaking).

Usable from tests (`compare`) and from the command line, which prints a per-page diff:

    python -m tests.page_agreement content/briefing-foreign-affairs.yaml [--unit U] [--meeting M]
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from briefing import PROJECT_ROOT

MM = 72 / 25.4
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CONTENT = PROJECT_ROOT / "content"
BOOKLET = CONTENT / "briefing-foreign-affairs.yaml"


# -- the documents compared ------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One document to compare: a content file, optionally with a unit and a meeting."""

    content: Path
    unit: Path | None = None
    meeting: Path | None = None

    @property
    def name(self) -> str:
        parts = [self.content.stem]
        if self.unit is not None:
            parts.append(self.unit.stem)
        if self.meeting is not None:
            parts.append(self.meeting.stem)
        return "+".join(parts)


def all_cases() -> list[Case]:
    """Every embedded document, every unit variant of the booklet and the meeting handout."""
    cases = [Case(path) for path in sorted(CONTENT.glob("*.yaml"))]
    cases += [Case(BOOKLET, unit=path) for path in sorted((CONTENT / "units").glob("*.yaml"))]
    cases += [Case(BOOKLET, meeting=path)
              for path in sorted((CONTENT / "meetings").glob("*.yaml"))]
    return cases


def render_case(case: Case) -> dict[str, bytes]:
    """The DOCX and PDF bytes of `case`, built as `build.py` and `batch` build them."""
    from briefing.builds.variants import VariantJob, render_job
    from briefing.units.sources import read_source

    job = VariantJob(case.name, read_source(case.content),
                     unit=read_source(case.unit) if case.unit else None,
                     meeting=read_source(case.meeting) if case.meeting else None,
                     formats=("docx", "pdf"))
    return render_job(job)


def libreoffice_pdf(docx: Path, workdir: Path, timeout: float = 300) -> Path:
    """`docx` converted to PDF by LibreOffice, with a private user profile so that parallel
    conversions do not share (and lock) one."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = workdir / "lo-profile"
    out = workdir / "lo"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        capture_output=True, text=True, timeout=timeout)
    converted = out / (docx.stem + ".pdf")
    if result.returncode != 0 or not converted.is_file():
        raise RuntimeError(f"LibreOffice could not convert {docx.name}: {result.stderr.strip()}")
    return converted


# -- reading a PDF ---------------------------------------------------------------------------
@dataclass
class Line:
    text: str          # the line as read, footnote calls and markers left out
    top: float
    size: float        # the size most of its characters have
    baseline: float    # from the top of the page
    x0: float          # its first character's left edge (a note's number included)
    supers: list[str] = field(default_factory=list)  # superscript numbers, in reading order
    leading_super: bool = False  # it opens with a superscript number (a note's first line)


@dataclass
class Page:
    number: int
    body: list[Line]
    notes: list[Line]

    @property
    def first_line(self) -> str:
        return self.body[0].text if self.body else ""

    @property
    def calls(self) -> list[str]:
        return [n for line in self.body for n in line.supers]

    @property
    def notes_started(self) -> list[str]:
        return [line.supers[0] for line in self.notes if line.leading_super]


def _baseline(char: dict, height: float) -> float:
    return height - char["matrix"][5]


def _line_text(chars: list[dict]) -> str:
    out = []
    last = None
    for char in chars:
        if last is not None and char["x0"] - last["x1"] > 0.15 * char["size"]:
            out.append(" ")
        out.append(char["text"])
        last = char
    return normalise("".join(out))


def normalise(text: str) -> str:
    """NFC, whitespace folded, no space left before punctuation a removed call touched."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" (?=[.,;:)”])", "", text)


def _lines(chars: list[dict], height: float) -> list[Line]:
    """Characters grouped into lines by baseline; superscripts (calls, note numbers) are
    attached to the line they stand on and kept apart from the text."""
    sized = [c for c in chars if c["text"].strip() or c["text"] == " "]
    if not sized:
        return []
    biggest = max(c["size"] for c in sized)
    normal = [c for c in sized if c["size"] >= 10 or c["size"] >= 0.8 * biggest]
    supers = [c for c in sized if c not in normal]
    rows: list[list[dict]] = []
    for char in sorted(normal, key=lambda c: (_baseline(c, height), c["x0"])):
        if rows and abs(_baseline(char, height) - _baseline(rows[-1][0], height)) < 2:
            rows[-1].append(char)
        else:
            rows.append([char])
    extra: dict[int, list[dict]] = {}
    for char in supers:
        base = _baseline(char, height)
        # a superscript's baseline is raised by about a third of the line's size
        candidates = [(abs(_baseline(row[0], height) - base - 0.33 * row[0]["size"]), index)
                      for index, row in enumerate(rows)
                      if -1 <= _baseline(row[0], height) - base <= 0.8 * row[0]["size"]]
        if candidates:
            extra.setdefault(min(candidates)[1], []).append(char)
        else:
            rows.append([char])
    lines = []
    for index, row in enumerate(rows):
        small = sorted(extra.get(index, []), key=lambda c: c["x0"])
        text_chars = sorted((c for c in row if c["size"] >= 10 or c not in supers),
                            key=lambda c: c["x0"])
        visible = [c for c in text_chars if c["text"].strip()]
        if not visible and not small:
            continue
        numbers: list[str] = []
        last = None
        for char in small:
            if not char["text"].strip():
                continue
            if last is not None and char["x0"] - last["x1"] < 1:
                numbers[-1] += char["text"]
            else:
                numbers.append(char["text"])
            last = char
        sizes = [round(c["size"], 1) for c in visible] or [round(c["size"], 1) for c in small]
        size = max(set(sizes), key=sizes.count)
        leading = bool(small) and (not visible or small[0]["x0"] < visible[0]["x0"])
        first = min(row + small, key=lambda c: c["x0"])
        lines.append(Line(_line_text(text_chars), min(c["top"] for c in row + small), size,
                          _baseline(row[0], height), first["x0"], numbers, leading))
    lines.sort(key=lambda line: line.top)
    return lines


def _separator_top(page: pdfplumber.page.Page, left_mm: float, note_size: float) -> float | None:
    """Top of the footnote separator (or continuation separator): a horizontal rule from the
    left margin with only note-size text under it and no vertical rule touching it (a table's
    borders meet its column rules)."""
    left = left_mm * MM
    edges = page.rects + page.lines
    found = None
    for obj in edges:
        width = obj["x1"] - obj["x0"]
        if (abs(obj["x0"] - left) > 3 or obj["bottom"] - obj["top"] > 2 or width < 20 * MM
                or obj["top"] < page.height / 3):
            continue
        if any(other["bottom"] - other["top"] > 2 and other["x0"] <= obj["x1"] + 1
               and other["x1"] >= obj["x0"] - 1 and other["top"] <= obj["bottom"] + 1
               and other["bottom"] >= obj["top"] - 1 for other in edges):
            continue
        under = [c for c in page.chars if c["top"] > obj["bottom"] and c["text"].strip()]
        if (under and all(c["size"] <= note_size + 0.6 for c in under)
                and (found is None or obj["top"] < found)):
            found = obj["top"]
    return found


def read_pdf(path: Path, *, top_margin_mm: float = 20, left_margin_mm: float = 30,
             note_size: float = 12) -> list[Page]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            limit = top_margin_mm * MM - 2
            chars = [c for c in page.chars if c["top"] >= limit]
            separator = _separator_top(page, left_margin_mm, note_size)
            if separator is None:
                body_chars, note_chars = chars, []
            else:
                body_chars = [c for c in chars if c["top"] < separator]
                note_chars = [c for c in chars if c["top"] > separator]
            pages.append(Page(number, _lines(body_chars, page.height),
                              _lines(note_chars, page.height)))
    return pages


# -- comparing -------------------------------------------------------------------------------
@dataclass
class NotePlace:
    number: str
    call_page: int | None
    note_page: int | None

    @property
    def in_place(self) -> bool:
        return self.call_page is not None and self.call_page == self.note_page


def note_places(pages: list[Page]) -> dict[str, NotePlace]:
    places: dict[str, NotePlace] = {}
    for page in pages:
        for number in page.calls:
            places.setdefault(number, NotePlace(number, None, None))
            if places[number].call_page is None:
                places[number].call_page = page.number
        for number in page.notes_started:
            places.setdefault(number, NotePlace(number, None, None))
            if places[number].note_page is None:
                places[number].note_page = page.number
    return dict(sorted(places.items(), key=lambda item: int(item[0]) if item[0].isdigit()
                       else 0))


@dataclass
class Agreement:
    name: str
    ours: list[Page]
    theirs: list[Page]
    same_starts: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        count = max(len(self.ours), len(self.theirs))
        self.same_starts = [index < len(self.ours) and index < len(self.theirs)
                            and self.ours[index].first_line == self.theirs[index].first_line
                            for index in range(count)]

    @property
    def start_share(self) -> float:
        return sum(self.same_starts) / len(self.same_starts) if self.same_starts else 1.0

    @property
    def line_share(self) -> float:
        ours = [line.text for page in self.ours for line in page.body]
        theirs = [line.text for page in self.theirs for line in page.body]
        matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
        same = sum(block.size for block in matcher.get_matching_blocks())
        return same / max(len(ours), len(theirs), 1)

    @property
    def notes_ours(self) -> dict[str, NotePlace]:
        return note_places(self.ours)

    @property
    def notes_theirs(self) -> dict[str, NotePlace]:
        return note_places(self.theirs)

    def displaced_lines(self, tolerance: float = 1.5) -> list[str]:
        """Lines that stand elsewhere in the two PDFs: on the first page (masthead or cover)
        and in the notes of every page, the same text more than `tolerance` pt away
        (baseline, or left edge: a note's number indented in one only)."""
        problems = []
        for index, (ours, theirs) in enumerate(zip(self.ours, self.theirs, strict=False)):
            pairs = list(zip(ours.notes, theirs.notes, strict=False))
            if index == 0:
                pairs += list(zip(ours.body, theirs.body, strict=False))
            for a, b in pairs:
                if a.text != b.text:
                    continue
                if abs(a.baseline - b.baseline) > tolerance or abs(a.x0 - b.x0) > tolerance:
                    problems.append(f"page {ours.number}: '{a.text[:40]}' at x {a.x0:.1f}, "
                                    f"baseline {a.baseline:.1f} in the PDF; x {b.x0:.1f}, "
                                    f"baseline {b.baseline:.1f} in LibreOffice")
        return problems

    def baseline_shifts(self, step: float = 1.0) -> list[str]:
        """Where the two PDFs' body lines move apart: on each page, each line whose baseline
        difference (PDF minus LibreOffice) changes by more than `step` pt from the line before
        — the construct just above it is spaced differently in the two."""
        out = []
        for ours, theirs in zip(self.ours, self.theirs, strict=False):
            before = None
            for a, b in zip(ours.body, theirs.body, strict=False):
                if a.text != b.text:
                    break
                delta = a.baseline - b.baseline
                if before is not None and abs(delta - before) > step:
                    out.append(f"p{ours.number} {delta - before:+.1f} pt before: {a.text[:50]}")
                before = delta
        return out

    def misplaced_notes(self) -> list[str]:
        """One line per note away from its call's page, in either PDF."""
        problems = []
        for who, places in (("PDF", self.notes_ours), ("LibreOffice", self.notes_theirs)):
            for place in places.values():
                if not place.in_place:
                    problems.append(f"{who}: note {place.number} on page {place.note_page}, "
                                    f"its call on page {place.call_page}")
        return problems

    def summary(self) -> str:
        return (f"{self.name}: {sum(self.same_starts)}/{len(self.same_starts)} page starts "
                f"agree ({self.start_share:.0%}), {self.line_share:.1%} of lines identical, "
                f"pages {len(self.ours)}/{len(self.theirs)}, notes misplaced: "
                f"{len(self.misplaced_notes())}")

    def line_diff(self) -> str:
        """The body lines that differ, with their pages (where line breaking parts ways)."""
        ours = [(page.number, line.text) for page in self.ours for line in page.body]
        theirs = [(page.number, line.text) for page in self.theirs for line in page.body]
        matcher = difflib.SequenceMatcher(None, [t for _, t in ours], [t for _, t in theirs],
                                          autojunk=False)
        out = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                out += [f"  - p{n:>2} {text}" for n, text in ours[i1:i2]]
                out += [f"  + p{n:>2} {text}" for n, text in theirs[j1:j2]]
                out.append("")
        return "\n".join(out)

    def page_detail(self, number: int) -> str:
        """Page `number` of both PDFs side by side: each line's top, size and text."""
        out = []
        for who, pages in (("PDF", self.ours), ("LO ", self.theirs)):
            if number > len(pages):
                continue
            page = pages[number - 1]
            previous = None
            for line in page.body:
                gap = f"{line.top - previous:5.1f}" if previous is not None else "     "
                out.append(f"  {who} {line.top:6.1f} {gap} {line.size:4.1f} {line.text[:60]}")
                previous = line.top
            for line in page.notes:
                out.append(f"  {who} {line.top:6.1f}  note {line.supers} {line.text[:50]}")
            out.append("")
        return "\n".join(out)

    def report(self) -> str:
        """The summary and, page by page, the first line of each and the notes."""
        out = [self.summary()]
        ours_notes, theirs_notes = self.notes_ours, self.notes_theirs
        for index, same in enumerate(self.same_starts):
            a = self.ours[index] if index < len(self.ours) else None
            b = self.theirs[index] if index < len(self.theirs) else None
            mark = "=" if same else "≠"
            out.append(f"  p{index + 1:>2} {mark} PDF: {(a.first_line if a else '—')[:70]}")
            if not same:
                out.append(f"       LO : {(b.first_line if b else '—')[:70]}")
            for who, page, notes in (("PDF", a, ours_notes), ("LO ", b, theirs_notes)):
                if page is None:
                    continue
                started = page.notes_started
                if started or page.calls:
                    away = [n for n in page.calls if notes.get(n) and not notes[n].in_place]
                    out.append(f"       {who} calls {page.calls} notes {started}"
                               + (f"  AWAY: {away}" if away else ""))
        out += [f"  ! {problem}" for problem in self.misplaced_notes()]
        return "\n".join(out)


def compare(case: Case, workdir: Path) -> Agreement:
    """Build `case`, convert its DOCX with LibreOffice, compare the two PDFs."""
    from briefing.problems import BriefingError

    workdir.mkdir(parents=True, exist_ok=True)
    try:
        outputs = render_case(case)
    except BriefingError as error:  # said in one line, also across the process pool
        raise RuntimeError(f"{case.name} does not build: {error}") from None
    stem = re.sub(r"[^A-Za-z0-9-]+", "_", case.name)
    ours = workdir / f"{stem}.pdf"
    docx = workdir / f"{stem}.docx"
    ours.write_bytes(outputs["pdf"])
    docx.write_bytes(outputs["docx"])
    theirs = libreoffice_pdf(docx, workdir)
    return Agreement(case.name, read_pdf(ours), read_pdf(theirs))


def compare_all(cases: Iterable[Case], workdir: Path, workers: int = 2) -> list[Agreement]:
    """`compare` over many cases in `workers` processes (each LibreOffice run has its own
    profile, so they never share one)."""
    cases = list(cases)
    folders = [workdir / f"case-{index}" for index in range(len(cases))]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(compare, cases, folders))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", nargs="*", type=Path,
                        help="content files (default: every embedded document and variant)")
    parser.add_argument("--unit", type=Path)
    parser.add_argument("--meeting", type=Path)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--page", type=int, action="append", default=[],
                        help="also print this page of both, line by line (repeatable)")
    parser.add_argument("--shifts", action="store_true",
                        help="also print where body lines move apart (spacing differences)")
    parser.add_argument("--lines", action="store_true",
                        help="also print the body lines that differ (- PDF, + LibreOffice)")
    args = parser.parse_args(argv)
    cases = ([Case(path, args.unit, args.meeting) for path in args.content]
             if args.content else all_cases())
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="page-agreement-"))
    for agreement in compare_all(cases, workdir):
        print(agreement.report())
        if args.lines:
            print(agreement.line_diff())
        if args.shifts:
            print("\n".join(agreement.baseline_shifts()))
        for number in args.page:
            print(agreement.page_detail(number))
    if args.keep is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
