"""`StoreCommand`: what every undo command is, and how the session runs it.

Each command changes the store through its repositories, then tells the session which ids
changed; views redraw from the session's signals. The first `apply` runs before the command is
pushed (see `Session.execute`), so an error reaches the user and nothing lands on the stack.
Commands are grouped by what they change: `annotations`, `documents`, `folders`, `tags`,
`imports`; views never build them, they call the `Session` method of the same name.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from quotebook.store import Library
from quotebook.ui.session_events import SessionEvents


class StoreCommand(QUndoCommand):
    """A command whose first application has already happened when it is pushed."""

    def __init__(self, text: str, library: Library, events: SessionEvents) -> None:
        super().__init__(text)
        self.library = library
        self.events = events
        self._pushed_after_apply = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def mark_applied(self) -> None:
        self._pushed_after_apply = True

    def redo(self) -> None:
        if self._pushed_after_apply:
            self._pushed_after_apply = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()
