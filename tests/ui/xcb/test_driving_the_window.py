"""A person at the keyboard and mouse, under a real X server: what the window does and paints.

Selections are made by dragging and double-clicking on the viewer, commands given by the keys
a person presses, dialogs answered by typing, and what is painted is read back both from the
widget (`grab`) and from the X server's copy of the window (`QScreen.grabWindow`).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit
from test_actions import clashes

from person import (
    highlight_pixels,
    painted_backgrounds,
    when_modal,
    when_modals,
    when_popup,
)
from quotebook.ui.actions import SPECS
from quotebook.ui.dialogs.export_dialog import ExportDialog
from quotebook.ui.dialogs.note_dialog import NoteDialog
from quotebook.ui.dialogs.tag_picker import TagPickerDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


# -- where things are on screen -------------------------------------------------------------


def char_point(viewer, offset: int, *, right: bool = False) -> QPoint:
    """A viewport point inside the character at code-point `offset` (its right half when
    `right`), scrolled into view first."""
    to_u16 = viewer.highlight_layer.utf16.to_utf16
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(to_u16(offset))
    viewer.setTextCursor(cursor)
    viewer.ensureCursorVisible()
    left = viewer.cursorRect(cursor)
    cursor.setPosition(to_u16(offset + 1))
    after = viewer.cursorRect(cursor)
    x = (left.left() + 3 * after.left()) // 4 if right else (3 * left.left() + after.left()) // 4
    return QPoint(x, left.center().y())


def drag_select(qtbot, viewer, start: int, end: int) -> None:
    """Select [start, end) by pressing on the first character and dragging to the last."""
    viewport = viewer.viewport()
    first, last = char_point(viewer, start), char_point(viewer, end - 1, right=True)
    QTest.mousePress(viewport, LEFT, NONE, first)
    for step in (1, 2, 3):
        QTest.mouseMove(viewport, first + (last - first) * step / 3)
    QTest.mouseRelease(viewport, LEFT, NONE, last)
    qtbot.waitUntil(lambda: viewer.textCursor().hasSelection())


def double_click_word(qtbot, viewer, offset: int) -> None:
    point = char_point(viewer, offset + 1)
    viewer.clear_selection()
    QTest.mouseDClick(viewer.viewport(), LEFT, NONE, point)
    qtbot.waitUntil(lambda: viewer.textCursor().hasSelection())


def on_screen_ink(viewer) -> int:
    """Highlighter pixels in the X server's copy of the viewer's viewport."""
    QApplication.processEvents()
    viewport = viewer.viewport()
    origin = viewport.mapTo(viewer.window(), QPoint(0, 0))
    screen = viewer.window().screen()
    shot = screen.grabWindow(
        viewer.window().winId(), origin.x(), origin.y(), viewport.width(), viewport.height()
    )
    return highlight_pixels(shot.toImage())


def widget_ink(viewer) -> int:
    return highlight_pixels(viewer.viewport().grab().toImage())


def press(qtbot, widget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """Press a key with `widget` focused. Xvfb runs no window manager, so when a dialog closes
    nothing hands the focus back to the main window: do what the window manager would."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, key, modifiers)


def tree_point(window, document_id: int) -> QPoint:
    tree = window.document_tree
    index = tree.tree_model.document_index(document_id)
    tree.scrollTo(index)
    return tree.visualRect(index).center()


def other_document(window) -> int:
    return next(
        s.id
        for s in window.session.library.documents.summaries()
        if s.id != window.document.id and s.annotation_count == 0
    )


# -- the tests --------------------------------------------------------------------------------


def test_no_shortcut_is_ambiguous_with_this_platforms_keys(window):
    for action_id, spec in SPECS.items():
        keys = [s.toString() for s in window.action(action_id).shortcuts()]
        assert len(keys) == len(set(keys)), action_id
        assert spec is not None
    assert clashes(window) == []


def test_highlight_then_open_another_document_paints_it_clean(window, qtbot):
    viewer = window.viewer
    start = window.document.text.index("OSCE")
    drag_select(qtbot, viewer, start, start + 4)
    press(qtbot, viewer, Qt.Key.Key_H)
    [annotation] = window.session.library.annotations.all()
    assert annotation.quote == "OSCE"
    qtbot.waitUntil(lambda: on_screen_ink(viewer) > 0)

    other = other_document(window)
    QTest.mouseClick(window.document_tree.viewport(), LEFT, NONE, tree_point(window, other))
    qtbot.waitUntil(lambda: window.document.id == other)
    assert painted_backgrounds(viewer) == []
    assert widget_ink(viewer) == 0
    assert on_screen_ink(viewer) == 0


def test_undo_and_redo_by_keys(window, qtbot):
    viewer = window.viewer
    start = window.document.text.index("OSCE")
    drag_select(qtbot, viewer, start, start + 4)
    press(qtbot, viewer, Qt.Key.Key_2)  # green
    annotations = window.session.library.annotations
    assert [a.color for a in annotations.all()] == ["green"]
    viewer.clear_selection()
    press(qtbot, viewer, Qt.Key.Key_Z, CTRL)
    assert annotations.count() == 0
    qtbot.waitUntil(lambda: on_screen_ink(viewer) == 0)
    press(qtbot, viewer, Qt.Key.Key_Z, CTRL | SHIFT)  # Redo: was dead under xcb
    assert annotations.count() == 1
    qtbot.waitUntil(lambda: on_screen_ink(viewer) > 0)


