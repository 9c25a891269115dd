"""Files dragged from a file manager onto the library tree are offered for import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from quotebook.ui.panels.library.view import DocumentTree


def drop(tree: DocumentTree, mime: QMimeData, point: QPointF) -> QDropEvent:
    event = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    return event


def test_dropped_files_land_in_the_folder_under_the_pointer(qtbot, session, tmp_path: Path):
    tree = DocumentTree(session)
    qtbot.addWidget(tree)
    tree.resize(400, 300)
    tree.show()
    folder = session.library.folders.all()[0]
    folder_index = tree.tree_model.folder_index(folder.id)
    point = QPointF(tree.visualRect(folder_index).center())
    files = [tmp_path / "a.txt", tmp_path / "b.md"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])

    with qtbot.waitSignal(tree.filesDropped) as blocker:
        event = drop(tree, mime, point)
    assert event.isAccepted()
    assert blocker.args == [files, folder.id]


def test_a_drop_of_non_files_is_not_an_import(qtbot, session):
    tree = DocumentTree(session)
    qtbot.addWidget(tree)
    mime = QMimeData()
    mime.setText("just words")
    dropped: list[object] = []
    tree.filesDropped.connect(lambda *args: dropped.append(args))
    drop(tree, mime, QPointF(5, 5))
    QApplication.processEvents()  # the import request would be posted, not sent
    assert dropped == []
