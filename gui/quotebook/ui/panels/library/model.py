"""The library as a tree of folders and documents, for the document tree view.

The model keeps its own small tree of plain `Node` objects built from the store's folder list and
document summaries. When the session says documents changed, it builds a fresh tree and brings
the existing one in line with it node by node (remove, move, insert, update), instead of
resetting. Views therefore keep their expanded folders, selection and current item through every
rename, move, delete, undo and annotation count change.

Every change a user makes here (rename by editing, move by drag and drop) goes through the
session, so it lands on the undo stack; the model only redraws from the session's signal.

A folder's documents are read when a view first asks for its rows (it does so when the folder
is opened), not before: folders know from the store's indexes how many documents and
annotations they hold, so a library of 100,000 documents starts with only what is on screen.
Documents outside any folder are read at once. Refreshes read again only what was read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from quotebook.errors import NotFoundError, UserError
from quotebook.ui.icons import icon
from quotebook.ui.session import Session
from quotebook.wording import plural

ModelIndex = QModelIndex | QPersistentModelIndex

NODE_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""`NodeKind` of the row ("folder" or "document")."""
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The document's id on document rows, None on folder rows."""
FOLDER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""The folder's own id on folder rows, None on document rows."""
ANNOTATION_COUNT_ROLE = Qt.ItemDataRole.UserRole + 4
"""Annotations in the document, or in everything a folder holds."""

TREE_MIME_TYPE = "application/x-quotebook-tree-nodes"

TITLE_COLUMN = 0
COUNT_COLUMN = 1
_HEADERS = ("Title", "Annotations")


class NodeKind(StrEnum):
    ROOT = "root"
    FOLDER = "folder"
    DOCUMENT = "document"


NodeKey = tuple[NodeKind, int]


