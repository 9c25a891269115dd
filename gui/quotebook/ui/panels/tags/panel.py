"""The tags view: every tag with its colour and count, and below it the chosen tag's highlights
across the whole library, each with its document's title.

Opening a highlight is a request (`annotationOpenRequested`) that the main window answers by
switching documents. Renaming, recolouring and deleting go through the session so they can be
undone. While the view is hidden (a tabbed-away dock) it only notes that it is out of date and
catches up when shown, so typing notes elsewhere does not pay for a view nobody sees.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from quotebook.domain import PALETTE
from quotebook.errors import UserError
from quotebook.ui.panels.annotations.delegate import AnnotationDelegate
from quotebook.ui.panels.annotations.model import AnnotationListModel, AnnotationRole
from quotebook.ui.panels.tags.model import NAME_COLUMN, TagEntry, TagRole, TagTreeModel
from quotebook.ui.session import Session
from quotebook.ui.theme import swatch_icon, tag_color
from quotebook.ui.widgets.python_viewport import use_python_viewport
from quotebook.wording import plural


class TaggedAnnotationsView(QListView):
    """The chosen tag's highlights; Enter opens the current one, as a click does."""

    openPressed = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_python_viewport(self)
        self.setObjectName("tagAnnotationList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openPressed.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class TagView(QWidget):
    annotationOpenRequested = Signal(int, int)  # document id, annotation id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagList")
        self._session = session
        self._titles: dict[int, str] = {}  # document id → title, dropped when documents change
        self._stale = True
        self._expanded: set[str] = set()  # survives a model reset, by full tag path
        self._selected_name: str | None = None

        self._model = TagTreeModel(self)
        self._tree = QTreeView(self)
        self._tree.setObjectName("tagTree")
        self._tree.setModel(self._model)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setAllColumnsShowFocus(True)
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self._heading = QLabel("Choose a tag to see its highlights.", self)
        self._heading.setObjectName("tagAnnotationsHeading")
        self._heading.setWordWrap(True)
        self._annotations = AnnotationListModel(None, self)
        self._list = TaggedAnnotationsView(self)
        self._list.setModel(self._annotations)
        delegate = AnnotationDelegate(self._list)
        self._list.setItemDelegate(delegate)
        self._annotations.set_measure(delegate.measure)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.setSpacing(4)
        lower_layout.addWidget(self._heading)
        lower_layout.addWidget(self._list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("tagSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._tree.selectionModel().selectionChanged.connect(self._on_tag_selected)
        self._tree.customContextMenuRequested.connect(self._show_context_menu)
        self._model.modelAboutToBeReset.connect(self._remember_state)
        self._model.modelReset.connect(self._restore_state)
        self._list.clicked.connect(self._request_open)
        self._list.openPressed.connect(self._request_open)
        # The session follows every change of annotations with tagsChanged (counts may have
        # moved): listening to both would read the tags twice for one highlight.
        session.tagsChanged.connect(self._on_library_changed)
        session.documentsChanged.connect(self._titles.clear)
        self.refresh()

    # -- public API ----------------------------------------------------------------------------

    @property
    def tree(self) -> QTreeView:
        return self._tree

    @property
    def tag_model(self) -> TagTreeModel:
        return self._model

    @property
    def annotation_list(self) -> TaggedAnnotationsView:
        return self._list

    @property
    def annotations_model(self) -> AnnotationListModel:
        return self._annotations

    def refresh(self) -> None:
        """Reload tags, counts and the chosen tag's highlights from the store."""
        self._stale = False
        library = self._session.library
        counts = library.tags.counts()
        parents = {c.tag.parent_id for c in counts if c.tag.parent_id is not None}
        entries = [
            TagEntry(c.tag, len(library.annotations.with_tag(c.tag.name)))
            if c.tag.id in parents
            else TagEntry(c.tag, c.annotations)
            for c in counts
        ]
        self._model.set_tags(entries)
        self._load_annotations()

    def select_tag(self, name: str | None) -> bool:
        """Choose a tag by its full path (None: no tag); False if there is no such tag."""
        if name is None:
            self._tree.selectionModel().clearSelection()
            return True
        index = self._model.index_of(name)
        if not index.isValid():
            return False
        self._tree.scrollTo(index)
        self._tree.setCurrentIndex(index)
        return True

    def current_tag_name(self) -> str | None:
        rows = self._tree.selectionModel().selectedRows(NAME_COLUMN)
        return str(rows[0].data(TagRole.Name)) if rows else None

    def rename_tag(self, tag_id: int) -> None:
        """Ask for a new full path (``/`` moves the tag under another) and rename it."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        tag = self._session.library.tags.get(tag_id)
        name, ok = QInputDialog.getText(
            self,
            "Rename tag",
            "New name (use / to place it under another tag):",
            QLineEdit.EchoMode.Normal,
            tag.name,
        )
        name = name.strip()
        if not ok or not name or name == tag.name:
            return
        try:
            self._session.rename_tag(tag_id, name)
        except UserError as error:
            QMessageBox.warning(self, "Rename tag", str(error))
            return
        self.select_tag(self._session.library.tags.get(tag_id).name)

    def set_tag_color(self, tag_id: int, color: str) -> None:
        if self._session.library.tags.get(tag_id).color != color:
            self._session.set_tag_color(tag_id, color)

    def delete_tag(self, tag_id: int) -> bool:
        """Delete a tag (and the tags below it) once the user has confirmed; True if done."""
        library = self._session.library
        tag = library.tags.get(tag_id)
        touched = len(library.annotations.with_tag(tag.name))
        below = sum(1 for t in library.tags.all() if t.name.startswith(tag.name + "/"))
        text = f"Delete the tag “{tag.name}”? It is on {plural(touched, 'highlight')}"
        text += f", and {plural(below, 'tag')} below it go too." if below else "."
        text += "\nThe highlights themselves stay. You can undo this."
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Delete tag",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._session.delete_tag(tag_id)
        return True

    def context_menu(self, tag_id: int) -> QMenu:
        """The menu for one tag; built apart from showing it so that it can be tested."""
        tag = self._session.library.tags.get(tag_id)
        menu = QMenu(self)
        menu.setObjectName("tagContextMenu")
        rename = menu.addAction("Rename…")
        rename.setObjectName("actionRenameTag")
        rename.triggered.connect(lambda: self.rename_tag(tag_id))
        colours = menu.addMenu("Colour")
        colours.setObjectName("menuTagColour")
        for value, label in [("", "No colour"), *((n, n.capitalize()) for n in PALETTE)]:
            icon = swatch_icon(tag_color(value, self.palette()))
            action = QAction(icon, label, colours)
            action.setObjectName(f"actionTagColour_{value or 'none'}")
            action.setCheckable(True)
            action.setChecked(value == tag.color)
            action.triggered.connect(lambda _c=False, v=value: self.set_tag_color(tag_id, v))
            colours.addAction(action)
        menu.addSeparator()
        delete = menu.addAction("Delete…")
        delete.setObjectName("actionDeleteTag")
        delete.triggered.connect(lambda: self.delete_tag(tag_id))
        return menu

    # -- keeping up with the library -----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_library_changed(self, *_ids: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _remember_state(self) -> None:
        self._selected_name = self.current_tag_name()
        self._expanded = set()
        self._collect_expanded(QModelIndex())

    def _collect_expanded(self, parent: QModelIndex) -> None:
        for row in range(self._model.rowCount(parent)):
            index = self._model.index(row, NAME_COLUMN, parent)
            if self._tree.isExpanded(index):
                self._expanded.add(str(index.data(TagRole.Name)))
                self._collect_expanded(index)

    def _restore_state(self) -> None:
        for name in self._expanded:
            self._tree.expand(self._model.index_of(name))
        if self._selected_name is not None:
            self.select_tag(self._selected_name)

    # -- the chosen tag's highlights -----------------------------------------------------------

    def _on_tag_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._load_annotations()

    def _load_annotations(self) -> None:
        name = self.current_tag_name()
        library = self._session.library
        if name is None:
            self._annotations.clear()
            self._heading.setText("Choose a tag to see its highlights.")
            return
        annotations = library.annotations.with_tag(name)
        for document_id in {a.document_id for a in annotations} - self._titles.keys():
            self._titles[document_id] = library.documents.get(document_id).title
        colors = {tag.name: tag.color for tag in library.tags.all()}
        self._annotations.set_annotations(annotations, colors, self._titles)
        documents = len({a.document_id for a in annotations})
        where = f" in {plural(documents, 'document')}" if documents else ""
        self._heading.setText(f"“{name}”: {plural(len(annotations), 'highlight')}{where}")

    def _request_open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationOpenRequested.emit(
                int(index.data(AnnotationRole.DocumentId)), int(index.data(AnnotationRole.Id))
            )

    def _show_context_menu(self, position: QPoint) -> None:
        index = self._tree.indexAt(position)
        if not index.isValid():
            return
        menu = self.context_menu(int(index.data(TagRole.Id)))
        menu.exec(self._tree.viewport().mapToGlobal(position))
        menu.deleteLater()
