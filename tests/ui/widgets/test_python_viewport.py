"""Views with a viewport made in Python look and behave as with Qt's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QTreeView, QWidget

from quotebook.ui.widgets.python_viewport import use_python_viewport


def described(viewport: QWidget) -> dict[str, object]:
    return {
        "name": viewport.objectName(),
        "background": viewport.backgroundRole(),
        "foreground": viewport.foregroundRole(),
        "fills": viewport.autoFillBackground(),
        "attributes": [a for a in Qt.WidgetAttribute if viewport.testAttribute(a)],
        "mouse tracking": viewport.hasMouseTracking(),
        "focus": viewport.focusPolicy(),
        "drops": viewport.acceptDrops(),
        "menu": viewport.contextMenuPolicy(),
    }


@pytest.mark.parametrize("kind", [QListView, QTreeView])
def test_the_viewport_is_set_up_as_qt_sets_up_its_own(qtbot, kind: type[QAbstractItemView]):
    qt_made, python_made = kind(), kind()
    qtbot.addWidget(qt_made)
    qtbot.addWidget(python_made)
    use_python_viewport(python_made)
    assert described(python_made.viewport()) == described(qt_made.viewport())


def test_the_window_s_views_fill_their_empty_space_with_the_base_colour(make_window):
    window = make_window()
    window.resize(1280, 820)
    window.show()
    views = [
        window.document_tree,
        window.annotation_panel.findChild(QListView),
        window.tag_view.findChild(QListView, "tagAnnotationList"),
    ]
    for view in views:
        assert view is not None
        viewport = view.viewport()
        assert viewport.objectName() == "qt_scrollarea_viewport"
        image = viewport.grab().toImage()
        # The bottom row lies below every item in each of these views on the seed library.
        corner = image.pixelColor(image.width() - 3, image.height() - 3)
        assert corner == viewport.palette().color(QPalette.ColorRole.Base), view.objectName()
