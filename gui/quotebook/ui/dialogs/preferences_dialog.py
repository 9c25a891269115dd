"""Edit → Preferences…: theme, reading text size, reader view, the author on exports.

The dialog only gathers the choices; the main window saves them to the settings and applies
them (`quotebook.ui.preferences` says which part of the app reads each one).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from quotebook.ui.preferences import Preferences
from quotebook.ui.widgets.viewer import TEXT_SIZE_MAX, TEXT_SIZE_MIN

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")

        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("preferenceTheme")
        for theme, label in THEME_LABELS.items():
            self.theme_combo.addItem(label, theme)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(current.theme)))

        self.text_size = QDoubleSpinBox(self)
        self.text_size.setObjectName("preferenceTextSize")
        self.text_size.setRange(TEXT_SIZE_MIN, TEXT_SIZE_MAX)
        self.text_size.setDecimals(0)
        self.text_size.setSingleStep(1)
        self.text_size.setSuffix(" pt")
        self.text_size.setValue(current.text_size)
        self.text_size.setToolTip("The size of the document's text; zoom (Ctrl++) adds to it")

        self.reader_view = QCheckBox("Hide site menus, teasers and other page furniture", self)
        self.reader_view.setObjectName("preferenceReaderView")
        self.reader_view.setChecked(current.reader_view)

        self.author = QLineEdit(current.export_author, self)
        self.author.setObjectName("preferenceExportAuthor")
        self.author.setPlaceholderText("Your name, written on each annotation of a PDF export")

        form = QFormLayout()
        form.addRow("&Theme:", self.theme_combo)
        form.addRow("Text &size:", self.text_size)
        form.addRow("&Reader view:", self.reader_view)
        form.addRow("Export &author:", self.author)
        hint = QLabel("Reader view can also be switched for a moment with Ctrl+Shift+R.", self)
        hint.setObjectName("preferencesHint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("preferencesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def preferences(self) -> Preferences:
        return Preferences(
            theme=str(self.theme_combo.currentData()),
            text_size=float(self.text_size.value()),
            reader_view=self.reader_view.isChecked(),
            export_author=self.author.text().strip(),
        )
