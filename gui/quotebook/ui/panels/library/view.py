"""The document tree: the library's folders and documents, in the left dock.

A click (or Enter) on a document asks the main window to open it through `documentActivated`;
the tree never opens anything itself. Renaming, new folders, moves and deletion all go through
the session, so each is one step on the undo stack, and the tree redraws from the session's
signal like every other view.

The folders open as the reader left them. Opening a folder lays out (and reads) its documents,
so a few are opened at once and the rest one per turn of the event loop after the tree's first
paint: a library of 100,000 documents shows its window without waiting for them.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from quotebook.errors import UserError
from quotebook.ui.first_paint import after_first_paint
from quotebook.ui.icons import icon
from quotebook.ui.panels.library.model import (
    ANNOTATION_COUNT_ROLE,
    COUNT_COLUMN,
    TITLE_COLUMN,
    TREE_MIME_TYPE,
    DocumentTreeModel,
    Node,
    NodeKind,
)
from quotebook.ui.session import Session
from quotebook.ui.widgets.python_viewport import use_python_viewport
from quotebook.wording import plural

NEW_FOLDER_NAME = "New folder"
OPEN_AT_ONCE = 2_000  # documents: folders are opened before the first paint up to this many


class CountBadgeDelegate(QStyledItemDelegate):
    """Draws a document's annotation count as a small pill, and a folder's total as plain
    dimmed text, so the numbers stay quiet beside the titles. Zero draws nothing."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.state &= ~QStyle.StateFlag.State_HasFocus  # the title cell shows the focus
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        count = int(index.data(ANNOTATION_COUNT_ROLE) or 0)
        if count <= 0:
            return
        text = str(count)
        metrics = opt.fontMetrics
        height = metrics.height()
        width = max(float(height), metrics.horizontalAdvance(text) + height * 0.8)
        rect = QRectF(
            opt.rect.right() - width - 4, opt.rect.center().y() - height / 2 + 1, width, height
        )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        folder = model_node_kind(index) is NodeKind.FOLDER
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if folder:
            role = (
                palette.ColorRole.HighlightedText if selected else palette.ColorRole.PlaceholderText
            )
            painter.setPen(palette.color(role))
        else:
            fill = QColor(palette.color(palette.ColorRole.Highlight))
            if selected:
                fill = QColor(palette.color(palette.ColorRole.HighlightedText))
            fill.setAlphaF(0.22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, height / 2, height / 2)
            role = palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
            painter.setPen(palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def model_node_kind(index: QModelIndex | QPersistentModelIndex) -> NodeKind | None:
    model = index.model()
    if isinstance(model, DocumentTreeModel) and index.isValid():
        return model.node(index).kind
    return None


class DocumentTree(QTreeView):
    """Folders and documents with their annotation counts; rename, new folder, move, delete."""

    documentActivated = Signal(int)
    """The reader clicked a document or pressed Enter on it: open it."""
    importRequested = Signal(object)
    """"Import Files…" from the context menu; carries the folder id to import into, or None."""
    filesDropped = Signal(list, object)
    """Files or folders dragged in from a file manager: (paths, folder id or None)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        expanded: Collection[int] | None = None,
    ) -> None:
        """`expanded`: the folders to open (None: all of them)."""
        super().__init__(parent)
        use_python_viewport(self)
        self.setObjectName("documentTree")
        self.session = session
        self.tree_model = DocumentTreeModel(session, self)
        self.setModel(self.tree_model)

        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Single click opens a document, so a click must not also start a rename.
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setItemDelegateForColumn(COUNT_COLUMN, CountBadgeDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COUNT_COLUMN, self.fontMetrics().horizontalAdvance("00000") + 12)

        self._build_actions()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_context_menu)
        self.clicked.connect(self._on_clicked)
        self.tree_model.errorOccurred.connect(self._report_error)
        # Folders restored by undo come back open, showing what came back with them.
        self.tree_model.rowsInserted.connect(self._expand_inserted_folders)
        self._to_open: list[int] = []
        self.open_folders(expanded)

    def _build_actions(self) -> None:
        self.import_action = QAction(icon("import"), "&Import Files…", self)
        self.import_action.setObjectName("documentTreeImportAction")
        self.import_action.triggered.connect(self._request_import)

        self.new_folder_action = QAction(icon("folder-new"), "New &Folder…", self)
        self.new_folder_action.setObjectName("documentTreeNewFolderAction")
        self.new_folder_action.triggered.connect(self.new_folder)

        self.rename_action = QAction("&Rename", self)
        self.rename_action.setObjectName("documentTreeRenameAction")
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self.rename_current)

        self.delete_action = QAction(icon("delete"), "&Delete…", self)
        self.delete_action.setObjectName("documentTreeDeleteAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete_current)

        # Rename and Delete keys act only while the tree has focus; the viewer has its own Del.
        for action in (self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)

    # -- public API ---------------------------------------------------------------------------

    def select_document(self, document_id: int) -> None:
        """Select a document and reveal it (opening its folders); emits nothing, so the main
        window can call this when it opens a document without starting a loop."""
        index = self.tree_model.document_index(document_id)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def open_folders(self, folder_ids: Collection[int] | None) -> None:
        """Open these folders (None: every folder), outer ones first; those beyond the first
        `OPEN_AT_ONCE` documents once the tree has been painted, one per turn of the loop."""
        nodes = [n for n in self.tree_model.folders() if folder_ids is None or n.id in folder_ids]
        opened = 0
        while nodes and opened + nodes[0].documents <= OPEN_AT_ONCE:
            node = nodes.pop(0)
            opened += node.documents
            self.expand(self.tree_model.folder_index(node.id))
        self._to_open = [n.id for n in nodes]
        if self._to_open:
            after_first_paint(self.viewport(), self._open_next)

    def _open_next(self) -> None:
        if not self._to_open:
            return
        index = self.tree_model.folder_index(self._to_open.pop(0))
        if index.isValid():
            self.expand(index)
        if self._to_open:
            QTimer.singleShot(0, self._open_next)

    def open_folder_ids(self) -> list[int]:
        """The folders open now (and those still to be opened), for the next start."""
        ids = [
            n.id
            for n in self.tree_model.folders()
            if self.isExpanded(self.tree_model.folder_index(n.id))
        ]
        return ids + [i for i in self._to_open if i not in ids]

    def current_node(self) -> Node | None:
        index = self.currentIndex()
        return self.tree_model.node(index) if index.isValid() else None

    def current_document_id(self) -> int | None:
        node = self.current_node()
        return node.id if node is not None and node.kind is NodeKind.DOCUMENT else None

    def new_folder(self) -> int | None:
        """Create a folder inside the selected folder (or the selected document's folder, or
        the root) and put its name in edit mode; returns its id."""
        node = self.current_node()
        parent_id = node.folder_id if node is not None else None
        name = _unique_name(NEW_FOLDER_NAME, self.tree_model.child_names(parent_id))
        try:
            folder_id = self.session.create_folder(name, parent_id)
        except UserError as exc:
            self._report_error(exc.message)
            return None
        index = self.tree_model.folder_index(folder_id)
        self.scrollTo(index)
        self.setCurrentIndex(index)
        self._edit_title(index)
        return folder_id

    def rename_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self._edit_title(index.siblingAtColumn(TITLE_COLUMN))

    def delete_current(self) -> bool:
        """Delete the selected document or folder after the user confirms; Undo restores it."""
        node = self.current_node()
        if node is None:
            return False
        title, question = _delete_question(node)
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            if node.kind is NodeKind.FOLDER:
                self.session.delete_folder(node.id)
            else:
                self.session.delete_document(node.id)
        except UserError as exc:
            self._report_error(exc.message)
            return False
        return True

    def build_context_menu(self) -> QMenu:
        """The context menu for the current item (or the empty area when there is none)."""
        has_item = self.currentIndex().isValid()
        self.rename_action.setEnabled(has_item)
        self.delete_action.setEnabled(has_item)
        menu = QMenu(self)
        menu.setObjectName("documentTreeMenu")
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.new_folder_action)
        menu.addAction(self.rename_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _edit_title(self, index: QModelIndex) -> None:
        # The three-argument edit() reports failure by its result; the one-argument form logs
        # a Qt warning instead (e.g. while the tree is hidden), which is noise for the user.
        self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)  # type: ignore[call-overload]

    # -- events -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            index = self.currentIndex()
            node = self.current_node()
            if node is not None and node.kind is NodeKind.DOCUMENT:
                self.documentActivated.emit(node.id)
            elif node is not None:
                self.setExpanded(index.siblingAtColumn(TITLE_COLUMN), not self.isExpanded(index))
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            index = self.indexAt(event.position().toPoint())
            node = self.tree_model.node(index) if index.isValid() else None
            event.acceptProposedAction()
            # Importing shows dialogs; let the drag finish first.
            folder_id = node.folder_id if node is not None else None
            QTimer.singleShot(0, partial(self.filesDropped.emit, paths, folder_id))
            return
        super().dropEvent(event)
        # Show where the dragged item went, even inside a folder that was closed.
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    # -- slots --------------------------------------------------------------------------------

    def _on_clicked(self, index: QModelIndex) -> None:
        node = self.tree_model.node(index) if index.isValid() else None
        if node is not None and node.kind is NodeKind.DOCUMENT:
            self.documentActivated.emit(node.id)

    def _request_import(self) -> None:
        node = self.current_node()
        self.importRequested.emit(node.folder_id if node is not None else None)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid():
            self.setCurrentIndex(index)
            # A document right-clicked is opened too, as a click would: the tree and the
            # viewer never show two different documents as the current one.
            self._on_clicked(index)
        else:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        menu = self.build_context_menu()
        menu.exec(self.viewport().mapToGlobal(pos))
        menu.deleteLater()
        self.rename_action.setEnabled(True)
        self.delete_action.setEnabled(True)

    def _expand_inserted_folders(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self.tree_model.index(row, TITLE_COLUMN, parent)
            if model_node_kind(index) is NodeKind.FOLDER:
                self.expand(index)

    def _report_error(self, message: str) -> None:
        # Shown after the current event (an edit being committed, a drop) has finished.
        from PySide6.QtWidgets import QMessageBox

        QTimer.singleShot(0, partial(QMessageBox.warning, self, "Quotebook", message))


def _local_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders in a drag from outside the app (not our own tree nodes)."""
    if not mime.hasUrls() or mime.hasFormat(TREE_MIME_TYPE):
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _unique_name(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base} {n}" in taken:
        n += 1
    return f"{base} {n}"


def _delete_question(node: Node) -> tuple[str, str]:
    """The confirmation's title and text: what will go, and that Undo brings it back."""
    undo = "You can bring it back with Undo (Ctrl+Z)."
    if node.kind is NodeKind.DOCUMENT:
        if node.count:
            goes = f"Its {plural(node.count, 'annotation')} will be deleted with it."
        else:
            goes = "It has no annotations."
        return "Delete Document", f"Delete “{node.title}”?\n\n{goes} {undo}"
    documents = node.document_total()
    folders = sum(1 for n in node.walk() if n.kind is NodeKind.FOLDER) - 1
    if not documents and not folders:
        goes = "The folder is empty."
    else:
        parts = [plural(documents, "document")]
        if folders:
            parts.append(plural(folders, "subfolder"))
        parts.append(plural(node.count, "annotation"))
        goes = f"Everything in it goes too: {', '.join(parts[:-1])} and {parts[-1]}."
    return "Delete Folder", f"Delete the folder “{node.title}”?\n\n{goes} {undo}"
