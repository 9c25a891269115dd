"""Importing from the window: where the files go, and how the user hears about it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from person import when_modal
from quotebook.domain import Folder
from quotebook.ui.actions import ActionId
from quotebook.ui.dialogs.import_files import ImportFilesDialog, folder_labels

# Typing a file name opens the file dialog's completer, a pop-up the offscreen platform can
# neither raise nor give the keyboard to.
popups = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def article(tmp_path: Path, name: str = "statement.txt") -> Path:
    path = tmp_path / name
    path.write_text(f"{name}: a statement by the ministry.\n\nIt has two paragraphs.\n")
    return path


def boxes_shown(monkeypatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    return shown


def test_a_drop_on_no_folder_goes_to_the_top_level(make_window, tmp_path, monkeypatch):
    window = make_window()
    assert window.document.folder_id is not None  # a sample, in the sample folder
    boxes_shown(monkeypatch)
    window.import_paths([article(tmp_path)])
    new = window.session.library.documents.get(window.document.id)
    assert new.title.startswith("statement.txt") and new.folder_id is None


def test_a_successful_import_is_told_in_the_status_bar(make_window, tmp_path, monkeypatch):
    window = make_window()
    shown = boxes_shown(monkeypatch)
    window.import_paths([article(tmp_path), article(tmp_path, "again.txt")])
    assert shown == []
    assert window.statusBar().currentMessage() == "2 imported."
    window.import_paths([article(tmp_path)])
    assert shown == []
    assert window.statusBar().currentMessage() == "1 already in the library."


def test_a_failed_file_is_explained_in_a_box(make_window, tmp_path, monkeypatch):
    window = make_window()
    shown = boxes_shown(monkeypatch)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.import_paths([article(tmp_path), empty])
    [box] = shown
    assert box.text() == "1 imported; 1 failed."
    assert "empty.txt" in box.detailedText()


def choose(path: Path, folder_label: str | None):
    """Pick `path` (in the folder the dialog opened on) and the folder, then press Open."""

    def act(dialog):
        assert isinstance(dialog, ImportFilesDialog)
        if folder_label is not None:
            dialog.folder_choice.setCurrentText(folder_label)
        # Typed, as a person would: selectFile() leaves a focused name field alone, and the
        # folder's listing loads in the background.
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        name_field.setFocus()
        QTest.keyClicks(name_field, path.name)
        dialog.accept()

    return act


def start_in(window, folder: Path) -> None:
    window.settings.setValue("import/lastFolder", str(folder))


@popups
def test_the_import_dialog_defaults_to_the_top_level(make_window, tmp_path, monkeypatch):
    window = make_window()
    boxes_shown(monkeypatch)
    path = article(tmp_path)
    start_in(window, tmp_path)
    watch = when_modal(ImportFilesDialog, choose(path, None))
    window.action(ActionId.IMPORT).trigger()
    assert watch.unexpected == [] and len(watch.seen) == 1
    assert window.document.folder_id is None
    assert window.document.meta.source_path.endswith("statement.txt")


@popups
def test_the_import_dialog_puts_files_in_the_folder_chosen(make_window, tmp_path, monkeypatch):
    window = make_window()
    boxes_shown(monkeypatch)
    library = window.session.library
    sub = window.session.create_folder("Statements", None)
    inner = window.session.create_folder("2024", sub)
    path = article(tmp_path)
    start_in(window, tmp_path)
    watch = when_modal(ImportFilesDialog, choose(path, "Statements / 2024"))
    window.action(ActionId.IMPORT).trigger()
    assert watch.unexpected == [] and len(watch.seen) == 1
    assert window.document.folder_id == inner
    assert library.folders.get(inner).parent_id == sub


def test_folder_labels_follow_the_tree():
    folders = [
        Folder(1, "B", None, 1),
        Folder(2, "A", None, 0),
        Folder(3, "child", 1, 0),
        Folder(4, "deeper", 3, 0),
    ]
    assert folder_labels(folders) == [
        ("A", 2),
        ("B", 1),
        ("B / child", 3),
        ("B / child / deeper", 4),
    ]
