"""Item views whose viewport is made in Python, so that start-up never meets a stranger widget.

Qt makes each scroll area's viewport itself, as a plain `QWidget`. The first time Python is
handed such a widget (`view.viewport()`, an event filter watching it), PySide6 works out its
most derived class by setting up every `QWidget` subclass it knows, with all their enums: about
9 ms, paid once per process, before the first frame if any view's viewport is touched while the
window is built. A viewport made here is already known to Python, so asking for it costs nothing.
`QAbstractItemView` prepares whatever viewport it is given (`setupViewport`); the viewer, a
`QTextEdit`, keeps Qt's own and watches its first paint through `viewportEvent` instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QWidget


def use_python_viewport(view: QAbstractItemView) -> None:
    """Give `view` a viewport made in Python; call it first thing in the view's constructor.

    It is set up as Qt sets up its own (name, the Base background it fills, touch events), so
    the view looks and behaves the same.
    """
    viewport = QWidget(view)
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    view.setViewport(viewport)
