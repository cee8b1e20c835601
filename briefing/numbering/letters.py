"""Lettered points in the Vietnamese alphabet: a) b) c) d) đ) e) g) h) i) k) … y).

Nghị định 30/2020, Phụ lục I, §II.6.đ: "Thứ tự các điểm trong mỗi khoản dùng các chữ cái tiếng
Việt theo thứ tự bảng chữ cái tiếng Việt" — 23 letters, no f, j, w or z, "đ" after "d". The list
and what follows its last letter are the profile's (`numbering.letters`, `after_letters`);
`VIETNAMESE` is the default every profile ships with. Word's own lettered lists are another
matter (they show Latin a–z): see `word_letter`.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.messages import msg

VIETNAMESE_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o",
                      "p", "q", "r", "s", "t", "u", "v", "x", "y")
#: what may follow the last letter: nothing (an error where it is used) or doubled letters
AFTER_LAST = ("error", "double")
LATIN_ONLY = frozenset("fjwz")


#: what to do about an item past the alphabet's last letter (`check` and the build say it)
SPLIT_OR_MOVE_UP = msg("letters-hint", "split the list or move items up a level")


class PastLastLetter(ValueError):
    """Item `n` of a lettered list has no letter: the alphabet ends before it."""

    def __init__(self, n: int, letters: Letters):
        self.n = n
        self.count = len(letters.letters)
        super().__init__(msg("letters", "item {n} cannot be lettered: the alphabet has "
                             "{count} letters (a to {last})", n=n, count=self.count,
                             last=letters.letters[-1]))


@dataclass(frozen=True)
class Letters:
    """An alphabet for lettered items, and what comes after its last letter."""

    letters: tuple[str, ...] = VIETNAMESE_LETTERS
    after: str = "error"

    def letter(self, n: int) -> str:
        """The letter of item `n` (1-based): "a", …, "đ", …, "y"; then "aa", "bb", … when the
        profile says `double`, else `PastLastLetter`."""
        if n < 1:
            raise ValueError(msg("letter-from-one", "item {n}: lettered items start at 1", n=n))
        count = len(self.letters)
        if n <= count:
            return self.letters[n - 1]
        if self.after == "double":
            repeat, index = divmod(n - 1, count)
            return self.letters[index] * (repeat + 1)
        raise PastLastLetter(n, self)

    def value(self, text: str) -> int | None:
        """The position of a letter ("đ" -> 5) or a doubled letter; None if it is not one."""
        text = text.lower()
        if not text or len(set(text)) != 1:
            return None
        try:
            index = self.letters.index(text[0])
        except ValueError:
            return None
        return index + 1 + (len(text) - 1) * len(self.letters)


VIETNAMESE = Letters()


def word_letter(n: int) -> str:
    """The letter Word shows for item `n` of a `lowerLetter` list: Latin a–z, then aa, bb, …"""
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def latin_value(letter: str) -> int | None:
    """The position of a Latin letter a–z (as a clerk who typed "f)" counted)."""
    if len(letter) == 1 and "a" <= letter.lower() <= "z":
        return ord(letter.lower()) - ord("a") + 1
    return None
