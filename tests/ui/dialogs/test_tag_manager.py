"""The tag manager on a real library: tree and counts, and every edit undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QTreeWidgetItem

from quotebook.ui.dialogs import tag_manager
from quotebook.ui.dialogs.tag_manager import TagManagerDialog
from quotebook.ui.session import Session

# The offscreen platform warns that it cannot pass size hints on when a window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the dialog's questions get answered; ``asked`` records the delete question."""
    given: dict[str, object] = {"asked": []}
    monkeypatch.setattr(tag_manager, "ask_text", lambda *a: given.get("text"))
    monkeypatch.setattr(tag_manager, "ask_choice", lambda *a: given.get("choice"))

    def confirm(_parent: object, _title: str, text: str) -> bool:
        given["asked"].append(text)  # type: ignore[union-attr]
        return bool(given.get("confirm"))

    monkeypatch.setattr(tag_manager, "confirm", confirm)
    return given


@pytest.fixture
def tagged(session: Session) -> Session:
    """Three highlights in two documents tagged under ``speaker`` and ``topic``."""
    docs = [d.id for d in session.library.documents.summaries()[:2]]
    session.create_annotation(docs[0], 0, 7, tags=["speaker/Lukashevich", "topic/security"])
    session.create_annotation(docs[0], 8, 18, tags=["speaker/Lukashevich"])
    session.create_annotation(docs[1], 0, 5, tags=["speaker/Lavrov"])
    session.undo_stack.clear()
    return session


@pytest.fixture
def dialog(qtbot, tagged: Session) -> TagManagerDialog:
    widget = TagManagerDialog(tagged)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row(dialog: TagManagerDialog, name: str) -> QTreeWidgetItem:
    tag = dialog._session.library.tags.find(name)
    assert tag is not None, name
    return dialog._items[tag.id]


def select(dialog: TagManagerDialog, name: str) -> int:
    item = row(dialog, name)
    dialog.tree.setCurrentItem(item)
    return int(item.data(0, tag_manager.ID_ROLE))


def test_tree_shows_hierarchy_and_counts(dialog: TagManagerDialog):
    speaker = row(dialog, "speaker")
    assert speaker.parent() is None
    children = {speaker.child(n).text(0) for n in range(speaker.childCount())}
    assert children == {"Lavrov", "Lukashevich"}
    lukashevich = row(dialog, "speaker/Lukashevich")
    assert (lukashevich.text(1), lukashevich.text(2)) == ("2", "1")
    assert (row(dialog, "speaker/Lavrov").text(1), row(dialog, "speaker").text(1)) == ("1", "0")


def test_rename_through_the_name_field(qtbot, dialog: TagManagerDialog, tagged: Session):
    tag_id = select(dialog, "speaker")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "person")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert tagged.library.tags.get(tag_id).name == "person"
    assert row(dialog, "person/Lavrov").parent() is row(dialog, "person")
    assert dialog.current_tag().id == tag_id  # type: ignore[union-attr]
    tagged.undo_stack.undo()
    assert tagged.library.tags.get(tag_id).name == "speaker"
    assert dialog.name_edit.text() == "speaker"


def test_rename_clash_is_shown_not_raised(qtbot, dialog: TagManagerDialog, tagged: Session):
    select(dialog, "speaker/Lavrov")
    dialog.name_edit.setText("Lukashevich")
    dialog.name_edit.editingFinished.emit()
    assert "already exists" in dialog.message.text()
    assert dialog.name_edit.text() == "Lavrov"
    assert tagged.undo_stack.count() == 0


def test_the_name_field_of_a_child_tag_renames_it_in_place(
    qtbot, dialog: TagManagerDialog, tagged: Session
):
    """The field holds the last part of the path: a new name keeps the tag where it is, and
    Enter saves it without closing the dialog."""
    tag_id = select(dialog, "speaker/Lavrov")
    assert dialog.name_edit.text() == "Lavrov"
    assert "speaker" in dialog.place_label.text()
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Sergei Lavrov")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert tagged.library.tags.get(tag_id).name == "speaker/Sergei Lavrov"
    assert dialog.isVisible() and dialog.result() == 0
    assert row(dialog, "speaker/Sergei Lavrov").parent() is row(dialog, "speaker")


def test_a_slash_in_the_name_field_does_not_move_the_tag(
    qtbot, dialog: TagManagerDialog, tagged: Session
):
    tag_id = select(dialog, "speaker/Lavrov")
    dialog.name_edit.setText("other/Lavrov")
    dialog.name_edit.editingFinished.emit()
    assert tagged.library.tags.get(tag_id).name == "speaker/Lavrov"
    assert "Move under" in dialog.message.text()
    assert dialog.name_edit.text() == "Lavrov"


def test_enter_anywhere_in_the_form_keeps_the_dialog_open(qtbot, dialog: TagManagerDialog):
    select(dialog, "topic")
    for widget in (dialog.name_edit, dialog.tree):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        assert dialog.isVisible()


