"""The highlight layer: annotations painted as background colours on a document's characters.

Annotations may overlap, so their ranges are first cut into elementary segments, each covered by
a fixed set of annotations; a segment's colour blends the colours of everything covering it and
grows darker with every extra layer, so stacked highlights stay visible and text stays readable.

The colours go into the `QTextDocument` as character formats, never into its text, inside one
edit block with the document's undo history switched off. Formats were chosen over extra
selections because Qt lays a long document out lazily: formats are laid out only when their
paragraph is, while every extra selection asks for the layout up to its position as soon as it
is set (a full layout of a 1 MB document costs ~0.2 s). The layer remembers what it painted and
re-formats only the segments that changed, so adding one highlight touches a few characters.

A document may carry formatting of its own (bold, headings, links: see `formatting_layer`). Then
the layer merges its backgrounds over those formats and, when a highlight goes, removes only the
background; a plain document keeps the cheaper path of setting whole formats.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from quotebook.anchoring import Utf16Map
from quotebook.domain import Annotation, color_hex

# Each extra layer darkens the blend by this many percent, up to MAX_LAYERS layers. Darker works
# in both palettes: dark text on a light highlight and light text on a dark one both gain contrast.
LAYER_DARKEN = 12
MAX_LAYERS = 4


class Segment(NamedTuple):
    """A stretch of text (code points) covered by the same annotations, topmost first.

    Topmost means the shortest annotation, then the newest: the one a click most likely means.
    A named tuple rather than a dataclass: a long document has thousands, made on every change.
    """

    start: int
    end: int
    annotation_ids: tuple[int, ...]
    colors: tuple[str, ...]


def split_segments(annotations: Iterable[Annotation]) -> list[Segment]:
    """Cut annotated ranges into non-overlapping segments in text order; gaps are left out."""
    # (start, end, length, -id, id, colour): sorting by the middle fields puts the topmost first.
    spans = sorted(
        (a.start, a.end, a.end - a.start, -a.id, a.id, a.color)
        for a in annotations
        if a.end > a.start
    )
    if not spans:
        return []
    points = sorted({p for span in spans for p in span[:2]})
    segments: list[Segment] = []
    active: list[tuple[int, int, int, int, int, str]] = []
    first_end = 0  # the smallest end among the active spans
    ids: tuple[int, ...] = ()
    colors: tuple[str, ...] = ()
    next_span = 0
    for left, right in itertools.pairwise(points):
        changed = False
        if active and first_end <= left:
            active = [span for span in active if span[1] > left]
            changed = True
        while next_span < len(spans) and spans[next_span][0] <= left:
            active.append(spans[next_span])
            next_span += 1
            changed = True
        if not active:
            continue
        if changed:
            first_end = min(span[1] for span in active)
            on_top = sorted(active, key=_topmost)
            ids = tuple(span[4] for span in on_top)
            colors = tuple(span[5] for span in on_top)
        segments.append(Segment(left, right, ids, colors))
    return segments


def _topmost(span: tuple[int, int, int, int, int, str]) -> tuple[int, int]:
    return span[2], span[3]


def blend(colors: Sequence[str], *, dark: bool) -> QColor:
    """The colour of a segment covered by annotations of these palette colours."""
    if not colors:
        raise ValueError("a painted segment has at least one colour")
    parts = [QColor(color_hex(name, dark=dark)) for name in colors]
    mixed = QColor(
        round(sum(c.red() for c in parts) / len(parts)),
        round(sum(c.green() for c in parts) / len(parts)),
        round(sum(c.blue() for c in parts) / len(parts)),
    )
    layers = min(len(parts), MAX_LAYERS)
    if layers > 1:
        mixed = QColor.fromRgb(mixed.darker(100 + LAYER_DARKEN * (layers - 1)).rgb())
    return mixed


class HighlightLayer:
    """Keeps a document's highlight formats in step with an annotation list.

    `reset` is called whenever the document's text is replaced (that drops all formats);
    `paint` may then be called as often as the annotations change.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text = ""
        self._map = Utf16Map("")
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._runs: dict[tuple[int, int], int] = {}  # UTF-16 (start, end) -> painted RGB
        self._formats: dict[int, QTextCharFormat] = {}
        self._keep_formats = False

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    @property
    def utf16(self) -> Utf16Map:
        return self._map

    def reset(
        self, text: str, mapping: Utf16Map | None = None, *, keep_formats: bool = False
    ) -> None:
        """Start over on a document whose text was just set to `text` (and carries no highlights).

        `keep_formats` says the document carries formatting that highlights must not wipe.
        """
        self._keep_formats = keep_formats
        self._text = text
        self._map = mapping if mapping is not None else Utf16Map(text)
        self._segments = []
        self._starts = []
        self._runs = {}

    def paint(self, annotations: Iterable[Annotation], *, dark: bool) -> int:
        """Bring the document's formats in line with `annotations`; returns ranges re-formatted."""
        # An orphaned annotation's offsets no longer point at its quote: painting them would
        # mark the wrong words.
        limit = len(self._text)
        inside = [a for a in annotations if 0 <= a.start < a.end <= limit and not a.orphaned]
        self._segments = split_segments(inside)
        self._starts = [s.start for s in self._segments]
        to_u16 = self._map.to_utf16
        runs: dict[tuple[int, int], int] = {}
        blends: dict[tuple[str, ...], int] = {}
        for start, end, _, colors in self._segments:
            rgb = blends.get(colors)
            if rgb is None:
                rgb = blends[colors] = blend(colors, dark=dark).rgb()
            runs[(to_u16(start), to_u16(end))] = rgb
        old = self._runs
        cleared = sorted(span for span in old if span not in runs)
        painted = sorted(span for span, rgb in runs.items() if old.get(span) != rgb)
        self._runs = runs
        if cleared or painted:
            self._apply(cleared, painted, runs)
        return len(cleared) + len(painted)

    def _apply(
        self,
        cleared: list[tuple[int, int]],
        painted: list[tuple[int, int]],
        runs: dict[tuple[int, int], int],
    ) -> None:
        # Clearing first is safe: painted spans never overlap a span that stays as it was, and
        # one that overlaps a cleared span is painted afterwards.
        cursor = QTextCursor(self._document)
        # Local names: on a long document this loop runs thousands of times per paint.
        move, apply = cursor.setPosition, cursor.setCharFormat
        keep = QTextCursor.MoveMode.KeepAnchor
        cursor.beginEditBlock()
        if self._keep_formats:
            for start, end in cleared:
                self._clear_background(cursor, start, end)
            apply = cursor.mergeCharFormat
        else:
            plain = QTextCharFormat()
            for start, end in cleared:
                move(start)
                move(end, keep)
                apply(plain)
        fmt = self._format
        for start, end in painted:
            move(start)
            move(end, keep)
            apply(fmt(runs[(start, end)]))
        cursor.endEditBlock()

    def _clear_background(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Take the background off UTF-16 [start, end), keeping every other property.

        Each fragment (and paragraph break) keeps its own format minus the background; they are
        collected first because re-formatting while walking would move fragment boundaries.
        """
        background = QTextFormat.Property.BackgroundBrush
        pieces: list[tuple[int, int, QTextCharFormat]] = []
        block = self._document.findBlock(start)
        while block.isValid() and block.position() < end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                left = fragment.position()
                right = left + fragment.length()
                if right > start and left < end:
                    fmt = fragment.charFormat()
                    fmt.clearProperty(background)
                    pieces.append((max(left, start), min(right, end), fmt))
                it += 1
            brk = block.position() + block.length() - 1  # fragments leave the break out
            if start <= brk < end:
                cursor.setPosition(brk + 1)  # the format of the character before: the break
                fmt = cursor.charFormat()
                fmt.clearProperty(background)
                pieces.append((brk, brk + 1, fmt))
            block = block.next()
        keep = QTextCursor.MoveMode.KeepAnchor
        for left, right, fmt in pieces:
            cursor.setPosition(left)
            cursor.setPosition(right, keep)
            cursor.setCharFormat(fmt)

    def _format(self, rgb: int) -> QTextCharFormat:
        fmt = self._formats.get(rgb)
        if fmt is None:
            fmt = self._formats[rgb] = QTextCharFormat()
            fmt.setBackground(QColor.fromRgb(rgb))
        return fmt

    # -- questions --------------------------------------------------------------------------

    def segment_at(self, offset: int) -> Segment | None:
        """The segment covering the character at code-point `offset`, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._segments[i].end:
            return self._segments[i]
        return None

    def annotation_at(self, offset: int) -> int | None:
        segment = self.segment_at(offset)
        return segment.annotation_ids[0] if segment else None

    def painted_ranges(self) -> list[tuple[int, int, QColor]]:
        """What the document really carries, read back from its formats, in code points.

        Neighbouring characters with the same background read back as one range.
        """
        ranges: list[tuple[int, int, QColor]] = []
        block = self._document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
                    start = fragment.position()
                    end = start + fragment.length()
                    color = fmt.background().color()
                    if ranges and ranges[-1][2] == color and self._joins(ranges[-1][1], start):
                        start = ranges.pop()[0]
                    ranges.append((start, end, color))
                it += 1
            block = block.next()
        to_cp = self._map.to_codepoint
        return [(to_cp(s), to_cp(e), c) for s, e, c in ranges]

    def _joins(self, end: int, start: int) -> bool:
        """Whether a range ending at `end` runs on into one starting at `start`: they touch, or
        only a paragraph break painted alike lies between them (fragments leave breaks out)."""
        if end == start:
            return True
        if end + 1 != start:
            return False
        cursor = QTextCursor(self._document)
        cursor.setPosition(start)  # the format of the character before the cursor: the break
        before = cursor.charFormat()
        cursor.setPosition(end)
        return before.background() == cursor.charFormat().background()
