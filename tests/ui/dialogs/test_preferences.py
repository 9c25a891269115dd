"""Edit → Preferences…: each choice is kept in the settings and shows at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from person import when_modal
from quotebook.ui.actions import ActionId
from quotebook.ui.dialogs.export_dialog import ExportDialog
from quotebook.ui.dialogs.preferences_dialog import PreferencesDialog
from quotebook.ui.preferences import Preferences, load_preferences
from quotebook.ui.theme import _follow_system, apply_theme, current_theme, is_dark


@pytest.fixture
def app_theme():
    """The theme is the application's: put the system's back after the test."""
    app = QApplication.instance()
    yield app
    apply_theme(app, "system")


def choose(theme: str, size: float, reader_view: bool, author: str):
    def act(dialog):
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme))
        dialog.text_size.setValue(size)
        dialog.reader_view.setChecked(reader_view)
        dialog.author.setText(author)
        dialog.accept()

    return act


def test_preferences_apply_at_once_and_are_kept(make_window, app_theme, settings_path):
    window = make_window()
    assert not is_dark(window.viewer.palette())
    watch = when_modal(PreferencesDialog, choose("dark", 16, False, "Anna Berg"))
    window.action(ActionId.PREFERENCES).trigger()
    assert len(watch.seen) == 1
    QApplication.processEvents()  # the new palette reaches the widgets as events
    assert current_theme(app_theme) == "dark" and is_dark(window.viewer.palette())
    assert window.viewer.font().pointSizeF() == 16 + window.viewer.zoom_steps
    assert not window.action(ActionId.READER_VIEW).isChecked()
    assert window.viewer.hidden_line_count == 0
    assert load_preferences(window.settings) == Preferences("dark", 16.0, False, "Anna Berg")

    export = ExportDialog(
        window.session, current_document_id=window.document.id, settings=window.settings
    )
    assert export.author_edit.text() == "Anna Berg"  # the export dialog reads the setting
    export.deleteLater()
    window.close()

    again = make_window()
    assert again.viewer.text_size == 16
    assert not again.action(ActionId.READER_VIEW).isChecked()
    assert "textSize=16" in settings_path.read_text()


def test_a_pinned_theme_ignores_the_systems_changes(app_theme):
    apply_theme(app_theme, "light")
    _follow_system(app_theme)  # what a change of the desktop's scheme calls
    assert current_theme(app_theme) == "light" and not is_dark(app_theme.palette())
    apply_theme(app_theme, "dark")
    _follow_system(app_theme)
    assert is_dark(app_theme.palette())


def test_cancel_changes_nothing(make_window, app_theme):
    window = make_window()
    before = load_preferences(window.settings)

    def cancel(dialog):
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        dialog.reject()

    watch = when_modal(PreferencesDialog, cancel)
    window.action(ActionId.PREFERENCES).trigger()
    assert len(watch.seen) == 1
    assert load_preferences(window.settings) == before
    assert current_theme(app_theme) == "system"


def test_mangled_preferences_read_as_defaults(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    path = tmp_path / "s.ini"
    path.write_text("[appearance]\ntheme=purple\n[reader]\ntextSize=big\n")
    assert load_preferences(QSettings(str(path), QSettings.Format.IniFormat)) == Preferences()
