"""Where each highlight lies on the pages: rectangles for painting and for QuadPoints.

The annotated ranges are first cut into elementary segments (see `highlights.segments`); each
segment is measured once in Qt's layout (and, when highlights are flattened into the page,
painted in its blended colour), and an annotation's own rectangles are its segments' rectangles
joined line by line. So the paint and the quads cannot drift apart, and a long document with
many overlaps is measured only once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from quotebook.domain import Annotation
from quotebook.export.highlights import RGB, hex_of, rgb, segment_colour, segments
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


class HighlightLayout:
    """Every highlight of one document, measured part by part, in page device coordinates.

    The segments are cut once over the whole text; each part of the body (see `chunks`) then
    measures the share of every segment that lies inside it while its layout is at hand. A
    highlight crossing from one part into the next gets pieces from both, exactly as if the
    text had been laid out in one piece, since parts end at line ends.
    """

    def __init__(self, placed: Sequence[Annotation], *, fill: bool) -> None:
        self.colours: dict[int, RGB] = {a.id: rgb(a.color) for a in placed}
        self.fills: dict[int, list[tuple[QRectF, QColor]]] = {}
        # annotation id → page → rectangles, one per line, in text order
        self.rects: dict[int, dict[int, list[QRectF]]] = {}
        self._segments = segments(placed)
        self._next = 0  # the first segment not yet wholly measured
        self._fill = fill
        self._pieces: dict[int, dict[int, list[QRectF]]] = {a.id: {} for a in placed}

    def measure(self, flow: Flow, positions: TextPositions, offset: int, left: float) -> None:
        """Measure what lies in `flow`, which holds the text of `positions` from `offset` on."""
        end = offset + len(positions.text)
        index = self._next
        while index < len(self._segments) and self._segments[index].start < end:
            segment = self._segments[index]
            index += 1
            start, stop = max(segment.start, offset), min(segment.end, end)
            if start >= stop:
                continue
            colour = segment_colour(segment, self.colours)
            fill = QColor(hex_of(colour))
            for piece in range_pieces(
                flow.doc,
                positions.to_doc(start - offset),
                positions.to_doc(stop - offset),
                positions.is_blank,
            ):
                where = flow.locate(piece.top)
                x, y = where.to_page(piece.x0, piece.top, left)
                rect = QRectF(x, y, piece.x1 - piece.x0, piece.bottom - piece.top)
                if self._fill:
                    self.fills.setdefault(where.page, []).append((rect, fill))
                for annotation_id in segment.annotation_ids:
                    self._pieces[annotation_id].setdefault(where.page, []).append(rect)
        while self._next < len(self._segments) and self._segments[self._next].end <= end:
            self._next += 1

    def finish(self) -> None:
        """Join each annotation's pieces into one rectangle per line."""
        for annotation_id, by_page in self._pieces.items():
            if by_page:
                self.rects[annotation_id] = {p: _join(rects) for p, rects in by_page.items()}
        self._pieces.clear()


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
