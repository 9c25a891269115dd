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
(each line is a call into Qt), so its part past the first screens can be left `pending`: its
lines are found, decided and flagged a batch at a time after the first paint (`flush`), each
block checked against the layout as above.
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
        # The verdict's ranges (or what is left of them) whose lines are still to be found,
        # and where the search stands: line breaks before `_counted`.
        self._pending: list[tuple[int, int]] = []
        self._newlines = self._counted = 0

    @property
    def count(self) -> int:
        """How many lines are hidden (of those decided: see `pending`)."""
        return len(self._hidden)

    @property
    def pending(self) -> bool:
        """Whether part of the verdict waits for `flush`."""
        return bool(self._pending)

    def reset(self, text: str = "", breaks: Sequence[int] = ()) -> None:
        """The document now shows `text` (cut at `breaks`): every block shows, none may hide."""
        self._text, self._breaks = text, breaks
        self._starts, self._ends, self._blocks, self._hidden = [], [], [], set()
        self._pending, self._newlines, self._counted = [], 0, 0

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
        `now_until`, only lines starting before that offset are dealt with now; the rest of
        the verdict waits for `flush`.
        """
        before = [self._blocks[i] for i in sorted(self._hidden)]
        self._starts, self._ends, self._blocks, self._hidden = [], [], [], set()
        self._pending, self._newlines, self._counted = sorted(ranges), 0, 0
        hide = self._take(carries, until=now_until)
        self._hidden = set(hide)
        after = [self._blocks[i] for i in hide]  # in document order
        if before:
            kept = set(before) & set(after)
            self._set_blocks([b for b in before if b not in kept], visible=True, dirty=laid_out)
            after = [b for b in after if b not in kept]
        self._set_blocks(after, visible=False, dirty=laid_out)
        return len(self._hidden)

    def flush(self, carries: Carries, most: int | None = None) -> bool:
        """Deal with the pending part of the verdict, at most `most` lines of it (None: all);
        whether some is left. Qt may have laid some of those lines out meanwhile: they are
        marked dirty."""
        if not self._pending:
            return False
        hide = self._take(carries, most=most)
        self._hidden.update(hide)
        self._set_blocks([self._blocks[i] for i in hide], visible=False)
        return bool(self._pending)

    def refresh(self, start: int, end: int, carries: Carries) -> None:
        """Highlights changed somewhere in code points [start, end]: decide again for the lines
        there that may hide. (Pending lines are decided when they are found.)"""
        first = bisect.bisect_left(self._ends, start)
        last = bisect.bisect_right(self._starts, end)
        show: list[tuple[int, int]] = []
        hide: list[tuple[int, int]] = []
        for i in range(first, last):
            should_hide = not carries(self._starts[i], self._ends[i])
            if should_hide and i not in self._hidden:
                self._hidden.add(i)
                hide.append(self._blocks[i])
            elif not should_hide and i in self._hidden:
                self._hidden.discard(i)
                show.append(self._blocks[i])
        self._set_blocks(show, visible=True)
        self._set_blocks(hide, visible=False)

    def _take(
        self, carries: Carries, *, until: int | None = None, most: int | None = None
    ) -> list[int]:
        """Find the lines of the pending ranges, in order, up to a line starting at `until` or
        `most` lines; returns the indexes of those that hide. What is left stays pending."""
        text, breaks, size = self._text, self._breaks, len(self._text)
        starts, ends, blocks = self._starts, self._ends, self._blocks
        found = len(starts)
        hide: list[int] = []
        while self._pending:
            start, end = self._pending[0]
            if start == 0 or text[start - 1] == "\n":
                line = start
            else:  # the range starts inside a line: that one is not wholly inside it
                line = text.find("\n", start) + 1
                if line == 0:
                    self._pending.pop(0)
                    continue
            if starts and line <= starts[-1]:
                line = ends[-1] + 1  # ranges overlap: go on after the lines found already
            self._newlines += text.count("\n", self._counted, line)
            self._counted = line
            # Inside [start, end): a line starting before `end` whose line break is at `end` at
            # the latest. An empty line right at `end` is the paragraph break a verdict keeps.
            last = min(end, size)
            while line < last:
                if (until is not None and line >= until) or (
                    most is not None and len(starts) - found >= most
                ):
                    self._pending[0] = (line, end)  # the rest of this range waits
                    return hide
                stop = text.find("\n", line, end + 1)
                if stop < 0:
                    if end < size:
                        break  # the line runs on past the range
                    stop = size  # the last line, without a line break
                number, count = self._newlines, 1
                if breaks:  # a long line shows as several blocks
                    cuts_before = bisect.bisect_right(breaks, line)
                    number += cuts_before
                    count += bisect.bisect_left(breaks, stop) - cuts_before
                if not carries(line, stop):
                    hide.append(len(starts))
                starts.append(line)
                ends.append(stop)
                blocks.append((number, count))
                line = self._counted = stop + 1
                self._newlines += 1
            self._pending.pop(0)
        return hide

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
