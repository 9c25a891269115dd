"""The document properties dialog: edits land in the store as one undo step, bad input is held."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QTableView

from quotebook.ui.dialogs.document_properties import DocumentPropertiesDialog
from quotebook.ui.session import Session

# The offscreen platform warns that it cannot pass size hints on when a window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def doc_id(session: Session) -> int:
    return session.library.documents.summaries()[1].id


@pytest.fixture
def dialog(qtbot, session: Session, doc_id: int) -> DocumentPropertiesDialog:
    widget = DocumentPropertiesDialog(session, doc_id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ok_button(dialog: DocumentPropertiesDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_shows_the_stored_properties(dialog: DocumentPropertiesDialog, session: Session):
    meta = session.library.documents.get(dialog.document_id).meta
    assert dialog.title_edit.text() == meta.title
    assert dialog.outlet_edit.currentText() == meta.outlet
    assert dialog.published_edit.text() == meta.published == "2019-11-01"
    assert dialog.language_edit.currentText() == "en"
    assert dialog.notes_edit.toPlainText() == meta.notes
    assert "words" in dialog.info.text()
    assert ok_button(dialog).isEnabled()


def test_edit_everything_then_undo_and_redo(qtbot, dialog, session: Session, doc_id: int):
    before = session.library.documents.get(doc_id).meta
    retype(qtbot, dialog.title_edit, "Interview with Rossiyskaya Gazeta")
    dialog.outlet_edit.setCurrentText("Rossiyskaya Gazeta")
    retype(qtbot, dialog.author_edit, "Editorial staff")
    retype(qtbot, dialog.published_edit, "2019-11-02")
    retype(qtbot, dialog.url_edit, "https://rg.ru/2019/11/01/interview.html")
    dialog.language_edit.setCurrentText("ru")
    dialog.notes_edit.setPlainText("Translated by the embassy.\nCheck against the Russian.")
    with qtbot.waitSignal(dialog.finished) as done:
        ok_button(dialog).click()
    assert done.args == [QDialog.DialogCode.Accepted.value]
    meta = session.library.documents.get(doc_id).meta
    assert (meta.title, meta.outlet, meta.author, meta.published, meta.language) == (
        "Interview with Rossiyskaya Gazeta",
        "Rossiyskaya Gazeta",
        "Editorial staff",
        "2019-11-02",
        "ru",
    )
    assert meta.source_url == "https://rg.ru/2019/11/01/interview.html"
    assert meta.notes == "Translated by the embassy.\nCheck against the Russian."
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.library.documents.get(doc_id).meta == before
    session.undo_stack.redo()
    assert session.library.documents.get(doc_id).meta == meta


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("title_edit", "  ", "needs a title"),
        ("published_edit", "1 Nov 2019", "YYYY-MM-DD"),
        ("published_edit", "2019-02-30", "YYYY-MM-DD"),
        ("url_edit", "rg.ru/interview", "web address"),
    ],
)
def test_bad_input_disables_ok_and_says_why(qtbot, dialog, field: str, text: str, reason: str):
    retype(qtbot, getattr(dialog, field), text)
    assert not ok_button(dialog).isEnabled()
    assert reason in dialog.error.text()
    dialog.accept()  # even if forced, nothing is saved and the dialog stays
    assert dialog.isVisible()
    assert dialog._session.undo_stack.count() == 0


def test_date_from_the_calendar_and_cleared(qtbot, dialog, session: Session, doc_id: int):
    dialog.calendar.setSelectedDate(QDate(2020, 2, 29))
    view = dialog.calendar.findChild(QTableView)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on the calendar's day: picks it
    assert dialog.published_edit.text() == "2020-02-29"
    ok_button(dialog).click()
    assert session.library.documents.get(doc_id).meta.published == "2020-02-29"
    again = DocumentPropertiesDialog(session, doc_id)
    qtbot.addWidget(again)
    clear = again.findChild(QPushButton, "propertyPublishedClear")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert again.published_edit.text() == ""
    again.accept()
    assert session.library.documents.get(doc_id).meta.published == ""


def test_nothing_changed_adds_no_undo_step(dialog: DocumentPropertiesDialog, session: Session):
    ok_button(dialog).click()
    assert session.undo_stack.count() == 0


def test_cancel_changes_nothing(qtbot, dialog, session: Session, doc_id: int):
    title = session.library.documents.get(doc_id).title
    retype(qtbot, dialog.title_edit, "Something else")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert session.library.documents.get(doc_id).title == title
    assert session.undo_stack.count() == 0


def test_an_empty_date_shows_empty(qtbot, session: Session, doc_id: int):
    """No field of the dialog shows a date the document does not have (today's, say)."""
    import re

    session.edit_document_properties(doc_id, {"published": ""})
    dialog = DocumentPropertiesDialog(session, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [w.text() for w in dialog.findChildren(QLineEdit) if w.isVisible()]
    assert dialog.published_edit.text() == ""
    assert not [text for text in shown if re.search(r"\d{4}-\d{2}-\d{2}", text)]
    assert not [text for text in shown if QDate.currentDate().toString("yyyy") in text]


def test_the_library_file_is_named(dialog, session: Session):
    assert f"Library: {session.library.path}" in dialog.info.text()
