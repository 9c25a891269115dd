"""Cutting a long text into parts that Qt can lay out whole.

Qt keeps layout coordinates in fixed point, and a `QTextDocument` taller than 2^23 device units
(about 1,150 A4 pages at the PDF writer's 720 dpi, measured with Qt 6.11) silently stops laying
out its blocks: they have no lines, so nothing after them is drawn, and nothing says so. A long
body is therefore typeset as consecutive parts, each far inside that range, which the paginator
places one after another exactly as it would place one tall text; page breaks, page numbers,
highlights and notes follow the parts without knowing they are there.

Parts end at a paragraph break (the newline belongs to neither part, as it separates two blocks
in one document too). Only a single paragraph longer than half a part is cut inside, after a
blank, where its next part starts on a new line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotebook.domain import FormatSpan

CHUNK_CHARS = 200_000  # characters per part: ~90 pages of ordinary text
CHUNK_BLOCKS = (
    6_000  # paragraphs per part: short lines (a list, a transcript) are tall per character
)
# What Qt lays out, and the height a part must stay under (checked after layout; a part that
# comes out taller is cut in two and laid out again).
QT_LAYOUT_LIMIT = 2**23
SAFE_HEIGHT = QT_LAYOUT_LIMIT // 2

_BLANK = re.compile(r"\s")


def chunk_ranges(
    text: str, limit: int = CHUNK_CHARS, blocks: int = CHUNK_BLOCKS
) -> list[tuple[int, int]]:
    """Code-point ranges [start, end) of `text`, in order, that together hold every character
    except the newlines between them."""
    ranges: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while True:
        stop = min(size, start + limit)
        nth = _nth_newline(text, start, stop, blocks)
        if nth is not None:
            ranges.append((start, nth))
            start = nth + 1
            continue
        if stop == size:
            break
        cut = text.rfind("\n", start + limit // 2, stop)
        if cut >= 0:
            ranges.append((start, cut))
            start = cut + 1
            continue
        ranges.append((start, _inside_paragraph(text, start + limit // 2, stop)))
        start = ranges[-1][1]
    ranges.append((start, size))
    return ranges


def split_range(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A part that came out too tall, cut near its middle (see `chunk_ranges`)."""
    middle = (start + end) // 2
    cut = text.rfind("\n", start, middle + 1)
    if cut < 0:
        cut = text.find("\n", middle, end)
    if cut > start:
        return [(start, cut), (cut + 1, end)]
    at = _inside_paragraph(text, start + (end - start) // 4, middle + 1)
    return [(start, at), (at, end)]


def _nth_newline(text: str, start: int, stop: int, n: int) -> int | None:
    """The position of the `n`-th newline in text[start:stop], or None if there are fewer
    (a part ending there holds `n` paragraphs)."""
    if text.count("\n", start, stop) < n:
        return None
    at = start - 1
    for _ in range(n):
        at = text.find("\n", at + 1, stop)
    return at


def _inside_paragraph(text: str, low: int, stop: int) -> int:
    """Where to cut a paragraph that has no newline in [low, stop): just after its last blank
    there, or at `stop` for a text with no blanks at all."""
    for at in range(stop - 1, low - 1, -1):
        if _BLANK.match(text, at):
            return at + 1
    return stop


def clip_spans(spans: Sequence[FormatSpan], start: int, end: int) -> list[FormatSpan]:
    """The formatting that falls inside [start, end), moved to offsets inside that part."""
    return [
        FormatSpan(max(s.start, start) - start, min(s.end, end) - start, s.kind, s.value)
        for s in spans
        if s.start < end and s.end > start
    ]
