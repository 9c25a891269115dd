"""`CardListView`: the list of cards shared by the annotation and quotes panels.

Both panels show one card per item, scroll by pixel and wrap text; clicking the card that is
already current must still take the viewer to it, which a plain `currentChanged` cannot tell, so
the view reports such a click as `reclicked`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget


class CardListView(QListView):
    reclicked = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self._current_at_press = QPersistentModelIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._current_at_press = QPersistentModelIndex(self.currentIndex())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if index.isValid() and QPersistentModelIndex(index) == self._current_at_press:
            self.reclicked.emit(index)
        self._current_at_press = QPersistentModelIndex()