class Node:
    """One row of the tree. Folder and document ids share no namespace, so `key` pairs the kind
    with the id."""

    __slots__ = (
        "children",
        "count",
        "direct",
        "documents",
        "id",
        "kind",
        "loaded",
        "outlet",
        "parent",
        "published",
        "title",
    )

    def __init__(self, kind: NodeKind, node_id: int, title: str = "") -> None:
        self.kind = kind
        self.id = node_id
        self.title = title
        self.outlet = ""
        self.published = ""
        self.count = 0  # annotations: a document's own; a folder's, everything inside it
        self.direct = 0  # a folder's: annotations of the documents directly inside it
        self.documents = 0  # a folder's: documents directly inside it
        self.loaded = kind is not NodeKind.FOLDER  # a folder's documents are among `children`
        self.parent: Node | None = None
        self.children: list[Node] = []

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.id)

    @property
    def folder_id(self) -> int | None:
        """The folder this node is, or sits in; None for the root."""
        if self.kind is NodeKind.FOLDER:
            return self.id
        if self.kind is NodeKind.DOCUMENT and self.parent is not None:
            return self.parent.folder_id
        return None

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)

    def walk(self) -> Iterator[Node]:
        """This node and everything below it, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()

    def is_ancestor_of(self, other: Node) -> bool:
        node = other.parent
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False

    def document_total(self) -> int:
        """Documents in this folder and every folder below it (loaded or not)."""
        if self.kind is NodeKind.DOCUMENT:
            return 1
        return self.documents + sum(
            c.document_total() for c in self.children if c.kind is not NodeKind.DOCUMENT
        )

    def same_content(self, other: Node) -> bool:
        return (self.title, self.count, self.outlet, self.published) == (
            other.title,
            other.count,
            other.outlet,
            other.published,
        )

    def copy_content(self, other: Node) -> None:
        self.title, self.count = other.title, other.count
        self.outlet, self.published = other.outlet, other.published
        self.direct, self.documents = other.direct, other.documents


class DocumentTreeModel(QAbstractItemModel):
    """Folders (first) and documents, two columns: the title and the annotation count."""

    errorOccurred = Signal(str)
    """A rename or move the user asked for was refused; the text says why."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentTreeModel")
        self._session = session
        self._root = Node(NodeKind.ROOT, 0)
        self._nodes: dict[NodeKey, Node] = {}
        self._build_initial()
        session.documentsChanged.connect(self.refresh)
        session.annotationCountChanged.connect(self.update_count)

    # -- lookup -------------------------------------------------------------------------------

    def node(self, index: ModelIndex) -> Node:
        """The node behind an index; the invisible root for an invalid index."""
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    def index_for(self, kind: NodeKind, node_id: int, column: int = TITLE_COLUMN) -> QModelIndex:
        node = self._nodes.get((kind, node_id))
        return QModelIndex() if node is None else self._index(node, column)

    def document_index(self, document_id: int) -> QModelIndex:
        """The document's row, reading its folder's documents first if need be."""
        if (NodeKind.DOCUMENT, document_id) not in self._nodes:
            try:
                folder_id, _ = self._session.library.documents.placement(document_id)
            except NotFoundError:
                return QModelIndex()
            folder = self._nodes.get((NodeKind.FOLDER, folder_id)) if folder_id else None
            if folder is not None:
                self._load(folder)
        return self.index_for(NodeKind.DOCUMENT, document_id)

    def folder_index(self, folder_id: int) -> QModelIndex:
        return self.index_for(NodeKind.FOLDER, folder_id)

    def folders(self) -> list[Node]:
        """Every folder, parents before children, in tree order (documents are not visited)."""
        found: list[Node] = []

        def visit(node: Node) -> None:
            for child in node.children:
                if child.kind is NodeKind.FOLDER:
                    found.append(child)
                    visit(child)

        visit(self._root)
        return found

    def child_names(self, folder_id: int | None) -> set[str]:
        """Names of the folders directly inside a folder (or the root), for picking new names."""
        parent = self._root if folder_id is None else self._nodes.get((NodeKind.FOLDER, folder_id))
        if parent is None:
            return set()
        return {c.title for c in parent.children if c.kind is NodeKind.FOLDER}

    def _index(self, node: Node, column: int = TITLE_COLUMN) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    # -- structure ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Checked here rather than through hasIndex(), which calls back into rowCount() and
        # columnCount(): a view asks this for every row it lays out.
        if column not in (TITLE_COLUMN, COUNT_COLUMN) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != TITLE_COLUMN:
            return QModelIndex()
        node = self.node(parent)
        self._load(node)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, child: ModelIndex | None = None) -> Any:
        """The parent index of `child`; without an argument, QObject's parent (Qt overloads the
        name, and both are called)."""
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        parent = self.node(child).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != TITLE_COLUMN:
            return 0
        node = self.node(parent)
        self._load(node)
        return len(node.children)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """Answered from the counts, so that drawing a closed folder reads nothing."""
        if parent.isValid() and parent.column() != TITLE_COLUMN:
            return False
        node = self.node(parent)
        return bool(node.children) or (node.kind is NodeKind.FOLDER and node.documents > 0)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    # -- data ---------------------------------------------------------------------------------

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == NODE_KIND_ROLE:
            return str(node.kind)
        if role == DOCUMENT_ID_ROLE:
            return node.id if node.kind is NodeKind.DOCUMENT else None
        if role == FOLDER_ID_ROLE:
            return node.id if node.kind is NodeKind.FOLDER else None
        if role == ANNOTATION_COUNT_ROLE:
            return node.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(node)
        if column == TITLE_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return node.title
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("folder" if node.kind is NodeKind.FOLDER else "document")
        elif column == COUNT_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(node.count)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        # Worked out once per kind and column: a view asks this several times for every row
        # it lays out, and combining enum flags in Python costs more than the lookup.
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        node = index.internalPointer()
        return _FLAGS[node.kind is NodeKind.FOLDER][index.column()]

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renames through the session, so the rename is one undoable step."""
        if (
            not index.isValid()
            or index.column() != TITLE_COLUMN
            or role != Qt.ItemDataRole.EditRole
        ):
            return False
        node = self.node(index)
        title = " ".join(str(value or "").split())
        if not title:
            return False
        if title == node.title:
            return True
        try:
            if node.kind is NodeKind.FOLDER:
                self._session.rename_folder(node.id, title)
            else:
                self._session.rename_document(node.id, title)
        except UserError as exc:
            self.errorOccurred.emit(exc.message)
            return False
        return True

    # -- drag and drop ------------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TREE_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged rows as ``[{"kind": …, "id": …}]``; each row once, whatever the columns."""
        keys: list[NodeKey] = []
        for index in indexes:
            if index.isValid() and self.node(index).key not in keys:
                keys.append(self.node(index).key)

        import json

        data = QMimeData()
        payload = [{"kind": str(kind), "id": node_id} for kind, node_id in keys]
        data.setData(TREE_MIME_TYPE, json.dumps(payload).encode("utf-8"))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(parent)
        nodes = self._decode(data)
        return target is not None and any(self._can_move(n, target) for n in nodes)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Moves the dropped folders and documents into the target folder (or the root).

        The row is ignored: documents keep the store's order inside a folder. Several items
        become one undo step.
        """
        if action == Qt.DropAction.IgnoreAction:
            return True
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(parent)
        if target is None:
            return False
        moves = [n for n in self._decode(data) if self._can_move(n, target)]
        if not moves:
            return False
        target_id = target.folder_id
        macro = len(moves) > 1
        if macro:
            self._session.begin_macro(f"Move {len(moves)} items")
        try:
            for node in moves:
                if node.kind is NodeKind.FOLDER:
                    self._session.move_folder(node.id, target_id)
                else:
                    self._session.move_document(node.id, target_id)
        except UserError as exc:
            self.errorOccurred.emit(exc.message)
            return False
        finally:
            if macro:
                self._session.end_macro()
        return True

    def _drop_target(self, parent: ModelIndex) -> Node | None:
        """The folder a drop lands in: the folder dropped on, or the folder of the document
        dropped beside; the root outside any item."""
        node = self.node(parent)
        if node.kind is NodeKind.DOCUMENT:
            node = node.parent or self._root
        return node

    def _decode(self, data: QMimeData) -> list[Node]:
        if not data.hasFormat(TREE_MIME_TYPE):
            return []
        import json

        try:
            payload = json.loads(bytes(data.data(TREE_MIME_TYPE).data()).decode("utf-8"))
            keys = [(NodeKind(item["kind"]), int(item["id"])) for item in payload]
        except (ValueError, KeyError, TypeError):
            return []
        return [self._nodes[k] for k in keys if k in self._nodes]

    @staticmethod
    def _can_move(node: Node, target: Node) -> bool:
        """False for no-op moves (already there) and for a folder into itself or below."""
        if node.parent is target:
            return False
        return not (node is target or node.is_ancestor_of(target))

    # -- keeping in step with the store -------------------------------------------------------

    def refresh(self) -> None:
        """Bring the tree in line with the store with the smallest set of row changes."""
        loaded = {n.id for n in self._nodes.values() if n.kind is NodeKind.FOLDER and n.loaded}
        fresh = self._read_store(loaded)
        # A document shown now that moved into a folder not read yet: read that folder too, so
        # the document's row moves there (keeping the selection) instead of going away.
        keys = {n.key for n in fresh.walk()}
        gone = [k[1] for k in self._nodes if k[0] is NodeKind.DOCUMENT and k not in keys]
        if gone:
            folders = self._session.library.documents.folders_of(gone)
            extra = {f for f in folders if f is not None and f not in loaded}
            if extra:
                fresh = self._read_store(loaded | extra)
                keys = {n.key for n in fresh.walk()}
        self._remove_missing(keys)
        self._place_children(self._root, fresh)

    def update_count(self, document_id: int | None) -> None:
        """One document's annotation count changed: update its row and its folders' totals."""
        if document_id is None:
            self.refresh()
            return
        library = self._session.library
        node = self._nodes.get((NodeKind.DOCUMENT, document_id))
        if node is not None:
            delta = library.annotations.count_for_document(node.id) - node.count
            changed: Node | None = node
            folder = node.parent
        else:  # in a folder not read yet: its total is counted again
            try:
                folder_id, _ = library.documents.placement(document_id)
            except NotFoundError:
                self.refresh()
                return
            folder = self._nodes.get((NodeKind.FOLDER, folder_id)) if folder_id else None
            folder = folder or self._root
            delta = library.documents.annotation_total(folder_id) - folder.direct
            changed = folder
        if not delta:
            return
        if folder is not None:
            folder.direct += delta
        while changed is not None and changed is not self._root:
            changed.count += delta
            self.dataChanged.emit(self._index(changed, 0), self._index(changed, COUNT_COLUMN))
            changed = changed.parent
        self._root.count += delta

    def _build_initial(self) -> None:
        self._root = self._read_store(set())
        self._nodes = {n.key: n for n in self._root.walk() if n is not self._root}

    def _read_store(self, loaded: set[int]) -> Node:
        """A fresh tree: every folder with its totals, the documents outside any folder, and
        those of the folders in `loaded` (and of folders that hold none)."""
        library = self._session.library
        root = Node(NodeKind.ROOT, 0)
        stored = library.folders.all()
        folders = {f.id: Node(NodeKind.FOLDER, f.id, f.name) for f in stored}

        def container(folder_id: int | None) -> Node:
            # Anything whose folder is unknown shows at the top rather than vanishing.
            return root if folder_id is None else folders.get(folder_id, root)

        for folder in stored:
            _attach(container(folder.parent_id), folders[folder.id])
        unknown = []  # folders that documents name but the store no longer has
        for folder_id, (documents, notes) in library.documents.folder_totals().items():
            node = container(folder_id)
            node.documents += documents
            node.direct += notes
            if node is root and folder_id is not None:
                unknown.append(folder_id)
        wanted = [f for f in loaded if f in folders] + unknown
        for summary in library.documents.summaries_in(wanted, root=True):
            node = Node(NodeKind.DOCUMENT, summary.id, summary.title)
            node.outlet, node.published = summary.outlet, summary.published
            node.count = summary.annotation_count
            _attach(container(summary.folder_id), node)
        for node in folders.values():
            node.loaded = node.id in loaded or node.documents == 0
        _total_counts(root)
        return root

    def _load(self, folder: Node) -> None:
        """Read the documents of a folder no view has asked the rows of yet.

        Quietly, without row signals: to every view the folder's rows begin with these.
        """
        if folder.loaded:
            return
        folder.loaded = True
        for summary in self._session.library.documents.summaries_in([folder.id], root=False):
            key = (NodeKind.DOCUMENT, summary.id)
            if key in self._nodes:
                continue  # shown elsewhere until the refresh under way moves it here
            node = Node(NodeKind.DOCUMENT, summary.id, summary.title)
            node.outlet, node.published = summary.outlet, summary.published
            node.count = summary.annotation_count
            _attach(folder, node)
            self._nodes[key] = node

    def _remove_missing(self, keep: set[NodeKey]) -> None:
        """Remove rows whose folder or document left the store, deepest first, so that a
        removed folder's survivors (moved elsewhere meanwhile) are re-inserted, not lost."""
        for node in reversed(list(self._root.walk())):
            if node is self._root or node.key in keep or node.parent is None:
                continue
            parent = node.parent
            row = node.row()
            self.beginRemoveRows(self._index(parent), row, row)
            del parent.children[row]
            node.parent = None
            self.endRemoveRows()
            for gone in node.walk():
                self._nodes.pop(gone.key, None)

    def _place_children(self, parent: Node, fresh: Node) -> None:
        """Make `parent`'s first rows match `fresh`'s children, then recurse.

        Parents are placed before children, so a node moved here from elsewhere is never an
        ancestor of `parent`, and rows already placed never shift.
        """
        if fresh.loaded and not parent.loaded:
            self._load(parent)
        for row, wanted in enumerate(fresh.children):
            node = self._nodes.get(wanted.key)
            if node is None:
                node = Node(wanted.kind, wanted.id)
                node.copy_content(wanted)
                node.loaded = wanted.loaded
                self.beginInsertRows(self._index(parent), row, row)
                node.parent = parent
                parent.children.insert(row, node)
                self._nodes[node.key] = node
                self.endInsertRows()
            elif node.parent is not parent or node.row() != row:
                self._move(node, parent, row)
            if not node.same_content(wanted):
                node.copy_content(wanted)
                self.dataChanged.emit(self._index(node, 0), self._index(node, COUNT_COLUMN))
            else:
                node.copy_content(wanted)  # the totals of documents not read yet
            self._place_children(node, wanted)

    def _move(self, node: Node, parent: Node, row: int) -> None:
        source = node.parent
        assert source is not None
        source_row = node.row()
        ok = self.beginMoveRows(
            self._index(source), source_row, source_row, self._index(parent), row
        )
        assert ok, "tree sync asked Qt for an impossible move"
        del source.children[source_row]
        node.parent = parent
        parent.children.insert(row, node)
        self.endMoveRows()


