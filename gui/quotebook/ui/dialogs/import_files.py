"""Choosing files to import, and the library folder they go into, in one dialog.

Imported files go to the top level of the library unless the user picks a folder here (or asked
for the import from a folder's context menu, which preselects that folder), so they never land
silently in whatever folder the open document happens to be in. Qt's own file dialog is used,
not the desktop's, because only it can carry the folder choice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QGridLayout, QLabel, QWidget

from quotebook.domain import Folder

TOP_LEVEL = -1  # the combo's data for "no folder": None does not round-trip through QVariant


def folder_labels(folders: list[Folder]) -> list[tuple[str, int]]:
    """Every folder as ("Parent / Child", id), in tree order (siblings by position, then name)."""
    children: dict[int | None, list[Folder]] = {}
    for folder in folders:
        children.setdefault(folder.parent_id, []).append(folder)
    labels: list[tuple[str, int]] = []

    def walk(parent_id: int | None, prefix: str, depth: int) -> None:
        if depth > len(folders):  # a cycle would be a damaged library: stop rather than spin
            return
        for folder in sorted(children.get(parent_id, []), key=lambda f: (f.position, f.name)):
            label = f"{prefix}{folder.name}"
            labels.append((label, folder.id))
            walk(folder.id, f"{label} / ", depth + 1)

    walk(None, "", 0)
    return labels


class ImportFilesDialog(QFileDialog):
    def __init__(
        self,
        parent: QWidget | None,
        folders: list[Folder],
        *,
        start: str,
        name_filter: str,
        folder_id: int | None = None,
    ) -> None:
        super().__init__(parent, "Import Files", start, name_filter)
        self.setObjectName("importFilesDialog")
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.folder_choice = QComboBox(self)
        self.folder_choice.setObjectName("importFolderChoice")
        self.folder_choice.addItem("Library (top level)", TOP_LEVEL)
        for label, id_ in folder_labels(folders):
            self.folder_choice.addItem(label, id_)
        wanted = self.folder_choice.findData(TOP_LEVEL if folder_id is None else folder_id)
        self.folder_choice.setCurrentIndex(max(wanted, 0))
        layout = self.layout()
        if isinstance(layout, QGridLayout):  # Qt's dialog: a row under the file type
            row = layout.rowCount()
            caption = QLabel("&Into folder:", self)
            caption.setBuddy(self.folder_choice)
            layout.addWidget(caption, row, 0)
            layout.addWidget(self.folder_choice, row, 1, 1, max(layout.columnCount() - 1, 1))

    def chosen_folder(self) -> int | None:
        data = self.folder_choice.currentData()
        return None if data is None or int(data) == TOP_LEVEL else int(data)


def ask_import(
    parent: QWidget | None,
    folders: list[Folder],
    *,
    start: str,
    name_filter: str,
    folder_id: int | None = None,
) -> tuple[list[Path], int | None] | None:
    """The files to import and the folder for them (None: top level); None if cancelled."""
    dialog = ImportFilesDialog(
        parent, folders, start=start, name_filter=name_filter, folder_id=folder_id
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return [Path(p) for p in dialog.selectedFiles()], dialog.chosen_folder()
    finally:
        dialog.deleteLater()
