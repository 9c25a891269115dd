"""A flat list of annotations for the annotation panel and the tag view, plus a filter on top.

The model holds frozen `Annotation` values handed to it by its owner; it does not read the store,
so the same class lists one document's highlights or a tag's highlights across the library.
Refreshes are applied as removals, insertions and `dataChanged` rather than a reset, so the
selection, the scroll position and an open note editor survive a change elsewhere.

A model that knows its order (`order`, e.g. `text_order`) also takes one annotation at a time
(`upsert`, `remove`): it finds the row by binary search and changes only that row, so adding a
highlight to a document with a thousand costs the same as adding the first.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)

from quotebook.domain import Annotation

if TYPE_CHECKING:
    from quotebook.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
# (annotation, document title shown or "") -> the row's size, None when it cannot say.
Measure = Callable[[Annotation, str], QSize | None]
_SIZE_HINT = int(Qt.ItemDataRole.SizeHintRole)


class AnnotationRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    DocumentId = Qt.ItemDataRole.UserRole + 2
    Quote = Qt.ItemDataRole.UserRole + 3
    Color = Qt.ItemDataRole.UserRole + 4
    Tags = Qt.ItemDataRole.UserRole + 5
    TagColors = Qt.ItemDataRole.UserRole + 6  # parallel to Tags: each tag's colour or ""
    Note = Qt.ItemDataRole.UserRole + 7
    Title = Qt.ItemDataRole.UserRole + 8  # the document's title, when the owner supplies titles
    Annotation = Qt.ItemDataRole.UserRole + 9


def text_order(annotation: Annotation) -> tuple[int, int, int]:
    """Where an annotation sits in its document's text (the store's order for a document)."""
    return (annotation.start, annotation.end, annotation.id)


def tag_matches(tag: str, wanted: str) -> bool:
    """Whether `tag` is `wanted` or lies below it, as the store's `with_tag` understands it."""
    tag, wanted = tag.casefold(), wanted.casefold()
    return tag == wanted or tag.startswith(wanted + "/")


