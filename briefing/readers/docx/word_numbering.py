"""numbering.xml -> the numbers Word displays in front of automatically numbered paragraphs.

A paragraph says which list it is in (w:numPr numId, ilvl — directly or through its style);
the w:num points at an abstract definition whose level `ilvl` has a start value, a number
format (decimal, upperRoman, lowerRoman, upperLetter, lowerLetter, bullet, …) and a text
template like "%1.%2." where %k is level k's current counter. Counters belong to the abstract
list (Word continues a list across w:num instances unless one restarts it with a
startOverride); moving to a level restarts the deeper levels unless lvlRestart says
otherwise. The result is the label a reader saw, which the importer then reads like a typed
number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from briefing.numbering.counters import roman
from briefing.numbering.letters import word_letter
from briefing.readers.docx.wordml import attr, child, int_attr, w

#: Private-use bullet glyphs of the Symbol and Wingdings fonts -> what a reader saw.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓",
                  "\uf02d": "-", "\uf0a8": "○", "\uf06e": "■", "\uf071": "❑", "\uf0e0": "→"}


def bullet_glyph(glyph: str) -> str:
    """What a reader sees for a bullet character: a symbol font's private-use glyph is
    drawn as the bullet it stands for ("•" when it is not one we know)."""
    if glyph in SYMBOL_BULLETS:
        return SYMBOL_BULLETS[glyph]
    if not glyph or all("\uf000" <= c <= "\uf0ff" for c in glyph):
        return "•"
    return glyph


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # isLgl: earlier levels shown in decimal


@dataclass
class Abstract:
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass
class Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    level_defs: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl


def _level(element: etree._Element) -> Level:
    start = int_attr(child(element, "start"), "val")
    return Level(
        start=start if start is not None else 0,  # the standard's default when omitted
        fmt=attr(child(element, "numFmt"), "val") or "decimal",
        text=attr(child(element, "lvlText"), "val") or "",
        restart=int_attr(child(element, "lvlRestart"), "val"),
        legal=child(element, "isLgl") is not None,
    )


def format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return roman(value)
    if fmt in ("lowerRoman",):
        return roman(value).lower()
    if fmt in ("upperLetter",):  # Word's letters are Latin: what the reader of the file saw
        return word_letter(value).upper()
    if fmt in ("lowerLetter",):
        return word_letter(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)  # decimal and every format we do not draw differently


class Numbering:
    """The state of every list while the document is read in order."""

    def __init__(self, root: etree._Element | None):
        self.abstracts: dict[str, Abstract] = {}
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for element in root.iter(w("abstractNum")):
            abstract = Abstract()
            for lvl in element.iter(w("lvl")):
                abstract.levels[int_attr(lvl, "ilvl") or 0] = _level(lvl)
            self.abstracts[attr(element, "abstractNumId") or ""] = abstract
        for element in root.iter(w("num")):
            instance = Instance(attr(child(element, "abstractNumId"), "val") or "")
            for override in element.iter(w("lvlOverride")):
                ilvl = int_attr(override, "ilvl") or 0
                start = child(override, "startOverride")
                if start is not None:
                    instance.overrides[ilvl] = int_attr(start, "val") or 0
                lvl = child(override, "lvl")
                if lvl is not None:
                    instance.level_defs[ilvl] = _level(lvl)
            self.instances[attr(element, "numId") or ""] = instance

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        if ilvl in instance.level_defs:
            return instance.level_defs[ilvl]
        abstract = self.abstracts.get(instance.abstract)
        return abstract.levels.get(ilvl) if abstract else None

    def label(self, num_id: str | None, ilvl: int) -> str:
        """Advance the list `num_id` at level `ilvl` and return the label Word shows there
        ("" for numId 0, which switches numbering off, or an unknown list)."""
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        instance = self.instances[num_id]
        key = instance.abstract
        counters = self.counters.setdefault(key, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in instance.overrides.items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        level = self.level(num_id, ilvl)
        if level is None:
            return ""
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in list(counters):
            if deeper > ilvl:
                restart = self.level(num_id, deeper)
                if restart is None or restart.restart != 0:
                    del counters[deeper]
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return bullet_glyph(glyph)
        text = level.text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token not in text:
                continue
            source = self.level(num_id, k - 1)
            value = counters.get(k - 1, source.start if source else 1)
            fmt = source.fmt if source else "decimal"
            if level.legal and k - 1 < ilvl:
                fmt = "decimal"
            text = text.replace(token, format_number(value, fmt))
        return text.strip()
