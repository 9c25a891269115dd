"""Painting helpers shared by the annotation cards, the tag picker and the tag list.

Tags appear as rounded chips and colours as small swatches in several places; drawing them in
one module keeps them identical everywhere and lets every caller follow the light or dark
palette the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from quotebook.ui.theme import is_dark

CHIP_HPAD = 7  # text inset inside a chip
CHIP_VPAD = 2
CHIP_SPACING = 4  # between chips, both ways
CLOSE_MARK = "×"


def readable_text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background (relative luminance)."""
    r, g, b = (background.redF(), background.greenF(), background.blueF())
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.5 else QColor("#ffffff")


def chip_font(base: QFont) -> QFont:
    """Chips use a slightly smaller font so a row of them stays lighter than the quote."""
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(size * 0.9, 7.0))
    return font


def chip_size(metrics: QFontMetrics, text: str, *, closable: bool = False) -> QSize:
    label = f"{text}  {CLOSE_MARK}" if closable else text
    # +2: slack for rounding, so that a label measured to fit is never elided when painted.
    width = metrics.horizontalAdvance(label) + 2 * CHIP_HPAD + 2
    return QSize(width, metrics.height() + 2 * CHIP_VPAD)


def chip_fill(color: QColor | None, palette: QPalette) -> QColor:
    """The chip's fill: its tag colour, or a neutral tone a little off the base colour."""
    if color is not None:
        return color
    base = palette.color(QPalette.ColorRole.Base)
    return base.lighter(160) if is_dark(palette) else base.darker(112)


def paint_chip(
    painter: QPainter,
    rect: QRect,
    text: str,
    color: QColor | None,
    palette: QPalette,
    *,
    closable: bool = False,
) -> None:
    """One rounded chip filling `rect`; the caller sets the chip font on the painter."""
    fill = chip_fill(color, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    border = fill.darker(125) if color is not None else palette.color(QPalette.ColorRole.Mid)
    painter.setPen(border)
    painter.setBrush(fill)
    box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    radius = box.height() / 2
    painter.drawRoundedRect(box, radius, radius)
    text_color = (
        readable_text_on(fill) if color is not None else palette.color(QPalette.ColorRole.Text)
    )
    painter.setPen(text_color)
    inner = rect.adjusted(CHIP_HPAD, 0, -CHIP_HPAD, 0)
    metrics = painter.fontMetrics()
    suffix = f"  {CLOSE_MARK}" if closable else ""
    room = inner.width() - metrics.horizontalAdvance(suffix)
    label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0)) + suffix
    painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label)
    painter.restore()


def close_mark_rect(metrics: QFontMetrics, rect: QRect) -> QRect:
    """Where the × of a closable chip sits, generously sized for a click."""
    width = metrics.horizontalAdvance(CLOSE_MARK) + 2 * CHIP_HPAD
    return QRect(rect.right() - width + 1, rect.top(), width, rect.height())


def flow_chips(
    metrics: QFontMetrics, labels: Sequence[str], width: int, *, closable: bool = False
) -> list[QRect]:
    """Chip rectangles wrapped into lines no wider than `width`, relative to (0, 0).

    A chip wider than the line is kept on its own line at full width, and painting elides it;
    nothing is dropped.
    """
    rects: list[QRect] = []
    x = y = 0
    line_height = 0
    for label in labels:
        size = chip_size(metrics, label, closable=closable)
        size.setWidth(min(size.width(), max(width, 1)))
        if x > 0 and x + size.width() > width:
            x = 0
            y += line_height + CHIP_SPACING
            line_height = 0
        rects.append(QRect(x, y, size.width(), size.height()))
        x += size.width() + CHIP_SPACING
        line_height = max(line_height, size.height())
    return rects


def flow_height(rects: Sequence[QRect]) -> int:
    return max((r.bottom() + 1 for r in rects), default=0)
