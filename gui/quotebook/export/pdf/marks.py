"""Where each highlight lies on the pages: rectangles for painting and for QuadPoints.

The annotated ranges are first cut into elementary segments (see `highlights.segments`); each
segment is measured once in Qt's layout, painted in its blended colour, and an annotation's
own rectangles are its segments' rectangles joined line by line. So the paint and the quads
cannot drift apart, and a long document with many overlaps is measured only once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from quotebook.domain import Annotation
from quotebook.export.highlights import RGB, half_layer, hex_of, rgb, segment_colour, segments
from quotebook.export.pdf.geometry import Flow, range_pieces

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextPositions:
    """Code-point offsets into a text ↔ positions in the QTextDocument holding it (UTF-16).

    Only characters outside the Basic Multilingual Plane differ (they take two positions in
    Qt); a regular expression finds them without a Python loop over a megabyte of text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_doc = [cp + n for n, cp in enumerate(self._astral)]

    def to_doc(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def to_text(self, position: int) -> int:
        """The offset of the character at `position` (its start, inside a surrogate pair)."""
        n = bisect.bisect_left(self._astral_doc, position)
        if n and self._astral_doc[n - 1] + 1 == position:
            return self._astral[n - 1]
        return position - n

    def is_blank(self, position: int) -> bool:
        offset = self.to_text(position)
        return offset >= len(self.text) or self.text[offset].isspace()


@dataclass
class HighlightLayout:
    """The result for one document, in page device coordinates."""

    fills: dict[int, list[tuple[QRectF, QColor]]] = field(default_factory=dict)
    # annotation id → page → rectangles, one per line, in text order
    rects: dict[int, dict[int, list[QRectF]]] = field(default_factory=dict)
    colours: dict[int, RGB] = field(default_factory=dict)


def lay_out_highlights(
    body: Flow,
    positions: TextPositions,
    placed: Sequence[Annotation],
    left: float,
    *,
    half: bool,
) -> HighlightLayout:
    """Measure every segment once; `half` paints half of each colour (see `half_layer`)."""
    result = HighlightLayout(colours={a.id: rgb(a.color) for a in placed})
    pieces: dict[int, dict[int, list[QRectF]]] = {a.id: {} for a in placed}
    for segment in segments(placed):
        colour = segment_colour(segment, result.colours)
        fill = QColor(hex_of(half_layer(colour) if half else colour))
        for piece in range_pieces(
            body.doc,
            positions.to_doc(segment.start),
            positions.to_doc(segment.end),
            positions.is_blank,
        ):
            where = body.locate(piece.top)
            x, y = where.to_page(piece.x0, piece.top, left)
            rect = QRectF(x, y, piece.x1 - piece.x0, piece.bottom - piece.top)
            result.fills.setdefault(where.page, []).append((rect, fill))
            for annotation_id in segment.annotation_ids:
                pieces[annotation_id].setdefault(where.page, []).append(rect)
    for annotation_id, by_page in pieces.items():
        if by_page:
            result.rects[annotation_id] = {p: _join(rects) for p, rects in by_page.items()}
    return result


def _join(rects: list[QRectF]) -> list[QRectF]:
    """Rectangles of neighbouring segments on one line become one rectangle per line."""
    joined: list[QRectF] = []
    for rect in rects:
        last = joined[-1] if joined else None
        if (
            last is not None
            and abs(last.top() - rect.top()) < 0.5
            and abs(last.right() - rect.left()) < 0.5
        ):
            joined[-1] = QRectF(last.left(), last.top(), rect.right() - last.left(), last.height())
        else:
            joined.append(rect)
    return joined
