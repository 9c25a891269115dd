"""Reader view: hide the lines of site chrome in web text without touching the text.

Hidden lines are whole blocks of the viewer's document made invisible, so every character keeps
its position and annotations stay anchored. A line that carries an annotation is never hidden.

The cost follows the change, not the document. The lines that may hide are found once per
verdict from the text itself, walking only the ranges the verdict names (a line's block number
is the number of line breaks before it); after that a highlight added or removed re-decides
just the lines it touches. When the verdict comes with the document, before Qt has laid any of
it out, blocks are only flagged. Later, a block Qt has not laid out yet (it lays a document out
lazily, top to bottom) is flagged too, and one it has laid out is marked dirty on its own:
marking the whole document dirty makes Qt lay all of it out again at once (~0.3 s a megabyte).

A verdict with tens of thousands of lines costs a noticeable part of opening a large document
(each line is a call into Qt), so the lines past the first screens can be left `pending` and
flagged a batch at a time after the first paint (`flush`), each block checked as above.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtGui import QTextBlock, QTextDocument

# Whether a highlight touches code points [start, end] (both included: a line's last position
# is its line break).
Carries = Callable[[int, int], bool]

# Past this many separate stretches of blocks changing at once, the whole document is laid out
# again lazily instead: each stretch marked dirty makes Qt re-place every block after it.
MAX_DIRTY_STRETCHES = 16


class HiddenLines:
    """Which lines of one `QTextDocument`, shown from a known text, the reader view hides."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text = ""
        self._breaks: Sequence[int] = ()  # display breaks inside long lines (see long_lines)
        self._starts: list[int] = []  # code points: the lines that may hide, ascending
        self._ends: list[int] = []  # where each one's line break is
        self._blocks: list[tuple[int, int]] = []  # (first block number, blocks) of each
        self._hidden: set[int] = set()  # indexes into the lists above
        self._pending: int | None = None  # hidden lines from this index on are not flagged yet

    @property
    def count(self) -> int:
        """How many lines are hidden."""
        return len(self._hidden)

    @property
    def pending(self) -> bool:
        """Whether some hidden lines still wait for `flush`."""
        return self._pending is not None

    def reset(self, text: str = "", breaks: Sequence[int] = ()) -> None:
        """The document now shows `text` (cut at `breaks`): every block shows, none may hide."""
        self._text, self._breaks = text, breaks
        self._starts, self._ends, self._blocks, self._hidden = [], [], [], set()
        self._pending = None

    def set_ranges(
        self,
        ranges: Sequence[tuple[int, int]],
        carries: Carries,
        *,
        laid_out: bool = True,
        now_until: int | None = None,
    ) -> int:
        """Hide the lines lying wholly inside `ranges` (code points) that carry no highlight,
        and show again those hidden before that no longer should be; returns how many hide.

        `laid_out=False` promises that Qt has laid out nothing since the text was set (the
        caller is inside the edit block that set it): flags are then all it takes. With
        `now_until`, only lines starting before that offset are flagged now; the rest wait for
        `flush`.
        """
        flagged = self._pending if self._pending is not None else len(self._starts)
        before = [self._blocks[i] for i in sorted(self._hidden) if i < flagged]
        self._find_lines(ranges)
        starts, ends = self._starts, self._ends
        hide = [i for i in range(len(starts)) if not carries(starts[i], ends[i])]
        self._hidden = set(hide)
        self._pending = None
        if now_until is not None:
            first_later = bisect.bisect_left(starts, now_until)
            if first_later < len(starts):
                self._pending = first_later
                hide = [i for i in hide if i < first_later]
        after = [self._blocks[i] for i in hide]  # in document order
        if before:
            kept = set(before) & set(after)
            self._set_blocks([b for b in before if b not in kept], visible=True, dirty=laid_out)
            after = [b for b in after if b not in kept]
        self._set_blocks(after, visible=False, dirty=laid_out)
        return len(self._hidden)

    def flush(self, most: int | None = None) -> bool:
        """Flag pending hidden lines, at most `most` of them (None: all); whether any are left.

        Qt may have laid some of them out meanwhile: those are marked dirty."""
        if self._pending is None:
            return False
        end = len(self._starts) if most is None else min(len(self._starts), self._pending + most)
        spans = [self._blocks[i] for i in range(self._pending, end) if i in self._hidden]
        self._pending = end if end < len(self._starts) else None
        self._set_blocks(spans, visible=False)
        return self._pending is not None

    def refresh(self, start: int, end: int, carries: Carries) -> None:
        """Highlights changed somewhere in code points [start, end]: decide again for the lines
        there that may hide."""
        first = bisect.bisect_left(self._ends, start)
        last = bisect.bisect_right(self._starts, end)
        flagged = self._pending if self._pending is not None else len(self._starts)
        show: list[tuple[int, int]] = []
        hide: list[tuple[int, int]] = []
        for i in range(first, last):
            should_hide = not carries(self._starts[i], self._ends[i])
            if should_hide and i not in self._hidden:
                self._hidden.add(i)
                if i < flagged:  # a pending line is flagged by `flush`
                    hide.append(self._blocks[i])
            elif not should_hide and i in self._hidden:
                self._hidden.discard(i)
                if i < flagged:
                    show.append(self._blocks[i])
        self._set_blocks(show, visible=True)
        self._set_blocks(hide, visible=False)

    def _find_lines(self, ranges: Sequence[tuple[int, int]]) -> None:
        text, breaks, size = self._text, self._breaks, len(self._text)
        starts: list[int] = []
        ends: list[int] = []
        blocks: list[tuple[int, int]] = []
        newlines, counted = 0, 0  # line breaks in text[:counted]
        for start, end in sorted(ranges):
            if start == 0 or text[start - 1] == "\n":
                line = start
            else:  # the range starts inside a line: that one is not wholly inside it
                line = text.find("\n", start) + 1
                if line == 0:
                    continue
            if starts and line <= starts[-1]:
                line = ends[-1] + 1  # ranges overlap: go on after the lines found already
            newlines += text.count("\n", counted, line)
            counted = line
            last = min(end, size)
            while line <= last:
                stop = text.find("\n", line, end + 1)
                if stop < 0:
                    if end < size:
                        break  # the line runs on past the range
                    stop = size  # the last line, without a line break
                number, count = newlines, 1
                if breaks:  # a long line shows as several blocks
                    before = bisect.bisect_right(breaks, line)
                    number += before
                    count += bisect.bisect_left(breaks, stop) - before
                starts.append(line)
                ends.append(stop)
                blocks.append((number, count))
                line = counted = stop + 1
                newlines += 1
        self._starts, self._ends, self._blocks = starts, ends, blocks

    def _set_blocks(
        self, spans: list[tuple[int, int]], *, visible: bool, dirty: bool = True
    ) -> None:
        """Show or hide each run of blocks (first block number, count); with `dirty`, have Qt
        lay out again those it may have laid out."""
        if not spans:
            return
        document = self._document
        marked: list[QTextBlock] = []
        for number, count in _runs(spans):
            block = document.findBlockByNumber(number)
            for _ in range(count):
                # A block being shown was skipped by the layout: mark it, in case the layout
                # has passed it. One being hidden needs marking only if it was laid out.
                if dirty and (visible or block.layout().lineCount() > 0):
                    marked.append(block)
                block.setVisible(visible)
                block = block.next()
        stretches = _stretches(marked)
        if len(stretches) > MAX_DIRTY_STRETCHES:
            # Lay everything out again, lazily: the first screen now, the rest as Qt idles.
            document.setPageSize(document.pageSize())
            return
        for position, length in stretches:
            document.markContentsDirty(position, length)


def _runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbouring (first block, count) spans joined, so each run is found once."""
    runs: list[tuple[int, int]] = []
    for number, count in sorted(spans):
        if runs and runs[-1][0] + runs[-1][1] == number:
            runs[-1] = (runs[-1][0], runs[-1][1] + count)
        else:
            runs.append((number, count))
    return runs


def _stretches(blocks: list[QTextBlock]) -> list[tuple[int, int]]:
    """(position, length) of each run of neighbouring blocks, in document order."""
    runs: list[tuple[int, int]] = []
    for block in blocks:
        position, length = block.position(), block.length()
        if runs and runs[-1][0] + runs[-1][1] == position:
            runs[-1] = (runs[-1][0], runs[-1][1] + length)
        else:
            runs.append((position, length))
    return runs
