"""Help → Keyboard Shortcuts (from the action registry, searchable) and Help → Quotebook Help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser

from quotebook.ui.actions import SPECS, ActionId
from quotebook.ui.dialogs.shortcuts_dialog import WIDGET_KEYS, ShortcutsDialog, command_name

# The reference windows are raised when shown; the offscreen platform cannot raise a window.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_every_key_of_every_action_is_listed(make_window):
    window = make_window()
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dialog.shown_rows()
    listed = {command: keys for command, keys, _ in rows}
    for action_id, spec in SPECS.items():
        action = window.action(action_id)
        for key in action.shortcuts():
            native = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert native in listed[command_name(spec.text)].split(", "), action_id
    assert listed["Redo"] == "Ctrl+Shift+Z" or "Ctrl+Shift+Z" in listed["Redo"]
    assert ("Highlight", "H", "Document") in rows
    assert len(rows) == sum(1 for a in SPECS if window.action(a).shortcuts()) + len(WIDGET_KEYS)
    assert window.show_shortcuts() is dialog  # one of it, raised again


def test_the_list_narrows_as_the_user_types(make_window, qtbot):
    window = make_window()
    dialog = window.show_shortcuts()
    qtbot.keyClicks(dialog.search, "tag")
    commands = [row[0] for row in dialog.shown_rows()]
    assert "Tag…" in commands and "Manage Tags…" in commands
    assert "Highlight" not in commands
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ctrl+shift+o")
    assert [row[0] for row in dialog.shown_rows()] == ["Open Library…"]


def test_the_keys_of_the_new_commands(make_window):
    window = make_window()
    keys = {
        a: [k.toString() for k in window.action(a).shortcuts()]
        for a in (
            ActionId.OPEN_LIBRARY,
            ActionId.PREFERENCES,
            ActionId.KEYBOARD_SHORTCUTS,
            ActionId.HELP,
        )
    }
    assert keys[ActionId.OPEN_LIBRARY] == ["Ctrl+Shift+O"]
    assert keys[ActionId.PREFERENCES] == ["Ctrl+,"]
    assert keys[ActionId.KEYBOARD_SHORTCUTS] == ["Ctrl+/"]
    assert keys[ActionId.HELP][0] == "F1"


def test_help_page_is_shown_and_names_the_keys(make_window):
    window = make_window()
    window.action(ActionId.HELP).trigger()
    dialog = window.findChild(QDialog, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser, "helpText").toPlainText()
    for phrase in ("Open Library", "Ctrl+K", "Keyboard Shortcuts", "Preferences", "Alt"):
        assert phrase in text
    assert dialog.windowModality() == Qt.WindowModality.NonModal
