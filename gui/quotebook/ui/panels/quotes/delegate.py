"""How a found quote is drawn in the Quotes panel: a card with its kind's colour and chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from quotebook.ui.panels.quotes.model import TURN, QuoteRole
from quotebook.ui.theme import annotation_color
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
        width = max(option.rect.width() - (TEXT_LEFT + MARGIN), 40)
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            width = max(widget.viewport().width() - (TEXT_LEFT + MARGIN), 40)
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
        done = bool(index.data(QuoteRole.Annotated))
        color = annotation_color(str(index.data(QuoteRole.Color)), palette)
        metrics = QFontMetrics(option.font)
        text_height = len(lines) * metrics.lineSpacing()
        paint_card_frame(painter, option, color, text_height)

        text_color = QColor(palette.color(QPalette.ColorRole.Text))
        if done:
            text_color.setAlphaF(0.55)
        painter.setFont(QFont(option.font))
        painter.setPen(text_color)
        draw_lines(painter, lines, rect, MARGIN, metrics)
        left = rect.left() + TEXT_LEFT

        painter.setFont(chips.chip_font(option.font))
        top = rect.top() + MARGIN + text_height + GAP
        labels = meta_line(index)
        for number, (label, chip) in enumerate(zip(labels, rects, strict=True)):
            tone = color if number == 0 else None
            chips.paint_chip(painter, chip.translated(left, top), label, tone, palette)
        painter.restore()
