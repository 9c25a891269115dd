"""Run something once a widget's first frame is on screen.

Work the first screen does not need waits for this, so that screen appears as early as it can:
the library tree opens its big folders after it. The widget watched must be one Python made
(the tree's viewport is, see `quotebook.ui.widgets.python_viewport`); the viewer, whose viewport
Qt makes, has its own `Viewer.after_next_paint`, which start-up and the document's facts use.
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
