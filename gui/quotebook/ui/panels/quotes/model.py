"""The list of the Quotes panel: its rows, the cards they are drawn as, and the review keys.

A row is one quotation (or one transcript turn) the finder found in the open document, with the
speaker the user may have corrected and whether a highlight already covers it. The model is
handed rows by the panel and never reads the store, so it can be checked on its own with
`qtmodeltester`. A refresh that keeps the same quotes only announces `dataChanged`, so the
current row and the scroll position survive a highlight being added elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from quotebook.quotes import Turn
from quotebook.services.quote_acceptance import Found, color_for
from quotebook.ui.panels.annotations.delegate import wrap_lines
from quotebook.ui.widgets import chips
from quotebook.ui.widgets.card_list import CardListView

Index = QModelIndex | QPersistentModelIndex

MARGIN = 8
BAR_WIDTH = 4
GAP = 5
QUOTE_LINES = 3
TURN = "turn"  # the Kind role of a transcript turn


class QuoteRole(IntEnum):
    Start = Qt.ItemDataRole.UserRole + 1
    End = Qt.ItemDataRole.UserRole + 2
    Kind = Qt.ItemDataRole.UserRole + 3  # "direct", "partial", "scare" or "turn"
    Speaker = Qt.ItemDataRole.UserRole + 4  # as the user will accept it ("" for none)
    Confidence = Qt.ItemDataRole.UserRole + 5  # None for a turn
    Annotated = Qt.ItemDataRole.UserRole + 6
    Color = Qt.ItemDataRole.UserRole + 7  # the palette colour an accepted row gets
    Label = Qt.ItemDataRole.UserRole + 8  # a turn's label as written
    Corrected = Qt.ItemDataRole.UserRole + 9  # the speaker was changed by the user


@dataclass(frozen=True)
class QuoteRow:
    item: Found
    speaker: str  # "" for none
    annotated: bool
    corrected: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.item.start, self.item.end)

    @property
    def kind(self) -> str:
        return TURN if isinstance(self.item, Turn) else self.item.kind


class QuoteListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteListModel")
        self._rows: list[QuoteRow] = []
        self._text = ""  # the document's text, for the excerpts of turns

    def set_rows(self, rows: Sequence[QuoteRow], text: str) -> None:
        new = list(rows)
        if [r.key for r in new] == [r.key for r in self._rows] and text == self._text:
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0), self.index(len(new) - 1))
            return
        self.beginResetModel()
        self._rows, self._text = new, text
        self.endResetModel()

    def rows(self) -> list[QuoteRow]:
        return list(self._rows)

    def row_of(self, key: tuple[int, int] | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        item = row.item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text[item.start : item.end] if isinstance(item, Turn) else item.text
            return " ".join(text.split())
        values: dict[int, Any] = {
            QuoteRole.Start: item.start,
            QuoteRole.End: item.end,
            QuoteRole.Kind: row.kind,
            QuoteRole.Speaker: row.speaker,
            QuoteRole.Confidence: None if isinstance(item, Turn) else item.confidence,
            QuoteRole.Annotated: row.annotated,
            QuoteRole.Color: color_for(item),
            QuoteRole.Label: item.label if isinstance(item, Turn) else "",
            QuoteRole.Corrected: row.corrected,
        }
        return values.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def meta_line(index: Index) -> list[str]:
    """The chips under a card: kind (or a turn's label), speaker, confidence, highlighted."""
    kind = str(index.data(QuoteRole.Kind))
    speaker = str(index.data(QuoteRole.Speaker) or "")
    label = str(index.data(QuoteRole.Label) or "")
    first = ("turn" if label == speaker else label) if kind == TURN else kind
    parts = [first]
    parts.append(speaker or "no speaker")
    confidence = index.data(QuoteRole.Confidence)
    if confidence is not None:
        parts.append(f"{round(float(confidence) * 100)} %")
    if index.data(QuoteRole.Annotated):
        parts.append("✓ highlighted")
    return parts


class QuoteDelegate(QStyledItemDelegate):
    """A card per row: colour bar of the kind, the quote's first lines, then a row of chips.

    Rows a highlight already covers are drawn muted, so the eye skips to those still to do.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteDelegate")

    def _layout(self, option: QStyleOptionViewItem, index: Index) -> tuple[list[str], list[QRect]]:
        width = max(option.rect.width() - (MARGIN + BAR_WIDTH + 2 * MARGIN), 40)
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            width = max(widget.viewport().width() - (MARGIN + BAR_WIDTH + 2 * MARGIN), 40)
        # Turns are not quoted in the text; only quotations are shown in marks.
        text = index.data() if index.data(QuoteRole.Kind) == TURN else f"“{index.data()}”"
        lines = wrap_lines(text, option.font, width, QUOTE_LINES)
        metrics = QFontMetrics(chips.chip_font(option.font))
        rects = chips.flow_chips(metrics, meta_line(index), width)
        return lines, rects

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines, rects = self._layout(option, index)
        height = MARGIN + len(lines) * QFontMetrics(option.font).lineSpacing() + GAP
        return QSize(option.rect.width(), height + chips.flow_height(rects) + MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        lines, rects = self._layout(option, index)
        rect, palette = option.rect, option.palette
        painter.save()
        painter.setClipRect(rect)
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_MouseOver:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(70 if state & QStyle.StateFlag.State_Selected else 22)
            painter.fillRect(rect, fill)
        separator = QColor(palette.color(QPalette.ColorRole.Text))
        separator.setAlpha(40)
        painter.setPen(separator)
        painter.drawLine(rect.left() + MARGIN, rect.bottom(), rect.right() - MARGIN, rect.bottom())

        done = bool(index.data(QuoteRole.Annotated))
        color = chips.annotation_color(str(index.data(QuoteRole.Color)), palette)
        metrics = QFontMetrics(option.font)
        text_height = len(lines) * metrics.lineSpacing()
        bar = QRect(rect.left() + MARGIN, rect.top() + MARGIN, BAR_WIDTH, text_height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(bar, 2, 2)

        text_color = QColor(palette.color(QPalette.ColorRole.Text))
        if done:
            text_color.setAlphaF(0.55)
        painter.setFont(QFont(option.font))
        painter.setPen(text_color)
        left = rect.left() + MARGIN + BAR_WIDTH + MARGIN
        baseline = rect.top() + MARGIN + metrics.ascent()
        for line in lines:
            painter.drawText(left, baseline, line)
            baseline += metrics.lineSpacing()

        painter.setFont(chips.chip_font(option.font))
        top = rect.top() + MARGIN + text_height + GAP
        labels = meta_line(index)
        for number, (label, chip) in enumerate(zip(labels, rects, strict=True)):
            tone = color if number == 0 else None
            chips.paint_chip(painter, chip.translated(left, top), label, tone, palette)
        painter.restore()


class QuoteListView(CardListView):
    """The list of found quotes; knows the review keys."""

    acceptPressed = Signal()
    rejectPressed = Signal()
    speakerEditPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteList")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.currentIndex().isValid() and plain:
            signal = {
                Qt.Key.Key_Return: self.acceptPressed,
                Qt.Key.Key_Enter: self.acceptPressed,
                Qt.Key.Key_Delete: self.rejectPressed,
                Qt.Key.Key_Backspace: self.rejectPressed,
                Qt.Key.Key_R: self.rejectPressed,
                Qt.Key.Key_F2: self.speakerEditPressed,
            }.get(Qt.Key(key))
            if signal is not None:
                signal.emit()
                event.accept()
                return
        super().keyPressEvent(event)