def test_t_tags_a_fresh_selection_and_escape_takes_it_back(window, qtbot):
    viewer = window.viewer
    text = window.document.text

    def tag_it(dialog):
        field = dialog.findChild(QLineEdit, "tagPickerInput")
        QTest.keyClicks(field, "speaker/Lavrov")
        QTest.keyClick(field, Qt.Key.Key_Return)  # adds the chip
        QTest.keyClick(field, Qt.Key.Key_Return)  # empty field: OK

    double_click_word(qtbot, viewer, text.index("Lukashevich"))
    watch = when_modal(TagPickerDialog, tag_it)
    press(qtbot, viewer, Qt.Key.Key_T)
    assert watch.unexpected == [] and len(watch.seen) == 1
    [annotation] = window.session.library.annotations.all()
    assert annotation.quote == "Lukashevich" and annotation.tags == ("speaker/Lavrov",)

    double_click_word(qtbot, viewer, text.index("Novosti"))
    watch = when_modal(TagPickerDialog, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    press(qtbot, viewer, Qt.Key.Key_T)
    assert len(watch.seen) == 1
    assert [a.quote for a in window.session.library.annotations.all()] == ["Lukashevich"]
    assert not window.session.undo_stack.canRedo()


def test_n_writes_a_note_and_ctrl_enter_saves_it(window, qtbot):
    viewer = window.viewer

    def write(dialog):
        editor = dialog.findChild(QPlainTextEdit, "noteDialogEditor")
        QTest.keyClicks(editor, "Head of the mission")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "in Vienna")
        QTest.keyClick(editor, Qt.Key.Key_Return, CTRL)

    double_click_word(qtbot, viewer, window.document.text.index("Lukashevich"))
    watch = when_modal(NoteDialog, write)
    press(qtbot, viewer, Qt.Key.Key_N)
    assert len(watch.seen) == 1
    [annotation] = window.session.library.annotations.all()
    assert annotation.note == "Head of the mission\nin Vienna"
    qtbot.waitUntil(lambda: on_screen_ink(viewer) > 0)


def test_right_click_in_the_tree_opens_the_document_and_its_menu(window, qtbot):
    tree = window.document_tree
    other = other_document(window)
    point = tree.viewport().mapTo(window, tree_point(window, other))
    menus: list[tuple[str, int | None, int]] = []

    def look_and_close(popup):
        menus.append((popup.objectName(), tree.current_document_id(), window.document.id))
        QTest.keyClick(popup, Qt.Key.Key_Escape)

    watch = when_popup(look_and_close)
    # Through the window, as the X server delivers it, so Qt makes the context-menu event.
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, NONE, point)
    qtbot.waitUntil(lambda: bool(watch.seen))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # While the menu was open, and after: the tree and the viewer agree on the document.
    assert menus == [("documentTreeMenu", other, other)]
    assert tree.current_document_id() == window.document.id == other


def test_export_from_the_dialog(window, qtbot, tmp_path):
    viewer = window.viewer
    start = window.document.text.index("OSCE")
    drag_select(qtbot, viewer, start, start + 4)
    press(qtbot, viewer, Qt.Key.Key_H)
    target = tmp_path / "reading list.md"

    def fill(dialog):
        combo = dialog.format_combo
        combo.setCurrentIndex(combo.findData("md"))
        path = dialog.path_edit
        path.setFocus()
        path.selectAll()
        QTest.keyClicks(path, str(target))
        QTest.keyClick(path, Qt.Key.Key_Return)  # Export is the default button

    finished: list[str] = []

    def close_finished(box):
        finished.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    watch = when_modals((ExportDialog, fill), (QMessageBox, close_finished))
    press(qtbot, viewer, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: watch.done)
    assert watch.unexpected == []
    assert finished and "reading list.md" in finished[0]
    text = target.read_text(encoding="utf-8")
    assert "> OSCE" in text


@pytest.mark.skipif(shutil.which("xprop") is None, reason="xprop is not installed")
def test_the_title_the_window_manager_sees(window, qtbot):
    qtbot.waitUntil(lambda: window.windowHandle() is not None)
    shown = subprocess.run(
        ["xprop", "-id", str(int(window.winId())), "_NET_WM_NAME"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout
    assert f'"{window.document.title} — Quotebook"' in shown
    assert shown.count("Quotebook") == 1


def test_lines_wrap_inside_the_reading_column_the_reader_sees(window, qtbot):
    """The text is laid out for the viewport's width, through showing and resizing the window
    (once it was laid out for the width before the column's side margins and ran off its edge)."""
    viewer = window.viewer
    for size in ((1440, 900), (1024, 700), (1440, 900)):
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.width() == size[0])
        QApplication.processEvents()
        assert viewer.document().textWidth() == viewer.viewport().width()
        document = viewer.document()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            left = layout.blockBoundingRect(block).left()
            lines = block.layout()
            for n in range(lines.lineCount()):
                assert left + lines.lineAt(n).naturalTextWidth() <= viewer.viewport().width()
            block = block.next()
