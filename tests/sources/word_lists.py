"""Word's automatic numbering, both ways: writing numbering.xml lists into a python-docx
document (the generated sources), and reading the numbers Word prints before a paragraph
(the scorer's reading of any DOCX: the sources, the real corpus, our own output).

Written apart from the product's reader on purpose: the instrument must not measure the
importer with the importer's own code. Counters follow Word: one counter per abstract list,
deeper levels restart when a shallower one advances, `numId 0` and `numFmt none` print no
number, a `startOverride` restarts the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from tests.sources.model import WordList, roman


def _el(tag: str, **attrs: str | int) -> etree._Element:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def add_lists(document: DocxDocument, lists: dict[int, WordList]) -> dict[int, int]:
    """Add one abstract list and one numbering instance per list; return key -> numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId")))
                    for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abstract, next_num = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    first_num = numbering.find(qn("w:num"))
    out: dict[int, int] = {}
    for key, spec in sorted(lists.items()):
        abstract = _el("w:abstractNum", abstractNumId=next_abstract)
        abstract.append(_el("w:multiLevelType", val="multilevel"))
        for level, (fmt, text) in enumerate(spec.levels):
            lvl = _el("w:lvl", ilvl=level)
            lvl.append(_el("w:start", val=1))
            lvl.append(_el("w:numFmt", val=fmt))
            lvl.append(_el("w:suff", val="space"))
            lvl.append(_el("w:lvlText", val=text))
            lvl.append(_el("w:lvlJc", val="left"))
            ppr = _el("w:pPr")
            ppr.append(_el("w:ind", left=567 * (level + 1), hanging=0))
            lvl.append(ppr)
            abstract.append(lvl)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = _el("w:num", numId=next_num)
        num.append(_el("w:abstractNumId", val=next_abstract))
        numbering.append(num)
        out[key] = next_num
        next_abstract, next_num = next_abstract + 1, next_num + 1
    return out


def number_paragraph(paragraph_element: etree._Element, num_id: int, level: int) -> None:
    """Give a paragraph Word's numbering: numPr (level, instance) in its pPr, in schema
    order (python-docx's accessors place it)."""
    numpr = paragraph_element.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def _letters(n: int, upper: bool) -> str:
    letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return letter.upper() if upper else letter


def format_number(value: int, fmt: str) -> str:
    """A counter as Word prints it in the given numFmt."""
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(value, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(value)
        return text.lower() if fmt == "lowerRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class WordNumbers:
    """The numbers Word prints, paragraph after paragraph, for one document."""

    abstracts: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, str | None, int]] = field(default_factory=dict)
    #: per abstract list, per level: the last number printed (None: not started)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: DocxDocument) -> WordNumbers:
        out = cls()
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        for abstract in [] if numbering is None else numbering.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                    _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "",
                    int(_val(lvl, "w:start") or 1))
            out.abstracts[abstract.get(qn("w:abstractNumId"))] = levels
        for num in [] if numbering is None else numbering.findall(qn("w:num")):
            overrides = {int(o.get(qn("w:ilvl"), "0")): int(_val(o, "w:startOverride"))
                         for o in num.findall(qn("w:lvlOverride")) if _val(o, "w:startOverride")}
            out.nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId") or "", overrides)
        for style in document.styles.element.findall(qn("w:style")):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            based = style.find(qn("w:basedOn"))
            num_id = _val(numpr, "w:numId") if numpr is not None else None
            level = int(_val(numpr, "w:ilvl") or 0) if numpr is not None else 0
            out.styles[style.get(qn("w:styleId"))] = (
                num_id, based.get(qn("w:val")) if based is not None else None, level)
        return out

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int]:
        for _ in range(20):  # basedOn chains are short; a loop in a broken file must end
            if style_id is None or style_id not in self.styles:
                return None, 0
            num_id, based, level = self.styles[style_id]
            if num_id is not None:
                return num_id, level
            style_id = based
        return None, 0

    def marker(self, paragraph: etree._Element) -> str:
        """The number Word prints before this paragraph ("" if none); advances the list."""
        ppr = paragraph.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        num_id, level = self._style_numbering(style.get(qn("w:val")) if style is not None
                                              else None)
        if numpr is not None:
            num_id = _val(numpr, "w:numId") or num_id
            level = int(_val(numpr, "w:ilvl") or level)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, [None] * 10)
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        level = min(max(level, 0), 9)
        current = levels.get(level, _Level())
        previous = counters[level]
        counters[level] = current.start if previous is None else previous + 1
        for deeper in range(level + 1, 10):
            counters[deeper] = None
        if current.fmt == "bullet":
            return current.text
        text = current.text
        for k in range(level, -1, -1):
            shown = levels.get(k, _Level())
            value = counters[k]
            text = text.replace(f"%{k + 1}", format_number(
                shown.start if value is None else value, shown.fmt))
        return text.strip()


def _val(element: etree._Element | None, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None
