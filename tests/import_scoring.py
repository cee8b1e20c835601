"""Score the importer on one source: run the real command line (`build.py import SRC -o
DIR/x.yaml`, then `build.py DIR/x.yaml --format docx --out DIR`), read what a reader sees in
our DOCX, and compare it with what the source says.

Model-independent on purpose: only the printed output is read (body paragraphs outside the
masthead and closing, data-table cells, the furniture's named styles for the meta), so the
score keeps its meaning while the content model and the importer change.

Measures: (a) exit codes; (b) the order invariant — the import's words, in order, are the
source's words (markers and numbers left out: they are computed); (c) structure — the share
of expected paragraphs found whose printed marker and role agree; (d) meta, field by field.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefing import PROJECT_ROOT
from tests.docx_reading import DocxReading, Printed, read_docx
from tests.reading_alignment import (
    OrderResult,
    StructureResult,
    classify,
    fold,
    join_labels,
    key,
    order_check,
    structure,
    words,
)
from tests.sources.model import Para

BUILD = PROJECT_ROOT / "build.py"
DATE = re.compile(r"^(?P<place>.*?),?\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
                  r"(?P<y>\d{4})")


@dataclass
class Score:
    name: str
    shape: str
    import_rc: int = -1
    build_rc: int = -1
    error: str = ""
    order: OrderResult | None = None
    structure: StructureResult | None = None
    meta: dict[str, tuple[object, object, bool]] = field(default_factory=dict)

    @property
    def exit_ok(self) -> bool:
        return self.import_rc == 0 and self.build_rc == 0

    @property
    def unprinted(self) -> bool:
        """Imported and checked, but the build refused a construct the writers cannot
        print yet (legal structure, blanks, basis, …): the importer's part is done."""
        return self.import_rc == 0 and self.build_rc != 0 and \
            "cannot be printed yet" in self.error

    @property
    def order_ok(self) -> bool:
        return bool(self.order and self.order.ok)

    @property
    def structure_share(self) -> float:
        return self.structure.score if self.structure else 0.0

    @property
    def meta_share(self) -> float | None:
        if not self.meta:
            return None
        return sum(ok for _, _, ok in self.meta.values()) / len(self.meta)


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([sys.executable, str(BUILD), *args], capture_output=True,
                              text=True, timeout=300, cwd=PROJECT_ROOT, check=False)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, 124, "", "timed out after 300 s")


def _first_problem(stderr: str) -> str:
    if "Traceback" in stderr:
        return "TRACEBACK: " + stderr.strip().splitlines()[-1]
    lines = [x for x in stderr.splitlines() if ": error: " in x] or stderr.splitlines()
    return lines[0].strip() if lines else ""


def import_and_build(source: Path, work: Path, score: Score) -> DocxReading | None:
    """Run both commands; the reading of our DOCX, or None where a command failed."""
    work.mkdir(parents=True, exist_ok=True)
    target = work / "x.yaml"
    done = _run(["import", str(source), "-o", str(target), "--force"])
    score.import_rc = done.returncode
    if done.returncode != 0 or not target.is_file():
        score.error = _first_problem(done.stderr) or f"exit {done.returncode}"
        return None
    built = _run([str(target), "--format", "docx", "--out", str(work)])
    score.build_rc = built.returncode
    if built.returncode != 0 or not (work / "x.docx").is_file():
        score.error = "build: " + (_first_problem(built.stderr) or f"exit {built.returncode}")
        return None
    return read_docx(work / "x.docx")


def drop_addressees(paragraphs: list[Printed]) -> list[Printed]:
    """"Kính gửi:" and the "- …" lines right under it are meta (addressees), not body."""
    out: list[Printed] = []
    in_block = False
    for p in paragraphs:
        text = p.text.strip()
        if text.startswith("Kính gửi"):
            in_block = True
            continue
        if in_block and text.startswith("-"):
            continue
        in_block = False
        out.append(p)
    return out


def body_paragraphs(reading: DocxReading) -> list[Printed]:
    """The body as read: addressee lines out, word-less lines (rules, "./.") out, a
    "Chương I" label joined with its title."""
    kept = [p for p in drop_addressees(reading.body) if words(p.text) or
            re.match(r"\s*(?:Phần|Chương|Mục)\s", p.text)]
    return join_labels(kept)


def _clean(value: str) -> str:
    value = unicodedata.normalize("NFC", value).replace("\n", " ")
    return re.sub(r"\s+", " ", value).strip().strip(";,.").strip()


