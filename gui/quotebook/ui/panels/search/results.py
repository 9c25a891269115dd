"""The search results list: a model over `SearchHit`s and a delegate that draws each as a card.

A card has a small heading (kind and document title) and the snippet with the matched words in
bold on the highlight colour. The snippet is rich text, laid out by a `QTextDocument` at the
row's width; `sizeHint` and `paint` share one layout per row and width, so rows are never
clipped and scrolling never lays out text again.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from quotebook.domain import DEFAULT_COLOR, color_hex
from quotebook.search.query import MARK_CLOSE, MARK_OPEN, SearchHit
from quotebook.ui.theme import is_dark

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 6
KIND_LABELS = {"document": "Document", "annotation": "Highlight"}


def snippet_html(hit: SearchHit, palette: QPalette) -> str:
    """The card's rich text: heading, then the snippet with the hits marked."""
    dark = is_dark(palette)
    mark = color_hex(DEFAULT_COLOR, dark=dark)
    ink = "#ffffff" if dark else "#000000"
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    snippet = (
        html.escape(hit.snippet)
        .replace(MARK_OPEN, f'<span style="font-weight:bold; background:{mark}; color:{ink}">')
        .replace(MARK_CLOSE, "</span>")
    )
    heading = (
        f'<span style="color:{muted}">{KIND_LABELS[hit.kind]}</span> · '
        f"<b>{html.escape(hit.title)}</b>"
    )
    return f"<div>{heading}</div><div>{snippet}</div>"


class SearchResultsModel(QAbstractListModel):
    """The current hits, best first. `HIT_ROLE` gives the `SearchHit` itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}: {hit.snippet_with('', '')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{KIND_LABELS[hit.kind]} in “{hit.title}”"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[hit.kind]}, {hit.title}: {hit.snippet_with('', '')}"
        if role == HIT_ROLE:
            return hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layouts: dict[tuple[int, int, bool], QTextDocument] = {}

    def forget_layouts(self) -> None:
        """Drop cached layouts; call when the hits or the palette change."""
        self._layouts.clear()

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        width = max(80, option.rect.width() - 2 * PADDING)
        dark = is_dark(option.palette)
        key = (id(hit), width, dark)
        document = self._layouts.get(key)
        if document is None:
            document = QTextDocument()
            document.setDocumentMargin(0)
            document.setDefaultFont(option.font)
            document.setHtml(snippet_html(hit, option.palette))
            document.setTextWidth(width)
            if len(self._layouts) > 2000:
                self._layouts.clear()
            self._layouts[key] = document
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(HIT_ROLE) is None:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document = self._document(opt, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if index.data(HIT_ROLE) is None:
            super().paint(painter, option, index)
            return
        document = self._document(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()
