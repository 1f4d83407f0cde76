"""Typed errors. Each carries a one-line Chinese message meant for the clerk."""

from __future__ import annotations


class NianbaoError(Exception):
    """Base class: ``str(error)`` is the message shown to the user."""


class LibraryError(NianbaoError):
    """The library database cannot be used as asked."""


class NotALibraryError(LibraryError):
    pass


class NewerLibraryError(LibraryError):
    pass


class ReadOnlyLibraryError(LibraryError):
    pass


class LibraryLockedError(LibraryError):
    def __init__(self, message: str, holder: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}


class NotFoundError(NianbaoError):
    pass


class TreeError(NianbaoError):
    """A structural edit that would break the tree (cycle, wrong parent)."""


class InterchangeError(NianbaoError):
    """An interchange JSON file that cannot be read."""


class TemplateError(NianbaoError):
    pass


class UnsupportedFormatError(NianbaoError):
    pass
