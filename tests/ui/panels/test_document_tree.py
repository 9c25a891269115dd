"""The document tree: its model on the seed library, and the widget's rename, move, new folder,
delete and open, each checked against the store and through undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from quotebook.ui.icons import ICON_NAMES, icon
from quotebook.ui.panels.library.model import (
    ANNOTATION_COUNT_ROLE,
    COUNT_COLUMN,
    DOCUMENT_ID_ROLE,
    FOLDER_ID_ROLE,
    NODE_KIND_ROLE,
    DocumentTreeModel,
    NodeKind,
)
from quotebook.ui.panels.library.view import DocumentTree


@pytest.fixture
def model(session):
    m = DocumentTreeModel(session)
    yield m
    m.deleteLater()


@pytest.fixture
def tree(qtbot, session):
    widget = DocumentTree(session)
    qtbot.addWidget(widget)
    widget.resize(360, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


SEED_FOLDER = "Sample library: OSCE diplomacy"


def seed_folder_id(session) -> int:
    folder = session.library.folders.find(SEED_FOLDER)
    assert folder is not None
    return folder.id


def first_document_id(session) -> int:
    return session.library.documents.summaries()[0].id


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# -- the model ------------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)


def snapshot(model, parent=None):
    """The tree as nested tuples of (kind, id, title, count, children)."""
    parent = parent if parent is not None else QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        node_id = index.data(DOCUMENT_ID_ROLE) or index.data(FOLDER_ID_ROLE)
        rows.append(
            (
                index.data(NODE_KIND_ROLE),
                node_id,
                index.data(),
                index.siblingAtColumn(COUNT_COLUMN).data(),
                snapshot(model, index),
            )
        )
    return tuple(rows)


def test_model_stays_consistent_through_changes(qtmodeltester, session, model):
    """The tester stays attached and checks every row signal of the incremental refresh; after
    each step the updated tree equals one built afresh from the store."""
    qtmodeltester.check(model)

    def matches_store():
        fresh = DocumentTreeModel(session)
        session.documentsChanged.disconnect(fresh.refresh)
        assert snapshot(model) == snapshot(fresh)
        fresh.deleteLater()

    session.documentsChanged.connect(matches_store)
    folder = session.create_folder("Archive")
    inner = session.create_folder("Inner", folder)
    doc = first_document_id(session)
    session.move_document(doc, inner)
    session.create_annotation(doc, 0, 7)
    session.move_folder(seed_folder_id(session), folder)
    session.move_folder(inner, None)
    session.move_folder(folder, inner)
    session.delete_folder(inner)
    assert model.rowCount() == 0
    for _ in range(session.undo_stack.count()):
        session.undo_stack.undo()
    assert model.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == 5
    for _ in range(session.undo_stack.count()):
        session.undo_stack.redo()
    assert model.rowCount() == 0
    session.documentsChanged.disconnect(matches_store)


def test_model_shows_the_seed_folder_with_its_documents(session, model):
    assert model.rowCount() == 1
    folder = model.index(0, 0)
    assert folder.data(NODE_KIND_ROLE) == NodeKind.FOLDER
    assert folder.data(FOLDER_ID_ROLE) == seed_folder_id(session)
    assert folder.data(DOCUMENT_ID_ROLE) is None
    titles = [model.index(r, 0, folder).data() for r in range(model.rowCount(folder))]
    assert titles == [s.title for s in session.library.documents.summaries()]
    document = model.index(0, 0, folder)
    assert document.data(NODE_KIND_ROLE) == NodeKind.DOCUMENT
    assert document.data(DOCUMENT_ID_ROLE) == first_document_id(session)
    assert document.data(FOLDER_ID_ROLE) is None
    assert not document.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_counts_follow_new_annotations(session, model):
    doc = first_document_id(session)
    index = model.document_index(doc)
    count = index.siblingAtColumn(COUNT_COLUMN)
    assert count.data() == "0"
    session.create_annotation(doc, 0, 7)
    session.create_annotation(doc, 8, 18)
    assert count.data() == "2"
    assert index.data(ANNOTATION_COUNT_ROLE) == 2
    assert model.folder_index(seed_folder_id(session)).data(ANNOTATION_COUNT_ROLE) == 2
    session.undo_stack.undo()
    assert count.data() == "1"


def test_rename_through_the_model_is_stored_and_undoable(session, model):
    doc = first_document_id(session)
    old = session.library.documents.get(doc).title
    index = model.document_index(doc)
    assert model.setData(index, "  Lukashevich   on the OSCE ")
    assert session.library.documents.get(doc).title == "Lukashevich on the OSCE"
    assert index.data() == "Lukashevich on the OSCE"
    session.undo_stack.undo()
    assert session.library.documents.get(doc).title == old
    assert index.data() == old


def test_rename_folder_through_the_model(session, model):
    folder = seed_folder_id(session)
    assert model.setData(model.folder_index(folder), "OSCE")
    assert session.library.folders.get(folder).name == "OSCE"
    session.undo_stack.undo()
    assert session.library.folders.get(folder).name == SEED_FOLDER


def test_empty_or_unchanged_title_pushes_nothing(session, model):
    index = model.document_index(first_document_id(session))
    assert not model.setData(index, "   ")
    assert model.setData(index, index.data())
    assert session.undo_stack.count() == 0


def test_drop_document_onto_folder_moves_it_and_undo_moves_it_back(session, model):
    doc = first_document_id(session)
    target = session.create_folder("Interviews")
    data = model.mimeData([model.document_index(doc), model.document_index(doc).siblingAtColumn(1)])
    target_index = model.folder_index(target)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target_index)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target_index)
    assert session.library.documents.get(doc).folder_id == target
    assert model.document_index(doc).parent() == model.folder_index(target)
    session.undo_stack.undo()
    assert session.library.documents.get(doc).folder_id == seed_folder_id(session)


def test_drop_on_the_root_and_beside_a_document(session, model):
    doc = first_document_id(session)
    assert model.dropMimeData(
        model.mimeData([model.document_index(doc)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
    )
    assert session.library.documents.get(doc).folder_id is None
    other = session.library.documents.summaries()[1].id
    beside = model.document_index(other)  # in the seed folder
    assert model.dropMimeData(
        model.mimeData([model.document_index(doc)]), Qt.DropAction.MoveAction, -1, -1, beside
    )
    assert session.library.documents.get(doc).folder_id == seed_folder_id(session)


def test_folder_cannot_be_dropped_into_itself_or_below(session, model):
    outer = seed_folder_id(session)
    inner = session.create_folder("Inner", outer)
    data = model.mimeData([model.folder_index(outer)])
    for target in (outer, inner):
        index = model.folder_index(target)
        assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
    assert session.library.folders.get(outer).parent_id is None


def test_drop_folder_into_folder(session, model):
    outer = session.create_folder("2022")
    seed = seed_folder_id(session)
    data = model.mimeData([model.folder_index(seed)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.folder_index(outer))
    assert session.library.folders.get(seed).parent_id == outer
    assert model.rowCount(model.folder_index(seed)) == 5


# -- the widget -----------------------------------------------------------------------------------


def test_tree_has_its_object_name_and_shows_counts(tree):
    assert tree.objectName() == "documentTree"
    assert tree.isExpanded(tree.model().index(0, 0))


def test_click_on_a_document_emits_document_activated(qtbot, tree, session):
    doc = session.library.documents.summaries()[2].id
    index = tree.tree_model.document_index(doc)
    rect = tree.visualRect(index)
    with qtbot.waitSignal(tree.documentActivated) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [doc]


def test_enter_on_a_document_emits_document_activated(qtbot, tree, session):
    doc = first_document_id(session)
    tree.select_document(doc)
    with qtbot.waitSignal(tree.documentActivated) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [doc]


def test_select_document_reveals_it_without_emitting(qtbot, tree, session):
    tree.collapseAll()
    doc = session.library.documents.summaries()[3].id
    with qtbot.assertNotEmitted(tree.documentActivated):
        tree.select_document(doc)
    assert tree.current_document_id() == doc
    assert tree.isExpanded(tree.tree_model.folder_index(seed_folder_id(session)))


def test_selection_survives_a_rename_and_a_move(tree, session):
    doc = first_document_id(session)
    tree.select_document(doc)
    session.rename_document(doc, "Renamed")
    folder = session.create_folder("Elsewhere")
    session.move_document(doc, folder)
    assert tree.current_document_id() == doc
    assert tree.selectionModel().isRowSelected(
        tree.currentIndex().row(), tree.currentIndex().parent()
    )


def test_new_folder_inside_the_selected_folder_opens_its_name_for_editing(qtbot, tree, session):
    seed = seed_folder_id(session)
    tree.setCurrentIndex(tree.tree_model.folder_index(seed))
    folder_id = tree.new_folder()
    assert folder_id is not None
    folder = session.library.folders.get(folder_id)
    assert (folder.name, folder.parent_id) == ("New folder", seed)
    assert tree.state() == tree.State.EditingState
    editor = tree.indexWidget(tree.currentIndex())
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Speeches")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: session.library.folders.get(folder_id).name == "Speeches")
    assert tree.state() != tree.State.EditingState
    assert tree.new_folder() is not None  # a second one next to it gets a distinct name
    assert {f.name for f in session.library.folders.all()} >= {"Speeches", "New folder"}


def test_new_folder_without_selection_goes_to_the_root(tree, session):
    tree.setCurrentIndex(QModelIndex())
    folder_id = tree.new_folder()
    assert folder_id is not None
    assert session.library.folders.get(folder_id).parent_id is None
    session.undo_stack.undo()
    assert all(f.id != folder_id for f in session.library.folders.all())


def test_delete_document_answered_yes_then_undo_restores_it_with_annotations(
    monkeypatch, tree, session
):
    doc = first_document_id(session)
    session.create_annotation(doc, 0, 7)
    session.create_annotation(doc, 8, 18)
    tree.select_document(doc)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert tree.delete_current()
    assert "2 annotations" in asked[0]
    assert "Undo" in asked[0]
    assert not session.library.documents.exists(doc)
    assert not tree.tree_model.document_index(doc).isValid()
    session.undo_stack.undo()
    assert session.library.documents.exists(doc)
    assert len(session.library.annotations.for_document(doc)) == 2
    assert tree.tree_model.document_index(doc).siblingAtColumn(COUNT_COLUMN).data() == "2"


def test_delete_answered_no_deletes_nothing(monkeypatch, tree, session):
    doc = first_document_id(session)
    tree.select_document(doc)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not tree.delete_current()
    assert asked
    assert session.library.documents.exists(doc)
    assert session.undo_stack.count() == 0


def test_delete_key_deletes_folder_with_its_documents(qtbot, monkeypatch, tree, session):
    seed = seed_folder_id(session)
    tree.setFocus()
    tree.setCurrentIndex(tree.tree_model.folder_index(seed))
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert "5 documents" in asked[0]
    assert session.library.documents.count() == 0
    assert tree.tree_model.rowCount() == 0
    session.undo_stack.undo()
    assert session.library.documents.count() == 5
    assert tree.isExpanded(tree.tree_model.folder_index(seed))


def test_context_menu_offers_the_tree_commands(tree, session):
    tree.select_document(first_document_id(session))
    menu = tree.build_context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Import Files…", "New &Folder…", "&Rename", "&Delete…"]
    assert all(a.isEnabled() for a in menu.actions())
    menu.deleteLater()


def test_import_entry_carries_the_selected_folder(qtbot, tree, session):
    tree.select_document(first_document_id(session))
    with qtbot.waitSignal(tree.importRequested) as blocker:
        tree.import_action.trigger()
    assert blocker.args == [seed_folder_id(session)]


# -- icons ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name", ICON_NAMES)
def test_every_icon_renders(qapp, name, dark):
    for size in (16, 24, 48):
        pixmap = icon(name, dark=dark).pixmap(size, size)
        assert not pixmap.isNull()
        image = pixmap.toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 128
        ]
        assert inked, f"{name} renders blank at {size}px"
        if dark and name != "quotebook":
            assert max(c.lightness() for c in inked) > 150, f"{name} is too dim on dark"


def test_missing_icon_is_an_error(qapp):
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")


def test_annotation_counts_update_one_row_without_rebuilding(session, qtmodeltester, qtbot):
    model = DocumentTreeModel(session)
    qtmodeltester.check(model)
    folder = session.library.folders.all()[0]
    doc = session.library.documents.summaries()[1]
    # Re-reading every document per highlight cost ~140 ms on a 10,000-article library.
    with qtbot.assertNotEmitted(session.documentsChanged):
        annotation = session.create_annotation(doc.id, 0, 5)
    session.create_annotation(doc.id, 10, 15)
    count = model.index_for(NodeKind.DOCUMENT, doc.id, COUNT_COLUMN)
    total = model.index_for(NodeKind.FOLDER, folder.id, COUNT_COLUMN)
    assert model.data(count, ANNOTATION_COUNT_ROLE) == 2
    assert model.data(total, ANNOTATION_COUNT_ROLE) == 2
    session.delete_annotation(annotation.id)
    assert model.data(count, ANNOTATION_COUNT_ROLE) == 1
    assert model.data(total, ANNOTATION_COUNT_ROLE) == 1
