"""Find in document: the matching rule and the small bar the reader types into.

The bar only reports what the reader asks for (`queryChanged`, `nextRequested`, …); the viewer
owns the matches, paints them and says back where it stands with `set_result`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

# More matches than this are counted but not all painted: beyond it the colour says nothing.
MAX_PAINTED_MATCHES = 10_000


def find_matches(text: str, needle: str) -> list[tuple[int, int]]:
    """Code-point ranges of every non-overlapping, case-insensitive occurrence of `needle`.

    Any white space the reader types matches any one white-space character, so a space finds
    the no-break spaces and tabs that news text is full of. Case folding is per character
    (`re.IGNORECASE`), never `str.lower`, which may change the length and shift offsets.
    """
    if not needle.strip():
        return []
    pattern = r"\s".join(re.escape(part) for part in re.split(r"\s", needle))
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


class FindBar(QWidget):
    """A one-line find bar: query, "n of m", previous/next and close buttons.

    Enter finds the next match, Shift+Enter the previous one, Esc closes the bar.
    """

    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAutoFillBackground(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in document")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("9999 of 9999"))
        self.previous_button = self._button("▲", "Previous match (Shift+Enter)")
        self.next_button = self._button("▼", "Next match (Enter)")
        self.close_button = self._button("✕", "Close (Esc)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.field.textChanged.connect(self.queryChanged)
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def query(self) -> str:
        return self.field.text()

    def open_bar(self, text: str | None = None) -> None:
        """Show the bar with the field focused and its text selected, ready to type over."""
        if text:
            self.field.setText(text)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def set_result(self, current: int, total: int) -> None:
        """Show where the viewer stands: `current` is 0-based, or -1 before the first jump."""
        if not self.field.text().strip():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("No matches")
        elif current < 0:
            self.count_label.setText(f"{total} matches" if total != 1 else "1 match")
        else:
            self.count_label.setText(f"{current + 1} of {total}")
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previousRequested.emit()
                else:
                    self.nextRequested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
