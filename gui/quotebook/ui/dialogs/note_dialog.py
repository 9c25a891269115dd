"""The note dialog: a roomy plain-text field for an annotation's note.

Enter makes a new line, because notes run to paragraphs; Ctrl+Enter saves. The dialog only
returns the text; the caller stores it through the session, so the edit is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class NoteDialog(QDialog):
    def __init__(
        self, current: str = "", *, quote: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Note")

        heading = QLabel(self)
        heading.setObjectName("noteDialogHeading")
        heading.setWordWrap(True)
        excerpt = " ".join(quote.split())
        if len(excerpt) > 120:
            excerpt = excerpt[:119] + "…"
        heading.setText(f"Note on “{excerpt}”" if excerpt else "Note")

        self._editor = QPlainTextEdit(self)
        self._editor.setObjectName("noteDialogEditor")
        self._editor.setPlaceholderText("Write a note…")
        self._editor.setTabChangesFocus(True)
        self._editor.setPlainText(current)
        self._editor.moveCursor(self._editor.textCursor().MoveOperation.End)

        hint = QLabel("Ctrl+Enter saves.", self)
        hint.setObjectName("noteDialogHint")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("noteDialogButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the text; nothing should steal it as a default button.
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)

        self._editor.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._editor, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 300)
        self._editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter saves; a plain Enter stays a new line in the note."""
        if watched is self._editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)

    @property
    def editor(self) -> QPlainTextEdit:
        return self._editor

    def note(self) -> str:
        return self._editor.toPlainText().strip()


def ask_note(parent: QWidget | None, current: str, *, quote: str = "") -> str | None:
    """Let the user edit a note; the new text, or None if they cancelled."""
    dialog = NoteDialog(current, quote=quote, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note()
    finally:
        dialog.deleteLater()
