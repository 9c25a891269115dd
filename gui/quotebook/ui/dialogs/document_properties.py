"""The document properties editor: the catalogue card of one document, saved as one undo step.

Fields are checked as the user types (the same checks the command makes), so OK is only
enabled when saving will work and the reason shows under the form. Facts the user cannot edit —
format, source file, import time, size — are shown read-only for reference.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from quotebook.errors import UserError
from quotebook.services.document_properties import clean_properties
from quotebook.ui.session import Session
from quotebook.wording import plural

LANGUAGES = ("en", "ru", "uk", "be", "de", "fr", "es", "it", "pl", "kk", "az", "tr", "zh", "ar")


class DocumentPropertiesDialog(QDialog):
    def __init__(self, session: Session, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentProperties")
        self._session = session
        self.document_id = document_id
        document = session.library.documents.get(document_id)
        meta = document.meta
        self.setWindowTitle(f"Properties of “{meta.title}”")
        self.resize(560, 520)

        self.title_edit = self._line("propertyTitle", meta.title)
        self.outlet_edit = QComboBox(self)
        self.outlet_edit.setObjectName("propertyOutlet")
        self.outlet_edit.setEditable(True)
        self.outlet_edit.addItems(session.library.search.outlets())
        self.outlet_edit.setCurrentText(meta.outlet)
        self.author_edit = self._line("propertyAuthor", meta.author)
        self.published_edit = self._line("propertyPublished", meta.published)
        self.published_edit.setPlaceholderText("YYYY-MM-DD")
        # The text field is the only place a date shows: a date editor beside it would show
        # some date (today's) even when the document has none. The calendar is a pop-up.
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("propertyPublishedCalendar")
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._pick_date)
        self.calendar.activated.connect(self._pick_date)
        self._calendar_menu = QMenu(self)
        self._calendar_menu.setObjectName("propertyPublishedMenu")
        holder = QWidgetAction(self._calendar_menu)
        holder.setDefaultWidget(self.calendar)
        self._calendar_menu.addAction(holder)
        self._calendar_menu.aboutToShow.connect(self._show_date_in_calendar)
        picker = QToolButton(self)
        picker.setObjectName("propertyPublishedPicker")
        picker.setText("Calendar…")
        picker.setToolTip("Pick the date from a calendar")
        picker.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        picker.setMenu(self._calendar_menu)
        clear_date = QPushButton("Clear", self)
        clear_date.setObjectName("propertyPublishedClear")
        clear_date.setAutoDefault(False)
        clear_date.clicked.connect(self.published_edit.clear)
        date_row = QHBoxLayout()
        date_row.addWidget(self.published_edit, 1)
        date_row.addWidget(picker)
        date_row.addWidget(clear_date)
        self.url_edit = self._line("propertySourceUrl", meta.source_url)
        self.url_edit.setPlaceholderText("https://…")
        self.language_edit = QComboBox(self)
        self.language_edit.setObjectName("propertyLanguage")
        self.language_edit.setEditable(True)
        self.language_edit.addItems(LANGUAGES)
        self.language_edit.setCurrentText(meta.language)
        self.notes_edit = QPlainTextEdit(meta.notes, self)
        self.notes_edit.setObjectName("propertyNotes")
        self.notes_edit.setPlaceholderText("Your notes on the document as a whole")

        words = len(document.text.split())
        annotations = len(session.library.annotations.for_document(document_id))
        facts = [
            f"{words:,} words, {len(document.text):,} characters, "
            + plural(annotations, "highlight"),
            f"Imported {document.imported_at.replace('T', ' ').rstrip('Z')} "
            f"from {meta.original_format or 'text'}",
        ]
        if meta.source_path:
            facts.append(f"Source file: {meta.source_path}")
        facts.append(f"Library: {session.library.path}")
        self.info = QLabel("\n".join(facts), self)
        self.info.setObjectName("propertyInfo")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("propertyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("&Author:", self.author_edit)
        published_label = QLabel("&Published:", self)
        published_label.setBuddy(self.published_edit)  # a row holding a layout gets no buddy
        form.addRow(published_label, date_row)
        form.addRow("&URL:", self.url_edit)
        form.addRow("&Language:", self.language_edit)
        form.addRow("&Notes:", self.notes_edit)
        form.addRow("", self.info)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        for edit in (self.title_edit, self.author_edit, self.published_edit, self.url_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def values(self) -> dict[str, str]:
        """The form as document properties, exactly as typed (saving trims and checks them)."""
        return {
            "title": self.title_edit.text(),
            "outlet": self.outlet_edit.currentText(),
            "author": self.author_edit.text(),
            "published": self.published_edit.text(),
            "source_url": self.url_edit.text(),
            "language": self.language_edit.currentText(),
            "notes": self.notes_edit.toPlainText(),
        }

    def accept(self) -> None:
        """Save the changed fields as one undo step; stay open with the reason if refused."""
        try:
            self._session.edit_document_properties(self.document_id, self.values())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()

    def _check(self) -> None:
        try:
            clean_properties(self.values())
        except UserError as exc:
            self.error.setText(exc.message)
            ok = False
        else:
            self.error.clear()
            ok = True
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def _show_date_in_calendar(self) -> None:
        """Open the calendar on the date typed, or on today's month when there is none."""
        typed = QDate.fromString(self.published_edit.text().strip(), Qt.DateFormat.ISODate)
        self.calendar.blockSignals(True)  # showing a date is not picking it
        self.calendar.setSelectedDate(typed if typed.isValid() else QDate.currentDate())
        self.calendar.blockSignals(False)

    def _pick_date(self, day: QDate) -> None:
        self.published_edit.setText(day.toString(Qt.DateFormat.ISODate))
        self._calendar_menu.close()

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setCursorPosition(0)  # long titles show their beginning, not their end
        return edit
