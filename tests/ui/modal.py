"""Answering the app's modal dialogs from a test, as a person would, while `exec()` runs.

A modal dialog runs its own event loop, so the test cannot act after the call that opens it
returns. `when_modal` arms a timer before that call; once a modal dialog of the wanted kind is
up, the timer hands it to the test's function, which clicks, types or closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

POLL_MS = 10


class ModalWatch:
    def __init__(self, kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        self.kind = kind
        self.act = act
        self.seen: list[QWidget] = []
        self.unexpected: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        if isinstance(widget, self.kind):
            self.timer.stop()
            self.seen.append(widget)
            self.act(widget)
        else:
            # Some other dialog came up instead: note it and close it, so the test goes on
            # to fail on what it checks rather than wait for ever.
            self.unexpected.append(f"{type(widget).__name__} {widget.objectName()}")
            widget.close()

    def stop(self) -> None:
        self.timer.stop()


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> ModalWatch:
    """Run `act(dialog)` once a visible modal `kind` is up; keep the result until then."""
    return ModalWatch(kind, act)
