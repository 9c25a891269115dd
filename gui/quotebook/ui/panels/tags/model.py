"""The tags as a tree (``speaker/Lukashevich`` sits under ``speaker``) with their counts.

Like the annotation list, the model is handed plain values by its owner and never reads the
store. A refresh that leaves the tree's shape alone (the usual case: a count or a colour moved)
is sent as `dataChanged`, so expanded branches, the selection and the scroll position stay put;
only a new, renamed or deleted tag resets the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from quotebook.domain import Tag
from quotebook.ui.theme import swatch_icon, tag_color
from quotebook.wording import plural

Index = QModelIndex | QPersistentModelIndex

NAME_COLUMN = 0
COUNT_COLUMN = 1


class TagRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2  # the full path
    Color = Qt.ItemDataRole.UserRole + 3
    Count = Qt.ItemDataRole.UserRole + 4


class TagEntry(NamedTuple):
    """One tag and how many annotations it reaches (itself and the tags below it)."""

    tag: Tag
    annotations: int


class _Node:
    """A place in the tag tree: its tag (none for the hidden root), its parent and children."""

    __slots__ = ("children", "entry", "parent")

    def __init__(self, entry: TagEntry | None) -> None:
        self.entry = entry
        self.parent: _Node | None = None
        self.children: list[_Node] = []

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)


def _build(entries: Sequence[TagEntry]) -> _Node:
    root = _Node(None)
    nodes = {e.tag.id: _Node(e) for e in entries}
    for node in nodes.values():
        assert node.entry is not None
        parent = nodes.get(node.entry.tag.parent_id or -1, root)
        node.parent = parent
        parent.children.append(node)
    _sort(root)
    return root


def _sort(node: _Node) -> None:
    node.children.sort(key=lambda n: n.entry.tag.leaf.casefold() if n.entry else "")
    for child in node.children:
        _sort(child)


def _shape(node: _Node) -> list[tuple[int, str, int]]:
    """The tree's shape, depth first as (tag id, name, number of children): equal shapes mean
    every index a view holds still points at the same tag."""
    shape: list[tuple[int, str, int]] = []
    for child in node.children:
        assert child.entry is not None
        shape.append((child.entry.tag.id, child.entry.tag.name, len(child.children)))
        shape.extend(_shape(child))
    return shape


class TagTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagTreeModel")
        self._root = _Node(None)

    def set_tags(self, entries: Sequence[TagEntry]) -> None:
        root = _build(entries)
        if _shape(root) != _shape(self._root):
            self.beginResetModel()
            self._root = root
            self.endResetModel()
            return
        self._update(self._root, root, QModelIndex())

    def _update(self, old: _Node, new: _Node, parent: QModelIndex) -> None:
        for row, (mine, theirs) in enumerate(zip(old.children, new.children, strict=True)):
            if mine.entry != theirs.entry:
                mine.entry = theirs.entry
                self.dataChanged.emit(
                    self.index(row, NAME_COLUMN, parent), self.index(row, COUNT_COLUMN, parent)
                )
            self._update(mine, theirs, self.index(row, NAME_COLUMN, parent))

    def tag_at(self, index: Index) -> Tag | None:
        node = self._node(index)
        return node.entry.tag if node.entry is not None else None

    def index_of(self, name: str) -> QModelIndex:
        """The name cell of the tag with this full path (case-insensitive), or invalid."""
        wanted = name.casefold()

        def search(node: _Node, parent: QModelIndex) -> QModelIndex:
            for row, child in enumerate(node.children):
                assert child.entry is not None
                index = self.index(row, NAME_COLUMN, parent)
                if child.entry.tag.name.casefold() == wanted:
                    return index
                if wanted.startswith(child.entry.tag.name.casefold() + "/"):
                    return search(child, index)
            return QModelIndex()

        return search(self._root, QModelIndex())

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    # -- QAbstractItemModel ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), NAME_COLUMN, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != NAME_COLUMN:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._node(index).entry
        assert entry is not None
        tag, column = entry.tag, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return tag.leaf if column == NAME_COLUMN else str(entry.annotations)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME_COLUMN:
            return swatch_icon(tag_color(tag.color, _palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            detail = f"\n{tag.description}" if tag.description else ""
            return f"{tag.name}: {plural(entry.annotations, 'annotation')}{detail}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COUNT_COLUMN:
            return _palette().color(QPalette.ColorRole.PlaceholderText)
        if role == TagRole.Id:
            return tag.id
        if role == TagRole.Name:
            return tag.name
        if role == TagRole.Color:
            return tag.color
        if role == TagRole.Count:
            return entry.annotations
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Tag", "Count")[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _palette() -> QPalette:
    return QApplication.palette()
