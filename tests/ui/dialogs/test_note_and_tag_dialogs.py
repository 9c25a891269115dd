"""The tag picker and the note dialog, driven by keys as a user would, and their ask_* helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from quotebook.ui.dialogs.note_dialog import NoteDialog, ask_note
from quotebook.ui.dialogs.tag_picker import TagPickerDialog, ask_tags
from quotebook.ui.session import Session
from quotebook.ui.widgets import chips

# The offscreen platform cannot raise windows, grab the keyboard or pass size hints on.
pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

KNOWN = ["speaker/Alexander Lukashevich", "claim", "Source"]


@pytest.fixture
def picker(qtbot) -> TagPickerDialog:
    dialog = TagPickerDialog(KNOWN, ["claim"], tag_colors={"claim": "orange"}, quote="A quote")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def when_modal(callback: Callable[[QDialog], None]) -> None:
    """Run `callback` on the modal dialog as soon as the event loop of its `exec` runs."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        callback(dialog)

    QTimer.singleShot(0, act)


def test_completion_offers_an_existing_tag_for_part_of_it_in_any_case(picker, qtbot):
    qtbot.keyClicks(picker.line_edit, "LUKA")
    completer = picker.completer
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "speaker/Alexander Lukashevich"
    popup = completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.tags() == ["claim", "speaker/Alexander Lukashevich"]
    assert picker.line_edit.text() == ""
    assert picker.isVisible()


def test_enter_creates_a_new_tag_and_enter_on_an_empty_field_accepts(picker, qtbot):
    qtbot.keyClicks(picker.line_edit, "topic/Security guarantees")
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Return)
    assert picker.tags() == ["claim", "topic/Security guarantees"]
    assert picker.isVisible()
    qtbot.keyClicks(picker.line_edit, "source")  # an existing tag keeps its spelling
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(picker.line_edit, "CLAIM")  # and is not added twice
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Return)
    assert picker.tags() == ["claim", "topic/Security guarantees", "Source"]
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted


def test_invalid_names_are_refused_with_a_reason(picker, qtbot):
    qtbot.keyClicks(picker.line_edit, "speaker//")
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Return)
    assert picker.tags() == ["claim"]
    assert "not a valid tag name" in picker.findChild(QLabel, "tagPickerMessage").text()
    assert picker.line_edit.text() == "speaker//"


def test_chips_are_removed_by_their_cross_delete_and_backspace(picker, qtbot):
    for name in ("one", "two", "three"):
        picker.add_tag(name)
    view = picker.chip_view
    second = view.visualRect(view.model().index(1, 0))
    metrics = QFontMetrics(chips.chip_font(view.font()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second.center())
    assert picker.tags() == ["claim", "one", "two", "three"]  # the chip itself: just selected
    cross = chips.close_mark_rect(metrics, second).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cross)
    assert picker.tags() == ["claim", "two", "three"]
    view.setCurrentIndex(view.model().index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert picker.tags() == ["two", "three"]
    picker.line_edit.setFocus()
    qtbot.keyClick(picker.line_edit, Qt.Key.Key_Backspace)
    assert picker.tags() == ["two"]


def test_text_left_in_the_field_is_added_on_ok(picker, qtbot):
    qtbot.keyClicks(picker.line_edit, "pending")
    picker.accept()
    assert picker.tags() == ["claim", "pending"]


def test_ask_tags_edits_through_a_real_dialog_and_session_undo(session: Session, qtbot):
    doc = session.library.documents.summaries()[0].id
    annotation = session.create_annotation(doc, 0, 7, tags=["claim"])

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, TagPickerDialog) and dialog.objectName() == "tagPicker"
        assert dialog.tags() == ["claim"]
        dialog.add_tag("speaker/Lukashevich")
        dialog.accept()

    when_modal(answer)
    tags = ask_tags(None, session, annotation.id)
    assert tags == ["claim", "speaker/Lukashevich"]
    session.set_tags(annotation.id, tags)
    assert session.library.annotations.get(annotation.id).tags == ("claim", "speaker/Lukashevich")
    session.undo_stack.undo()
    assert session.library.tags.find("speaker/Lukashevich") is None

    when_modal(lambda dialog: dialog.reject())
    assert ask_tags(None, session, annotation.id) is None


def test_note_dialog_saves_on_ctrl_enter_keeping_plain_enter_for_new_lines(qtbot):
    dialog = NoteDialog("first", quote="Some quote")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.objectName() == "noteDialog"
    editor = dialog.editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "second")
    assert dialog.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.note() == "first\nsecond"


def test_ask_note_returns_the_text_or_none(qtbot):
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.editor.setPlainText("  rewritten  ")
        dialog.accept()

    when_modal(answer)
    assert ask_note(None, "old") == "rewritten"
    when_modal(lambda dialog: dialog.reject())
    assert ask_note(None, "old") is None


def test_dialogs_render(picker, qtbot, tmp_path):
    picker.add_tag("a rather long tag name/with a child")
    assert picker.grab().save(str(tmp_path / "picker.png"))
    note = NoteDialog("note")
    qtbot.addWidget(note)
    note.show()
    assert note.grab().save(str(tmp_path / "note.png"))