def printed_meta(reading: DocxReading) -> dict[str, object]:
    """The meta as our DOCX prints it: by the furniture's styles, then by shape."""
    styles: dict[str, list[str]] = {}
    for p in reading.furniture + reading.body:
        styles.setdefault(p.style, []).append(p.text)
    first = {name: texts[0] for name, texts in styles.items()}
    meta: dict[str, object] = {}
    if "Masthead Issuer" in first:
        meta["issuer"] = _clean(first["Masthead Issuer"])
    numbers = [t for t in styles.get("Masthead Number", []) + [p.text for p in reading.furniture]
               if re.match(r"\s*Số\b", t)]
    if numbers:
        meta["number"] = _clean(re.sub(r"^\s*Số\s*:?\s*", "", numbers[0]))
    dates = [m for t in styles.get("Place Date", []) + [p.text for p in reading.furniture]
             if (m := DATE.match(t.strip()))]
    if dates:
        m = dates[0]
        meta["place"] = _clean(m["place"])
        meta["date"] = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    for field_, style in (("type", "Document Type"), ("subject", "Subject")):
        if style in first:
            meta[field_] = _clean(re.sub(r"^V/v\s*", "", first[style].strip()))
    # the last signature block, as the sources name it (a biên bản's chair signs on the right)
    signer = [styles[s][-1] for s in ("Signature Authority", "Signature Title",
                                      "Signature Name") if s in styles]
    if signer:
        meta["signer"] = " / ".join(_clean(s) for s in signer)
    if "Recipients" in styles:
        meta["recipients"] = [_clean(t.lstrip("-–• ")) for t in styles["Recipients"]]
    addressees = _addressees(reading.furniture + reading.body)
    if addressees:
        meta["addressees"] = addressees
    return meta


def _addressees(paragraphs: list[Printed]) -> list[str]:
    for index, p in enumerate(paragraphs):
        text = p.text.strip()
        if text.startswith("Kính gửi"):
            rest = _clean(text.split(":", 1)[-1]) if ":" in text else ""
            if rest:
                return [_clean(x.lstrip("-– ")) for x in re.split(r"[;\n]\s*", rest) if x]
            out = []
            for q in paragraphs[index + 1:]:
                if not q.text.strip().startswith("-"):
                    break
                out.append(_clean(q.text.strip().lstrip("-– ")))
            return out
    return []


def compare_meta(expected: dict[str, object], got: dict[str, object]
                 ) -> dict[str, tuple[object, object, bool]]:
    """Each expected field: (expected, got, agree). Case is not compared (a writer may print
    a subject in capitals) nor tone-mark placement (counted by the order check); list items
    compare without their final punctuation."""
    def norm(value: object) -> object:
        if isinstance(value, list):
            return [norm(v) for v in value]
        return " ".join(fold(w) for w in _clean(str(value)).casefold().split(" ")) \
            if value is not None else None

    return {name: (value, got.get(name), norm(value) == norm(got.get(name)))
            for name, value in expected.items()}


def score_generated(source: Path, reading: list[Para], meta: dict[str, object], work: Path,
                    shape: str) -> Score:
    """Import a generated source and compare with the reading and meta it was made with."""
    score = Score(source.name, shape)
    printed = import_and_build(source, work, score)
    if printed is None:
        return score
    body = body_paragraphs(printed)
    expected_words = [w for para in reading for w in words(para.printed)]
    score.order = order_check(expected_words, [w for p in body for w in words(p.text)])
    score.structure = structure(reading, classify(body))
    score.meta = compare_meta(meta, printed_meta(printed))
    return score


def source_reading(source: Path, furniture: list[Printed]) -> list[Printed]:
    """A real DOCX read the same way; what our DOCX prints as furniture (masthead, title,
    closing lines taken into meta) is left out of the source where it stands as body."""
    reading = read_docx(source)
    taken = [key(p.text) for p in furniture if key(p.text)]
    out = []
    for p in body_paragraphs(reading):
        k = key(p.text)
        if k in taken:
            taken.remove(k)
            continue
        out.append(p)
    return out


def score_corpus(source: Path, work: Path) -> Score:
    """A real file: exit codes, and the order invariant against its own reading."""
    score = Score(source.name, "corpus")
    printed = import_and_build(source, work, score)
    if printed is None:
        return score
    expected = [w for p in source_reading(source, printed.furniture) for w in words(p.text)]
    got = [w for p in body_paragraphs(printed) for w in words(p.text)]
    score.order = order_check(expected, got)
    return score
