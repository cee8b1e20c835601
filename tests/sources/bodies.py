"""Bodies: the heading ladder, the flat report, the legal structure, lists, tables, fill-in
lines, interview turns and article furniture, drawn from a `Chooser`.

Numbers are those a reader sees: khoản restart in every Điều, điểm in every khoản, through
the Vietnamese alphabet (đ after d, no f or j). Where Word's automatic numbering prints a
marker, the list is registered so the DOCX renderer writes numbering.xml for it; only lists
whose numbers Word prints the same way as the clerk would are made automatic (letters only up
to d, since Word's next letter is e, not đ).
"""

from __future__ import annotations

from tests.sources import bank
from tests.sources.chooser import Chooser
from tests.sources.model import (
    LETTERS,
    ORDINALS,
    Block,
    Cell,
    Line,
    Para,
    Table,
    WordList,
    roman,
)


class Drafter:
    """The chooser plus the Word lists made so far (ids for numbering.xml)."""

    def __init__(self, c: Chooser, lists: dict[int, WordList]) -> None:
        self.c = c
        self.lists = lists

    def word_list(self, *levels: tuple[str, str], probability: float = 0.3) -> int | None:
        """A new Word list (restarting at 1) or None: the clerk typed the numbers."""
        if not self.c.chance(probability):
            return None
        key = len(self.lists) + 1
        self.lists[key] = WordList(list(levels))
        return key


def line(role: str, text: str, marker: str = "", **hints) -> Line:
    return Line(Para(role, text, marker), **hints)


def _auto(key: int | None, level: int = 0) -> tuple[int, int] | None:
    return None if key is None else (key, level)


def bullets(d: Drafter, level: int = 0) -> list[Block]:
    """'-' items, some with '+' items under them; long ones hard-wrapped in text."""
    c = d.c
    key = d.word_list(("bullet", "-"), ("bullet", "+"), probability=0.3)
    out: list[Block] = []
    for _ in range(c.integer(2, 4)):
        text = bank.sentence(c, c.choice([";", ".", ""]))
        out.append(line("item", text, "-", level=level, auto=_auto(key), wrap=c.chance(0.4)))
        if c.chance(0.25):
            for _ in range(c.integer(1, 3)):
                out.append(line("item", bank.lowered(bank.sentence(c, ";")), "+",
                                level=level + 1, auto=_auto(key, 1)))
    return out


def points(d: Drafter, role: str = "point", longest: int = 6) -> list[Block]:
    """a) b) … in the Vietnamese alphabet; Word numbers them only up to d)."""
    c = d.c
    count = c.integer(2, longest)
    key = d.word_list(("lowerLetter", "%1)")) if count <= 4 else None
    return [line(role, bank.lowered(bank.sentence(c, ";" if i < count - 1 else ".")),
                 f"{LETTERS[i]})", auto=_auto(key)) for i in range(count)]


def enumeration(d: Drafter) -> list[Block]:
    """(i), (ii), … items, or "Thứ nhất," … paragraphs."""
    c = d.c
    count = c.integer(2, 4)
    if c.chance(0.5):
        key = d.word_list(("lowerRoman", "(%1)"))
        return [line("item", bank.lowered(bank.sentence(c, ";")), f"({roman(i + 1).lower()})",
                     auto=_auto(key)) for i in range(count)]
    return [line("item", bank.lowered(bank.sentence(c)), f"Thứ {ORDINALS[i]},")
            for i in range(count)]


def table(c: Chooser) -> Table:
    """A bordered data table: a bold header row, multi-paragraph cells, blank cells, and
    sometimes a cell spanning two columns or two rows."""
    columns = c.integer(2, 4)
    heads = list(bank.TABLE_HEADS)
    rows: list[list[Cell | None]] = [[Cell([heads[(i * 3 + columns) % len(heads)]], bold=True)
                                      for i in range(columns)]]
    for _ in range(c.integer(1, 4)):
        row: list[Cell | None] = []
        for _ in range(columns):
            if c.chance(0.2):
                row.append(Cell([]))
            elif c.chance(0.2):
                row.append(Cell([bank.sentence(c) for _ in range(c.integer(2, 3))]))
            else:
                row.append(Cell([c.choice([bank.title(c), f"{c.integer(1, 99)},{c.integer(0, 9)}",
                                           bank.sentence(c)])]))
        rows.append(row)
    if len(rows) > 2 and c.chance(0.3):
        rows[1][0] = Cell(rows[1][0].paragraphs if rows[1][0] else [], rowspan=2)
        rows[2][0] = None
    if columns > 2 and c.chance(0.3):
        cell = rows[-1][0]
        if cell is not None and cell.rowspan == 1:
            rows[-1][0] = Cell(cell.paragraphs, colspan=2)
            rows[-1][1] = None
    return Table(rows)


def content(d: Drafter, allow_table: bool = True) -> list[Block]:
    """What goes under a heading: paragraphs, then sometimes a list or a table."""
    c = d.c
    out: list[Block] = [line("paragraph", bank.paragraph(c)) for _ in range(c.integer(0, 2))]
    kind = c.choice(["none", "bullets", "points", "enumeration", "table", "paragraphs"])
    if kind in ("bullets", "points", "enumeration"):
        out.append(line("paragraph", bank.lead(c)))
        out += {"bullets": bullets, "points": points, "enumeration": enumeration}[kind](d)
    elif kind == "table" and allow_table:
        out.append(table(c))
    elif kind == "paragraphs" or not out:
        out.append(line("paragraph", bank.paragraph(c)))
    return out


