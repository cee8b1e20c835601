"""How legal structure prints (ND 30/2020 PL I §II.6.đ and its table of sizes, item 6a): the
label of each level with its computed number, and the looks of labels and titles.

"Phần I" / "Chương I" / "Mục 1" / "Tiểu mục 1" on a line of their own, centred, bold, the
title under them centred in bold capitals; "Điều 5." bold with its title run in, indented like
the body; khoản "1." upright at the start of their first paragraph (a titled khoản bold on its
own line); điểm "a)" in the profile's alphabet. Every label is a format with one counter {n}:
{n} Arabic, {n:R} Roman, {n:a} a letter.
"""

from __future__ import annotations

from pydantic import field_validator

from briefing.numbering.counters import STYLES, field_text, format_pieces
from briefing.profile.values import HeadingStyle, RunStyle, Strict, TextStyle


def counter_format(value: str, example: str) -> str:
    """A label with exactly one counter {n} (in any style the numbering knows)."""
    try:
        pieces = format_pieces(value)
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    fields = [(name, style) for _, name, style in pieces if name is not None]
    if len(fields) != 1 or fields[0][0] != "n" or fields[0][1] not in STYLES:
        shown = ", ".join(field_text(name, style) for name, style in fields) or "no field"
        raise ValueError(f"must hold one counter {{n}}, {{n:R}} or {{n:a}} (found {shown}), "
                         f"e.g. '{example}'")
    return value


class LevelLook(Strict):
    """Phần, Chương, Mục, Tiểu mục: the label line and the title line under it."""

    label: str
    label_style: TextStyle = TextStyle(bold=True)
    title_style: TextStyle = TextStyle(bold=True, caps=True)

    @field_validator("label")
    @classmethod
    def _one_counter(cls, value: str) -> str:
        return counter_format(value, "Chương {n:R}")


class ArticleLook(Strict):
    """Điều: the label ("Điều 5.") and its title run in on one line, indented like the body."""

    label: str = "Điều {n}."
    style: HeadingStyle = HeadingStyle(bold=True, indent=12.7)

    @field_validator("label")
    @classmethod
    def _one_counter(cls, value: str) -> str:
        return counter_format(value, "Điều {n}.")


class ClauseLook(Strict):
    """Khoản: "1." run in; a titled khoản's number and title on a line of their own."""

    label: str = "{n}."
    titled: RunStyle = RunStyle(bold=True)

    @field_validator("label")
    @classmethod
    def _one_counter(cls, value: str) -> str:
        return counter_format(value, "{n}.")


class PointLook(Strict):
    """Điểm: "a)" run in, lettered in the profile's alphabet (numbering.letters)."""

    label: str = "{n:a})"

    @field_validator("label")
    @classmethod
    def _one_counter(cls, value: str) -> str:
        return counter_format(value, "{n:a})")


class LegalLooks(Strict):
    part: LevelLook = LevelLook(label="Phần {n:R}")
    chapter: LevelLook = LevelLook(label="Chương {n:R}")
    division: LevelLook = LevelLook(label="Mục {n}")
    subdivision: LevelLook = LevelLook(label="Tiểu mục {n}")
    article: ArticleLook = ArticleLook()
    clause: ClauseLook = ClauseLook()
    point: PointLook = PointLook()
