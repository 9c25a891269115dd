"""Run something once a widget's first frame is on screen.

Start-up work that the first screen does not need (loading the library's writer) waits for this,
so the window appears as early as it can; the start-up benchmark uses it to say when that was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatch(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The paint event arrives before the widget paints, and the rest of the window is
            # painted in the same pass: the next turn of the event loop comes after the frame.
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, on the event loop, after `widget` has first been painted."""
    _FirstPaintWatch(widget, callback)