def test_colour_and_description(qtbot, dialog: TagManagerDialog, tagged: Session):
    tag_id = select(dialog, "topic/security")
    dialog.color_combo.setCurrentIndex(dialog.color_combo.findData("blue"))
    assert tagged.library.tags.get(tag_id).color == "blue"
    dialog.description_edit.setFocus()
    qtbot.keyClicks(dialog.description_edit, "Defence and arms control")
    select(dialog, "speaker")  # leaving the tag commits its description
    assert tagged.library.tags.get(tag_id).description == "Defence and arms control"
    qtbot.waitUntil(lambda: row(dialog, "topic/security").toolTip(0) == "Defence and arms control")
    assert dialog.current_tag().name == "speaker"  # type: ignore[union-attr]
    assert tagged.undo_stack.count() == 2
    tagged.undo_stack.undo()
    assert tagged.library.tags.get(tag_id).description == ""
    tagged.undo_stack.undo()
    assert tagged.library.tags.get(tag_id).color == ""


def test_new_tag_under_the_selected_one(dialog: TagManagerDialog, tagged: Session, answers):
    select(dialog, "speaker")
    answers["text"] = "speaker/Ulyanov"
    dialog.new_button.click()
    assert dialog.current_tag().name == "speaker/Ulyanov"  # type: ignore[union-attr]
    assert row(dialog, "speaker/Ulyanov").parent() is row(dialog, "speaker")
    tagged.undo_stack.undo()
    assert tagged.library.tags.find("speaker/Ulyanov") is None


def test_merge_into_another_tag(dialog: TagManagerDialog, tagged: Session, answers):
    source = select(dialog, "speaker/Lavrov")
    answers["choice"] = "speaker/Lukashevich"
    dialog.merge_button.click()
    assert tagged.library.tags.find("speaker/Lavrov") is None
    assert row(dialog, "speaker/Lukashevich").text(1) == "3"
    assert row(dialog, "speaker/Lukashevich").text(2) == "2"
    tagged.undo_stack.undo()
    assert tagged.library.tags.find("speaker/Lavrov").id == source  # type: ignore[union-attr]
    assert row(dialog, "speaker/Lavrov").text(1) == "1"


def test_move_under_another_parent_and_back(dialog: TagManagerDialog, tagged: Session, answers):
    tag_id = select(dialog, "topic")
    answers["choice"] = "speaker/Lavrov"
    dialog.move_button.click()
    assert tagged.library.tags.get(tag_id).name == "speaker/Lavrov/topic"
    annotation = tagged.library.annotations.all()[0]
    assert "speaker/Lavrov/topic/security" in annotation.tags
    answers["choice"] = tag_manager.TOP_LEVEL
    dialog.move_button.click()
    assert tagged.library.tags.get(tag_id).name == "topic"
    tagged.undo_stack.undo()
    tagged.undo_stack.undo()
    assert tagged.library.tags.get(tag_id).name == "topic"
    assert row(dialog, "topic").parent() is None


def test_delete_says_what_it_touches(dialog: TagManagerDialog, tagged: Session, answers):
    select(dialog, "speaker")
    dialog.delete_button.click()  # answered "no"
    (question,) = answers["asked"]  # type: ignore[misc]
    assert "the 2 tags below it" in question
    assert "3 highlights in 2 documents" in question
    assert tagged.library.tags.find("speaker") is not None
    answers["confirm"] = True
    dialog.delete_button.click()
    assert tagged.library.tags.find("speaker") is None
    assert dialog.tree.topLevelItemCount() == 1
    tagged.undo_stack.undo()
    assert row(dialog, "speaker/Lukashevich").text(1) == "2"


def test_undo_and_redo_buttons(dialog: TagManagerDialog, tagged: Session):
    tag_id = select(dialog, "topic")
    dialog.color_combo.setCurrentIndex(dialog.color_combo.findData("pink"))
    undo_button = dialog.findChild(QToolButton, "tagUndoButton")
    redo_button = dialog.findChild(QToolButton, "tagRedoButton")
    undo_button.click()
    assert tagged.library.tags.get(tag_id).color == ""
    redo_button.click()
    assert tagged.library.tags.get(tag_id).color == "pink"
    assert dialog.color_combo.currentData() == "pink"


def test_description_is_saved_when_the_editor_loses_focus(qtbot, dialog, tagged: Session):
    tag_id = select(dialog, "speaker")
    dialog.activateWindow()
    dialog.description_edit.setFocus()
    qtbot.waitUntil(dialog.description_edit.hasFocus)
    qtbot.keyClicks(dialog.description_edit, "Who said it")
    dialog.name_edit.setFocus()
    qtbot.waitUntil(lambda: tagged.library.tags.get(tag_id).description == "Who said it")
    qtbot.keyClicks(dialog.description_edit, "")  # the refresh left the text alone
    assert dialog.description_edit.toPlainText() == "Who said it"
