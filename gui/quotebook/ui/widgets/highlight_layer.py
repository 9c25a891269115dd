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

A single highlight added, changed or removed (`update`, `remove`) costs what it touches: the
segments under its old and new ranges are cut again from the annotations that cover them (the
segments themselves say which), and spliced into the list; nothing walks the other highlights.

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


# (start, end, length, -id, id, colour): sorting by the middle fields puts the topmost first.
_Span = tuple[int, int, int, int, int, str]


def split_segments(annotations: Iterable[Annotation]) -> list[Segment]:
    """Cut annotated ranges into non-overlapping segments in text order; gaps are left out."""
    return _split_spans([_span(a) for a in annotations if a.end > a.start])


def _span(annotation: Annotation) -> _Span:
    a = annotation
    return (a.start, a.end, a.end - a.start, -a.id, a.id, a.color)


def _split_spans(unsorted: Iterable[_Span]) -> list[Segment]:
    spans = sorted(unsorted)
    if not spans:
        return []
    points = sorted({p for span in spans for p in span[:2]})
    segments: list[Segment] = []
    active: list[_Span] = []
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


def _topmost(span: _Span) -> tuple[int, int]:
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
    `paint` may then be called with the whole list as often as it changes, or `update` and
    `remove` with the one annotation that changed.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text = ""
        self._map = Utf16Map("")
        self._annotations: dict[int, Annotation] = {}  # those painted, by id
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._runs: dict[tuple[int, int], int] = {}  # UTF-16 (start, end) -> painted RGB
        self._formats: dict[int, QTextCharFormat] = {}
        self._blends: dict[tuple[tuple[str, ...], bool], int] = {}
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
        self._annotations = {}
        self._segments = []
        self._starts = []
        self._runs = {}

    def _paintable(self, annotation: Annotation) -> bool:
        # An orphaned annotation's offsets no longer point at its quote: painting them would
        # mark the wrong words.
        a = annotation
        return 0 <= a.start < a.end <= len(self._text) and not a.orphaned

    def paint(self, annotations: Iterable[Annotation], *, dark: bool) -> int:
        """Bring the document's formats in line with `annotations`; returns ranges re-formatted."""
        inside = [a for a in annotations if self._paintable(a)]
        self._annotations = {a.id: a for a in inside}
        self._segments = split_segments(inside)
        self._starts = [s.start for s in self._segments]
        runs = self._runs_of(self._segments, dark)
        old = self._runs
        cleared = sorted(span for span in old if span not in runs)
        painted = sorted(span for span, rgb in runs.items() if old.get(span) != rgb)
        self._runs = runs
        if cleared or painted:
            self._apply(cleared, painted, runs)
        return len(cleared) + len(painted)

    def update(self, annotation: Annotation, *, dark: bool) -> int:
        """Paint one annotation that was added or changed; returns ranges re-formatted."""
        old = self._annotations.pop(annotation.id, None)
        if self._paintable(annotation):
            self._annotations[annotation.id] = annotation
        elif old is None:
            return 0
        return self._repaint_around(old, annotation, dark)

    def remove(self, annotation_id: int, *, dark: bool) -> int:
        """Take one annotation's colour away; returns ranges re-formatted."""
        old = self._annotations.pop(annotation_id, None)
        return 0 if old is None else self._repaint_around(old, None, dark)

    def _repaint_around(self, old: Annotation | None, new: Annotation | None, dark: bool) -> int:
        regions = sorted((a.start, a.end) for a in (old, new) if a is not None and a.end > a.start)
        if len(regions) == 2 and regions[1][0] <= regions[0][1]:
            regions = [(regions[0][0], max(regions[0][1], regions[1][1]))]
        added = new.id if new is not None and new.id in self._annotations else None
        changed = 0
        for start, end in reversed(regions):  # from the end, so earlier indexes stay valid
            changed += self._resplit(start, end, added, dark)
        return changed

    def _resplit(self, start: int, end: int, added: int | None, dark: bool) -> int:
        """Cut the segments over code points [start, end) again from the annotations that
        cover them now (those the old segments name, and `added`), splice them in, and
        re-format what changed."""
        segments, starts = self._segments, self._starts
        first = bisect.bisect_right(starts, start) - 1
        if first < 0 or segments[first].end <= start:
            first += 1
        last = bisect.bisect_left(starts, end)  # segments [first, last) overlap the region
        # Whole segments only, and a touching neighbour on each side: a colour may now run on.
        if first < last:
            start, end = min(start, segments[first].start), max(end, segments[last - 1].end)
        if first > 0 and segments[first - 1].end == start:
            first -= 1
            start = segments[first].start
        if last < len(segments) and segments[last].start == end:
            last += 1
            end = segments[last - 1].end
        ids = {i for segment in segments[first:last] for i in segment.annotation_ids}
        if added is not None:
            ids.add(added)
        spans = []
        for i in ids:
            a = self._annotations.get(i)
            if a is not None and a.start < end and a.end > start:
                spans.append(
                    (max(a.start, start), min(a.end, end), a.end - a.start, -i, i, a.color)
                )
        fresh = _split_spans(spans)
        old_runs = self._runs_of(segments[first:last], dark, self._runs)
        new_runs = self._runs_of(fresh, dark)
        segments[first:last] = fresh
        starts[first:last] = [s.start for s in fresh]
        cleared = [span for span in old_runs if span not in new_runs]
        painted = [span for span, rgb in new_runs.items() if old_runs.get(span) != rgb]
        for span in old_runs:
            del self._runs[span]
        self._runs.update(new_runs)
        if cleared or painted:
            self._apply(cleared, painted, new_runs)
        return len(cleared) + len(painted)

    def _runs_of(
        self,
        segments: Iterable[Segment],
        dark: bool,
        painted: dict[tuple[int, int], int] | None = None,
    ) -> dict[tuple[int, int], int]:
        """UTF-16 (start, end) -> RGB for these segments; with `painted`, what was painted."""
        to_u16 = self._map.to_utf16
        runs: dict[tuple[int, int], int] = {}
        for start, end, _, colors in segments:
            span = (to_u16(start), to_u16(end))
            if painted is not None:
                runs[span] = painted[span]
                continue
            rgb = self._blends.get((colors, dark))
            if rgb is None:
                rgb = self._blends[(colors, dark)] = blend(colors, dark=dark).rgb()
            runs[span] = rgb
        return runs

    def covers(self, start: int, end: int) -> bool:
        """Whether a painted highlight touches code points [start, end], both ends included."""
        i = bisect.bisect_right(self._starts, end) - 1
        return i >= 0 and self._segments[i].end >= start

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
