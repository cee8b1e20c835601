"""How legal structure prints (ND 30/2020 PL I §II.6.đ and its table of sizes, item 6a): the
label of each level with its computed number, and the looks of labels and titles.

"Phần I" / "Chương I" / "Mục 1" / "Tiểu mục 1" on a line of their own, centred, bold, the
title under them centred in bold capitals; "Điều 5." bold with its title run in, indented like
the body; khoản "1." upright at the start of their first paragraph (a titled khoản bold on its
own line); điểm "a)" in the profile's alphabet. Every label is a format with one counter {n}:
{n} Arabic, {n:R} Roman, {n:a} a letter.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from briefing.messages import msg
from briefing.numbering.counters import STYLES, field_text, format_pieces
from briefing.profile.values import HeadingStyle, RunStyle, Strict, TextStyle


def counter_format(value: str) -> str:
    """A label with exactly one counter {n} (in any style the numbering knows)."""
    pieces = format_pieces(value)  # a malformed format: its own message
    fields = [(name, style) for _, name, style in pieces if name is not None]
    if len(fields) != 1 or fields[0][0] != "n" or fields[0][1] not in STYLES:
        shown = ", ".join(field_text(name, style) for name, style in fields) or \
            msg("legal-label-no-field", "no field")
        raise ValueError(msg("legal-label", "must hold one counter {{n}}, {{n:R}} or {{n:a}} "
                             "(found {found}), e.g. 'Chương {{n:R}}', 'Điều {{n}}.', "
                             "'{{n:a}})'", found=shown))
    return value


#: A label with its computed number: "Chương {n:R}", "Điều {n}.", "{n:a})".
Label = Annotated[str, AfterValidator(counter_format)]


class LevelLook(Strict):
    """Phần, Chương, Mục, Tiểu mục: the label line and the title line under it."""

    label: Label
    label_style: TextStyle = TextStyle(bold=True)
    title_style: TextStyle = TextStyle(bold=True, caps=True)


class ArticleLook(Strict):
    """Điều: the label ("Điều 5.") and its title run in on one line, indented like the body."""

    label: Label = "Điều {n}."
    style: HeadingStyle = HeadingStyle(bold=True, indent=12.7)


class ClauseLook(Strict):
    """Khoản: "1." run in; a titled khoản's number and title on a line of their own."""

    label: Label = "{n}."
    titled: RunStyle = RunStyle(bold=True)


class PointLook(Strict):
    """Điểm: "a)" run in, lettered in the profile's alphabet (numbering.letters)."""

    label: Label = "{n:a})"


class LegalLooks(Strict):
    part: LevelLook = LevelLook(label="Phần {n:R}")
    chapter: LevelLook = LevelLook(label="Chương {n:R}")
    division: LevelLook = LevelLook(label="Mục {n}")
    subdivision: LevelLook = LevelLook(label="Tiểu mục {n}")
    article: ArticleLook = ArticleLook()
    clause: ClauseLook = ClauseLook()
    point: PointLook = PointLook()
