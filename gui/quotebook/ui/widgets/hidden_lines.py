"""Reader view: hide the lines of site chrome in web text without touching the text.

Hidden lines are whole blocks of the viewer's document made invisible, so every character keeps
its position and annotations stay anchored. A line that carries an annotation is never hidden.

The cost follows the change, not the document. The blocks that may hide are found once per
verdict, by walking only the ranges the verdict names; after that a highlight added or removed
re-decides just the blocks it touches. A block Qt has not laid out yet (it lays a document out
lazily, top to bottom) is only flagged: the layout honours the flag when it gets there. One it
has laid out is marked dirty on its own, because marking the whole document dirty makes Qt lay
all of it out again at once (~0.3 s a megabyte).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtGui import QTextBlock, QTextDocument

from quotebook.anchoring import Utf16Map

# Whether a highlight touches the Qt positions [start, end] (both included: a block's last
# position is its paragraph separator).
Carries = Callable[[int, int], bool]

# Past this many separate stretches of blocks changing at once, the whole document is laid out
# again lazily instead: each stretch marked dirty makes Qt re-place every block after it.
MAX_DIRTY_STRETCHES = 16


class HiddenLines:
    """Which blocks of one `QTextDocument` the reader view hides."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._starts: list[int] = []  # Qt positions of the blocks that may hide, ascending
        self._ends: list[int] = []  # the position of each one's paragraph separator
        self._hidden: set[int] = set()  # starts of the blocks hidden now

    @property
    def count(self) -> int:
        """How many blocks are hidden."""
        return len(self._hidden)

    def clear(self) -> None:
        """The document's text was replaced: Qt shows every block, and none may hide."""
        self._starts, self._ends, self._hidden = [], [], set()

    def set_ranges(
        self, mapping: Utf16Map, ranges: Sequence[tuple[int, int]], carries: Carries
    ) -> int:
        """Hide the blocks lying wholly inside `ranges` (code points) that carry no highlight,
        and show again those hidden before that no longer should be; returns how many hide."""
        starts: list[int] = []
        ends: list[int] = []
        document = self._document
        for start, end in sorted(ranges):
            low, high = mapping.to_utf16(start), mapping.to_utf16(end)
            block = document.findBlock(low)
            while block.isValid() and block.position() < high:
                position = block.position()
                last = position + block.length() - 1
                if position >= low and last <= high and (not starts or position > starts[-1]):
                    starts.append(position)
                    ends.append(last)
                block = block.next()
        self._starts, self._ends = starts, ends
        wanted = {s for s, e in zip(starts, ends, strict=True) if not carries(s, e)}
        self._change(self._hidden - wanted, wanted - self._hidden)
        return len(self._hidden)

    def refresh(self, start: int, end: int, carries: Carries) -> None:
        """Highlights changed somewhere in Qt positions [start, end]: decide again for the
        blocks there that may hide."""
        first = bisect.bisect_left(self._ends, start)
        last = bisect.bisect_right(self._starts, end)
        show: set[int] = set()
        hide: set[int] = set()
        for n in range(first, last):
            position = self._starts[n]
            should_hide = not carries(position, self._ends[n])
            if should_hide and position not in self._hidden:
                hide.add(position)
            elif not should_hide and position in self._hidden:
                show.add(position)
        if show or hide:
            self._change(show, hide)

    def _change(self, show: set[int], hide: set[int]) -> None:
        if not show and not hide:
            return
        document = self._document
        dirty: list[QTextBlock] = []
        for position in sorted(show | hide):
            block = document.findBlock(position)
            hiding = position in hide
            # A block being shown was skipped by the layout; mark it, in case the layout has
            # passed it. One being hidden needs marking only if it was laid out.
            if not hiding or block.layout().lineCount() > 0:
                dirty.append(block)
            block.setVisible(not hiding)
        self._hidden = (self._hidden - show) | hide
        stretches = _stretches(dirty)
        if len(stretches) > MAX_DIRTY_STRETCHES:
            # Lay everything out again, lazily: the first screen now, the rest as Qt idles.
            document.setPageSize(document.pageSize())
            return
        for position, length in stretches:
            document.markContentsDirty(position, length)


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