_EVERY_ROW = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)
# [is a folder][column]: folders take drops, documents never have children; titles are editable.
_FLAGS = (
    (
        _EVERY_ROW | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsEditable,
        _EVERY_ROW | Qt.ItemFlag.ItemNeverHasChildren,
    ),
    (
        _EVERY_ROW | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEditable,
        _EVERY_ROW | Qt.ItemFlag.ItemIsDropEnabled,
    ),
)


def _attach(parent: Node, node: Node) -> None:
    node.parent = parent
    parent.children.append(node)


def _total_counts(node: Node) -> int:
    """Folders show the annotations of everything inside them, read or not."""
    if node.kind is NodeKind.DOCUMENT:
        return node.count
    node.children.sort(key=lambda n: n.kind is NodeKind.DOCUMENT)  # folders first, stable
    below = sum(_total_counts(c) for c in node.children if c.kind is not NodeKind.DOCUMENT)
    node.count = node.direct + below
    return node.count


def _tooltip(node: Node) -> str:
    annotations = plural(node.count, "annotation")
    if node.kind is NodeKind.FOLDER:
        documents = node.document_total()
        return f"{node.title}\n{plural(documents, 'document')}, {annotations}"
    details = " · ".join(part for part in (node.outlet, node.published) if part)
    lines = [node.title, details, annotations]
    return "\n".join(line for line in lines if line)
