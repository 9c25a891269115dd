"""The document tree on a library too large to read at once: a folder's documents are read when
it is first opened, totals come from the store's indexes, and folders open as they were left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from call_counter import Calls
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.ui.panels.library import view as view_module
from quotebook.ui.panels.library.model import (
    ANNOTATION_COUNT_ROLE,
    COUNT_COLUMN,
    DOCUMENT_ID_ROLE,
    DocumentTreeModel,
)
from quotebook.ui.panels.library.view import DocumentTree


@pytest.fixture
def shelves(session):
    """Two more folders of three documents each, the first document of each highlighted."""
    library = session.library
    folders = {}
    for name in ("Archive", "Drafts"):
        folder = library.folders.create(name)
        ids = [
            library.documents.add(
                NewDocument(DocumentMeta(title=f"{name} {n}"), f"Text {n} of {name}."),
                folder_id=folder.id,
            ).id
            for n in range(3)
        ]
        session.create_annotation(ids[0], 0, 4)
        folders[name] = (folder.id, ids)
    session.documents_changed()
    return folders


def count(model, index: QModelIndex) -> int:
    return int(model.data(index.siblingAtColumn(COUNT_COLUMN), ANNOTATION_COUNT_ROLE))


def test_a_closed_folder_is_read_only_when_its_rows_are_asked_for(session, shelves, monkeypatch):
    reads = Calls(monkeypatch, session.library.documents, "summaries_in")
    model = DocumentTreeModel(session)
    assert reads.count == 1  # the folders' totals, and the documents outside any folder
    folder_id, ids = shelves["Archive"]
    folder = model.folder_index(folder_id)
    assert model.hasChildren(folder)
    assert count(model, folder) == 1
    assert "3 documents, 1 annotation" in model.data(folder, 3)  # the tooltip
    assert reads.count == 1
    assert model.rowCount(folder) == 3
    assert reads.count == 2
    rows = [model.index(r, 0, folder).data(DOCUMENT_ID_ROLE) for r in range(3)]
    assert rows == ids
    model.rowCount(folder)
    assert reads.count == 2
    model.deleteLater()


def test_counts_of_an_unread_folder_follow_highlights(session, shelves):
    model = DocumentTreeModel(session)
    folder_id, ids = shelves["Drafts"]
    session.create_annotation(ids[2], 0, 4)
    folder = model.folder_index(folder_id)
    assert count(model, folder) == 2
    assert model.rowCount(folder) == 3
    assert count(model, model.document_index(ids[2])) == 1
    annotation = session.create_annotation(ids[2], 5, 9)
    assert count(model, model.document_index(ids[2])) == 2
    assert count(model, folder) == 3
    session.delete_annotation(annotation.id)
    assert count(model, folder) == 2
    model.deleteLater()


def test_a_document_moved_into_an_unread_folder_keeps_its_row(session, shelves, qtmodeltester):
    model = DocumentTreeModel(session)
    qtmodeltester.check(model)
    seed_folder = model.index(0, 0)
    moved = model.index(0, 0, seed_folder).data(DOCUMENT_ID_ROLE)
    before = model.document_index(moved)
    kept = QPersistentModelIndex(before)
    folder_id, ids = shelves["Archive"]
    session.move_document(moved, folder_id)
    assert kept.isValid() and kept.data(DOCUMENT_ID_ROLE) == moved
    folder = model.folder_index(folder_id)
    assert kept.parent() == folder
    rows = [model.index(r, 0, folder).data(DOCUMENT_ID_ROLE) for r in range(model.rowCount(folder))]
    assert sorted(rows) == sorted([*ids, moved])
    session.undo_stack.undo()
    assert kept.isValid() and kept.parent() == seed_folder
    model.deleteLater()


def test_select_document_reads_its_folder(session, shelves, qtbot):
    tree = DocumentTree(session, expanded=[])
    qtbot.addWidget(tree)
    folder_id, ids = shelves["Drafts"]
    tree.select_document(ids[1])
    assert tree.current_document_id() == ids[1]
    assert tree.isExpanded(tree.tree_model.folder_index(folder_id))


def test_folders_open_as_given_the_big_ones_after_the_first_paint(
    session, shelves, qtbot, monkeypatch
):
    monkeypatch.setattr(view_module, "OPEN_AT_ONCE", 4)
    archive, drafts = shelves["Archive"][0], shelves["Drafts"][0]
    tree = DocumentTree(session, expanded=[archive, drafts])
    qtbot.addWidget(tree)
    model = tree.tree_model
    assert tree.isExpanded(model.folder_index(archive))  # three documents: at once
    assert not tree.isExpanded(model.folder_index(drafts))  # three more would pass four
    assert tree.open_folder_ids() == [archive, drafts]  # still to open counts as open
    seed = model.index(0, 0)
    assert not tree.isExpanded(seed)
    tree.show()
    qtbot.waitUntil(lambda: tree.isExpanded(model.folder_index(drafts)))
    assert tree.open_folder_ids() == [archive, drafts]


def test_the_window_reopens_the_folders_the_reader_left_open(make_window):
    window = make_window()
    library = window.session.library
    archive = window.session.create_folder("Archive")
    library.documents.add(NewDocument(DocumentMeta(title="Old"), "Old text."), folder_id=archive)
    window.session.documents_changed()
    tree = window.document_tree
    assert tree.isExpanded(tree.tree_model.folder_index(archive))
    tree.collapse(tree.tree_model.folder_index(archive))
    window.close()

    again = make_window()
    tree = again.document_tree
    assert not tree.isExpanded(tree.tree_model.folder_index(archive))
    assert tree.isExpanded(tree.tree_model.folder_index(again.document.folder_id))
    tree.expand(tree.tree_model.folder_index(archive))
    again.close()

    third = make_window()
    assert third.document_tree.isExpanded(third.document_tree.tree_model.folder_index(archive))