def ladder(d: Drafter) -> list[Block]:
    """I. → 1. → 1.1. → a) headings with content under the deepest; sometimes under
    "Phần I", "Phần II", the Roman numbers restarting in each part."""
    c = d.c
    out: list[Block] = []
    parts = c.integer(2, 2) if c.chance(0.15) else 1
    for part in range(parts):
        if parts > 1:
            out.append(line("heading", bank.title(c).upper(), f"Phần {roman(part + 1)}"))
        out += _ladder_part(d)
    return out


def _ladder_part(d: Drafter) -> list[Block]:
    c = d.c
    out: list[Block] = []
    key = d.word_list(("upperRoman", "%1."), probability=0.15)
    for i in range(c.integer(2, 4) if c.chance(0.8) else 1):
        out.append(line("heading", bank.title(c).upper(), f"{roman(i + 1)}.", auto=_auto(key)))
        subs = c.integer(0, 3)
        if subs == 0:
            out += content(d)
        for j in range(subs):
            out.append(line("heading", bank.title(c), f"{j + 1}.", level=1))
            thirds = c.integer(0, 2) if c.chance(0.5) else 0
            out += content(d) if thirds == 0 else []
            for k in range(thirds):
                out.append(line("heading", bank.title(c), f"{j + 1}.{k + 1}.", level=2))
                if c.chance(0.3):
                    for m in range(c.integer(1, 2)):
                        out.append(line("heading", bank.title(c), f"{LETTERS[m]})", level=3))
                        out += content(d)
                else:
                    out += content(d)
    return out


def report(d: Drafter) -> list[Block]:
    """1.–7. with one-sentence 1.1./1.2. numbered paragraphs under them, or a bullet and
    unmarked paragraphs after a lead (the shape whose text used to move). The 1.–7. are
    titles (headings) in some reports, sentences (numbered paragraphs) in others."""
    c = d.c
    out: list[Block] = []
    key = d.word_list(("decimal", "%1."), ("decimal", "%1.%2."), probability=0.3)
    sentences = c.chance(0.4)
    for i in range(c.integer(2, 7)):
        shape = c.choice(["numbered", "numbered", "lead", "paragraphs"])
        if sentences:
            text = bank.lead(c) if shape == "lead" else bank.sentence(c)
            out.append(line("numbered", text, f"{i + 1}.", auto=_auto(key)))
        else:
            out.append(line("heading", bank.title(c), f"{i + 1}.", auto=_auto(key)))
            if shape == "lead":
                out.append(line("paragraph", bank.lead(c)))
        if shape == "numbered":
            for j in range(c.integer(1, 3)):
                out.append(line("numbered", bank.sentence(c), f"{i + 1}.{j + 1}.",
                                auto=_auto(key, 1)))
        elif shape == "lead":
            out.append(line("item", bank.sentence(c), "-", wrap=c.chance(0.5)))
            out += [line("paragraph", bank.paragraph(c, (1, 2))) for _ in range(c.integer(1, 2))]
        elif not sentences:
            out += content(d)
    return out


def article(d: Drafter, number: int, final: bool = False) -> list[Block]:
    """Điều N. Title, then its text, or khoản 1. 2. … (each maybe leading points)."""
    c = d.c
    out: list[Block] = [line("article", bank.title(c), f"Điều {number}.")]
    clauses = 0 if final else c.integer(0, 4)
    if clauses == 0:
        out.append(line("paragraph", bank.paragraph(c, (1, 2))))
        return out
    key = d.word_list(("decimal", "%1."), probability=0.25)
    for k in range(clauses):
        if c.chance(0.3):
            out.append(line("clause", bank.lead(c), f"{k + 1}.", auto=_auto(key)))
            out += points(d, longest=c.choice([4, 6, 12]))
        else:
            out.append(line("clause", bank.sentence(c), f"{k + 1}.", auto=_auto(key)))
    return out


def legal(d: Drafter, chapters: bool) -> list[Block]:
    """Điều numbered through the document, under Chương (and Mục, and rarely Phần) when
    `chapters`; Mục restart in each Chương."""
    c = d.c
    out: list[Block] = []
    number = 1
    count = c.integer(2, 3) if chapters else 1
    parts = 2 if chapters and c.chance(0.15) else 1
    for ch in range(count):
        if parts > 1 and ch in (0, count - 1):  # Phần II holds the last Chương
            out.append(line("heading", bank.title(c).upper(),
                            f"Phần {roman(1 if ch == 0 else 2)}"))
        if chapters:
            out.append(line("heading", bank.title(c).upper(), f"Chương {roman(ch + 1)}"))
        sections = 2 if chapters and c.chance(0.3) else 1
        for s in range(sections):
            if sections > 1:
                out.append(line("heading", bank.title(c).upper(), f"Mục {s + 1}"))
            for _ in range(c.integer(1, 3)):
                out += article(d, number)
                number += 1
    return out