class AnnotationListModel(QAbstractListModel):
    """Annotations in the order given; the note is editable when a session is supplied.

    With `order`, the rows are kept sorted by it and single annotations can come and go.
    """

    def __init__(
        self,
        session: Session | None = None,
        parent: QObject | None = None,
        *,
        order: Callable[[Annotation], tuple[int, ...]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationListModel")
        self._session = session
        self._order = order
        self._rows: list[Annotation] = []
        self._by_id: dict[int, Annotation] = {}
        self._tags: Counter[str] = Counter()  # how many rows carry each tag
        self._tag_colors: dict[str, str] = {}
        self._titles: dict[int, str] = {}
        self._measure: Measure | None = None

    def set_measure(self, measure: Measure | None) -> None:
        """Who sizes the rows: the delegate that draws them (`AnnotationDelegate.measure`).

        The model answers `SizeHintRole` with it, so a view lays its rows out without a
        `sizeHint` call per row through Python (see the delegate)."""
        self._measure = measure

    # -- filling -------------------------------------------------------------------------------

    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        tag_colors: Mapping[str, str] | None = None,
        titles: Mapping[int, str] | None = None,
    ) -> None:
        """Show these annotations, changing only the rows that differ."""
        new = list(annotations)
        colors = dict(tag_colors or {})
        new_titles = dict(titles or {})
        decoration_changed = colors != self._tag_colors or new_titles != self._titles
        self._tag_colors, self._titles = colors, new_titles
        self._by_id = {a.id: a for a in new}
        self._tags = Counter(tag for a in new for tag in a.tags)
        if not self._apply_structure(new):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        for row, annotation in enumerate(new):
            if decoration_changed or self._rows[row] != annotation:
                self._rows[row] = annotation
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def set_tag_colors(self, tag_colors: Mapping[str, str]) -> None:
        """Tag colours changed: repaint the rows (the chips) without touching the rows."""
        colors = dict(tag_colors)
        if colors != self._tag_colors:
            self._tag_colors = colors
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def upsert(self, annotation: Annotation) -> None:
        """Add one annotation in its place, or bring its row up to date (needs `order`)."""
        assert self._order is not None, "upsert needs a model that knows its order"
        row = self.row_of(annotation.id)
        if row >= 0:
            old = self._rows[row]
            if old == annotation:
                return
            if self._order(old) == self._order(annotation):
                self._replace(row, annotation)
                return
            self._remove_row(row)
        row = bisect.bisect_left(self._rows, self._order(annotation), key=self._order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, annotation)
        self._by_id[annotation.id] = annotation
        self._tags.update(annotation.tags)
        self.endInsertRows()

    def remove(self, annotation_id: int) -> None:
        """Take one annotation's row away, if it has one."""
        row = self.row_of(annotation_id)
        if row >= 0:
            self._remove_row(row)

    def _replace(self, row: int, annotation: Annotation) -> None:
        old = self._rows[row]
        self._tags.subtract(old.tags)
        self._tags.update(annotation.tags)
        self._rows[row] = annotation
        self._by_id[annotation.id] = annotation
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def _remove_row(self, row: int) -> None:
        old = self._rows[row]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._by_id[old.id]
        self._tags.subtract(old.tags)
        self.endRemoveRows()

    def clear(self) -> None:
        self.set_annotations([])

    def _apply_structure(self, new: list[Annotation]) -> bool:
        """Remove and insert rows until the ids match `new`; False if a reset is needed.

        Neighbouring rows go and come in one block, so opening a document is one insertion.
        """
        wanted = {a.id for a in new}
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].id in wanted:
                row -= 1
                continue
            last = row
            while row >= 0 and self._rows[row].id not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self._rows[row + 1 : last + 1]
            self.endRemoveRows()
        kept = {a.id for a in self._rows}
        if [a.id for a in new if a.id in kept] != [a.id for a in self._rows]:
            return False  # something moved; rare enough that a reset is fine
        row = 0
        while row < len(new):
            if row < len(self._rows) and self._rows[row].id == new[row].id:
                row += 1
                continue
            end = row
            while end < len(new) and new[end].id not in kept:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self._rows[row:row] = new[row:end]
            self.endInsertRows()
            row = end
        return True

    # -- lookups -------------------------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        """The row showing this annotation, or -1."""
        annotation = self._by_id.get(annotation_id)
        if annotation is None:
            return -1
        if self._order is not None:
            key = self._order(annotation)
            row = bisect.bisect_left(self._rows, key, key=self._order)
            if row < len(self._rows) and self._rows[row].id == annotation_id:
                return row
        for row, candidate in enumerate(self._rows):
            if candidate.id == annotation_id:
                return row
        return -1

    def index_of(self, annotation_id: int) -> QModelIndex:
        row = self.row_of(annotation_id)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def tags_in_use(self) -> list[str]:
        """Every tag on these annotations with its ancestors, sorted, for a filter menu."""
        names: dict[str, str] = {}
        for tag, count in self._tags.items():
            if count <= 0:
                continue
            parts = tag.split("/")
            for depth in range(1, len(parts) + 1):
                path = "/".join(parts[:depth])
                names.setdefault(path.casefold(), path)
        return sorted(names.values(), key=str.casefold)

    # -- QAbstractItemModel ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        annotation = self._rows[row]
        if role == _SIZE_HINT:  # asked first: a list view asks it of every row, often
            if self._measure is None:
                return None
            return self._measure(annotation, self._titles.get(annotation.document_id, ""))
        if role in (Qt.ItemDataRole.DisplayRole, AnnotationRole.Quote):
            return annotation.quote
        if role == Qt.ItemDataRole.EditRole or role == AnnotationRole.Note:
            return annotation.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(annotation)
        if role == AnnotationRole.Id:
            return annotation.id
        if role == AnnotationRole.DocumentId:
            return annotation.document_id
        if role == AnnotationRole.Color:
            return annotation.color
        if role == AnnotationRole.Tags:
            return list(annotation.tags)
        if role == AnnotationRole.TagColors:
            return [self._tag_colors.get(tag, "") for tag in annotation.tags]
        if role == AnnotationRole.Title:
            return self._titles.get(annotation.document_id, "")
        if role == AnnotationRole.Annotation:
            return annotation
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._session is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Editing a row edits its note, through the session so that it can be undone."""
        editable = role in (Qt.ItemDataRole.EditRole, AnnotationRole.Note)
        if self._session is None or not editable or not index.isValid():
            return False
        annotation = self._rows[index.row()]
        note = str(value).strip()
        self._session.set_note(annotation.id, note)
        # The owner normally refreshes from the session's signal; make sure the row is current.
        row = self.row_of(annotation.id)
        if row >= 0 and self._rows[row].note != note:
            self._replace(row, self._rows[row]._replace(note=note))
        return True

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update(
            {role.value: QByteArray(role.name.lower().encode()) for role in AnnotationRole}
        )
        return names


def _tooltip(annotation: Annotation) -> str:
    parts = [f"“{annotation.quote}”"]
    if annotation.tags:
        parts.append("Tags: " + ", ".join(annotation.tags))
    if annotation.note:
        parts.append("Note: " + annotation.note)
    return "\n".join(parts)


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Narrows the list to one tag (with the tags below it) and/or one palette colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationFilterProxy")
        self.setDynamicSortFilter(True)
        self._tag: str | None = None
        self._color: str | None = None

    @property
    def tag_filter(self) -> str | None:
        return self._tag

    @property
    def color_filter(self) -> str | None:
        return self._color

    def set_tag_filter(self, tag: str | None) -> None:
        if tag != self._tag:
            self.beginFilterChange()
            self._tag = tag or None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_color_filter(self, color: str | None) -> None:
        if color != self._color:
            self.beginFilterChange()
            self._color = color or None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return self._tag is not None or self._color is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        if self._color is not None and model.data(index, AnnotationRole.Color) != self._color:
            return False
        if self._tag is not None:
            tags = model.data(index, AnnotationRole.Tags) or []
            return any(tag_matches(tag, self._tag) for tag in tags)
        return True
