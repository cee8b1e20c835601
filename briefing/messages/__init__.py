"""Every sentence a clerk reads, written once where it is raised, keyed by a code.

    msg("footnote-undefined", "footnote [^{id}] is not defined", id=call)

is a `Message`: its code, its English wording and named parameters. It is worded when it is
shown — `str(message)`, in the language `briefing.messages.language` chose (`--lang`, else the
locale), or `message.text("vi")` — like Sphinx's lazy `_()`: the English is the source; the
Vietnamese comes from the gettext catalogue `locale/vi/LC_MESSAGES/briefing.po`, keyed by
(code, English). Babel's extractor finds every `msg`/`msgn` call (the code is the msgctxt),
`python -m briefing.messages.extract` writes `messages.pot` and brings `vi.po` up to date, and
a test fails on a wording without its Vietnamese — so rewording a message can never silently
drop or stale its translation.

Parameters are carried over unchanged (the clerk's own text is never translated); a parameter
that is itself a `Message` is worded in the same language. `msgn` chooses between a singular
and a plural wording by `n`. A message behaves as the string it words (`"x" in message`,
`message.startswith(…)`), so code and tests that read messages as text keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.messages.language import ENGLISH, current

__all__ = ["Message", "joined", "msg", "msgn", "reason"]

_FIELDS = frozenset({"code", "english", "params", "plural"})


@dataclass(frozen=True, eq=False)
class Message:
    """A message not yet worded: code, English wording (a `str.format` template), parameters."""

    code: str
    english: str
    params: tuple[tuple[str, Any], ...] = ()
    #: the English plural wording, for a message made by `msgn` (chosen by the parameter n)
    plural: str = ""

    def text(self, language: str | None = None) -> str:
        """The message worded in `language` (default: the current one)."""
        language = language or current()
        values = {name: _worded(value, language) for name, value in self.params}
        return self.template(language).format(**values)

    def template(self, language: str) -> str:
        count = dict(self.params).get("n", 1) if self.plural else 1
        if language == ENGLISH or not self.code:
            return self.plural if count != 1 else self.english
        from briefing.messages.catalogue import wording

        return wording(language, self.code, self.english, self.plural, count)

    def given(self, **params: Any) -> Message:
        """The same message with (more) parameters: a wording chosen from a table, filled in
        where the values are known."""
        return Message(self.code, self.english, self.params + _frozen(params), self.plural)

    @property
    def key(self) -> tuple:
        return (self.code, self.english, self.params, self.plural)

    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return format(self.text(), spec)

    def __repr__(self) -> str:
        return f"msg({self.code!r}, {self.text(ENGLISH)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return self.key == other.key
        if isinstance(other, str):
            return self.text() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.key)

    def __len__(self) -> int:
        return len(self.text())

    def __bool__(self) -> bool:
        return True

    def __contains__(self, part: str) -> bool:
        return part in self.text()

    def __add__(self, other: object) -> str:
        return self.text() + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + self.text()

    def __getattr__(self, name: str) -> Any:
        """String methods (startswith, split, partition …) on the worded message."""
        if name.startswith("_") or name in _FIELDS:
            raise AttributeError(name)
        return getattr(self.text(), name)


def msg(code: str, english: str, /, **params: Any) -> Message:
    """The message `code`, worded `english` (with `{name}` fields) in English."""
    return Message(code, english, _frozen(params))


def msgn(code: str, singular: str, plural: str, n: int, /, **params: Any) -> Message:
    """A message with a singular and a plural wording, chosen by `n` (a parameter too)."""
    return Message(code, singular, (("n", n), *_frozen(params)), plural)


def joined(parts: Iterable[Message | str], separator: str = "; ") -> Message:
    """Several messages shown as one ("did you mean …; fix: …"), each worded in turn."""
    items = [part for part in parts if part]
    template = separator.join(f"{{p{k}}}" for k in range(len(items)))
    return Message("", template, tuple((f"p{k}", item) for k, item in enumerate(items)))


def reason(error: BaseException) -> Message | str:
    """What an exception says: the `Message` it was raised with, else its text."""
    said = error.args[0] if error.args else None
    return said if isinstance(said, Message) else str(error)


def _frozen(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Parameters as a hashable tuple (a list becomes a tuple: problems are compared)."""
    return tuple((name, tuple(value) if isinstance(value, list) else value)
                 for name, value in params.items())


def _worded(value: Any, language: str) -> Any:
    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_worded(item, language)) for item in value)
    return value
