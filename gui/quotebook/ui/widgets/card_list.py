"""Cards: how the annotation and quotes panels list their items, and draw each one.

Both panels show one card per item (a colour bar, wrapped text, a row of chips), scroll by pixel
and wrap text; clicking the card that is already current must still take the viewer to it,
which a plain `currentChanged` cannot tell, so the view reports such a click as `reclicked`.
Both change their list's selection themselves when the document or the filters change, and
must not announce those changes as the user's: `Quiet` keeps count of such stretches.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyleOptionViewItem, QWidget

from quotebook.ui.widgets.python_viewport import use_python_viewport

MARGIN = 8  # around a card's content, and between its colour bar and its text
BAR_WIDTH = 4
GAP = 5  # between the sections of a card
TEXT_LEFT = MARGIN + BAR_WIDTH + MARGIN  # where a card's text starts


class Quiet:
    """Counts the stretches in which selection changes are the program's, not the user's."""

    def __init__(self) -> None:
        self._depth = 0

    def __bool__(self) -> bool:
        return self._depth > 0

    @contextmanager
    def __call__(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1


def wrap_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """`text` wrapped to `width`, at most `max_lines` lines, the last one elided if cut."""
    metrics = QFontMetrics(font)
    lines: list[str] = []
    paragraphs = text.split("\n")
    for number, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == max_lines - 1:
                # The last line allowed: everything left goes on it, elided.
                rest = " ".join([paragraph[start:], *paragraphs[number + 1 :]]).strip()
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                layout.endLayout()
                return lines
            lines.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
    return lines


def paint_card_frame(
    painter: QPainter, option: QStyleOptionViewItem, color: QColor, bar_height: int
) -> None:
    """The card's background (selected, hovered), its separator line and its colour bar."""
    rect, palette, state = option.rect, option.palette, option.state
    selected = bool(state & QStyle.StateFlag.State_Selected)
    if selected or state & QStyle.StateFlag.State_MouseOver:
        fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        active = bool(state & QStyle.StateFlag.State_Active)
        fill.setAlpha((70 if active else 40) if selected else 22)
        painter.fillRect(rect, fill)
    separator = QColor(palette.color(QPalette.ColorRole.Text))
    separator.setAlpha(40)
    painter.setPen(separator)
    painter.drawLine(rect.left() + MARGIN, rect.bottom(), rect.right() - MARGIN, rect.bottom())
    bar = QRect(rect.left() + MARGIN, rect.top() + MARGIN, BAR_WIDTH, bar_height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(bar, 2, 2)


def draw_lines(
    painter: QPainter, lines: Sequence[str], rect: QRect, top: int, metrics: QFontMetrics
) -> None:
    """Lines of card text, the first one's top `top` pixels below the card's."""
    x = rect.left() + TEXT_LEFT
    baseline = rect.top() + top + metrics.ascent()
    for line in lines:
        painter.drawText(x, baseline, line)
        baseline += metrics.lineSpacing()


class CardListView(QListView):
    reclicked = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_python_viewport(self)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self._current_at_press = QPersistentModelIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._current_at_press = QPersistentModelIndex(self.currentIndex())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if index.isValid() and QPersistentModelIndex(index) == self._current_at_press:
            self.reclicked.emit(index)
        self._current_at_press = QPersistentModelIndex()
