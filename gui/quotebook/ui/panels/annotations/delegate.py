"""The card an annotation is drawn as: colour bar, quote excerpt, tag chips and note.

Height depends on the width (the quote and note wrap), so one function lays a card out and both
the row's size (`measure`, which the list's model hands out as its `SizeHintRole`) and `paint`
read that layout; nothing is measured twice or clipped. The note is
edited in place in a `QPlainTextEdit` that the row grows to make room for; it is committed
once, when the editor closes, so typing a note is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from quotebook.domain import Annotation
from quotebook.ui.panels.annotations.model import AnnotationRole
from quotebook.ui.theme import annotation_color, tag_color
from quotebook.ui.widgets import chips
from quotebook.ui.widgets.card_list import (
    GAP,
    MARGIN,
    TEXT_LEFT,
    draw_lines,
    paint_card_frame,
    wrap_lines,
)

Index = QModelIndex | QPersistentModelIndex

QUOTE_LINES = 3
NOTE_LINES = 6
EDITOR_LINES = 5


class _Card:
    """Where everything goes, relative to the card's top-left corner; `_layout` fills it in."""

    __slots__ = (
        "chip_rects",
        "chips_top",
        "height",
        "note_lines",
        "note_rect",
        "quote_lines",
        "quote_top",
        "title",
        "title_rect",
    )

    def __init__(self) -> None:
        self.height = 0
        self.title = ""
        self.title_rect = QRect()
        self.quote_lines: list[str] = []
        self.quote_top = 0
        self.chip_rects: list[QRect] = []
        self.chips_top = 0
        self.note_lines: list[str] = []
        self.note_rect = QRect()


def _plain(index: Index) -> QModelIndex:
    """A `QModelIndex` for signals that want one, from either kind of index."""
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    return model.index(index.row(), index.column(), index.parent()) if model else QModelIndex()


def note_font(base: QFont) -> QFont:
    """Notes are set in italics so that they read as the user's voice, apart from the quote."""
    font = QFont(base)
    font.setItalic(True)
    return font


