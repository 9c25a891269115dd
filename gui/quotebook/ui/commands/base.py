"""`StoreCommand`: what every undo command is, and how the session runs it.

Each command changes the store through its repositories, then tells the session which ids
changed; views redraw from the session's signals. The first `apply` runs before the command is
pushed (see `Session.execute`), so an error reaches the user and nothing lands on the stack.
Commands are grouped by what they change: `annotations`, `documents`, `folders`, `tags`,
`imports`; views never build them, they call the `Session` method of the same name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from quotebook.errors import UserError
from quotebook.store import Library
from quotebook.ui.session_events import SessionEvents


class StoreCommand(QUndoCommand):
    """A command whose first application has already happened when it is pushed.

    Undo and redo may fail for reasons of the library's (another program holds it, the disk
    is full, the text changed elsewhere). Qt's stack cannot be told, so while `Session.undo` or
    `redo` runs it (`catching`), the command keeps the `UserError` instead of letting it escape
    into Qt, and skips the next call, which the session makes at once to put the stack back
    where the store still is.
    """

    def __init__(self, text: str, library: Library, events: SessionEvents) -> None:
        super().__init__(text)
        self.library = library
        self.events = events
        self._skip_next = False
        self._failure: UserError | None = None
        self.catching = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def mark_applied(self) -> None:
        self._skip_next = True

    def take_failure(self) -> UserError | None:
        failure, self._failure = self._failure, None
        return failure

    def forget_failure(self) -> None:
        """Drop a failure that nobody will undo (and the skip that came with it)."""
        if self.take_failure() is not None:
            self._skip_next = False

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, change: Callable[[], None]) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        if not self.catching:
            change()
            return
        try:
            change()
        except UserError as exc:
            self._failure = exc
            self._skip_next = True
