"""The Quotes panel's list: cards with the review keys (Enter, Delete or R, F2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from quotebook.ui.widgets.card_list import CardListView


class QuoteListView(CardListView):
    """The list of found quotes; knows the review keys."""

    acceptPressed = Signal()
    rejectPressed = Signal()
    speakerEditPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteList")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.currentIndex().isValid() and plain:
            signal = {
                Qt.Key.Key_Return: self.acceptPressed,
                Qt.Key.Key_Enter: self.acceptPressed,
                Qt.Key.Key_Delete: self.rejectPressed,
                Qt.Key.Key_Backspace: self.rejectPressed,
                Qt.Key.Key_R: self.rejectPressed,
                Qt.Key.Key_F2: self.speakerEditPressed,
            }.get(Qt.Key(key))
            if signal is not None:
                signal.emit()
                event.accept()
                return
        super().keyPressEvent(event)
