"""File → New Library…, Open Library…, Open Recent: moving the running app to another library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from person import when_modal
from quotebook.app import make_settings, open_library, prepare_appearance, start_library_path
from quotebook.store import Library
from quotebook.ui.actions import ActionId
from quotebook.ui.library_settings import recent_libraries
from quotebook.ui.library_switcher import LibrarySwitcher

# Typing a file name opens the file dialog's completer, a pop-up the offscreen platform can
# neither raise nor give the keyboard to.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def switcher(qtbot, library_path: Path, settings_path: Path):
    app = QApplication.instance()
    prepare_appearance(app)
    switcher = LibrarySwitcher(make_settings(str(settings_path)), open_library)
    window = switcher.start(open_library(library_path))
    window.show()
    qtbot.waitExposed(window)
    yield switcher
    if switcher.window is not None:
        switcher.window.close()
        switcher.window.deleteLater()
    switcher.close()


def shown_windows() -> list[str]:
    QApplication.processEvents()
    return sorted(w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible())


def type_path(path: Path):
    def act(dialog):
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, str(path))
        dialog.accept()

    return act


def test_new_library_is_empty_and_becomes_the_open_one(qtbot, switcher, tmp_path):
    first = switcher.window
    first_path = first.session.library.path
    target = tmp_path / "second"
    watch = when_modal(QFileDialog, type_path(target))
    first.action(ActionId.NEW_LIBRARY).trigger()
    assert watch.unexpected == [] and len(watch.seen) == 1
    window = switcher.window
    assert window is not first
    assert window.session.library.path == target.with_suffix(".sqlite")
    assert window.session.library.documents.count() == 0  # no samples in a new library
    assert window.document is None
    assert window.windowTitle() == "second.sqlite — Quotebook"
    assert shown_windows() == ["mainWindow"]
    qtbot.waitUntil(lambda: not first.isVisible())
    recent = recent_libraries(window.settings)
    assert recent[:2] == [target.with_suffix(".sqlite").resolve(), first_path.resolve()]


def test_open_recent_goes_back_with_the_documents_and_the_place(qtbot, switcher, tmp_path):
    first = switcher.window
    library_path = first.session.library.path
    doc = first.session.library.documents.summaries()[3].id
    first.open_document(doc)
    assert switcher.switch(tmp_path / "other.sqlite", create=True)
    other = switcher.window
    menu = other.library_menu.recent_menu
    menu.aboutToShow.emit()
    entries = {a.toolTip(): a for a in menu.actions() if a.objectName().startswith("recent")}
    assert set(entries) == {str(library_path.resolve()), str((tmp_path / "other.sqlite").resolve())}
    assert not entries[str((tmp_path / "other.sqlite").resolve())].isEnabled()  # the open one
    entries[str(library_path.resolve())].trigger()
    back = switcher.window
    assert back.session.library.path.resolve() == library_path.resolve()
    assert back.document.id == doc
    assert back.session.undo_stack.count() == 0


def test_a_file_that_is_no_library_leaves_the_app_where_it_was(qtbot, switcher, tmp_path):
    window = switcher.window
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"these are not the tables you are looking for" * 100)
    reasons: list[str] = []
    watch = when_modal(QMessageBox, lambda box: (reasons.append(box.text()), box.close()))
    assert not switcher.switch(junk)
    assert len(watch.seen) == 1 and "not a Quotebook library" in reasons[0]
    assert switcher.window is window and window.isVisible()
    assert window.session.library.documents.count() == 5  # still readable: not closed
    assert junk.read_bytes().startswith(b"these are not")


def test_a_new_library_never_replaces_an_existing_file(qtbot, switcher, tmp_path):
    window = switcher.window
    existing = tmp_path / "keep.sqlite"
    existing.write_text("precious")
    reasons: list[str] = []
    watch = when_modal(QMessageBox, lambda box: (reasons.append(box.text()), box.close()))
    assert not switcher.switch(existing, create=True)
    assert len(watch.seen) == 1 and "already a file named keep.sqlite" in reasons[0]
    assert existing.read_text() == "precious"
    assert switcher.window is window


def test_the_app_starts_on_the_library_it_had_open(tmp_path, monkeypatch, qapp):
    monkeypatch.delenv("QUOTEBOOK_LIBRARY", raising=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    chosen = tmp_path / "work.sqlite"
    Library(chosen).close()
    from quotebook.ui.library_settings import remember_library

    remember_library(settings, chosen)
    assert start_library_path(None, settings) == chosen.resolve()
    assert start_library_path(str(tmp_path / "named.sqlite"), settings) == tmp_path / "named.sqlite"
    monkeypatch.setenv("QUOTEBOOK_LIBRARY", str(tmp_path / "env.sqlite"))
    assert start_library_path(None, settings) == tmp_path / "env.sqlite"
    monkeypatch.delenv("QUOTEBOOK_LIBRARY")
    chosen.unlink()
    assert start_library_path(None, settings).name == "library.sqlite"  # the default
