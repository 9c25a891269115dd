"""Errors meant for the user, kept apart from bugs.

A `UserError` carries a sentence a person can act on; the GUI shows it in a dialog and the CLI
prints it to stderr. Anything else that escapes is a bug and is reported as such.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: a bad file, a locked library, an unwritable path."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message}\n{self.detail}"


class LibraryError(UserError):
    """The library file cannot be opened or used (locked, corrupt, too new)."""


class LibraryBusy(LibraryError):
    """Another program kept the library locked for longer than a write may wait.

    Nothing of the write was kept; trying again later succeeds once the other one is done.
    """


class LibraryReadOnly(LibraryError):
    """The library is open for reading only (read-only disk, no permission, or a full disk)."""


class StaleDocument(UserError):
    """A document's text changed (in another program) since the view that asked was filled.

    Offsets worked out on the old text would land on other words, so nothing was written.
    """

    def __init__(self, message: str, *, document_id: int) -> None:
        super().__init__(message)
        self.document_id = document_id


class NotFoundError(UserError):
    """An id or name the user gave does not exist in the library."""


class ImportFailed(UserError):
    """A file could not be imported; nothing was added for it."""


class ExportFailed(UserError):
    """An export could not be written; no partial file was left behind."""


class QuoteNotFound(UserError):
    """The quote to annotate does not occur (often enough) in the document."""