class AnnotationDelegate(QStyledItemDelegate):
    """Paints annotation cards; edits the note of a row in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDelegate")
        self._view = parent if isinstance(parent, QAbstractItemView) else None
        self._cache: dict[tuple[object, ...], _Card] = {}
        self._editing: QPersistentModelIndex | None = None
        self._editing_id: int | None = None  # the annotation whose note is being edited
        self._sizes: dict[tuple[Annotation, str, int, str, bool], QSize] = {}
        self._font = QFont()
        self._font_key = self._font.key()
        self._scroll_bar_extent: int | None = None  # of the view's style, asked once

    # -- layout --------------------------------------------------------------------------------

    def _content_width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        if isinstance(widget, QAbstractItemView):
            return self._width_in(widget)
        return max(option.rect.width() - TEXT_LEFT - MARGIN, 40)

    def _width_in(self, view: QAbstractItemView) -> int:
        # Measure as if the scroll bar were always there, so that its coming and going
        # does not change every card's height and lay out the whole list twice.
        width = view.viewport().width()
        scroll_bar = view.verticalScrollBar()
        if scroll_bar is not None and not scroll_bar.isVisible():
            if self._scroll_bar_extent is None:
                metric = QStyle.PixelMetric.PM_ScrollBarExtent
                self._scroll_bar_extent = view.style().pixelMetric(metric, None, view)
            width -= self._scroll_bar_extent
        return max(width - TEXT_LEFT - MARGIN, 40)

    def measure(self, annotation: Annotation, title: str) -> QSize | None:
        """The size of this annotation's card in the delegate's view (None without a view).

        The list's model answers `SizeHintRole` with this instead of the delegate overriding
        `sizeHint`: a list view asks every row's size whenever one row comes or goes (a new
        highlight), and each answer then costs one call of the model's `data` rather than a
        `sizeHint` call that reads the row back through the filter model twice.
        """
        view = self._view
        if view is None:
            return None
        width = self._width_in(view)
        key = (
            annotation,
            title,
            width,
            self._key_of(view.font()),
            annotation.id == self._editing_id,
        )
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 5000:
                self._sizes.clear()
            card = self._card_of(key, view.font())
            size = self._sizes[key] = QSize(width + TEXT_LEFT + MARGIN, card.height)
        return size

    def _key_of(self, font: QFont) -> str:
        # QFont.key() builds a string each time; comparing fonts is much cheaper.
        if font != self._font:
            self._font, self._font_key = QFont(font), font.key()
        return self._font_key

    def _card(self, option: QStyleOptionViewItem, index: Index) -> _Card:
        annotation = index.data(AnnotationRole.Annotation)
        title = str(index.data(AnnotationRole.Title) or "")
        editing = annotation.id == self._editing_id
        width = self._content_width(option)
        key = (annotation, title, width, self._key_of(option.font), editing)
        return self._card_of(key, option.font)

    def _card_of(self, key: tuple[Annotation, str, int, str, bool], font: QFont) -> _Card:
        # Cached by the annotation itself (a frozen value: any change makes a new key), the
        # title, the width, the font and whether its note is being edited.
        card = self._cache.get(key)
        if card is None:
            if len(self._cache) > 5000:
                self._cache.clear()
            annotation, title, width, _, editing = key
            quote = " ".join(annotation.quote.split())
            card = self._layout(
                font, width, quote, tuple(annotation.tags), annotation.note, title, editing
            )
            self._cache[key] = card
        return card

    def _layout(
        self,
        font: QFont,
        width: int,
        quote: str,
        tags: tuple[str, ...],
        note: str,
        title: str,
        editing: bool,
    ) -> _Card:
        metrics = QFontMetrics(font)
        line_height = metrics.lineSpacing()
        left = TEXT_LEFT
        y = MARGIN
        card = _Card()
        if title:
            bold = QFont(font)
            bold.setBold(True)
            bold_metrics = QFontMetrics(bold)
            card.title = bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
            card.title_rect = QRect(left, y, width, bold_metrics.height())
            y += bold_metrics.height() + 2
        card.quote_lines = wrap_lines(f"“{quote}”", font, width, QUOTE_LINES)
        card.quote_top = y
        y += len(card.quote_lines) * line_height
        if tags:
            y += GAP
            chip_metrics = QFontMetrics(chips.chip_font(font))
            card.chip_rects = [
                r.translated(left, y) for r in chips.flow_chips(chip_metrics, tags, width)
            ]
            card.chips_top = y
            y = max(r.bottom() + 1 for r in card.chip_rects)
        if editing:
            y += GAP
            card.note_rect = QRect(left - 2, y, width + 4, EDITOR_LINES * line_height + 10)
            y = card.note_rect.bottom() + 1
        elif note:
            y += GAP
            card.note_lines = wrap_lines(note, note_font(font), width, NOTE_LINES)
            card.note_rect = QRect(left, y, width, len(card.note_lines) * line_height)
            y = card.note_rect.bottom() + 1
        card.height = y + MARGIN
        return card

    # -- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = self._card(option, index)
        rect = option.rect
        palette = option.palette
        painter.save()
        painter.setClipRect(rect)
        color = annotation_color(str(index.data(AnnotationRole.Color) or ""), palette)
        paint_card_frame(painter, option, color, card.height - 2 * MARGIN)

        text_color = palette.color(QPalette.ColorRole.Text)
        origin = rect.topLeft()
        font = QFont(option.font)
        if card.title:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_color)
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(card.title_rect.translated(origin), flags, card.title)
        painter.setFont(font)
        painter.setPen(text_color)
        draw_lines(painter, card.quote_lines, rect, card.quote_top, QFontMetrics(font))

        if card.chip_rects:
            painter.setFont(chips.chip_font(font))
            tags = index.data(AnnotationRole.Tags) or []
            colors = index.data(AnnotationRole.TagColors) or [""] * len(tags)
            for tag, value, chip in zip(tags, colors, card.chip_rects, strict=False):
                tone = tag_color(str(value), palette)
                chips.paint_chip(painter, chip.translated(origin), tag, tone, palette)
        if card.note_lines:
            painter.setFont(note_font(font))
            muted = QColor(text_color)
            muted.setAlphaF(0.78)
            painter.setPen(muted)
            top = card.note_rect.top()
            metrics = QFontMetrics(note_font(font))
            draw_lines(painter, card.note_lines, rect, top, metrics)
        painter.restore()

    # -- editing the note ----------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setObjectName("annotationNoteEditor")
        editor.setPlaceholderText("Write a note… Ctrl+Enter saves, Esc cancels.")
        editor.setTabChangesFocus(True)
        editor.setFont(option.font)
        self._editing = QPersistentModelIndex(index)
        self._editing_id = index.data(AnnotationRole.Id)
        self.sizeHintChanged.emit(_plain(index))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # Called again whenever the row changes while the editor is open: never undo typing.
        if isinstance(editor, QPlainTextEdit) and not editor.property("loaded"):
            editor.setPlainText(str(index.data(AnnotationRole.Note) or ""))
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.setProperty("loaded", True)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), AnnotationRole.Note)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        card = self._card(option, index)
        if card.note_rect.isValid():
            editor.setGeometry(card.note_rect.translated(option.rect.topLeft()))
        else:
            editor.setGeometry(option.rect)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        super().destroyEditor(editor, index)
        was_editing = self._editing
        self._editing = None
        self._editing_id = None
        if was_editing is not None and was_editing.isValid():
            self.sizeHintChanged.emit(_plain(was_editing))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter commits the note; a plain Enter is a new line inside it."""
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)
