"""Which lines of a text the PDF leaves out by default: what the reader view hides, and a first
line that only repeats the title printed above it.

The reader view (`quotebook.reader_view.rules`) judges a web page's furniture, its menus,
teasers and "Video of the day", as code-point ranges; the viewer hides the lines lying wholly
inside them, except a line that carries an annotation. The PDF follows the same rule with the
same verdict (the library keeps it per document), so what a reader sees in the app is what
prints.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

_WORDS = re.compile(r"\w+")


def hidden_lines(
    text: str, ranges: Iterable[tuple[int, int]], marked: Iterable[tuple[int, int]]
) -> list[int]:
    """Code-point offsets of the starts of the lines to leave out, in order.

    A line is left out when it lies wholly inside one of `ranges` (its newline included) and
    no range in `marked` (the annotations) touches it.
    """
    guard = _Marked(marked)
    starts: list[int] = []
    size = len(text)
    for low, high in ranges:
        low, high = max(0, low), min(size, high)
        pos = low
        if low > 0 and text[low - 1] != "\n":  # starts inside a line: from the next one
            pos = text.find("\n", low) + 1 or size + 1
        while pos <= high:
            end = text.find("\n", pos)
            end = size if end < 0 else end
            if end > high:
                break
            if not guard.touches(pos, end):
                starts.append(pos)
            if end >= size:
                break
            pos = end + 1
    return sorted(set(starts))


def repeated_title(
    text: str,
    title: str,
    hidden: Iterable[int] = (),
    marked: Iterable[tuple[int, int]] = (),
    scan: int = 200,
) -> list[int]:
    """The starts of the first shown line, when it says just the title (which the PDF's
    header prints), and of the blank lines after it; [] otherwise. Lines in `hidden` are not
    shown; an annotated title line stays."""
    skip = set(hidden)
    key = _key(title)
    pos, size = 0, len(text)
    for _ in range(scan):
        end = text.find("\n", pos)
        end = size if end < 0 else end
        line = text[pos:end]
        if pos not in skip and line.strip():
            if not key or _key(line) != key or _Marked(marked).touches(pos, end):
                return []
            starts = [pos]
            while end < size:
                pos = end + 1
                end = text.find("\n", pos)
                end = size if end < 0 else end
                if text[pos:end].strip():
                    break
                starts.append(pos)
            return starts
        if end >= size:
            return []
        pos = end + 1
    return []


def _key(line: str) -> list[str]:
    return _WORDS.findall(line.casefold())


class _Marked:
    """Annotated ranges merged, for asking whether a line touches any of them."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def touches(self, start: int, end: int) -> bool:
        """Whether a marked range [a, b] has a <= end and b >= start (as the viewer asks)."""
        i = bisect.bisect_right(self._starts, end) - 1
        return i >= 0 and self._ends[i] >= start


def local_starts(starts: Sequence[int], low: int, high: int) -> list[int]:
    """The starts in [low, high), as offsets into that part."""
    first = bisect.bisect_left(starts, low)
    last = bisect.bisect_left(starts, high)
    return [s - low for s in starts[first:last]]
