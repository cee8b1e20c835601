"""Why an editing operation was refused, in the words the studio shows a clerk."""

from __future__ import annotations

from briefing.messages import Message, msg


class EditError(Exception):
    """An operation that cannot be applied (the document is left unchanged)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.message)


class Conflict(EditError):
    """The file changed since the version the change was made on (another tab, an editor)."""

    def __init__(self, current_version: str):
        self.current_version = current_version
        super().__init__(msg("edit-conflict", "The document was changed elsewhere (another tab "
                             "or window) after you opened it, so your change was not saved. "
                             "Click «Reload the document» for the latest version; what you are "
                             "typing stays in its box."))


class Taken(EditError):
    """A new file's name is already used (by a file made since the name was chosen)."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(msg("edit-taken", "A file named '{name}' exists already; it is not "
                                           "overwritten. Try again.", name=name))


class Offer(EditError):
    """A refusal that offers the one action that gets the clerk there: `action` is the
    button's words and `with_` what to send again with it ({"new_revision": True})."""

    def __init__(self, message: Message, action: Message, with_: dict[str, object]):
        self.action = action
        self.with_ = with_
        super().__init__(message)
