"""Painting the composed pages onto a `QPdfWriter`: one `drawContents` per slice of text.

Order matters on paper: highlight fills first so the text sits on top of them, then the text,
then the small number markers (only when highlights are flattened into the page; otherwise each
annotation draws its own, see `numbers`) and margin notes, then the running header and the
footer. The markers are drawn as outlines rather than text so that copying or extracting the
body text never picks up stray digits between words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPdfWriter, QPen

from quotebook.export.fonts import Families, font
from quotebook.export.pdf.compose import Composition, PageMarks
from quotebook.export.pdf.geometry import UNIT, Page, PageGeometry, Slice
from quotebook.export.pdf.numbers import GAP, RAISE, marker_font

TEXT = QColor("#000000")
RULE = QColor("#b5b5b5")
HEADER_INK = QColor("#6b6b6b")


def paint_pages(
    composition: Composition,
    writer: QPdfWriter,
    families: Families,
    after_page: Callable[[int], None] = lambda index: None,
) -> None:
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("the PDF writer refused to start painting")
    try:
        header_font = font(families.sans, 7.5)
        numbers_font = marker_font(families)
        total = len(composition.pages)
        for page in composition.pages:
            if page.index:
                writer.newPage()
            marks = composition.marks[page.index]
            _paint_fills(painter, marks)
            _paint_text(painter, composition.geometry, page)
            _paint_markers(painter, marks, numbers_font)
            _paint_margin_notes(painter, marks)
            _paint_header_footer(painter, composition.geometry, page, total, header_font)
            for piece in page.slices:
                # A long body's parts are laid out again for painting; each is let go of
                # after its last page, so only one or two are held at a time.
                if not piece.flow.keep and piece is piece.flow.slices[-1]:
                    piece.flow.release()
            after_page(page.index)
    finally:
        painter.end()


def _paint_fills(painter: QPainter, marks: PageMarks) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for rect, colour in marks.fills:
        painter.fillRect(rect, colour)


def _paint_text(painter: QPainter, g: PageGeometry, page: Page) -> None:
    for piece in page.slices:
        painter.save()
        painter.translate(g.left, piece.page_y - piece.top)
        _draw_slice(painter, piece)
        painter.restore()


def _draw_slice(painter: QPainter, piece: Slice) -> None:
    """Draw exactly the lines of one slice, and nothing that a text extractor could find
    outside it.

    `drawContents` with a clip rectangle also draws (clipped, invisible, yet extractable) the
    last line above the clip when that line belongs to the same paragraph. So a paragraph
    that continues from the previous page has its lines on this page drawn one by one, and
    `drawContents` starts below it.
    """
    doc = piece.flow.doc
    width = doc.textWidth()
    painter.setClipRect(QRectF(0, piece.top, width, piece.bottom - piece.top))
    start = piece.top
    first = piece.first_line
    if first is not None and first.index > 0:
        block = doc.findBlockByNumber(first.block)
        layout = block.layout()
        origin = layout.position()
        painter.setPen(TEXT)  # what drawContents uses for text without a colour of its own
        for i in range(first.index, layout.lineCount()):
            line = layout.lineAt(i)
            if origin.y() + line.y() >= piece.bottom:
                break
            line.draw(painter, origin)
        start = doc.documentLayout().blockBoundingRect(block).bottom()
    # A hair inside at both ends: lines that merely touch the edges must not be drawn.
    top = start + 0.5
    if top < piece.bottom - 0.5:
        doc.drawContents(painter, QRectF(0, top, width, piece.bottom - 0.5 - top))


def _paint_markers(painter: QPainter, marks: PageMarks, numbers_font: QFont) -> None:
    """Small numbers just before each highlight's first word, raised into the leading above the
    line so they never touch a glyph (an opening quotation mark reaches almost that high)."""
    metrics = QFontMetricsF(numbers_font)
    painter.setPen(Qt.PenStyle.NoPen)
    for x, top, text, colour in marks.markers:
        path = QPainterPath()
        width = metrics.horizontalAdvance(text)
        path.addText(QPointF(x - width - GAP * UNIT, top + RAISE * UNIT), numbers_font, text)
        painter.fillPath(path, colour)


def _paint_margin_notes(painter: QPainter, marks: PageMarks) -> None:
    for doc, x, y in marks.notes:
        painter.save()
        painter.translate(x, y)
        doc.drawContents(painter)
        painter.restore()


def _paint_header_footer(
    painter: QPainter, g: PageGeometry, page: Page, total: int, header_font: QFont
) -> None:
    painter.setFont(header_font)
    painter.setPen(HEADER_INK)
    metrics = QFontMetricsF(header_font, painter.device())
    right = g.notes_x + g.notes_width if g.notes_width else g.left + g.body_width
    if not page.opens_item:
        title = metrics.elidedText(page.running_title, Qt.TextElideMode.ElideRight, right - g.left)
        painter.drawText(QPointF(g.left, g.header_y), title)
        painter.setPen(QPen(RULE, 0.5 * UNIT))
        rule_y = g.header_y + 5 * UNIT
        painter.drawLine(QPointF(g.left, rule_y), QPointF(right, rule_y))
        painter.setPen(HEADER_INK)
    number = f"{page.index + 1} / {total}"
    width = metrics.horizontalAdvance(number)
    painter.drawText(QPointF((g.left + right - width) / 2, g.footer_y), number)
